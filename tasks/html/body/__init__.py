"""Main article text of a parsed HTML page: paragraphs vote for their container, furniture inside it is dropped.

How it works, in one pass over the tree plus a little bookkeeping:

1. **Linearise.** The tree is walked once; text is cut into blocks at block-level tags (``<p>``, ``<div>``,
   ``<li>``, ``<br>``, headings; a data table gives one block per row).  Each block remembers the innermost
   block element that owns it, how much of its text sits inside links, and the innermost *furniture* element
   around it: a tag (``<nav>``, ``<aside>``, ``<footer>``...) or a class/id hint such as ``share``, ``related``,
   ``newsletter`` or ``comment`` (lexicons ``html/body_tags`` and ``html/body_hints``).  Scripts, styles, hidden
   elements and small navigation/aside/footer subtrees are not walked at all.  ARIA landmark roles count like
   the matching tags.  An image's caption or credit set inline in a paragraph is a line of its own.
2. **Vote.** Every prose block (at least ``min_vote_chars`` long) adds ``1 + commas + min(chars / 100, 3)``,
   scaled by its share of non-link text, to the element holding it and decaying shares to the next ancestors,
   as in Arc90's readability.  An element's final score is its votes plus class/tag hints, times its share of
   non-link text, and shrunk when it sits inside furniture.
3. **Choose.** The best-scoring element wins; the choice moves up to an ancestor that scores better or that
   several strong candidates share, then out through wrappers holding nothing else.  Siblings that score well
   or hold plain prose are merged in, and so are "twins": elements with the winner's tag and class under a
   near ancestor.  That is how articles split over several ``<div>``s (around ads, embeds, teasers) come out whole.
4. **Emit.** Blocks of the chosen elements are kept in document order, except blocks inside furniture nested
   in the article (unless it wraps most of the article: class hints are fuzzy), link lists and one-line
   furniture ("Advertisement", "Share on Facebook", "Read more: ...").  Repeated paragraphs are kept: pull
   quotes and repeated list lines belong to the reference texts.  After a marker such as "Related articles" or
   "Latest news", text is held back until two prose paragraphs in a row show the article going on, which drops
   teaser lists (lexicon ``html/body_phrases``).  Prose between the page's <h1> and the container (a
   standfirst; a paragraph set in short lines by ``<br>``s is read as one) is put in front.
5. **JSON-LD.** When the page's JSON-LD ``articleBody`` is much longer than what the tree gave (text rendered by
   JavaScript, teaser-only markup), it is the answer; when it covers most of it, paragraphs it does not contain
   are dropped, provided the two mostly agree.

Why lxml and not a BeautifulSoup tree (measured on the 91 shared evaluation pages, 2 cores, Python 3.11):
building the bs4 tree alone, ``BeautifulSoup(text, "lxml")``, takes about 42 ms a page (24 pages/s), already
slower than trafilatura's whole extraction (28-45 pages/s on the same pages and process), while the acceptance
asks for twice trafilatura's speed.  ``lxml.html`` parses a page in about 1.1-1.3 ms and this module's walk and
scoring take about 1.9 ms of CPU, so ``extract_page`` (decode, parse, metadata, body) runs at about 200 pages/s,
3.7 times trafilatura's rate in wall and CPU time (``bench/extraction.py``, median of 3 runs on a machine
shared with other jobs, load about 3.7 on 2 cores).
BeautifulSoup is still used where it is good at its job: encoding detection in tasks.ingest.decode.
"""

from tasks.html.body.extract import extract_body
from tasks.html.body.settings import DEFAULT_SETTINGS, BodySettings

__all__ = ["DEFAULT_SETTINGS", "BodySettings", "extract_body"]
