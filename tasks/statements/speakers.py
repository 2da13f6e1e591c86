"""Speaker mentions for statement extraction: finding the mention next to a cue, typing it, resolving it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from tasks.statements.cues import cue_lexicon
from tasks.lexicon import load_lexicon

LEXICON = "statements/speakers"

PERSON = "person"
ORGANIZATION = "organization"
PUBLICATION = "publication"
ANONYMOUS = "anonymous"
UNRESOLVED = "unresolved"

# One token of a mention: a word (with inner apostrophes, dots, hyphens, ampersands) or one other character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|Capt|Sgt|Adm|Det|Supt|Ft|Mt|Messrs)\.(?!\w)"
    r"|[A-Z]\.(?:[A-Z]\.)*|[\w][\w\u0300-\u036f'’.&-]*[\w\u0300-\u036f]|[\w]|[^\w\s]"
)
_CAP = "A-ZÀ-ÖØ-Þ"
# A run of capitalized words, with the particles that sit inside names ("Bank of America", "Charles de Gaulle").
# No leading lookbehind: a pattern that opens with a character class lets the regex engine skip ahead
# (2-3x faster here); the left boundary is checked by the caller instead.
_NAME_RUN = re.compile(
    rf"[{_CAP}][\w'’.&-]*"
    rf"(?:\s(?:(?:of|de|del|da|di|la|le|van|von|der|den|bin|al|ibn|y|the|for)\s)?[{_CAP}][\w'’.&-]*)*"
)
_NAME_GLUE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_'’.-")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class SpeakerWords:
    """Word sets from tasks/lexicons/statement_speakers.txt, lowercased where matching is case-insensitive."""

    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    titles: frozenset[str]
    person_roles: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_determiners: frozenset[str]
    organization_heads: frozenset[str]
    publication_heads: frozenset[str]
    stop: frozenset[str]
    time_words: frozenset[str]
    openers: frozenset[str]
    name_stopwords: frozenset[str]
    document_heads: frozenset[str]
    colon_labels: frozenset[str]
    non_heads: frozenset[str]
    place_heads: frozenset[str]
    pronouns: frozenset[str]  # all three pronoun groups, precomputed: looked up on every token



@cache
def speaker_words() -> SpeakerWords:
    """Load the speaker lexicon once."""
    lex = load_lexicon(LEXICON)

    def low(group: str) -> frozenset[str]:
        return frozenset(w.lower() for w in lex[group])

    return SpeakerWords(
        person_pronouns=low("pronouns_person"),
        plural_pronouns=low("pronouns_plural"),
        other_pronouns=low("pronouns_other"),
        titles=frozenset(lex["titles"]),
        person_roles=low("person_roles"),
        anonymous_heads=low("anonymous_heads"),
        anonymous_determiners=low("anonymous_determiners"),
        organization_heads=low("organization_heads"),
        publication_heads=low("publication_heads"),
        stop=low("non_speaker_words"),
        time_words=frozenset(lex["time_words"]),
        openers=frozenset(lex["sentence_openers"]),
        name_stopwords=frozenset(lex["name_allowed_stopwords"]),
        document_heads=low("document_heads"),
        colon_labels=low("colon_not_speakers"),
        non_heads=low("non_heads"),
        place_heads=low("place_heads"),
        pronouns=low("pronouns_person") | low("pronouns_plural") | low("pronouns_other"),
    )


_DETERMINERS = frozenset(
    "the a an this that these those such his her their its our my your one some several many most two three four five six "
    "each every any all both another other".split()
)
_MAX_TOKENS = 11
# Endings of capitalized plural group names ("African Americans", "Democrats"): never one person.
_GROUP_ENDINGS = ("icans", "ians", "crats", "ists", "ites", "ans'", "ese")
_NP_PREPOSITIONS = frozenset(["at", "from", "with", "in", "on", "to", "by"])
_ANTECEDENTS = 20  # how many preceding person mentions a pronoun may skip (bounds the work per pronoun)
_BODY_WINDOW = 600  # how far back (chars, same paragraph) an "it"/"they" looks for an unnamed body
# "the" and the four words after it ("The harbor authority will", "the city's transit agency"); the longest
# prefix ending in an organization or group head, before any function word or determiner, is the mention.
# ("its rules" is no antecedent of "it": "its" already points at one.)
# (A lookahead, so that one window never swallows the next "the".)
_BODY_NP = re.compile(r"(?<![\w'’-])[Tt]he(?=(?P<tail>(?:\s+[\w'’-]+[,;:.]?){1,5}))")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n")
_LEAD_DETERMINERS = frozenset("the a an this that these those his her their its our my one another each every".split())


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum()


def _stops(tok: str, words: SpeakerWords) -> bool:
    """True when the token cannot sit inside a speaker mention."""
    low = tok.lower()
    if low in words.stop:
        return not (_is_cap(tok) and tok in words.name_stopwords)
    return False


def head_ok(tokens: list[str], words: SpeakerWords) -> bool:
    """Whether the last token can head a speaker mention (a name, a pronoun or a known speaker noun)."""
    if not tokens:
        return False
    head = _POSSESSIVE.sub("", tokens[-1])
    low = head.lower()
    if low in words.pronouns:
        return len(tokens) == 1
    if low in _DETERMINERS or (low in words.non_heads and not _is_cap(head)):
        return False
    if _is_cap(head):
        return head not in words.time_words and head not in words.openers
    if not head[:1].isalpha():
        return False
    if (
        low in words.anonymous_heads
        or low in words.person_roles
        or low in words.organization_heads
        or low in words.publication_heads
    ):
        return True
    # "A spokesman for the buyer", "the man": a determiner-led noun phrase is a subject whatever its head.
    if tokens[0].lower() in _LEAD_DETERMINERS and len(tokens) <= 7:
        return True
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok in ("of", "for", "at", "from") and head_ok(tokens[:i], words):
            return True
    # Unlisted lowercase plurals ("the protesters", "Democratic senators") are accepted; singulars are not,
    # because a bare lowercase singular before a verb is usually the object of an earlier verb.
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "ous", "is", "us"))


def _trim_openers(toks: list[re.Match[str]], words: SpeakerWords) -> list[re.Match[str]]:
    while toks and (toks[0].group() in words.openers):
        toks = toks[1:]
    return toks


def mention_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """Find the speaker mention that ends right before a cue ("... the sources said").

    Args:
        text: the article body.
        end: offset where the cue (with its auxiliaries) starts.
        floor: do not look before this offset (the sentence start).

    Returns:
        (start, end) of the mention, or None when the words before the cue cannot be a subject.
    """
    words = speaker_words()
    lo = max(floor, end - 110)
    toks = list(_TOKEN.finditer(text, lo, end))
    kept: list[re.Match[str]] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i].group()
        if not _is_word(tok):
            break
        if tok.lower() in ("and", "&"):
            # "Londoño and Casey" is one mention; "..., and the sources said" starts a new clause.
            left = toks[i - 1].group() if i > 0 else ""
            if kept and _is_cap(kept[0].group()) and _is_cap(left) and _is_word(left):
                kept.insert(0, toks[i])
                continue
            break
        if _stops(tok, words):
            left = toks[i - 1].group().lower() if i > 0 else ""
            if kept and tok in _NP_PREPOSITIONS and (left in words.anonymous_heads or left in words.person_roles):
                kept.insert(0, toks[i])  # "officials at the agency", "a professor from Yale"
                continue
            break
        kept.insert(0, toks[i])
        if len(kept) >= _MAX_TOKENS:
            return None
    else:
        if lo > floor and kept and kept[0].start() == toks[0].start():
            return None  # ran out of window: too long to be a subject
    # A determiner after a verb starts the mention: "Residents met the developers" -> "the developers".
    for j in range(len(kept) - 1, 0, -1):
        if kept[j].group().lower() in _LEAD_DETERMINERS and kept[j - 1].group().islower() and (
            kept[j - 1].group() not in _NP_PREPOSITIONS and kept[j - 1].group() not in ("of", "for", "and")
        ):
            kept = kept[j:]
            break
    kept = _trim_openers(kept, words)
    while kept and kept[0].group() in ("of", "for", "and"):
        kept = kept[1:]  # "... because of X's claims": a dangling preposition opens no mention
    if not kept:
        return None
    tokens = [t.group() for t in kept]
    if not head_ok(tokens, words):
        return None
    return kept[0].start(), kept[-1].end()


def mention_after(text: str, start: int, ceil: int) -> tuple[int, int] | None:
    """Find the speaker mention that follows an inverted cue ('"...," said Jane Doe, a spokeswoman').

    Args:
        text: the article body.
        start: offset right after the cue.
        ceil: do not look past this offset (the paragraph end).

    Returns:
        (start, end) of the mention, or None.
    """
    words = speaker_words()
    verb_forms = cue_lexicon().forms
    kept: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text, start, min(ceil, start + 160)):
        tok = m.group()
        if not _is_word(tok) or _stops(tok, words) or tok in words.time_words:
            break
        if tok.lower() == "and" and not (kept and _is_cap(kept[-1].group())):
            break
        if kept and tok.islower() and (tok.endswith("ed") or tok in verb_forms):
            break  # "The mayor thanked ...": a verb ends the subject
        kept.append(m)
        if len(kept) >= _MAX_TOKENS:
            return None
    # The longest prefix that ends on a possible head: "The Florida senator" in "The Florida senator sought".
    while kept:
        tokens = [t.group() for t in kept]
        if tokens[-1].lower() not in ("and", "of", "for", "the", "a", "an") and head_ok(tokens, words):
            return kept[0].start(), kept[-1].end()
        kept.pop()
    return None


def speaker_type(mention: str) -> str:
    """Type a speaker mention as written, before any resolution.

    Args:
        mention: e.g. "the sources", "Mr Trump", "the Times", "he".

    Returns:
        person | organization | publication | anonymous | unresolved ("unresolved" for pronouns,
        whose type comes from their antecedent).
    """
    words = speaker_words()
    tokens = [t for t in _TOKEN.findall(mention) if _is_word(t)]
    if not tokens:
        return UNRESOLVED
    for i, tok in enumerate(tokens[1:-1], start=1):
        # "Officials at the DNC", "a spokesman for the Daily Ledger": the head comes before the preposition.
        left = tokens[i - 1].lower()
        if tok in ("of", "for", "at", "from", "with") and (
            tokens[i - 1].islower()
            or left in words.anonymous_heads
            or left in words.person_roles
            or left in words.organization_heads
        ):
            tokens = tokens[:i]
            break
    head = _POSSESSIVE.sub("", tokens[-1])
    low = head.lower()
    if len(tokens) == 1 and low in words.pronouns:
        return UNRESOLVED
    first = tokens[0].lower()
    caps = [t for t in tokens[1:] if _is_cap(t)] + ([tokens[0]] if _is_cap(tokens[0]) and first not in _DETERMINERS else [])
    if _is_cap(head) and len(tokens) == 1 and low in words.anonymous_heads:
        return ANONYMOUS  # "Officials" capitalized at a sentence start
    if _is_cap(head):
        if low in words.publication_heads:
            return PUBLICATION
        if low in words.organization_heads:
            return ORGANIZATION
        if first == "the" and head.isupper() and len(head) >= 2:
            return ORGANIZATION  # "the FBI", "the DNC"
        if first == "the" and any(t.lower() in words.publication_heads for t in tokens[1:]):
            return PUBLICATION  # "The Daily Beast"
        if first == "the" and any(t.lower() in words.organization_heads for t in tokens[1:]):
            return ORGANIZATION  # "The Committee for a Responsible Federal Budget": persons take no article
        return PERSON
    if low in words.anonymous_heads and (
        not caps and (first in words.anonymous_determiners or low.endswith("s") or first not in _DETERMINERS)
    ):
        return ANONYMOUS
    if low in words.person_roles:
        return PERSON
    if low in words.publication_heads:
        return PUBLICATION
    if low in words.organization_heads or (low.endswith("s") and low[:-1] in words.organization_heads):
        return ORGANIZATION
    if low in words.anonymous_heads:
        return ANONYMOUS
    return UNRESOLVED


@cache
def _skip_words() -> frozenset[str]:
    """Capitalized one-word runs that are never names: sentence-initial function words and pronouns."""
    words = speaker_words()
    lowered = words.stop | words.pronouns | _DETERMINERS
    return (frozenset(w[:1].upper() + w[1:] for w in lowered) | words.openers) - words.name_stopwords


def _strip_titles(tokens: list[str], words: SpeakerWords) -> list[str]:
    """Drop leading titles and articles; a body's name keeps its words ("Democratic National Committee")."""
    last = tokens[-1].lower() if tokens else ""
    body = last in words.organization_heads or last in words.publication_heads
    while len(tokens) > 1 and ((tokens[0] in words.titles and not body) or tokens[0].lower() in _DETERMINERS):
        tokens = tokens[1:]
    return tokens


