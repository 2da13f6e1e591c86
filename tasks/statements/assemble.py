"""Assembly of candidates into Statements: quotes that continue a statement, kinds, resolved speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.statements.mentions import mention_before
from tasks.statements.resolve import Resolver
from tasks.statements.spans import Candidate, SpanSet
from tasks.statements.speaker_words import UNRESOLVED, speaker_words
from tasks.statements.structure import Article, count_words

# Between a statement and a bare quote that continues it: the sentence end, closing marks, whitespace.
_QUOTE_GAP = re.compile(r"[\s.,;:!?\"”’')]*")


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


def continue_quotes(doc: Article, candidate: Candidate, claimed: SpanSet) -> None:
    """Extend a statement over the quote it opens and over the bare quotes that follow it.

    'He added that the report should "be read in context. It was a hard night."' runs past the
    sentence split inside the quote; 'She says the rules are fair. "They protect everyone."' goes on
    in a quote with no cue of its own, which the same speaker is taken to have said.

    Args:
        doc: the article.
        candidate: the statement; its content grows in place.
        claimed: quotes and attributions of direct statements (a claimed quote is someone else's).
    """
    text = doc.text
    start, end = candidate.content
    # Quotes do not overlap, so only the last one starting inside the content can close after it.
    i = doc.first_quote_from(end)
    if i > 0 and doc.quote_starts[i - 1] >= start:
        inner_end = doc.inner(doc.quotes[i - 1])[1]
        if inner_end > end and count_words(text, doc.quotes[i - 1].start, end) >= 1:
            end = inner_end  # a quote opened inside the content closes after it
    while i < len(doc.quotes):
        quote = doc.quotes[i]
        gap = text[end : quote.start] if quote.start >= end else ""
        if quote.start < end or not _QUOTE_GAP.fullmatch(gap) or quote.start in claimed:
            break
        end = doc.inner(quote)[1]
        i += 1
    candidate.content = (start, end)


def _kind(doc: Article, candidate: Candidate) -> str:
    if candidate.direct:
        return "direct"
    return "mixed" if doc.holds_partial_quote(*candidate.content) else "indirect"


def _resolve(doc: Article, resolver: Resolver, candidate: Candidate) -> tuple[str, str | None, str]:
    """(speaker as written, canonical speaker, speaker type) of a candidate."""
    if candidate.speaker is None:
        return "", None, UNRESOLVED
    text = doc.text
    start, end = candidate.speaker
    speaker = text[start:end]
    low = speaker.lower()
    if low == "who":
        # "critics, who say ...": the relative pronoun stands for the mention right before it.
        antecedent = mention_before(text, len(text[:start].rstrip(" ,")), doc.paragraphs[doc.paragraph_of(start)][0])
        if antecedent is None:
            return speaker, None, UNRESOLVED
        return (speaker, *resolver.canonical(text[antecedent[0] : antecedent[1]]))
    if low in speaker_words().pronouns:
        return (speaker, *resolver.pronoun(speaker, start))
    canonical, kind = resolver.canonical(speaker)
    resolver.note(start, canonical, kind)
    return speaker, canonical, kind


def assemble(doc: Article, candidates: list[Candidate], claimed: SpanSet) -> list[Statement]:
    """Turn the candidates of an article into Statements, in text order, one per content span.

    Args:
        doc: the article.
        candidates: every candidate the rules found.
        claimed: quotes and attributions of direct statements.

    Returns:
        One Statement per distinct content span, speakers resolved in text order.
    """
    text = doc.text
    for candidate in candidates:
        continue_quotes(doc, candidate, claimed)
    resolver = Resolver(text)
    out: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for candidate in sorted(candidates, key=lambda c: c.content[0]):
        if candidate.content in seen:
            continue
        seen.add(candidate.content)
        start, end = candidate.content
        speaker, canonical, speaker_type = _resolve(doc, resolver, candidate)
        cue_start, cue_end = candidate.cue if candidate.cue else (None, None)
        out.append(
            Statement(
                speaker=speaker,
                speaker_canonical=canonical,
                speaker_type=speaker_type,
                cue=text[cue_start:cue_end] if cue_start is not None else "",
                content=text[start:end],
                kind=_kind(doc, candidate),
                content_start=start,
                content_end=end,
                fragments=((start, end),),
                speaker_start=candidate.speaker[0] if candidate.speaker else None,
                speaker_end=candidate.speaker[1] if candidate.speaker else None,
                cue_start=cue_start,
                cue_end=cue_end,
                rule=candidate.rule,
            )
        )
    return out
