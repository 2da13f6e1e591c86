"""Attributed-statement extraction (who said what): direct quotes, reported speech and mixed forms.

Rules (the `rule` column names them), in the order they claim text:
  1. quotes with an adjacent attribution (direct.py): '"...," X said' (quote_then_said), '"...," said X'
     (quote_said_name), 'X said: "..."' (said_then_quote), '..., adding, "..."' (participle_quote),
     'X: "..."' (name_colon_quote), '"..." ― X' (quote_dash_name); merged with the fragments that continue
     them (split quotes, and a quote left open at a paragraph end that the next paragraph reopens); with a
     parenthetical attribution whose quote goes on in lowercase ('So when X, he said, "we were floored."'),
     the words opening the sentence before it are the first fragment; a title-case title after a word that
     introduces one ('on CNN's "State of the Union."') is no quote of the speaker;
  2. 'X: ...' opening a paragraph (name_colon_line: headlines, transcripts);
  3. per sentence (reported.py), every reporting cue outside quotes and outside rule-1 attributions:
     subject + cue + complement (speaker_said_that; the subject may stand before an appositive, an aside
     between dashes or a dated adverbial, be a relative "who"/"which", and speak through "appeared to",
     "went on to"; a relative pronoun or a bare noun phrase before the subject is the first fragment when it
     stands for the reported clause's subject: "which he said were split", "a probe the agency said was
     ongoing"), "Jane Doe, a lawyer, said ..." (speaker_appositive_said), "... and said ..."
     (coordinated_said), "CONTENT, X said." (content_then_said), "A, he said, B" (parenthetical_said),
     "CONTENT, said X." (content_said_name), ", adding that ..." / ", asking X to ..." (participle), "the
     leak, which she denies, ..." (relative_object: a relative pronoun as the cue's own object); when a
     sentence has none of these (rare.py): "according to X" (according_to_first / _middle / _last), "... was
     first reported by X" (passive_by), "it was reported that ..." (passive_it), "reportedly" (reportedly),
     "X was accused of ...", "X is said to be ..." (passive_report); and "when asked whether ...", "X was
     asked how ..." (asked_passive) in any sentence;
  4. every statement then runs on over a quote it opens, over a bare quote that opens the sentence after its
     attribution, and over the bare quotes (no cue of their own) that follow it, in the same or the next
     paragraphs (assemble.py): the same speaker goes on talking.
A statement has one fragment per quoted or reported piece; the attribution between two fragments is in
none of them. Direct content excludes the quote marks. Reported speech is "mixed" when it holds a quoted run
of three or more words; a shorter scare quote leaves it "indirect". Cues, speaker words and clause words are
data: lexicons/cues.txt, speakers.txt and clauses.txt.
"""

from __future__ import annotations

import re

from tasks.statements.assemble import assemble
from tasks.statements.direct import Findings, colon_lines, direct_quotes
from tasks.statements.rare import RareCues
from tasks.statements.reported import reported_in_sentence
from tasks.statements.spans import SpanSet
from tasks.statements.statement import Statement
from tasks.statements.structure import Article

__all__ = ["Statement", "extract_statements"]


def _cues_outside_quotes(doc: Article) -> list[re.Match[str]]:
    """The cue phrases of the body that start outside quotes, in order: what a scan of the whole body finds
    there (a cue inside a quote reports nothing here), for less scanning.

    A phrase never runs into a quote mark, so the scan stops at each opening mark (kept in the scan, so the
    word before it sees what follows it) and resumes after the closing one.
    """
    matches: list[re.Match[str]] = []
    pos = 0
    for quote in doc.quotes:
        if quote.start > pos:
            matches.extend(doc.cues.matches(pos, quote.start + 1))
        pos = max(pos, quote.end)
    matches.extend(doc.cues.matches(pos, len(doc.text)))
    return matches


def _reported(doc: Article, found: Findings) -> None:
    """Run the reported-speech rules over every sentence, each with the cue matches inside it."""
    rare = RareCues(doc.text, doc.cues.folded, doc.in_quotes)
    matches = _cues_outside_quotes(doc)
    k = 0
    for paragraph_sentences in doc.sentences:
        for sentence in paragraph_sentences:
            while k < len(matches) and matches[k].start() < sentence[0]:
                k += 1
            j = k
            while j < len(matches) and matches[j].start() < sentence[1]:
                j += 1
            reported_in_sentence(doc, found, rare, sentence, matches[k:j])
            k = j


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
    doc = Article(text)
    found = Findings()
    direct_quotes(doc, found)
    found.in_claimed = SpanSet(found.claimed)
    colon_lines(doc, found)
    found.in_claimed = SpanSet(found.claimed)
    _reported(doc, found)
    return assemble(doc, found.candidates, SpanSet(found.claimed))