@dataclass(frozen=True)
class _Run:
    start: int
    tokens: tuple[str, ...]  # title-stripped capitalized tokens
    titled: bool  # a title such as "Mr" or "President" stood before it


_CUE_FORMS = frozenset(cue_lexicon().forms)


def _ends_phrase(toks: list[str], i: int, words: SpeakerWords) -> bool:
    """Whether toks[i] is the last word of its noun phrase, so a head there is no modifier ("the weekly
    benefit"): punctuation, the window's end, a function word or a verb-like -s/-ed word follows, or it is
    a capitalized name ("the National Committee began")."""
    tok = toks[i]
    if tok[-1] in ",;:." or i + 1 >= len(toks) or tok[:1].isupper():
        return True
    nxt = toks[i + 1].rstrip(",;:.").lower()
    return nxt in words.stop or nxt in _DETERMINERS or nxt == "of" or nxt.endswith(("s", "ed")) or nxt in _CUE_FORMS


class Resolver:
    """Resolves speaker mentions of one article to their fullest form and pronouns to antecedents."""

    def __init__(self, text: str) -> None:
        """Index every capitalized name run of the article.

        Args:
            text: the article body.
        """
        self.words = speaker_words()
        self.text = text
        self.runs: list[_Run] = []
        self.display: dict[tuple[str, ...], str] = {}
        self.gender: dict[str, str] = {}  # surname -> "m" | "f", from "Mr."/"Mrs." and resolved pronouns
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        titles, openers = self.words.titles, self.words.openers
        by_last = self.by_last
        skip = _skip_words()
        for m in _NAME_RUN.finditer(text):
            if m.start() and text[m.start() - 1] in _NAME_GLUE:
                continue  # "iPhone", "e.Coli": not the start of a name
            word = m.group()
            if word in skip:
                continue  # a lone capitalized function word or pronoun ("The", "He", "But")
            raw = word.split()
            # A run crosses a sentence end at a word with a final period that is no initial or title
            # ("... Hester. Michael Mulgrew"): keep what follows it.
            for i in range(len(raw) - 2, -1, -1):
                if raw[i].endswith(".") and len(raw[i]) > 3 and raw[i] not in titles:
                    raw = raw[i + 1 :]
                    break
            # Capitalized function words and openers start a sentence, not a name ("If Mr. Trump").
            while len(raw) > 1 and (raw[0] in openers or raw[0].lower() in self.words.stop):
                raw = raw[1:]
            last = raw[-1].rstrip(".") if len(raw[-1]) > 2 else raw[-1]  # "Strength." at a sentence end
            if last.endswith(("'s", "’s")):
                raw[-1] = last[:-2]
            elif last.endswith(("'", "’")):
                raw[-1] = last[:-1]
            else:
                raw[-1] = last
            if not raw[-1]:
                continue
            # Descriptors end at the last title: "Vermont Sen. Bernie Sanders" names "Bernie Sanders".
            if raw[-1].lower() not in self.words.organization_heads:
                for i in range(len(raw) - 2, 0, -1):
                    if raw[i] in titles:
                        raw = raw[i:]
                        break
            first = raw[0]
            if first in titles or first.lower() in _DETERMINERS:
                stripped = _strip_titles(raw, self.words)
            elif len(raw) == 1 and first in openers:
                continue
            else:
                stripped = raw
            if len(stripped) == 1 and stripped[0] in openers:
                continue
            titled = len(stripped) < len(raw) and first in titles
            key = tuple(stripped)
            self.runs.append(_Run(m.start(), key, titled))
            if first in ("Mr", "Mr."):
                self.gender[key[-1]] = "m"
            elif first in ("Mrs", "Mrs.", "Ms", "Ms.", "Miss"):
                self.gender[key[-1]] = "f"
            by_last.setdefault(key[-1], []).append(key)
            if first == "The" and len(raw) > 2 and raw[1:] == stripped:
                # "The New York Times": the article's own capitalized "The" belongs to the name.
                self.display[tuple(stripped)] = "The " + " ".join(stripped)
        self.speakers: list[tuple[int, str, str]] = []  # (offset, canonical, type) of resolved named speakers
        self._persons: list[tuple[int, str]] | None = None
        self._full: dict[tuple[str, ...], list[str] | None] = {}

    def full_form(self, tokens: list[str]) -> list[str] | None:
        """The most frequent longer name in the article that ends like `tokens` and contains all of them."""
        if not tokens:
            return None
        key = tuple(tokens)
        if key not in self._full:
            self._full[key] = self._full_form(tokens)
        return self._full[key]

    def _name_like(self, cand: tuple[str, ...]) -> bool:
        """A run that can be a person's or an outlet's full name: short, no function word, not a group."""
        if len(cand) > 5 or cand[-1].endswith(_GROUP_ENDINGS):
            return False
        return not any(t.lower() in self.words.stop and t not in self.words.name_stopwords for t in cand)

    def _full_form(self, tokens: list[str]) -> list[str] | None:
        cands = [
            c
            for c in self.by_last.get(tokens[-1], ())
            if len(c) > len(tokens) and set(tokens) <= set(c) and self._name_like(c)
        ]
        if not cands:
            return None
        counts: dict[tuple[str, ...], int] = {}
        for c in cands:
            counts[c] = counts.get(c, 0) + 1
        best = max(counts, key=lambda c: (len(c) >= 2 and counts[c], len(c)))
        return list(best)

    def canonical(self, mention: str) -> tuple[str, str]:
        """Resolve a non-pronoun mention to (canonical form, type)."""
        kind = speaker_type(mention)
        tokens = mention.split()
        if " and " in mention or kind in (ANONYMOUS, UNRESOLVED):
            return mention, kind
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
        if not _is_cap(tokens[-1]):
            return mention, kind
        # The name proper is the trailing run of capitalized words, after any possessive or lowercase word:
        # "White House press secretary Josh Earnest" -> "Josh Earnest", "NBC's Dante Chinni" -> "Dante Chinni".
        start = len(tokens)
        while start > 0 and (
            (_is_cap(tokens[start - 1]) and not _POSSESSIVE.search(tokens[start - 1]))
            or (tokens[start - 1] in ("of", "de", "van", "von") and start < len(tokens))
        ):
            start -= 1
        core = _strip_titles(tokens[start:], self.words)
        full = self.full_form(core)
        if full is None:
            # No longer form in the article: a full name loses its title ("Mr. Alan Brown" -> "Alan Brown").
            return (" ".join(core) if kind == PERSON and len(core) >= 2 else mention), kind
        if kind == PUBLICATION and tuple(full) in self.display:
            return self.display[tuple(full)], kind
        return " ".join(full), kind

    def note(self, offset: int, canonical: str, kind: str) -> None:
        """Remember a resolved named speaker as a possible antecedent for later pronouns."""
        self.speakers.append((offset, canonical, kind))

    def _person_candidates(self) -> list[tuple[int, str]]:
        """(offset, full name) of every name run that can be a person antecedent, computed once."""
        if self._persons is None:
            self._persons = []
            for run in self.runs:
                if "of" in run.tokens[:-1] and run.tokens[0].lower() in self.words.anonymous_heads:
                    # "Supporters of Peter Holm": the person is the name after "of".
                    tail = run.tokens[len(run.tokens) - run.tokens[::-1].index("of") :]
                    run = _Run(run.start, tail, run.titled)
                low = run.tokens[-1].lower()
                if low in self.words.organization_heads or low in self.words.publication_heads:
                    continue
                if len(run.tokens) >= 2 and self._name_like(run.tokens):
                    # A multi-word name with no function word ("Peace Through Strength" has one) is taken
                    # for a person unless its last word names a place or a body (checked above).
                    self._persons.append((run.start, " ".join(run.tokens)))
                    continue
                full = self.full_form(list(run.tokens))
                if full is not None and len(full) >= 2:
                    self._persons.append((run.start, " ".join(full)))
                elif run.titled:
                    self._persons.append((run.start, " ".join(run.tokens)))
        return self._persons

    def pronoun(self, pronoun: str, offset: int) -> tuple[str | None, str]:
        """Resolve a pronoun at `offset` to (canonical antecedent or None, type)."""
        low = pronoun.lower()
        if low in self.words.person_pronouns:
            want = "m" if low in ("he", "him") else "f"
            persons = self._person_candidates()
            cands = persons[max(0, bisect.bisect_left(persons, (offset, "")) - _ANTECEDENTS) :]
            cands += [(s[0], s[1]) for s in self.speakers[-_ANTECEDENTS:] if s[2] == PERSON]
            cands = [c for c in cands if c[0] < offset]
            # Nearest first; a name known to be of the other gender ("Mr."/"Mrs.", an earlier he/she) is skipped.
            for _, name in sorted(cands, reverse=True):
                if self.gender.get(name.split()[-1], want) == want:
                    self.gender[name.split()[-1]] = want
                    return name, PERSON
            return None, UNRESOLVED
        wanted = (ORGANIZATION, PUBLICATION) if low == "it" else (ORGANIZATION, PUBLICATION, ANONYMOUS)
        plural = low != "it"
        # "The harbor authority will add ferries, it said.": the subject of the pronoun's own sentence
        # speaks, ahead of any earlier speaker.
        bodies = self._bodies(offset, plural)
        sentence_start = self._sentence_start(offset)
        own = [b for b in bodies if b[0] >= sentence_start]
        if own:
            return own[0][1], own[0][2]
        spk = [s for s in self.speakers if s[0] < offset and s[2] in wanted]
        if spk and offset - spk[-1][0] < 1500:
            return spk[-1][1], spk[-1][2]
        if bodies:
            return bodies[-1][1], bodies[-1][2]  # the nearest body mentioned before, in the same paragraph
        return None, UNRESOLVED

    def _sentence_start(self, offset: int) -> int:
        """Start of the sentence holding `offset` (after the last sentence end or line break before it)."""
        start = max(0, offset - _BODY_WINDOW)
        for m in _SENTENCE_BREAK.finditer(self.text, start, offset):
            start = m.end()
        return start

    def _bodies(self, offset: int, plural: bool) -> list[tuple[int, str, str]]:
        """(start, canonical, type) of the unnamed bodies or groups ("the port authority", "the officials")
        written before `offset` in its paragraph: antecedents for a speaking "it" or "they"."""
        text, words = self.text, self.words
        floor = max(0, offset - _BODY_WINDOW)
        para = text.rfind("\n", floor, offset)
        floor = para + 1 if para >= 0 else floor
        out = []
        for m in _BODY_NP.finditer(text, floor, offset):
            toks = [m.group(), *m.group("tail").split()]
            end = 0
            for i in range(1, min(len(toks), 5)):
                tok = toks[i].rstrip(",;:.")
                if tok.lower() in words.stop or tok.lower() in _DETERMINERS:
                    break  # "the board will ...", "the paper notes the ...": the noun phrase ends there
                if self._body_head(tok.lower(), plural) and _ends_phrase(toks, i, words):
                    end = i
                if tok != toks[i]:
                    break  # punctuation closes the noun phrase
            if end:
                mention = " ".join(toks[: end + 1]).rstrip(",;:.")
                canonical, kind = self.canonical(mention)
                out.append((m.start(), canonical, kind if kind != UNRESOLVED else ORGANIZATION))
        return out

    def _body_head(self, head: str, plural: bool) -> bool:
        """Whether `head` ends a mention of a body ("authority") or, for "they", of a group ("officials")."""
        words = self.words
        single = head.removesuffix("s")
        if head in words.place_heads or single in words.place_heads or head in words.non_heads:
            return False
        if plural:
            # Groups of people only ("the officials", "the residents"): a plural organization noun is as often
            # a verb ("the dispute centers on") or a thing ("the clubs") as a speaking body.
            return head in words.anonymous_heads and (head.endswith("s") or head in ("police", "people"))
        return not head.endswith("s") and (head in words.organization_heads or head in words.publication_heads)
