"""Direct quotes: a quote with its attribution before or after it, the fragments that continue it, and
"Name: ..." lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.clauses import clause_patterns
from tasks.statements.complements import tell_verbs
from tasks.statements.cues import LEXICON, cue_lexicon, cue_patterns
from tasks.statements.mentions import mention_after, mention_before
from tasks.statements.spans import Candidate, Span, SpanSet
from tasks.statements.speaker_words import speaker_words
from tasks.statements.structure import (
    Article,
    Quote,
    count_words,
    last_char_inside,
    quote_inner,
    trim_content,
)
from tasks.statements.subjects import (
    before_affiliation,
    is_label,
    leading_mention,
    subject_at,
)
from tasks.statements.verbs import cue_span, form_fits

_ATTRIBUTION_GAP: Final = re.compile(r"[\s,'’]*")
_DASH_NAME: Final = re.compile(r"[ \t\xa0]*(?P<dash>[―—–]|--)[ \t\xa0]*")
_SIGNATURE_END: Final = re.compile(r"[ \t\xa0.,]*(?:\n|$|\(|,)")
# What may sit between an attribution and the next fragment of the same quote ('she said, "...').
# A period inside the gap is allowed when it is not a sentence end ("a D.C.-based strategist").
_LOOSE_GAP: Final = re.compile(r"(?:[^.!?\"“”]|\.(?![\s\"“”])){0,200}?[,.:;!?]?\s*")
# A few words, then a comma or colon, between a cue and the quote it introduces ("told the crowd:").
_CUE_TO_QUOTE: Final = re.compile(r"(?:\s+[\w'’.-]+){0,4}\s*[,:]\s*|\s*")
_CUE_TO_COLON: Final = re.compile(r"(?:\s+[\w'’.-]+){0,4}\s*:\s*")
_NAME_TOKENS: Final = r"(?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*"
# A name and a colon right before a quote mark, or opening a paragraph (after an optional quote mark).
_NAME_COLON_END: Final = re.compile(rf"(?:^|(?<=[\s.!?\"”]))(?P<name>{_NAME_TOKENS})(?P<colon>:)\s*$")
_NAME_COLON_START: Final = re.compile(rf"[\"“]?(?P<name>{_NAME_TOKENS})(?P<colon>:)\s+(?=\S)")
# The rule of a paragraph that goes on quoting the previous paragraph's speaker with no cue of its own.
CONTINUED_PARAGRAPH: Final = "continued_paragraph"
_MIN_NEW_SENTENCE_WORDS: Final = 3  # a quote opening the sentence after its attribution, to continue it
_WINDOW_AFTER: Final = 160  # chars after a quote searched for its attribution
_WINDOW_BEFORE: Final = 200  # chars before a quote searched for its attribution
_WINDOW_COLON: Final = 60  # chars before a quote searched for "Name:"
# A parenthetical attribution before a quote: the cue (and a few words of its own), then a comma, then the quote.
_PARENTHETICAL_TO_QUOTE: Final = re.compile(r"(?:\s+(?!that\b)[\w'’.-]+){0,4}\s*,\s*")
_MIN_LEAD_WORDS: Final = 2  # "But, he said, "..."": a lone conjunction or adverb is no piece of the quote
_PARTICIPLE_LEAD: Final = re.compile(r"[A-Z][a-z]+(?:ed|ing)\b")


class Attribution:
    """Who said a quote and by which cue; `end` is where the attribution ends, when it follows the quote.

    A plain class, compiled with its __init__ (see structure.Quote).
    """

    def __init__(self, speaker: Span, cue: Span, rule: str, end: int | None = None) -> None:
        self.speaker: Final = speaker
        self.cue: Final = cue
        self.rule: Final = rule
        self.end: Final = end


@dataclass
class Findings:
    """What the rules have found so far in one article."""

    candidates: list[Candidate] = field(default_factory=list)
    claimed: list[Span] = field(default_factory=list)  # quotes and attributions of direct statements, colon lines
    in_claimed: SpanSet = field(default_factory=lambda: SpanSet([]))


def attribution_after(doc: Article, quote_end: int, paragraph_end: int) -> Attribution | None:
    """'"...," said Jane Doe', '"...," Jane Doe said', '"..." ― Jane Doe': the attribution after a quote.

    Args:
        doc: the article.
        quote_end: the closing mark's end.
        paragraph_end: the end of the quote's paragraph.

    Returns:
        The attribution, or None.
    """
    text, lex, verb_phrase = doc.text, cue_lexicon(), cue_patterns().verb_phrase
    window_end = min(paragraph_end, quote_end + _WINDOW_AFTER)
    gap = _ATTRIBUTION_GAP.match(text, quote_end, window_end)
    pos = gap.end() if gap else quote_end
    m = verb_phrase.match(text, pos, window_end)
    if m and not m.group("pre") and lex.forms[m.group("verb")] in ("s", "past"):
        cue = cue_span(m, text)
        speaker = mention_after(text, cue[1], paragraph_end)
        if speaker and text[cue[1] : speaker[0]].strip() == "":
            return Attribution(speaker, cue, "quote_said_name", max(cue[1], speaker[1]))
    dash = _DASH_NAME.match(text, quote_end, window_end)
    if dash:
        # '"..." ― Jane Doe': an epigraph or testimonial signed with a dash and a name.
        speaker = mention_after(text, dash.end(), paragraph_end)
        if speaker is not None and text[speaker[0]].isupper() and _SIGNATURE_END.match(text, speaker[1], paragraph_end):
            return Attribution(speaker, (dash.start("dash"), dash.end("dash")), "quote_dash_name", speaker[1])
    return _subject_cue_after(doc, quote_end, pos, window_end, paragraph_end)


def _subject_cue_after(doc: Article, quote_end: int, pos: int, window_end: int, paragraph_end: int) -> Attribution | None:
    """'"...," Jane Doe said': a subject and its cue right after a quote."""
    text = doc.text
    sentence_closed = text[last_char_inside(text, quote_end)] in ".!?"
    for m in doc.cues.matches(pos, window_end):
        if not form_fits(m, text) or text[m.start("verb")].isupper():
            continue  # a title-case verb belongs to a headline, not to an attribution
        cue = cue_span(m, text)
        subject_end = before_affiliation(text, cue[0], pos)
        speaker = mention_before(text, subject_end, quote_end)
        if speaker is None or text[pos : speaker[0]].strip(" ,"):
            speaker = leading_mention(text, pos, subject_end, opener=False)
        if speaker is not None and not text[pos : speaker[0]].strip(" ,"):
            ends = clause_patterns().attribution_end
            if (
                (sentence_closed or count_words(text, *_closed_inner(doc, quote_end)) < 4)
                and not ends.match(text, cue[1], paragraph_end)
                and not _addressee_then_end(text, m, cue, paragraph_end)
            ):
                # '"... ." Jane Doe called the plan ...' is a new sentence, and '"Meet the Press," Jane
                # Doe said the plan ...' names a show: the cue reports its own clause, not the quote.
                return None
            return Attribution(speaker, cue, "quote_then_said", cue[1])
        break
    return None


def _addressee_then_end(text: str, m: re.Match[str], cue: Span, paragraph_end: int) -> bool:
    """'"It is doable," Risch told The Spokesman-Review on Monday.': a verb of telling, the one it told, then
    the attribution's end: the cue closes the quote's sentence (its object is no clause of its own)."""
    if cue_lexicon().base_of[m.group("verb")] not in tell_verbs():
        return False
    addressee = mention_after(text, cue[1], paragraph_end)
    if addressee is None or text[cue[1] : addressee[0]].strip():
        return False
    return clause_patterns().attribution_end.match(text, addressee[1], paragraph_end) is not None


def _closed_inner(doc: Article, quote_end: int) -> Span:
    """The quoted words of the closed quote that ends at `quote_end`."""
    return quote_inner(doc.text, doc.quote_opening_before(quote_end), quote_end, True)


def attribution_before(doc: Article, found: Findings, quote_start: int, paragraph_start: int) -> Attribution | None:
    """'Jane Doe said: "..."', '..., adding, "..."': the attribution before a quote.

    Args:
        doc: the article.
        found: the statements found so far (a participle takes the last speaker of its sentence).
        quote_start: the opening mark's start.
        paragraph_start: the start of the paragraph that holds the cue.

    Returns:
        The attribution, or None.
    """
    text, lex = doc.text, cue_lexicon()
    window = doc.cues.matches(max(paragraph_start, quote_start - _WINDOW_BEFORE), quote_start)
    if not window:
        return None
    best = window[-1]
    participle = lex.forms[best.group("verb")] == "ing" and not best.group("pre").strip()
    if not participle and not form_fits(best, text):
        return None
    cue = cue_span(best, text)
    between = text[cue[1] : quote_start]
    if not _CUE_TO_QUOTE.fullmatch(between) or cue[0] in doc.in_quotes:
        return None
    floor = doc.sentence_floor(cue[0], paragraph_start)
    if participle:
        # '..., Trump said, adding, "..."': the participle's subject is the last speaker or the sentence's.
        if not text[max(floor, cue[0] - 3) : cue[0]].rstrip().endswith(","):
            return None
        earlier = [c for c in found.candidates if c.speaker is not None and floor <= c.speaker[0] < cue[0]]
        speaker = earlier[-1].speaker if earlier else subject_at(text, floor, cue[0])
        return Attribution(speaker, cue, "participle_quote") if speaker is not None else None
    speaker = mention_before(text, before_affiliation(text, cue[0], floor), floor)
    if speaker is None:
        return None
    if lex.forms[best.group("verb")] == "base" and not best.group("pre").strip():
        head = text[speaker[0] : speaker[1]].split()[-1].lower()
        if not (head in speaker_words().subject_pronouns or head.endswith("s")):
            return None  # "helped a journalist write a book, "...": a bare infinitive, not a cue
    next_quote = doc.first_quote_from(quote_start)
    if not between.strip() and next_quote < len(doc.quotes) and count_words(text, *doc.inner(doc.quotes[next_quote])) < 3:
        return None  # 'what he called "sophisticated adversaries"': a short quote right after the cue is a term
    return Attribution(speaker, cue, "said_then_quote")


def _colon_before(doc: Article, quote_start: int, paragraph_start: int) -> Attribution | None:
    """'Jane Doe: "..."': a name and a colon introduce the quote (transcripts, round-ups)."""
    m = _NAME_COLON_END.search(doc.text, max(paragraph_start, quote_start - _WINDOW_COLON), quote_start)
    if not m or is_label(m.group("name"), doc.text):
        return None
    return Attribution((m.start("name"), m.end("name")), (m.start("colon"), m.end("colon")), "name_colon_quote")


def _attribution_of(doc: Article, found: Findings, quote: Quote) -> Attribution | None:
    """The attribution of a quote: after it, before it, in a previous paragraph ending with a colon, or a
    name and a colon."""
    text = doc.text
    paragraph_start, paragraph_end = doc.paragraphs[quote.paragraph]
    if quote.closed:
        after = attribution_after(doc, quote.end, paragraph_end)
        if after is not None:
            return after
    before = attribution_before(doc, found, quote.start, paragraph_start)
    if before is None and quote.start == paragraph_start and quote.paragraph > 0:
        previous_start, previous_end = doc.paragraphs[quote.paragraph - 1]
        if text[previous_start:previous_end].rstrip().endswith(":"):
            before = attribution_before(doc, found, previous_end, previous_start)
            # The cue may be followed by a few words before the colon ("told the crowd:").
            if before is not None and not _CUE_TO_COLON.fullmatch(text[before.cue[1] : previous_end]):
                before = None
    if before is None:
        before = _colon_before(doc, quote.start, paragraph_start)
    return before


_TITLE_MAX_WORDS: Final = 8
_TITLE_WORD: Final = re.compile(r"[A-Za-z][\w'’]*")


@cache
def _title_opener() -> re.Pattern[str]:
    """A possessive or a [title_openers] word ending the text before a quote."""
    words = "|".join(map(re.escape, load_lexicon(LEXICON)["title_openers"]))
    return re.compile(rf"(?:['’]s|(?<![\w'’-])(?:{words}))\s*$", re.IGNORECASE)


def _is_title(doc: Article, quote: Quote) -> bool:
    """Whether a quote is a title ('on the podcast "Here's the Thing."', 'the author of "Hacked World Order"'): a
    few words, every one of four letters or more capitalized, right after a word that introduces a title
    ([title_openers]: a preposition, a possessive, a noun naming a work). A title names a work; it is not more
    of what the speaker said."""
    if not _title_opener().search(doc.text, max(0, quote.start - 30), quote.start):
        return False
    start, end = doc.inner(quote)
    words = _TITLE_WORD.findall(doc.text, start, end)
    long_words = [w for w in words if len(w) >= 4]
    return 2 <= len(words) <= _TITLE_MAX_WORDS and bool(long_words) and all(w[0].isupper() for w in long_words)


def _continues(doc: Article, index: int, first: int, attribution: Attribution) -> bool:
    """Whether quote `index + 1` continues quote `index` of a statement opened by quote `first`.

    '"A," she said, "B."': the next quote follows the attribution in the same paragraph; a quote left open at
    a paragraph end goes on in a quote that opens the next paragraph.
    """
    text = doc.text
    current, following = doc.quotes[index], doc.quotes[index + 1]
    if following.paragraph == current.paragraph:
        anchor = attribution.end if (attribution.end is not None and index == first) else current.end
        if anchor == current.end:
            return not text[anchor : following.start].strip()
        gap = text[anchor : following.start]
        # '..., who added that it was "rattled"': another clause, not a fragment.
        if not _LOOSE_GAP.fullmatch(gap) or cue_patterns().verb_phrase.search(gap):
            return False
        if gap.rstrip()[-1:] not in (".", "!", "?"):
            return True
        # '"A," she said. "B."': after the attribution's sentence ends, a quote goes on with it unless it is
        # a term ('"Cranes" are late') or has a speaker of its own ('"B," he said').
        paragraph_end = doc.paragraphs[following.paragraph][1]
        return count_words(text, *doc.inner(following)) >= _MIN_NEW_SENTENCE_WORDS and (
            not following.closed or attribution_after(doc, following.end, paragraph_end) is None
        )
    return (
        not current.closed
        and following.paragraph == current.paragraph + 1
        and following.start == doc.paragraphs[following.paragraph][0]
    )


def _quote_statements(doc: Article, chain: list[Quote], attribution: Attribution) -> list[Candidate]:
    """The statements of a chain of quotes with one attribution: one per paragraph, one fragment per quote.

    The paragraphs after the first continue the quote with no cue of their own: each is its own statement
    ("continued_paragraph") with the carried-over speaker and cue.
    """
    statements: list[Candidate] = []
    paragraph = -1
    for i, quote in enumerate(chain):
        inner = doc.inner(quote)
        if inner[1] <= inner[0] or (i > 0 and quote.paragraph == chain[0].paragraph and _is_title(doc, quote)):
            continue  # 'said on the podcast "Here's the Thing."': a title the attribution names is no fragment
        if quote.paragraph != paragraph:
            rule = attribution.rule if not statements else CONTINUED_PARAGRAPH
            statements.append(Candidate([], attribution.speaker, attribution.cue, rule, direct=True))
            paragraph = quote.paragraph
        statements[-1].fragments.append(inner)
    return statements


def _parenthetical_lead(doc: Article, quote: Quote, attribution: Attribution) -> Span | None:
    """'So when the bank called, Mr. Barrett said, "we were floored."': an attribution set off by commas
    inside one sentence, with a quote that goes on in lowercase, interrupts what was said, so the words that
    open the sentence before it are the statement's first fragment. A quote that opens with a capital starts a
    sentence of its own ('As a phone rang, the announcer said, "It is 3 a.m."'). Not a lone word ("but, he
    said, ..."), not a participle clause about the speaker, not a time adverbial ("On Monday, she said, ..."),
    not words with a cue or a quote of their own.

    Args:
        doc: the article.
        quote: the first quote of the statement.
        attribution: its attribution, before the quote.

    Returns:
        The lead's span, or None.
    """
    text = doc.text
    speaker, cue = attribution.speaker, attribution.cue
    if attribution.end is not None or speaker[1] > cue[0] or not _PARENTHETICAL_TO_QUOTE.fullmatch(text, cue[1], quote.start):
        return None
    inner = doc.inner(quote)
    if not text[inner[0] : inner[0] + 1].islower():
        return None
    floor = doc.sentence_floor(speaker[0], doc.paragraphs[quote.paragraph][0])
    raw = text[floor : speaker[0]].rstrip()
    if not raw.endswith(",") or any(mark in raw for mark in ("\"", "“", "”", "''")):
        return None
    start, end = trim_content(text, floor, floor + len(raw))
    if count_words(text, start, end) < _MIN_LEAD_WORDS or _PARTICIPLE_LEAD.match(text, start, end):
        return None
    lead_words = set(text[start:end].split())
    if lead_words & _time_words() or doc.cues.matches(start, end) or start in doc.in_quotes:
        return None
    return start, end


def _time_words() -> frozenset[str]:
    """Words of a time adverbial ("On Monday", "Last week"): a lead made of them dates the saying."""
    return clause_patterns().time_words


def direct_quotes(doc: Article, found: Findings) -> None:
    """Find every attributed quote, with the fragments that continue it, and add it to `found`.

    Args:
        doc: the article.
        found: receives one candidate per statement, and the claimed attribution and quote spans.
    """
    text = doc.text
    used: set[int] = set()
    for index, quote in enumerate(doc.quotes):
        if index in used:
            continue
        inner = doc.inner(quote)
        # A one-word quote is a term, unless it opens a split quote ('"Hopefully," she said, "we win."').
        one_word = count_words(text, *inner) < 2
        if one_word and not (quote.closed and inner[1] > inner[0]):
            continue
        if _is_title(doc, quote):
            continue  # 'during an appearance on "CBS This Morning," Sanders said ...': a title, not his words
        if one_word:
            attribution = attribution_after(doc, quote.end, doc.paragraphs[quote.paragraph][1])
        else:
            attribution = _attribution_of(doc, found, quote)
        if attribution is None:
            continue
        last = index
        while last + 1 < len(doc.quotes) and _continues(doc, last, index, attribution):
            last += 1
        if doc.inner(doc.quotes[last])[1] <= inner[0] or (one_word and doc.quotes[last].paragraph != quote.paragraph):
            continue
        used.update(range(index + 1, last + 1))
        statements = _quote_statements(doc, doc.quotes[index : last + 1], attribution)
        lead = _parenthetical_lead(doc, quote, attribution) if attribution.rule == "said_then_quote" else None
        if lead is not None and statements:
            statements[0].fragments.insert(0, lead)
            statements[0].direct = False  # unquoted words before the quote: reported speech holding a quote
        found.candidates.extend(statements)
        speaker, cue = attribution.speaker, attribution.cue
        found.claimed.append((min(speaker[0], cue[0]), max(speaker[1], cue[1])))
        found.claimed.append((quote.start, doc.quotes[last].end))


def colon_lines(doc: Article, found: Findings) -> None:
    """'Jane Doe: The plan will fail.': a line opened by a name and a colon (headlines, transcripts).

    Args:
        doc: the article.
        found: receives one candidate per line (lines inside claimed spans are skipped).
    """
    text = doc.text
    for paragraph_start, paragraph_end in doc.paragraphs:
        m = _NAME_COLON_START.match(text, paragraph_start, paragraph_end)
        if not m or is_label(m.group("name"), text):
            continue
        if m.start("name") in found.in_claimed or count_words(text, m.end(), paragraph_end) < 3:
            continue
        start, end = trim_content(text, m.end(), paragraph_end)
        if text[start : start + 1] in "\"“" and end < paragraph_end and text[end : end + 1] in "\"”":
            end += 1
        found.candidates.append(
            Candidate([(start, end)], (m.start("name"), m.end("name")), (m.start("colon"), m.end("colon")),
                      "name_colon_line")
        )
        found.claimed.append((paragraph_start, paragraph_end))
