"""Assembly of candidates into Statements: quotes that continue a statement, kinds, resolved speakers."""

from __future__ import annotations

import re
from typing import Final

from tasks.statements.direct import CONTINUED_PARAGRAPH
from tasks.statements.mentions import mention_before
from tasks.statements.resolve import Resolver
from tasks.statements.spans import Candidate, SpanSet
from tasks.statements.speaker_words import UNRESOLVED, speaker_words
from tasks.statements.statement import Statement
from tasks.statements.structure import Article, count_words

_MIN_CONTINUED_WORDS: Final = 3
# What stands between two fragments in `content` (the attribution between them is left out).
FRAGMENT_JOINER: Final = " … "
# Between a statement and a bare quote that continues it: the sentence end, closing marks, whitespace.
_QUOTE_GAP: Final = re.compile(r"[\s.,;:!?\"”’')]*")


def continue_quotes(doc: Article, candidate: Candidate, claimed: SpanSet) -> list[Candidate]:
    """Extend a statement over the quote it opens and over the bare quotes that follow it.

    'He added that the report should "be read in context. It was a hard night."' runs past the
    sentence split inside the quote; 'She says the rules are fair. "They protect everyone."' goes on
    in a quote with no cue of its own, which the same speaker is taken to have said: a fragment of the
    statement in its paragraph, a statement of its own (continued_paragraph) in a later one.

    Args:
        doc: the article.
        candidate: the statement; its last fragment and its fragments grow in place.
        claimed: quotes and attributions of direct statements (a claimed quote is someone else's).

    Returns:
        The statements of the later paragraphs that continue it, in order.
    """
    text = doc.text
    start, end = candidate.content
    # Quotes do not overlap, so only the last one starting inside the content can close after it.
    i = doc.first_quote_from(end)
    if i > 0 and doc.quote_starts[i - 1] >= start:
        inner_end = doc.inner(doc.quotes[i - 1])[1]
        if inner_end > end and count_words(text, doc.quotes[i - 1].start, end) >= 1:
            end = inner_end  # a quote opened inside the content closes after it
            candidate.fragments[-1] = (candidate.fragments[-1][0], end)
    continued: list[Candidate] = []
    current = candidate
    while i < len(doc.quotes):
        quote = doc.quotes[i]
        gap = text[end : quote.start] if quote.start >= end else ""
        if quote.start < end or not _QUOTE_GAP.fullmatch(gap) or quote.start in claimed:
            break
        inner = doc.inner(quote)
        if "\n" in gap:
            if quote.start != doc.paragraphs[quote.paragraph][0] or count_words(text, *inner) < _MIN_CONTINUED_WORDS:
                break  # a short quote opening a paragraph is a term or a title, not the speaker going on
            current = Candidate([], candidate.speaker, candidate.cue, CONTINUED_PARAGRAPH, direct=True)
            continued.append(current)
        if inner[1] > inner[0]:
            current.fragments.append(inner)
        end = max(end, inner[1])
        i += 1
    return [c for c in continued if c.fragments]


def quote_after_attribution(doc: Article, candidate: Candidate, claimed: SpanSet, taken: SpanSet) -> None:
    """'"A," said Jane Doe, who runs the yard. "B."': the same speaker goes on in the next sentence.

    A quote that opens the sentence right after the one that attributes a statement (its speaker or cue
    after its content), with no cue of its own and no other statement before it, is one more fragment of it.

    Args:
        doc: the article.
        candidate: the statement; its fragments grow in place.
        claimed: quotes and attributions of direct statements (a claimed quote is someone else's).
        taken: the contents and cues of every statement found (a quote one of them holds is not bare).
    """
    if candidate.speaker is None or candidate.cue is None:
        return
    reach = max(candidate.speaker[1], candidate.cue[1])
    if reach <= candidate.content[1]:
        return  # the content ends the sentence: continue_quotes goes on from it
    i = doc.first_quote_from(reach)
    if i == len(doc.quotes):
        return
    quote = doc.quotes[i]
    paragraph = doc.paragraph_of(reach - 1)
    sentence_end = next(end for start, end in doc.sentences[paragraph] if start <= reach - 1 < end)
    if quote.paragraph != paragraph or quote.start != sentence_end or quote.start in claimed:
        return
    if taken.meets(reach, quote.end):
        return  # another statement stands between, or holds the quote
    inner = doc.inner(quote)
    if count_words(doc.text, *inner) >= _MIN_CONTINUED_WORDS:
        candidate.fragments.append(inner)


