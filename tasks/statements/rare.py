"""Rare cues, searched once over the whole body: "according to X", "reported by X", "it was reported that",
"reportedly", "when asked whether"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.clauses import alternation, either_case_first
from tasks.statements.cue_index import KEPT as _FOLD_KEPT
from tasks.statements.cues import LEXICON, cue_lexicon, trie_alternation
from tasks.statements.mentions import mention_after, mention_before
from tasks.statements.spans import Candidate, SpanSet
from tasks.statements.speaker_words import speaker_words
from tasks.statements.structure import count_words, trim_content

_WORDISH: Final = re.compile(r"[\w'’-]")
_BISECT_FROM: Final = 8  # below this many matches a linear scan is cheaper than a bisect

# After "A, according to X, ...": words that open a phrase about X (an appositive, a relative clause) or a
# comparison, not more of what X reports.
# The last ", and" / ", but" / ";" before a passive cue: the clause of the cue's subject starts after it.
_CLAUSE_BEFORE_SUBJECT: Final = re.compile(r"(?:,\s+(?:and|but)|;)\s+(?!.*(?:,\s+(?:and|but)|;)\s)", re.DOTALL)
_SOURCE_APPOSITIVE: Final = re.compile(r"(?:an?|one|where|which|who|whose|compared)\b")


@dataclass(frozen=True)
class RarePattern:
    """One rare cue: its pattern, and the substrings one of which every match holds, each with where it
    stands from the match's start, as bytes of the body's fold (cue_index.fold)."""

    needles: tuple[tuple[bytes, int], ...]
    pattern: re.Pattern[str]


def _rare(needles: tuple[tuple[str, int], ...], pattern: re.Pattern[str]) -> RarePattern:
    """A RarePattern with each distinct needle once, as ASCII bytes.

    A needle of letters, digits, "_", "'", "-" and spaces stands in the fold wherever it stands in the body (the
    fold keeps those characters and turns every other one into a space), so a search of the fold misses no
    match.

    Raises:
        ValueError: a needle holds another character, which the fold does not keep.
    """
    odd = [needle for needle, _ in needles if needle.replace(" ", "").strip(_FOLD_KEPT)]
    if odd:
        raise ValueError(f"rare cue needles outside [A-Za-z0-9_' -], which the fold does not keep: {odd}")
    return RarePattern(tuple(dict.fromkeys([(needle.encode("ascii"), offset) for needle, offset in needles])), pattern)


@dataclass(frozen=True)
class RarePatterns:
    """The rare cue patterns; a search of the body's fold for their needles, then a match where one stands,
    costs far less than a regex scan of the text."""

    according: RarePattern
    hedged: RarePattern  # "reportedly", "allegedly"
    passive_by: RarePattern  # "was first reported by X"; group pby is the cue
    it_passive: RarePattern  # "it was reported that"; group pitcue is the cue
    asked: RarePattern  # "asked (by X) whether"; groups askcue, agent
    passive_report: RarePattern  # "accused of", "criticized for": a frame of a report with nobody named
    passive_report_aux: re.Pattern[str]  # the auxiliary (and adverb) that must end right before such a frame
    passive_aux: re.Pattern[str]  # the auxiliaries and adverbs before a passive_by verb


def _spaced(entries: tuple[str, ...]) -> str:
    """An alternation of escaped entries whose spaces match any whitespace run."""
    return "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in entries)


def _spaced_with_adverb(entries: tuple[str, ...], adverbs: tuple[str, ...]) -> str:
    """Like `_spaced`, with one adverb allowed between the words of an entry ("have sometimes been")."""
    adverb = rf"\s+(?:(?:{alternation(adverbs)}|[a-z]+ly)\s+)?"
    return "|".join(adverb.join(map(re.escape, entry.split())) for entry in entries)


@cache
def rare_patterns() -> RarePatterns:
    """Compile the rare cue patterns from lexicons/cues.txt (once per process)."""
    lex = load_lexicon(LEXICON)
    entries = cue_lexicon().according
    according = trie_alternation(list(entries) + [e[:1].upper() + e[1:] for e in entries])
    passive_verbs = lex["passive_by_verbs"]
    hedges = lex["hedge_adverbs"]
    it_auxes = lex["it_passive_auxiliaries"]
    spaced_auxes = _spaced(it_auxes)
    it_adverbs = "|".join(rf"{re.escape(a)}\s+" for a in lex["it_passive_adverbs"])
    return RarePatterns(
        # The longest word of an entry without its first letter, which may be a capital ("According to").
        according=_rare(
            tuple((max(e.split(), key=len)[1:], e.index(max(e.split(), key=len)) + 1) for e in entries),
            re.compile(rf"(?:{according})(?![\w'’-])"),
        ),
        hedged=_rare(tuple((h, 0) for h in hedges), re.compile(rf"(?:{alternation(hedges)})\b")),
        passive_by=_rare(
            tuple((f"{v} by", 0) for v in passive_verbs),
            re.compile(rf"(?P<pby>(?:{alternation(passive_verbs)})\s+by)\s+"),
        ),
        it_passive=_rare(
            tuple((f"t {aux}", 1) for aux in it_auxes),
            re.compile(
                rf"[Ii]t\s+(?P<pitcue>(?:{spaced_auxes})\s+(?:{it_adverbs})?(?:{alternation(lex['it_passive_verbs'])}))"
                r"\s+(?:that\s+)?"
            ),
        ),
        asked=_rare(
            (("sked", 1),),
            re.compile(
                r"(?P<askcue>[Aa]sked)(?:\s+by\s+(?P<agent>[^,.;:]{1,60}?))?"
                rf"\s+(?=(?:{alternation(lex['question_words'])})\b)"
            ),
        ),
        # The frame first: a pattern that opens with its participle's letters scans a body fast.
        passive_report=_rare(
            tuple((frame.split()[0], 0) for frame in lex["passive_report_frames"]),
            re.compile(rf"(?:{_spaced(lex['passive_report_frames'])})\b"),
        ),
        passive_report_aux=re.compile(
            rf"(?<![\w'’-])(?:{_spaced_with_adverb(lex['passive_auxiliaries'], lex['adverbs'])})"
            rf"\s+(?:(?:{alternation(lex['adverbs'])}|[a-z]+ly)\s+)?$"
        ),
        passive_aux=re.compile(
            rf"(?<![\w-])(?:(?:{alternation(lex['passive_auxiliaries'])})\s+)?"
            rf"(?:(?:{alternation(lex['passive_adverbs'])})\s+)?$"
        ),
    )


@cache
def _asked_prefix() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{either_case_first(load_lexicon(LEXICON)['asked_prefixes'])})\s+$")


def _find(text: str, folded: bytes, rare: RarePattern) -> list[re.Match[str]]:
    """Every match of a rare pattern that starts a word, tried only where a needle stands in the body's fold
    (one byte per character: a bytes search costs less than one of a body that holds a curly quote)."""
    starts: set[int] = set()
    for needle, offset in rare.needles:
        i = folded.find(needle)
        while i >= 0:
            if i - 1 >= offset:  # text[j] is folded[j + 1]
                starts.add(i - 1 - offset)
            i = folded.find(needle, i + 1)
    out = []
    end = 0
    for start in sorted(starts):
        m = rare.pattern.match(text, start) if start >= end else None
        if m is None:
            continue
        end = m.end()  # matches do not overlap, as in a scan
        if start == 0 or not _WORDISH.match(text, start - 1):
            out.append(m)
    return out


def _first_within(matches: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    """The first of a text-wide list of matches that lies inside [start, end)."""
    i = bisect.bisect_left([m.start() for m in matches], start) if len(matches) > _BISECT_FROM else 0
    for m in matches[i:]:
        if m.start() >= end:
            return None
        if m.start() >= start and m.end() <= end:
            return m
    return None


class RareCues:
    """The rare cues of one article, found once, looked up per sentence."""

    def __init__(self, text: str, folded: bytes, in_quotes: SpanSet) -> None:
        """Search the body for every rare cue.

        Args:
            text: the article body.
            folded: the body's fold (cue_index.fold), where the needles are searched.
            in_quotes: the quoted spans (a cue inside a quote is no attribution).
        """
        patterns = rare_patterns()
        self.text = text
        self.in_quotes = in_quotes
        self.according_at = _find(text, folded, patterns.according)
        self.hedged_at = _find(text, folded, patterns.hedged)
        self.passive_by_at = _find(text, folded, patterns.passive_by)
        self.it_passive_at = _find(text, folded, patterns.it_passive)
        self.asked_at = _find(text, folded, patterns.asked)
        self.passive_report_at = _find(text, folded, patterns.passive_report)
        self._starts = sorted(
            m.start()
            for found in (self.according_at, self.hedged_at, self.passive_by_at, self.it_passive_at, self.asked_at,
                          self.passive_report_at)
            for m in found
        )

    def any_within(self, start: int, end: int) -> bool:
        """Whether any rare cue starts in [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end

    def according(self, start: int, end: int) -> Candidate | None:
        """'According to X, ...', '... , according to X.', 'A, according to X, is B': in sentence [start, end)."""
        text = self.text
        m = _first_within(self.according_at, start, end)
        if not m or m.start() in self.in_quotes:
            return None
        cue = (m.start(), m.end())
        speaker = mention_after(text, cue[1] + 1, end)
        if speaker is None:
            return None
        openers = speaker_words().openers
        lead = text[start : cue[0]].strip(" \"“")
        if lead.endswith((":", ";")):
            # "And it has not gone unnoticed: according to recent polls, ...": the clause before the colon is
            # the writer's; the source's words follow it
            lead = ""
        if not lead or lead in openers or lead.rstrip(",") in openers:
            comma = text.find(",", speaker[1], end)
            if comma < 0:
                return None
            content = trim_content(text, comma + 1, end)
            rule = "according_to_first"
        else:
            content = trim_content(text, start, cue[0])
            rule = "according_to_last"
            if text.startswith(",", speaker[1]) and count_words(text, speaker[1], end) >= 2:
                # "Among the risks, according to X, are ...": the content runs on after the source.
                if count_words(text, *trim_content(text, start, end)) < 4:
                    return None
                rest = trim_content(text, speaker[1] + 1, end)
                if _SOURCE_APPOSITIVE.match(text, rest[0], rest[1]):
                    # "..., according to the Union, an advocacy group.": the rest describes the source
                    return Candidate([content], speaker, cue, "according_to_last") if count_words(text, *content) >= 4 else None
                return Candidate([content, rest] if content[1] > content[0] else [rest], speaker, cue,
                                 "according_to_middle")
        if count_words(text, *content) < 4:
            return None
        return Candidate([content], speaker, cue, rule)

    def asked(self, start: int, end: int) -> Candidate | None:
        """'When asked whether ..., X said': the question is a statement of the asker (often unnamed)."""
        text = self.text
        m = _first_within(self.asked_at, start, end)
        if m is None or m.start() in self.in_quotes:
            return None
        before = text[start : m.start()].rstrip()
        prefixed = _asked_prefix().search(text, max(start, m.start() - 12), m.start())
        aux = rare_patterns().passive_report_aux.search(text, max(start, m.start() - 30), m.start())
        if before and not before.endswith((",", "—", "(")) and not prefixed and aux is None:
            return None  # "She asked whether ...": the active cue rule handles a named asker
        comma = text.find(",", m.end(), end)
        content = trim_content(text, m.end(), comma if comma > 0 else end)
        if count_words(text, *content) < 2:
            return None
        speaker = mention_after(text, m.start("agent"), m.end("agent")) if m.group("agent") else None
        cue_end = m.end("agent") if speaker is not None else m.end("askcue")
        if aux is not None and not prefixed:
            # "Ronald Reagan was once asked how the Cold War would end": the one asked and the question are what
            # was said to them, two fragments around the passive cue
            subject = mention_before(text, aux.start(), start)
            if subject is not None:
                return Candidate([subject, content], speaker, (aux.start(), cue_end), "asked_passive")
        return Candidate([content], speaker, (m.start("askcue"), cue_end), "asked_passive")

    def passive(self, start: int, end: int) -> Candidate | None:
        """'X was first reported by Y', 'It was reported that X', 'X reportedly did Y', 'X was accused of Y':
        in [start, end)."""
        text = self.text
        m = _first_within(self.passive_by_at, start, end)
        if m and m.start() not in self.in_quotes:
            speaker = mention_after(text, m.end(), end)
            aux = rare_patterns().passive_aux.search(text, max(start, m.start() - 30), m.start())
            cue_begin = aux.start() if aux else m.start()
            content = trim_content(text, start, cue_begin)
            if speaker is not None and content[1] > content[0]:
                # "The meeting was first reported by Politico.": the subject is what was reported.
                return Candidate([content], speaker, (cue_begin, m.end("pby")), "passive_by")
        m = _first_within(self.it_passive_at, start, end)
        if m:
            content = trim_content(text, m.end(), end)
            if count_words(text, *content) >= 3:
                return Candidate([content], None, (m.start("pitcue"), m.end("pitcue")), "passive_it")
        m = _first_within(self.hedged_at, start, end)
        if m and m.start() not in self.in_quotes:
            content = trim_content(text, start, end)
            if count_words(text, *content) >= 4:
                return Candidate([content], None, (m.start(), m.end()), "reportedly")
        m = _first_within(self.passive_report_at, start, end)
        aux = rare_patterns().passive_report_aux.search(text, max(start, m.start() - 30), m.start()) if m else None
        if m and aux and m.start() not in self.in_quotes:
            # "Mr. Vos was accused of hiding the report": the subject and the complement are what someone said,
            # the passive cue between them is in neither.
            content = trim_content(text, start, end)
            if count_words(text, *content) >= 4:
                # "..., and Mr. Vos was said to be furious": the subject opens the last coordinated clause
                clause = _CLAUSE_BEFORE_SUBJECT.search(text, start, aux.start())
                subject = trim_content(text, clause.end() if clause else start, aux.start())
                rest = trim_content(text, m.end(), end)
                if subject[1] > subject[0] and rest[1] > rest[0]:
                    return Candidate([subject, rest], None, (aux.start(), m.end()), "passive_report")
                return Candidate([content], None, (aux.start(), m.end()), "passive_report")
        return None


