"""Attributed-statement extraction (who said what): direct quotes, reported speech and mixed forms.

Rules (the `rule` column names them), in the order they claim text:
  1. quotes with an adjacent attribution: '"...," X said' (quote_then_said), '"...," said X'
     (quote_said_name), 'X said: "..."' (said_then_quote), '..., adding, "..."' (participle_quote),
     'X: "..."' (name_colon_quote), '"..." ― X' (quote_dash_name); merged with the fragments that continue
     them (split quotes, and a quote left open at a paragraph end that the next paragraph reopens);
  2. 'X: ...' opening a paragraph (name_colon_line: headlines, transcripts);
  3. per sentence, every reporting cue outside quotes and outside rule-1 attributions: subject + cue +
     complement (speaker_said_that), "Jane Doe, a lawyer, said ..." (speaker_appositive_said),
     "... and said ..." (coordinated_said), "CONTENT, X said." (content_then_said), "A, he said, B"
     (parenthetical_said), "CONTENT, said X." (content_said_name), ", adding that ..." (participle);
     when a sentence has none of these: "according to X" (according_to_first / _middle / _last),
     "... was first reported by X" (passive_by), "it was reported that ..." (passive_it), "reportedly"
     (reportedly); and "when asked whether ..." (asked_passive) in any sentence;
  4. every statement then runs on over a quote it opens and over the bare quotes (no cue of their own)
     that follow it, in the same or the next paragraphs: the same speaker is taken to go on talking.
A split quote yields one statement whose content runs from the first fragment's start to the last
fragment's end (the attribution between them is inside that span). Direct content excludes the quote
marks. Reported speech is "mixed" when it holds a quoted run of three or more words; a shorter scare quote
leaves it "indirect". Cues and speaker words are data: tasks/lexicons/statement_cues.txt and
statement_speakers.txt (see tasks/cues.py and tasks/speakers.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from tasks.statements.cues import cue_lexicon, cue_patterns
from tasks.statements.cues import trie_alternation as _trie_alt
from tasks.statements.speakers import (
    UNRESOLVED,
    Resolver,
    mention_after,
    mention_before,
    speaker_words,
)


@dataclass(frozen=True)
class Statement:
    """One attributed statement; every span is a [start, end) offset into the article body."""

    speaker: str
    speaker_canonical: str | None
    speaker_type: str
    cue: str
    content: str
    kind: str
    content_start: int
    content_end: int
    fragments: tuple[tuple[int, int], ...]
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    rule: str


@dataclass
class _Raw:
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    rule: str
    direct: bool = False


_PARA = re.compile(r"[^\n]+")
_QCHAR = re.compile(r"“|”|\"|''|``")
_OPENERS = frozenset(["“", "``"])
_CLOSERS = frozenset(["”"])
_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr inc corp co ltd no vs jan feb mar apr jun jul aug "
    "sep sept oct nov dec prof rev adm det supt ft mt u.s u.n d.c a.m p.m e.g i.e etc u.k".split()
)
# Possessive quantifiers: a run of dots with no space after it must fail in linear time.
_SENT_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"”’')]*+\s+(?=[\"“‘'(]?[A-Z0-9])")
_WORD = re.compile(r"[\w][\w'’-]*")
_EDGE = " \t\n,;:.—–-"
_TELL = frozenset("tell assure inform remind warn urge ask advise brief".split())
_PBY_AUX = re.compile(
    r"(?<![\w-])(?:(?:is|was|were|are|has been|have been|had been)\s+)?(?:(?:first|originally|also)\s+)?$"
)
_LEAD = re.compile(
    r"[\s,:]*(?:(?:on|last|this|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|afternoon|evening|today|yesterday)\b\s*(?:morning|afternoon|evening|night)?\s*)?"
    r"[\s,]*(?:that\b)?\s*"
)
# What may follow the speaker of an inverted cue: the sentence end, an appositive, a time or place adverbial.
_CLAUSE_END = re.compile(r"\s*(?:[.!?;,:—–)\"”]|$|(?:on|in|at|during|after|before|when|while|who|via|of|from)\b)")
_SO_CALLED = re.compile(r"(?<![\w])[Ss]o[- ]$|(?<![\w])self-$")
_CONTRACTION = re.compile(r"(?<=\w)(['’](?:s|ve|d|re|ll|m))\s+$")
# Adverbials between a subject and its cue: "Gov. Jane Doe on Thursday said", "The agency, meanwhile, said".
_INTERPOSED = re.compile(
    r"(?:\s*,\s*(?:meanwhile|however|though|too|in turn|for (?:his|her|their|its) part|in a statement|"
    r"in an interview|on \w+day|last week|this week)\s*,|"
    r"\s+(?:on|last|this|earlier|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|night|morning|afternoon|evening)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|meanwhile))\s*$"
)
_INTERPOSED_LAST = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday week month year night morning afternoon evening "
    "yesterday today recently meanwhile however though too turn part statement interview".split()
)
_WHO = re.compile(r"(?<![\w])who\s*$")
_LY_BEFORE = re.compile(r"(?<![\w'’-])([a-z]{2,}ly)\s+$")
_AUX_BEFORE = re.compile(
    r"(?<![\w'’-])(has|have|had|is|are|was|were|will|would|could|can|may|might|should|did|does|do|also|not)\s+$"
)
_AFFILIATION = re.compile(r"\s*\([^()]{1,25}\)\s*$|,\s*[RDI]-[A-Z][\w.]{1,12},?\s*$")
# What may follow an attribution cue to close it: punctuation, a time or place adverbial, an object of "told".
_ATT_END = re.compile(
    r"(?:\s+(?:on|in|at|during|to|of|about|after|before|from|via|with|while|last|this|earlier|later|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently)\b[^.!?;,\"“”]{0,80})?"
    r"(?:\s+[\w'’.-]+){0,3}?\s*(?:[.,;:!?\"“”—]|$)"
)
# What may sit between an attribution and the next fragment of the same quote ('she said, "...').
# A period inside the gap is allowed when it is not a sentence end ("a D.C.-based strategist").
_LOOSE_GAP = re.compile(r"(?:[^.!?\"“”]|\.(?![\s\"“”])){0,120}?[,.:;!?]?\s*")
# After a clause-closing cue: an optional adverbial, then the sentence end or a comma and the next word.
_AFTER_CUE = re.compile(
    r"(?:\s+(?:on|in|at|during|earlier|later|last|this|to|of|about|from|via|while|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently)\b"
    r"(?:\s+(?!that\b)[\w'’.-]+){0,5})?"
    r"\s*(?:[.!?;][\"”’')]*\s*$|$|(?P<comma>,)\s*(?P<next>[\w'’]+)?)"
)
# After "CONTENT, X said," these words start an appended phrase (the content ends before X); any other
# word continues the reported sentence ("A, he said, because B": the content is the whole sentence).
_APPOSITIVE_STARTS = frozenset(
    "who which adding saying noting citing according referring calling explaining arguing insisting "
    "warning also in at on during compared".split()
)
_NAME_TOKENS = r"(?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*"
# A name and a colon right before a quote mark, or opening a paragraph (after an optional quote mark).
_NAME_COLON_END = re.compile(rf"(?:^|(?<=[\s.!?\"”]))(?P<name>{_NAME_TOKENS})(?P<colon>:)\s*$")
_NAME_COLON_START = re.compile(rf"[\"“]?(?P<name>{_NAME_TOKENS})(?P<colon>:)\s+(?=\S)")
_CLAUSE_BREAK = re.compile(r"(?:[,;:—–][\"”’']?|\b(?:and|but|while|whereas|although|though)\b)\s*(?:\w+\s*){0,1}$")
_AND_BEFORE = re.compile(r"(?:\band|\bbut),?\s+$")
_ATT_GAP = re.compile(r"[\s,'’]*")
_TITLE_WORDS = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
# A share of a group as the speaker of a poll finding.
_SHARE = re.compile(
    r"(?<![\w,.])(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Aa]t least|[Mm]ore than|[Ff]ewer than|[Oo]nly|"
    r"[Jj]ust(?: over| under)?|[Oo]ver|[Uu]nder)\s+)?"
    r"(?:(?:\d[\d,.]*\s*(?:%|percent)|[Hh]alf|[Aa] third|[Aa] quarter|[Aa] fifth|[Tt]wo-thirds|[Oo]ne-third|"
    r"[Tt]hree-quarters|[Oo]ne-quarter|[Aa] majority|[Mm]ajorities|[Mm]ost)"
    r"|(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)\s+in\s+(?:\d+|ten|five|four|three))"
    r"(?:,\s*\d[\d,.]*\s*(?:%|percent),)?"
    r"(?:\s+in\s+all\s+\w+)?(?:\s+of\s+(?:the\s+|those\s+)?(?:[A-Z][\w-]*|[\w-]+s)(?:\s+[\w-]+){0,3})?(?=\s*$)"
)
# A that-clause or a quote within a few words after a cue ("telling reporters that", "adding, \"").
_THAT_OR_QUOTE = re.compile(r"(?:\s+[\w'’.-]+){0,6}?[\s,:]*(?:that\b|[\"“]|'')")
_NEXT_WORD = re.compile(r"\s+(\w+)")
# The words of a verb's object up to the first clause opener or punctuation ("the council on Monday for").
_OBJECT_WORDS = re.compile(
    r"(?:\s+(?!(?:that|whether|if|why|how|what|who|whom|when|where|which|to)\b)[\w'’.-]+){1,8}"
)
_PERMISSION = frozenset(("can", "may"))
_PRONOUNS = frozenset("he she they it we i who".split())
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}\s*[—–-]+\s*")
_WORDISH = re.compile(r"[\w'’-]")
_ASK_PREFIX = re.compile(r"(?<![\w-])(?:[Ww]hen|[Aa]fter being|[Bb]eing|[Ii]f)\s+$")
# Between a statement and a bare quote that continues it: the sentence end, closing marks, whitespace.
_QUOTE_GAP = re.compile(r"[\s.,;:!?\"”’')]*")
# How many later cues of a sentence may end the content of the current one (bounds the work per cue).
_LOOKAHEAD_CUES = 6
_DASH_NAME = re.compile(r"[ \t\xa0]*(?P<dash>[―—–]|--)[ \t\xa0]*")
_SIGN_END = re.compile(r"[ \t\xa0.,]*(?:\n|$|\(|,)")
_LEAD_WORDS = frozenset("the a an this that these those his her their its our my many some so such".split())
_PREPOSITIONS = frozenset("of in on for about with by from to at against over under into".split())
_AFFILIATION_AFTER = re.compile(r"\s*\([^()]{1,25}\)")
_SHARE_HINT = re.compile(r"\d|percent|[Hh]alf|[Mm]ajorit|[Mm]ost|third|quarter|fifth| in (?:ten|five|four|three)")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text)]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, not after abbreviations or initials."""
    out = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        dot = m.start()
        before = text[max(start, dot - 12) : dot].rsplit(None, 1)
        word = before[-1] if before else ""
        wl = word.lower().lstrip("(\"“")
        if text[dot] == "." and (wl in _ABBREV or (len(wl) == 1 and wl.isalpha())):
            continue
        out.append((cur, m.end()))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    return out


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Quoted spans of one paragraph as (open-mark start, close-mark end, closed?)."""
    out = []
    open_at: int | None = None
    for m in _QCHAR.finditer(text, start, end):
        ch = m.group()
        if open_at is None:
            if ch in _CLOSERS:
                continue
            if ch in ('"', "''"):
                prev = text[m.start() - 1] if m.start() > start else " "
                if prev.isalnum() and ch == "''":
                    continue  # an apostrophe pair inside a word
            open_at = m.start()
        else:
            if ch in _OPENERS:
                continue
            out.append((open_at, m.end(), True))
            open_at = None
    if open_at is not None:
        out.append((open_at, end, False))
    return out


def _inner(text: str, qs: int, qe: int, closed: bool) -> tuple[int, int]:
    """The quoted words without the marks and the punctuation that sits inside them."""
    s = qs + (2 if text.startswith(("''", "``"), qs) else 1)
    e = qe
    if closed:
        e -= 2 if text.startswith("''", qe - 2) else 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " ,\t":
        e -= 1
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE + "!?":
        e -= 1
    # A trailing closing mark is kept only when the content also holds its opening mark.
    if e > s and text[e - 1] in "”\"" and not any(q in text[s : e - 1] for q in ("“", '"')):
        e -= 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
    return s, e


def _n_words(text: str, s: int, e: int, cap: int = 8) -> int:
    """Words in text[s:e], counted up to `cap` (callers only compare with small numbers; the cap keeps a
    huge unpunctuated paragraph linear)."""
    n = 0
    for _ in _WORD.finditer(text, s, e):
        n += 1
        if n >= cap:
            break
    return n


_MODALS = frozenset("will would could can may might should must did does do shall".split())


@cache
def _ly_not_adverbs() -> frozenset[str]:
    return frozenset(cue_lexicon().ly_not_adverbs)


def _aux_kind(word: str) -> str | None:
    """be | have | modal for an auxiliary (negated or contracted forms included), else None."""
    w = word.lower().replace("’", "'")
    if w.endswith("n't"):
        w = {"ca": "can", "wo": "will", "sha": "shall"}.get(w[:-3], w[:-3])
    if w in ("is", "are", "was", "were", "been", "'s", "'re", "am", "'m"):
        return "be"
    if w in ("has", "have", "had", "'ve", "'d"):
        return "have"
    if w in _MODALS or w == "'ll":
        return "modal"
    return None


def _cue_start(m: re.Match[str], text: str) -> int:
    """Start of the cue: its listed auxiliaries/adverbs, then any unlisted -ly adverbs before them
    ("Maduro routinely accuses", "has flatly and publicly denied" stops at "and")."""
    start = m.start("pre") if m.group("pre") else m.start("verb")
    not_adverbs = _ly_not_adverbs()
    for _ in range(2):
        # Cheap test first: the word before must end in "ly".
        ly = _LY_BEFORE.search(text, max(0, start - 24), start) if text[start - 3 : start - 1] == "ly" else None
        if not ly or ly.group(1) in not_adverbs:
            break
        start = ly.start(1)
        aux = _AUX_BEFORE.search(text, max(0, start - 14), start)
        if aux:
            start = aux.start(1)
    return start


def _cue_ok(m: re.Match[str], text: str, contraction: str | None = None) -> bool:
    """Check the auxiliary + verb-form combination; a passive ("was told") is not an active cue."""
    kind = cue_lexicon().forms[m.group("verb")]
    auxes = [a for a in (_aux_kind(w) for w in text[_cue_start(m, text) : m.start("verb")].split()) if a]
    if not auxes and contraction:
        # "he's saying" (be) or "he's said" (has): the verb form decides.
        aux = _aux_kind(contraction)
        if contraction.replace("’", "'") in ("'s", "'d"):
            return kind in ("ing", "past")
        auxes = [aux] if aux else []
    last = auxes[-1] if auxes else None
    if last is None:
        return kind in ("s", "past", "base")
    if last == "be":
        return kind == "ing"
    if last == "have":
        return kind == "past"
    return kind == "base"


def _cue_span(m: re.Match[str], text: str) -> tuple[int, int]:
    lex = cue_lexicon()
    start = _cue_start(m, text)
    end = m.end("verb")
    particle = m.group("particle")
    if particle and particle.strip() in lex.phrasal.get(lex.base_of[m.group("verb")], ()):
        end = m.end("particle")
        if m.group("tail"):
            end = m.end("tail")
    elif not particle and m.group("tail"):
        end = m.end("tail")
    return start, end


def qs_end_inner(text: str, qe: int) -> int:
    """Index of the last character inside a closed quote ending at qe (before its closing mark)."""
    i = qe - (2 if text.startswith("''", qe - 2) else 1) - 1
    while i > 0 and text[i] in " '’":
        i -= 1
    return max(i, 0)


def _before_affiliation(text: str, end: int, floor: int) -> int:
    """Move a subject end before a party affiliation: 'Sen. Jane Doe (D-Ohio) said'."""
    tail = text[max(floor, end - 3) : end].rstrip()
    m = _AFFILIATION.search(text, max(floor, end - 30), end) if tail.endswith((")", ".,", ",", ".")) else None
    return m.start() if m else end


def _is_document(text: str, spk: tuple[int, int], anywhere: bool = False) -> bool:
    """Whether a speaker mention is a document or poll ("the survey", "campaign finance records"); with
    `anywhere`, any of its words may be the document ("the average of polls taken ...")."""
    words = text[spk[0] : spk[1]].lower().split()
    heads = speaker_words().document_heads
    return any(w.strip(",.’'s") in heads or w in heads for w in words) if anywhere else words[-1] in heads


def _is_time_head(text: str, spk: tuple[int, int]) -> bool:
    return text[spk[0] : spk[1]].split()[-1] in speaker_words().time_words


@cache
def _rare_patterns() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    """Text-wide patterns for the rare cues ("according to X", "reportedly", "reported by X", "it was said",
    "when asked whether"), each with substrings that must occur for it to match: a str.find over the text
    costs far less than a regex scan, and most articles have none of these."""
    entries = cue_lexicon().according
    according = _trie_alt(list(entries) + [e[:1].upper() + e[1:] for e in entries])
    passive_verbs = ("reported", "revealed", "disclosed", "announced", "confirmed", "obtained", "published")
    return [
        ("acc", tuple(max(e.split(), key=len)[1:] for e in entries),
         re.compile(rf"(?:{according})(?![\w'’-])")),
        ("rep", ("reportedly", "allegedly"), re.compile(r"(?:reportedly|allegedly)\b")),
        ("pby", tuple(f"{v} by" for v in passive_verbs),
         re.compile(rf"(?P<pby>(?:{'|'.join(passive_verbs)})\s+by)\s+")),
        ("pit", ("t is ", "t was ", "t has been", "t had been", "t will be"),
         re.compile(
             r"[Ii]t\s+(?P<pitcue>(?:is|was|has\s+been|had\s+been|will\s+be)\s+"
             r"(?:widely\s+|also\s+|now\s+)?(?:reported|said|announced|alleged|claimed|rumou?red|revealed|"
             r"disclosed|confirmed))\s+(?:that\s+)?"
         )),
        ("ask", ("sked",),
         re.compile(
             r"(?P<askcue>[Aa]sked)(?:\s+by\s+(?P<agent>[^,.;:]{1,60}?))?"
             r"\s+(?=(?:about|whether|if|what|why|how|which|who|where|when)\b)"
         )),
    ]


def _is_label(name: str) -> bool:
    """Whether "Name:" is a label ("Update:", "The Latest:") rather than a speaker."""
    labels = speaker_words().colon_labels
    return name.lower() in labels or name.split()[-1].lower() in labels


def _covered(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of span a that span b covers."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / max(1, a[1] - a[0])


class _Spans:
    """Disjoint [start, end) spans with a bisect membership test (merged when they overlap)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pat = cue_patterns()
        self.lex = cue_lexicon()
        self.paras = _paragraphs(text)
        self.quotes: list[tuple[int, int, bool, int]] = []  # (qs, qe, closed, paragraph index)
        for i, (ps, pe) in enumerate(self.paras):
            self.quotes.extend((qs, qe, c, i) for qs, qe, c in _quotes(text, ps, pe))
        self.in_quotes = _Spans([(q[0], q[1]) for q in self.quotes])
        self._quote_starts = [q[0] for q in self.quotes]
        self.sents = [_sentences(text, ps, pe) for ps, pe in self.paras]
        self._para_starts = [ps for ps, _ in self.paras]
        self.in_claimed = _Spans([])
        # Rare cues are searched once over the whole text, then looked up per sentence.
        found: dict[str, list[re.Match[str]]] = {"acc": [], "rep": [], "pby": [], "pit": [], "ask": []}
        for name, needles, pattern in _rare_patterns():
            if any(n in text for n in needles):
                found[name] = [
                    m for m in pattern.finditer(text) if m.start() == 0 or not _WORDISH.match(text, m.start() - 1)
                ]
        self.according_at, self.reportedly_at = found["acc"], found["rep"]
        self.passive_by_at, self.passive_at = found["pby"], found["pit"]
        self.asked_at = found["ask"]
        self.raws: list[_Raw] = []
        self.claimed: list[tuple[int, int]] = []  # attribution spans of direct statements

    @staticmethod
    def _first(matches: list[re.Match[str]], ss: int, se: int) -> re.Match[str] | None:
        """The first of a text-wide list of matches that starts inside [ss, se)."""
        i = bisect.bisect_left([m.start() for m in matches], ss) if len(matches) > 8 else 0
        for m in matches[i:]:
            if m.start() >= se:
                return None
            if m.start() >= ss and m.end() <= se:
                return m
        return None

    def _holds_partial_quote(self, cs: int, ce: int) -> bool:
        """Whether [cs, ce) holds a quoted run of three or more words: reported speech with a partial quote
        is "mixed"; a one- or two-word scare quote ('by "political opposition"') leaves it "indirect"."""
        i = bisect.bisect_left(self._quote_starts, cs)
        while i < len(self.quotes) and self.quotes[i][0] < ce:
            qs, qe, closed, _ = self.quotes[i]
            s, e = _inner(self.text, qs, qe, closed)
            if _n_words(self.text, s, min(e, ce)) >= 3:
                return True
            i += 1
        return False

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self._para_starts, pos) - 1

    # ------------------------------------------------------------------ rule 1: direct quotes
    def _attribution_after(self, qe: int, pe: int) -> tuple[tuple[int, int], tuple[int, int], str, int] | None:
        text = self.text
        window_end = min(pe, qe + 160)
        gap = _ATT_GAP.match(text, qe, window_end)
        pos = gap.end() if gap else qe
        m = self.pat.verb_phrase.match(text, pos, window_end)
        if m and not m.group("pre") and self.lex.forms[m.group("verb")] in ("s", "past"):
            cue = _cue_span(m, text)
            spk = mention_after(text, cue[1], pe)
            if spk and text[cue[1]:spk[0]].strip() == "":
                return spk, cue, "quote_said_name", max(cue[1], spk[1])
        dash = _DASH_NAME.match(text, qe, window_end)
        if dash:
            # '"..." ― Jane Doe': an epigraph or testimonial signed with a dash and a name.
            spk = mention_after(text, dash.end(), pe)
            if spk is not None and text[spk[0]].isupper() and _SIGN_END.match(text, spk[1], pe):
                return spk, (dash.start("dash"), dash.end("dash")), "quote_dash_name", spk[1]
        sentence_closed = text[qs_end_inner(text, qe)] in ".!?"
        short = _n_words(text, *_inner(text, self._quote_open_before(qe), qe, True)) < 4
        for m in self.pat.verb_phrase.finditer(text, pos, window_end):
            if not _cue_ok(m, text) or text[m.start("verb")].isupper():
                continue  # a title-case verb belongs to a headline, not to an attribution
            cue = _cue_span(m, text)
            subj_end = _before_affiliation(text, cue[0], pos)
            spk = mention_before(text, subj_end, qe)
            if spk is None or text[pos : spk[0]].strip(" ,"):
                spk = self._appositive_subject(subj_end, pos)
            if spk is not None and not text[pos : spk[0]].strip(" ,"):
                if (sentence_closed or short) and not _ATT_END.match(text, cue[1], pe):
                    # '"... ." Jane Doe called the plan ...' is a new sentence, and '"Meet the Press," Jane
                    # Doe said the plan ...' names a show: the cue reports its own clause, not the quote.
                    return None
                return spk, cue, "quote_then_said", cue[1]
            break
        return None

    def _quote_open_before(self, qe: int) -> int:
        """Start of the quote that closes at qe."""
        i = bisect.bisect_left(self._quote_starts, qe) - 1
        return self.quotes[i][0] if i >= 0 else 0

    def _appositive_subject(self, cue_start: int, floor: int) -> tuple[int, int] | None:
        """'Jane Doe, a spokeswoman for the agency, said': the mention right after `floor`, then appositives."""
        return self._leading_mention(floor, cue_start, opener=False)

    def _appositive_subject_clause(self, ss: int, cue_start: int) -> tuple[int, int] | None:
        """'Jane Doe, a former governor of Ohio, said ...': the mention opening the sentence, then commas."""
        return self._leading_mention(ss, cue_start, opener=True)

    def _leading_mention(self, start: int, cue_start: int, opener: bool) -> tuple[int, int] | None:
        """The mention at `start` (past openers when `opener`), followed by appositives up to the cue."""
        text = self.text
        if not text[start:cue_start].rstrip().endswith(","):
            return None
        if opener:
            spk = self._subject_at(start, cue_start)
        else:
            first = _WORD.search(text, start, cue_start)
            spk = mention_after(text, first.start(), cue_start) if first else None
            if spk is not None and text[start : spk[0]].strip(" ,"):
                return None
        if spk is None:
            return None
        after = _AFFILIATION_AFTER.match(text, spk[1], cue_start)  # "Sen. Jane Doe (D-Ohio), ..."
        comma_at = after.end() if after else spk[1]
        if not text.startswith(",", comma_at):
            return None
        middle = text[comma_at + 1 : cue_start].strip()
        if not middle.endswith(",") or len(middle.split()) > 30:
            return None
        return spk

    def _colon_before(self, qs: int, ps: int) -> tuple[tuple[int, int], tuple[int, int], str] | None:
        """'Jane Doe: "..."': a name and a colon introduce the quote (transcripts, round-ups)."""
        m = _NAME_COLON_END.search(self.text, max(ps, qs - 60), qs)
        if not m or _is_label(m.group("name")):
            return None
        return (m.start("name"), m.end("name")), (m.start("colon"), m.end("colon")), "name_colon_quote"

    def colon_lines(self) -> None:
        """'Jane Doe: The plan will fail.': a line opened by a name and a colon (headlines, transcripts)."""
        text = self.text
        for ps, pe in self.paras:
            m = _NAME_COLON_START.match(text, ps, pe)
            if not m or _is_label(m.group("name")):
                continue
            if m.start("name") in self.in_claimed or _n_words(text, m.end(), pe) < 3:
                continue
            s, e = _trim(text, m.end(), pe)
            if text[s : s + 1] in "\"“" and e < pe and text[e : e + 1] in "\"”":
                e += 1
            self.raws.append(_Raw((s, e), (m.start("name"), m.end("name")), (m.start("colon"), m.end("colon")),
                                  "name_colon_line"))
            self.claimed.append((ps, pe))

    def _attribution_before(self, qs: int, ps: int) -> tuple[tuple[int, int], tuple[int, int], str] | None:
        text = self.text
        lo = max(ps, qs - 200)
        best = None
        for m in self.pat.verb_phrase.finditer(text, lo, qs):
            best = m
        if best is None:
            return None
        participle = self.lex.forms[best.group("verb")] == "ing" and not best.group("pre").strip()
        if not participle and not _cue_ok(best, text):
            return None
        cue = _cue_span(best, text)
        between = text[cue[1] : qs]
        if not re.fullmatch(r"(?:\s+[\w'’.-]+){0,4}\s*[,:]\s*|\s*", between):
            return None
        if cue[0] in self.in_quotes:
            return None
        floor = ps
        for s, e in self.sents[self.para_of(ps)]:
            if s <= cue[0] < e:
                floor = s
        if participle:
            # '..., Trump said, adding, "..."': the participle's subject is the last speaker or the sentence's.
            if not text[max(floor, cue[0] - 3) : cue[0]].rstrip().endswith(","):
                return None
            prev = [r for r in self.raws if r.speaker is not None and floor <= r.speaker[0] < cue[0]]
            spk = prev[-1].speaker if prev else self._subject_at(floor, cue[0])
            return (spk, cue, "participle_quote") if spk is not None else None
        spk = mention_before(text, _before_affiliation(text, cue[0], floor), floor)
        if spk is None:
            return None
        if self.lex.forms[best.group("verb")] == "base" and not best.group("pre").strip():
            head = text[spk[0] : spk[1]].split()[-1].lower()
            if not (head in _PRONOUNS or head.endswith("s")):
                return None  # "helped a journalist write a book, "...": a bare infinitive, not a cue
        qi = bisect.bisect_left(self._quote_starts, qs)
        if not between.strip() and qi < len(self.quotes) and _n_words(text, *_inner(text, *self.quotes[qi][:3])) < 3:
            return None  # 'what he called "sophisticated adversaries"': a short quote right after the cue is a term
        return spk, cue, "said_then_quote"

    def direct(self) -> None:
        text = self.text
        used: set[int] = set()
        for qi, (qs, qe, closed, pi) in enumerate(self.quotes):
            if qi in used:
                continue
            inner = _inner(text, qs, qe, closed)
            if _n_words(text, *inner) < 2:
                continue
            ps, pe = self.paras[pi]
            att = None
            after = self._attribution_after(qe, pe) if closed else None
            if after is not None:
                spk, cue, rule, att_end = after
                att = (spk, cue, rule)
            else:
                att_end = None
                before = self._attribution_before(qs, ps)
                if before is None and qs == ps and pi > 0:
                    pps, ppe = self.paras[pi - 1]
                    if text[pps:ppe].rstrip().endswith(":"):
                        before = self._attribution_before(ppe, pps)
                        # The cue may be followed by a few words before the colon ("told the crowd:").
                        if before is not None and not re.fullmatch(
                            r"(?:\s+[\w'’.-]+){0,4}\s*:\s*", text[before[1][1] : ppe]
                        ):
                            before = None
                if before is None:
                    before = self._colon_before(qs, ps)
                att = before
            if att is None:
                continue
            spk, cue, rule = att
            end = inner[1]
            last_q = qi
            # Fragments that continue the same quote: '"A," she said, "B."' and paragraphs reopened.
            while last_q + 1 < len(self.quotes):
                nqs, nqe, nclosed, npi = self.quotes[last_q + 1]
                cur = self.quotes[last_q]
                if npi == cur[3]:
                    anchor = att_end if (att_end is not None and last_q == qi) else cur[1]
                    if anchor == cur[1]:
                        if text[anchor:nqs].strip():
                            break
                    else:
                        gap = text[anchor:nqs]
                        if not _LOOSE_GAP.fullmatch(gap) or self.pat.verb_phrase.search(gap):
                            break  # '..., who added that it was "rattled"': another clause, not a fragment
                elif not cur[2] and npi == cur[3] + 1 and nqs == self.paras[npi][0]:
                    pass
                else:
                    break
                last_q += 1
                used.add(last_q)
                end = _inner(text, nqs, nqe, nclosed)[1]
            content = (inner[0], end)
            if content[1] <= content[0]:
                continue
            self.raws.append(_Raw(content, spk, cue, rule, direct=True))
            a, b = min(spk[0], cue[0]), max(spk[1], cue[1])
            self.claimed.append((a, b))
            self.claimed.append((qs, self.quotes[last_q][1]))

    # ------------------------------------------------------------------ rule 2: reported speech
    def _names_a_speaker(self, spk: tuple[int, int], ss: int) -> bool:
        """Whether a mention before a noun-like cue form ("claims", "calls") is a pronoun or a name that
        can make it a verb: "Smith claims ..." yes; "the Fifth Amendment claims", "many Republican claims" no."""
        text = self.text
        words = text[spk[0] : spk[1]].split()
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return True
        if words[0].lower() in _LEAD_WORDS:
            words = words[1:]
        before = text[max(ss, spk[0] - 12) : spk[0]].split()
        if before and before[-1].lower() in _LEAD_WORDS | _PREPOSITIONS:
            return False
        return any(w[:1].isupper() for w in words)

    def _shared_subject(self, found: list[_Raw], ss: int, pos: int) -> tuple[int, int] | None:
        """The speaker a participle or coordinated verb shares: the last speaker named earlier in the
        sentence (a quote's attribution included), else the mention that opens the sentence."""
        if found and found[-1].speaker is not None:
            return found[-1].speaker
        earlier = [r.speaker for r in self.raws if r.speaker is not None and ss <= r.speaker[0] < pos]
        if earlier:
            return max(earlier)
        return self._subject_at(ss, pos)

    def _subject_at(self, s: int, e: int) -> tuple[int, int] | None:
        """The mention opening a clause, past openers and a dateline ("PARIS —")."""
        words = speaker_words()
        dateline = _DATELINE.match(self.text, s, e)
        if dateline:
            s = dateline.end()
        m = _WORD.match(self.text, s)
        while m and m.group() in words.openers:
            nxt = re.compile(r"[\s,]+").match(self.text, m.end())
            m = _WORD.match(self.text, nxt.end() if nxt else m.end())
        if m and (
            (m.group().endswith("ing") and m.group()[:1].isupper()) or m.group().lower() in _PREPOSITIONS
        ):
            # "Walking to the door, Jane said ...": the subject follows the participle clause.
            comma = self.text.find(",", m.end(), e)
            m = _WORD.search(self.text, comma + 1, e) if comma > 0 else None
        if not m:
            return None
        return mention_after(self.text, m.start(), e)

    def sentence(self, ss: int, se: int, matches: list[re.Match[str]]) -> None:
        text = self.text
        found: list[_Raw] = []
        cues = []
        title_case: bool | None = None
        false_particles = self.lex.false_particles
        for m in matches:
            vs = m.start("verb")
            nxt_word = _NEXT_WORD.match(text, m.end("verb"), se)
            if nxt_word and (m.group("verb"), nxt_word.group(1)) in false_particles:
                continue
            if text[vs].isupper():
                if title_case is None:
                    words = _TITLE_WORDS.findall(text, ss, se)
                    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
                if not title_case or vs == ss:
                    continue
            if vs in self.in_quotes or vs in self.in_claimed:
                continue
            if text[vs - 1 : vs] in ("-", " ") and _SO_CALLED.search(text, max(ss, vs - 4), vs):
                continue
            cues.append(m)
        # First pass: which cues have a subject of their own; the complement of one cue stops where the
        # next such subject starts ("X said A, but Y said B").
        subjects: list[tuple[int, int] | None] = []
        cuts: list[int | None] = []
        infos: list[tuple[tuple[int, int], bool, int, bool]] = []  # (cue span, form ok, subject end, participle)
        for m in cues:
            spk = None
            cue = _cue_span(m, text)
            near = text[max(ss, cue[0] - 5) : cue[0]]
            contr = _CONTRACTION.search(text, max(ss, cue[0] - 5), cue[0]) if ("'" in near or "’" in near) else None
            if contr:
                cue = (contr.start(1), cue[1])
            ok = _cue_ok(m, text, contr.group(1) if contr else None)
            # A participle may carry adverbs ("..., even suggesting ...") but no auxiliary ("is suggesting").
            participle = (
                self.lex.forms[m.group("verb")] == "ing"
                and not contr
                and not any(_aux_kind(w) for w in text[cue[0] : m.start("verb")].split())
            )
            subj_end = _before_affiliation(text, contr.start() if contr else cue[0], ss)
            last = text[max(ss, subj_end - 14) : subj_end].rstrip(" ,").rsplit(None, 1)[-1:]
            if last and last[0] in _INTERPOSED_LAST:
                adv = _INTERPOSED.search(text, max(ss, subj_end - 60), subj_end)
                if adv and adv.start() > ss:
                    subj_end = adv.start()
            if ok and not participle:
                spk = mention_before(text, subj_end, ss)
                if (spk is None or _is_time_head(text, spk)) and m.group("verb") in self.lex.object_only:
                    # "The average of polls taken over the past two weeks shows ...": take the clause's subject.
                    cand = self._subject_at(ss, subj_end)
                    if cand is not None and _is_document(text, cand, anywhere=True):
                        spk = cand
                if spk is None and _SHARE_HINT.search(text, max(ss, subj_end - 50), subj_end):
                    share = _SHARE.search(text, max(ss, subj_end - 50), subj_end)
                    if share:
                        spk = (share.start(), share.end())  # "About four in 10 said", "72 percent of voters said"
                if spk is None:
                    rel = _WHO.search(text, max(ss, subj_end - 6), subj_end)
                    base = self.lex.base_of[m.group("verb")]
                    if rel and (base in self.lex.clausal or text.startswith(" that", cue[1])):
                        spk = (rel.start(), rel.start() + 3)
                if spk is not None and text[max(0, spk[1] - 2) : spk[1]].endswith(("'s", "’s", "'", "’")):
                    spk = None  # "Rubio's claim": a possessive before the cue makes it a noun
                if (
                    spk is not None
                    and m.group("verb") in self.lex.noun_like
                    and not m.group("pre").strip()
                    and not _THAT_OR_QUOTE.match(text, cue[1], se)
                    and not self._names_a_speaker(spk, ss)
                ):
                    spk = None  # "sexual assault charges against ...": a plural noun, not a cue
            subjects.append(spk)
            infos.append((cue, ok, subj_end, participle))
            # "... and said B" / "... but did not suggest B": a coordinated cue with no subject of its own
            # ends the content before it, at its conjunction.
            conj = _AND_BEFORE.search(text, max(ss, cue[0] - 6), cue[0]) if spk is None and ok else None
            cuts.append(conj.start() if conj and not participle else None)
        for i, m in enumerate(cues):
            kind = self.lex.forms[m.group("verb")]
            cue, ok, subj_end, participle = infos[i]
            nxt_start = se
            for sp, cut in zip(subjects[i + 1 : i + 1 + _LOOKAHEAD_CUES], cuts[i + 1 : i + 1 + _LOOKAHEAD_CUES]):
                # A later subject ends this content only across a clause boundary ("A, but Y said B");
                # "X says he spoke to Y" keeps the nested report inside X's content.
                if sp is not None and _CLAUSE_BREAK.search(text, max(cue[1], sp[0] - 8), sp[0]):
                    nxt_start = sp[0]
                    break
                if cut is not None and cut > cue[1]:
                    nxt_start = cut
                    break
            raw = None
            if participle:
                prev = text[max(ss, cue[0] - 12) : cue[0]].rstrip(" \"”")
                if prev.endswith((",", "—", "statement", "tweet", "letter", "post", "release")):
                    spk = self._shared_subject(found, ss, cue[0])
                    if spk is not None:
                        base = self.lex.base_of[m.group("verb")]
                        clause = _THAT_OR_QUOTE.match(text, cue[1], se)
                        phrasal = cue[1] > m.end("verb")  # "calling on", "calling for"
                        if base in self.lex.clausal and (base not in _TELL or clause) or clause or phrasal:
                            raw = self._complement(cue, m, spk, nxt_start, se, "participle")
            elif ok:
                spk = subjects[i]
                if spk is not None:
                    raw = self._with_subject(ss, se, spk, cue, m, nxt_start)
                elif cuts[i] is not None:
                    # "... reminisced about her youth and said ...": the coordinated verb shares the subject.
                    spk = self._shared_subject(found, ss, cue[0])
                    if spk is not None:
                        raw = self._complement(cue, m, spk, nxt_start, se, "coordinated_said")
                elif kind in ("s", "past") and not m.group("pre"):
                    # "Jane Doe, a spokeswoman, said ..." before "..., said Jane Doe": a sentence-initial
                    # name and appositive make the cue's subject, whatever follows the cue.
                    spk = None
                    if text[ss:subj_end].rstrip().endswith(","):
                        spk = self._appositive_subject_clause(ss, subj_end)
                    if spk is not None:
                        raw = self._complement(cue, m, spk, nxt_start, se, "speaker_appositive_said")
                    else:
                        raw = self._inverted(ss, se, cue, m)
            if raw is not None:
                found.append(raw)
        asked = self._asked(ss, se)
        if asked is not None:
            found.append(asked)
        raw = self._according(ss, se)
        if raw is not None and found and any(_covered(raw.content, f.content) > 0.5 for f in found):
            raw = None  # the sentence's own cue already reports this content
        if raw is None and not found:
            raw = self._passive(ss, se)
        if raw is not None:
            found.append(raw)
        self.raws.extend(found)

    def _complement(self, cue, m, spk, nxt_start, se, rule) -> _Raw | None:
        text = self.text
        s = cue[1]
        base = self.lex.base_of[m.group("verb")]
        if base in _TELL:
            that = re.compile(r"(?:\s+[\w'’.-]+){1,6}?\s+that\b").match(text, s, se)
            if that:
                s = that.end()
        lead = _LEAD.match(text, s, se)
        s = lead.end() if lead else s
        e = nxt_start
        if e < se:
            # stop before ", and/but <next speaker>"
            back = text[s:e]
            cut = max(back.rfind(","), back.rfind(";"))
            if cut > 0:
                e = s + cut
        if text[s : s + 1] == ")":
            return None  # "(..., Gutin says) hurt her": an aside inside brackets
        s, e = _trim(text, s, e)
        base = self.lex.base_of[m.group("verb")]
        opening = text[cue[1] : cue[1] + 8].lstrip(" ,")
        if base in self.lex.need_that and not opening.startswith(("that", "“", '"', "''")):
            return None
        if base in self.lex.need_particle and cue[1] <= m.end("verb"):
            return None
        if base in self.lex.need_as and " as " not in text[s:nxt_start]:
            return None
        if self._request_or_invitation(cue, m, base, se):
            return None
        if base == "call" and cue[1] <= m.end("verb") and text[spk[0] : spk[1]].split()[0].lower() in ("a", "an"):
            return None  # "a company called Acme": a participle naming something, not speech
        need = 4 if m.group("verb") in self.lex.object_only else 2
        if _n_words(text, s, e) < need:
            return None
        if (
            m.group("verb") in self.lex.object_only
            and not text[cue[1] : cue[1] + 6].strip().startswith("that")
            and not _is_document(text, spk)
        ):
            return None
        return _Raw((s, e), spk, cue, rule)

    def _request_or_invitation(self, cue: tuple[int, int], m: re.Match[str], base: str, se: int) -> bool:
        """A cue verb that asks for something ("asked the city for a grant", "will ask for a grant") or invites
        speech ("Residents can comment on the plan"): a request or an invitation, not a report."""
        text = self.text
        auxes = text[cue[0] : m.start("verb")].lower().replace("’", "'").split()
        negated = any(w == "not" or w.endswith("n't") for w in auxes)
        if base in self.lex.permission_not_speech and not negated and _PERMISSION & set(auxes):
            return True
        preps = self.lex.request_frames.get(base)
        if not preps:
            return False
        obj = _OBJECT_WORDS.match(text, m.end("verb"), se)
        if obj is None:
            return False
        words = obj.group().split()
        if words[0] in preps:
            # "ask for X" right after the verb is a request only as a plan ("would ask for"), not as an act.
            return any(_aux_kind(w) == "modal" for w in auxes) and not negated
        return any(w in preps for w in words[1:])

    def _with_subject(self, ss, se, spk, cue, m, nxt_start) -> _Raw | None:
        text = self.text
        before_spk = text[ss : spk[0]].rstrip()
        object_only = m.group("verb") in self.lex.object_only and not _is_document(text, spk)
        kind = self.lex.forms[m.group("verb")]
        if kind == "base" and not m.group("pre").strip():
            # A bare base form ("officials say") needs a plural or first-person subject, not "the report".
            words = text[spk[0] : spk[1]].lower().split()
            if "of" in words[1:]:
                words = words[: words.index("of", 1)]  # "supporters of Jane Doe say": the head is "supporters"
            head = words[-1]
            share = any(ch.isdigit() for ch in text[spk[0] : spk[1]]) or _SHARE.search(text, spk[0], spk[1])
            group = head in speaker_words().anonymous_heads or " and " in text[spk[0] : spk[1]]  # "Police say"
            if not (head in ("they", "we", "i", "you", "who") or head.endswith("s") or share or group):
                return None
        after = _AFTER_CUE.match(text, cue[1], se)
        if after and before_spk.rstrip("\"”’'").endswith((",", "—", "--")) and not object_only:
            # The cue closes a clause: "CONTENT, the union said." / "CONTENT, she said, adding ..."
            nxt = after.group("next")
            if after.group("comma") and nxt and nxt not in _APPOSITIVE_STARTS and before_spk.endswith(","):
                s, e = _trim(text, ss, se)  # "A, he said, B."
                if _n_words(text, s, e) >= 4:
                    return _Raw((s, e), spk, cue, "parenthetical_said")
                return None
            if self.lex.base_of[m.group("verb")] in self.lex.no_closing:
                return None  # "Then, last week, Eric called.": this verb needs an object to report anything
            s, e = _trim(text, ss, len(before_spk) + ss)
            if _n_words(text, s, e) >= 3:
                return _Raw((s, e), spk, cue, "content_then_said")
            return None
        return self._complement(cue, m, spk, nxt_start, se, "speaker_said_that")

    def _inverted(self, ss, se, cue, m) -> _Raw | None:
        text = self.text
        if m.group("verb") in self.lex.object_only:
            return None
        before = text[ss : cue[0]].rstrip()
        if not before.endswith((",", ",\"", ",”")):
            return None
        spk = mention_after(text, cue[1], se)
        if spk is None or text[cue[1] : spk[0]].strip():
            return None
        if not _CLAUSE_END.match(text, spk[1], se):
            return None  # "..., said the foundation should close": the mention is a subject, not the speaker
        s, e = _trim(text, ss, ss + len(before))
        if _n_words(text, s, e) < 3:
            return None
        return _Raw((s, e), spk, cue, "content_said_name")

    def _according(self, ss, se) -> _Raw | None:
        text = self.text
        m = self._first(self.according_at, ss, se)
        if not m or m.start() in self.in_quotes:
            return None
        cue = (m.start(), m.end())
        spk = mention_after(text, cue[1] + 1, se)
        if spk is None:
            return None
        lead = text[ss : cue[0]].strip(" \"“")
        if not lead or lead in speaker_words().openers or lead.rstrip(",") in speaker_words().openers:
            comma = text.find(",", spk[1], se)
            if comma < 0:
                return None
            s, e = _trim(text, comma + 1, se)
            rule = "according_to_first"
        else:
            s, e = _trim(text, ss, cue[0])
            rule = "according_to_last"
            rest = text[spk[1] : se]
            if rest.startswith(",") and _n_words(text, spk[1], se) >= 2:
                # "Among the risks, according to X, are ...": the content runs on after the source.
                s, e = _trim(text, ss, se)
                rule = "according_to_middle"
        if _n_words(text, s, e) < 4:
            return None
        return _Raw((s, e), spk, cue, rule)

    def _asked(self, ss, se) -> _Raw | None:
        """'When asked whether ..., X said': the question is a statement of the asker (often unnamed)."""
        text = self.text
        m = self._first(self.asked_at, ss, se)
        if m is None or m.start() in self.in_quotes:
            return None
        before = text[ss : m.start()].rstrip()
        prefixed = _ASK_PREFIX.search(text, max(ss, m.start() - 12), m.start())
        if before and not before.endswith((",", "—", "(")) and not prefixed:
            return None  # "She asked whether ...": the active cue rule handles a named asker
        s = m.end()
        comma = text.find(",", s, se)
        e = comma if comma > 0 else se
        s, e = _trim(text, s, e)
        if _n_words(text, s, e) < 2:
            return None
        spk = None
        if m.group("agent"):
            spk = mention_after(text, m.start("agent"), m.end("agent"))
        cue_end = m.end("agent") if spk is not None else m.end("askcue")
        return _Raw((s, e), spk, (m.start("askcue"), cue_end), "asked_passive")

    def _passive(self, ss, se) -> _Raw | None:
        text = self.text
        m = self._first(self.passive_by_at, ss, se)
        if m and m.start() not in self.in_quotes:
            spk = mention_after(text, m.end(), se)
            s, e = _trim(text, ss, m.start())
            aux = _PBY_AUX.search(text, max(ss, m.start() - 30), m.start())
            cue_start = aux.start() if aux else m.start()
            s, e = _trim(text, ss, cue_start)
            if spk is not None and e > s:
                # "The meeting was first reported by Politico.": the subject is what was reported.
                return _Raw((s, e), spk, (cue_start, m.end("pby")), "passive_by")
        m = self._first(self.passive_at, ss, se)
        if m:
            s, e = _trim(text, m.end(), se)
            if _n_words(text, s, e) >= 3:
                return _Raw((s, e), None, (m.start("pitcue"), m.end("pitcue")), "passive_it")
        m = self._first(self.reportedly_at, ss, se)
        if m and m.start() not in self.in_quotes:
            s, e = _trim(text, ss, se)
            if _n_words(text, s, e) >= 4:
                return _Raw((s, e), None, (m.start(), m.end()), "reportedly")
        return None

    def indirect(self) -> None:
        self.in_claimed = _Spans(self.claimed)
        self.colon_lines()
        self.in_claimed = _Spans(self.claimed)
        matches = list(self.pat.verb_phrase.finditer(self.text))
        k = 0
        for sents in self.sents:
            for ss, se in sents:
                while k < len(matches) and matches[k].start() < ss:
                    k += 1
                j = k
                while j < len(matches) and matches[j].start() < se:
                    j += 1
                self.sentence(ss, se, matches[k:j])
                k = j

    # ------------------------------------------------------------------ assembly
    def _continue_quotes(self, raw: _Raw, claimed: _Spans, cross_paragraph: bool) -> None:
        """Extend reported speech over the quote it opens and over the bare quotes that follow it.

        'He added that the report should "be read in context. It was a hard night."' runs past the
        sentence split inside the quote; 'She says the rules are fair. "They protect everyone."' goes on
        in a quote with no cue of its own, which the same speaker is taken to have said.
        """
        text = self.text
        cs, ce = raw.content
        # Quotes do not overlap, so only the last one starting inside the content can close after it.
        i = bisect.bisect_left(self._quote_starts, ce)
        if i > 0 and self._quote_starts[i - 1] >= cs:
            qs, qe, closed, _ = self.quotes[i - 1]
            inner_end = _inner(text, qs, qe, closed)[1]
            if inner_end > ce and _n_words(text, qs, ce) >= 1:
                ce = inner_end  # a quote opened inside the content closes after it
        while i < len(self.quotes):
            qs, qe, closed, _ = self.quotes[i]
            gap = text[ce:qs] if qs >= ce else ""
            if qs < ce or not _QUOTE_GAP.fullmatch(gap) or qs in claimed:
                break
            if "\n" in gap and not cross_paragraph:
                break
            ce = _inner(text, qs, qe, closed)[1]
            i += 1
        raw.content = (cs, ce)

    def run(self) -> list[Statement]:
        self.direct()
        self.indirect()
        text = self.text
        claimed = _Spans(self.claimed)
        for raw in self.raws:
            self._continue_quotes(raw, claimed, cross_paragraph=True)
        resolver = Resolver(text)
        out: list[Statement] = []
        seen: set[tuple[int, int]] = set()
        for raw in sorted(self.raws, key=lambda r: r.content[0]):
            if raw.content in seen:
                continue
            seen.add(raw.content)
            cs, ce = raw.content
            content = text[cs:ce]
            if raw.direct:
                kind = "direct"
            elif self._holds_partial_quote(cs, ce):
                kind = "mixed"
            else:
                kind = "indirect"
            if raw.speaker is None:
                speaker, canonical, stype, s0, s1 = "", None, UNRESOLVED, None, None
            else:
                s0, s1 = raw.speaker
                speaker = text[s0:s1]
                low = speaker.lower()
                if low == "who":
                    # "critics, who say ...": the relative pronoun stands for the mention right before it.
                    ante = mention_before(text, len(text[:s0].rstrip(" ,")), self.paras[self.para_of(s0)][0])
                    canonical, stype = (
                        resolver.canonical(text[ante[0] : ante[1]]) if ante is not None else (None, UNRESOLVED)
                    )
                elif low in speaker_words().pronouns:
                    canonical, stype = resolver.pronoun(speaker, s0)
                else:
                    canonical, stype = resolver.canonical(speaker)
                    resolver.note(s0, canonical, stype)
            c0, c1 = raw.cue if raw.cue else (None, None)
            out.append(
                Statement(
                    speaker=speaker,
                    speaker_canonical=canonical,
                    speaker_type=stype,
                    cue=text[c0:c1] if c0 is not None else "",
                    content=content,
                    kind=kind,
                    content_start=cs,
                    content_end=ce,
                    fragments=((cs, ce),),
                    speaker_start=s0,
                    speaker_end=s1,
                    cue_start=c0,
                    cue_end=c1,
                    rule=raw.rule,
                )
            )
        return out


def extract_statements(text: str) -> list[Statement]:
    """Extract every attributed statement of an article body.

    Args:
        text: a clean article body, paragraphs separated by blank lines.

    Returns:
        One Statement per statement, in text order; each span satisfies
        text[start:end] == the field it locates.
    """
    if not text or not text.strip():
        return []
    return _Extractor(text).run()