def bare_quote_paragraphs(doc: Article, candidates: list[Candidate], claimed: SpanSet) -> list[Candidate]:
    """'"...," Jane Doe said in a statement.' then a paragraph that is only a quote: she goes on talking.

    A paragraph made of one quote that no rule attributed, right after a paragraph whose last sentence holds
    an attributed statement, is a statement of that speaker with that cue (continued_paragraph).

    Args:
        doc: the article.
        candidates: the statements found so far.
        claimed: quotes and attributions of direct statements.

    Returns:
        The new statements, in text order.
    """
    text = doc.text
    last_by_paragraph: dict[int, Candidate] = {}
    for candidate in candidates:
        if candidate.speaker is not None and candidate.cue is not None:
            reach = max(candidate.content[1], candidate.speaker[1], candidate.cue[1])
            paragraph = doc.paragraph_of(reach - 1)
            known = last_by_paragraph.get(paragraph)
            if known is None or max(known.content[1], known.speaker[1], known.cue[1]) < reach:  # type: ignore[index]
                last_by_paragraph[paragraph] = candidate
    covered = SpanSet([c.content for c in candidates])
    out: list[Candidate] = []
    for quote in doc.quotes:
        paragraph_start, paragraph_end = doc.paragraphs[quote.paragraph]
        previous = last_by_paragraph.get(quote.paragraph - 1)
        if previous is None or quote.start != paragraph_start or quote.start in claimed or quote.start + 1 in covered:
            continue
        if text[quote.end : paragraph_end].strip():
            continue  # the paragraph holds more than the quote
        reach = max(previous.content[1], previous.speaker[1], previous.cue[1])  # type: ignore[index]
        if doc.sentence_floor(reach - 1, doc.paragraphs[quote.paragraph - 1][0]) != _last_sentence_start(doc, quote.paragraph - 1):
            continue  # more was said after the statement: the quote may be someone else's
        inner = doc.inner(quote)
        if count_words(text, *inner) < 2:
            continue
        statement = Candidate([inner], previous.speaker, previous.cue, CONTINUED_PARAGRAPH, direct=True)
        out.append(statement)
        last_by_paragraph[quote.paragraph] = statement
    return out


def _last_sentence_start(doc: Article, paragraph: int) -> int:
    return doc.sentences[paragraph][-1][0]


def _kind(doc: Article, candidate: Candidate) -> str:
    """direct for quoted words; mixed for reported speech with a quoted run of three or more words."""
    if candidate.direct:
        return "direct"
    # The whole span counts: a bare quote that continues reported speech is a fragment without its marks.
    return "mixed" if doc.holds_partial_quote(*candidate.content) else "indirect"


def _resolve(doc: Article, resolver: Resolver, candidate: Candidate) -> tuple[str, str | None, str]:
    """(speaker as written, canonical speaker, speaker type) of a candidate."""
    if candidate.speaker is None:
        return "", None, UNRESOLVED
    text = doc.text
    start, end = candidate.speaker
    speaker = text[start:end]
    low = speaker.lower()
    if low.split()[-1] in ("who", "whom", "which"):
        # "critics, who say ...": the relative pronoun stands for the mention right before it.
        antecedent = mention_before(text, len(text[:start].rstrip(" ,")), doc.paragraphs[doc.paragraph_of(start)][0])
        if antecedent is None:
            return speaker, speaker, UNRESOLVED
        return (speaker, *resolver.canonical(text[antecedent[0] : antecedent[1]], antecedent[0]))
    if low in speaker_words().pronouns:
        canonical, kind = resolver.pronoun(speaker, start)
        return speaker, canonical if canonical is not None else speaker, kind  # unresolved: the mention stays
    canonical, kind = resolver.canonical(speaker, start)
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
    if not candidates:
        return []  # no speaker to resolve: the article's names are never indexed
    text = doc.text
    taken = SpanSet([c.content for c in candidates] + [c.cue for c in candidates if c.cue is not None])
    for candidate in candidates:
        quote_after_attribution(doc, candidate, claimed, taken)
    continued = [c for candidate in candidates for c in continue_quotes(doc, candidate, claimed)]
    candidates = candidates + continued
    candidates += bare_quote_paragraphs(doc, candidates, claimed)
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
                content=FRAGMENT_JOINER.join(text[a:b] for a, b in candidate.fragments),
                kind=_kind(doc, candidate),
                content_start=start,
                content_end=end,
                fragments=tuple(candidate.fragments),
                speaker_start=candidate.speaker[0] if candidate.speaker else None,
                speaker_end=candidate.speaker[1] if candidate.speaker else None,
                cue_start=cue_start,
                cue_end=cue_end,
                rule=candidate.rule,
            )
        )
    return out
