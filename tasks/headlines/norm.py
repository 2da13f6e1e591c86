"""Headline text normalization: the documented rules behind `headlines.text_norm`, and story tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

from tasks.lexicon import load_lexicon

# Typographic variants that NFKC leaves alone but that publishers swap freely.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
# Truncation marks that aggregators append when they cut a long headline ("..." after NFKC of "…").
_TRUNCATION = re.compile(r"\s*(?:\.{2,}|\u2026)\s*$")
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}(?=\W|$)")
# Digits grouped by commas ("2,000") are one number; decimals ("3.5") keep their point.
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3}\b)")
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_")
_SPACES = re.compile(r"\s+")


@cache
def _rules() -> dict[str, object]:
    affixes = load_lexicon("headlines/affixes")
    tokens = load_lexicon("headlines/tokens")
    prefixes = [re.escape(p).replace(r"\ N", r"(?:\s+\d+)?").replace(r"\ ", r"\s+") for p in affixes["wire_prefix"]]
    prefix_re = re.compile(
        r"^\s*(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + r")" + r"\s*(?:-|:)\s*", re.IGNORECASE
    )
    # Outlet names may follow " - ", " | " or ": "; bracketed "(Reuters)" counts too.
    outlets = "|".join(re.escape(o) for o in sorted(affixes["outlet_suffix"], key=len, reverse=True))
    outlet_re = re.compile(
        r"(?:\s+(?:-|\|)\s*|\s*:\s*)(?:" + outlets + r")\s*$|\s*\((?:" + outlets + r")\)\s*$", re.IGNORECASE
    )
    sources = "|".join(re.escape(s) for s in sorted(affixes["source_suffix"], key=len, reverse=True))
    source_re = re.compile(r"(?:\s*:\s*|\s+-\s+)(?:" + sources + r")\s*$", re.IGNORECASE)
    folds: dict[str, str] = {}
    for row in tokens["abbreviation"]:
        dotted, folded = (part.strip() for part in row.split("=>"))
        folds[dotted] = folded
    # One alternation (longest first) instead of a pattern per row: text_norm runs on every headline.
    abbreviation_re = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(d) for d in sorted(folds, key=len, reverse=True)) + r")(?!\w)"
    )
    return {
        "prefix": prefix_re,
        "outlet": outlet_re,
        # What the text must end in for outlet_re or source_re to match at all (see _may_end_in).
        "outlet_end": _ending(list(affixes["outlet_suffix"]) + [")"]),
        "source": source_re,
        "source_end": _ending(affixes["source_suffix"]),
        "abbreviation": abbreviation_re,
        "folds": folds,
        "stopwords": frozenset(tokens["stopword"]),
    }


def _ending(suffixes: list[str]) -> tuple[re.Pattern[str], int]:
    """A pattern for "ends in one of `suffixes`, ignoring case", and how far from the end it reads."""
    alternation = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})\Z", re.IGNORECASE), max(map(len, suffixes))


def _may_end_in(text: str, ending: tuple[re.Pattern[str], int]) -> bool:
    """Whether `text`, its trailing whitespace aside, ends in one of the suffixes of `ending`.

    The suffix patterns end in `\\s*$`, which a regex engine tries at every position of the text; this test
    reads only the last characters, with the same engine and the same ignore-case rules, and so spares a long
    text (an article's lead) that scan when no match can end it.
    """
    pattern, reach = ending
    return pattern.search(text.rstrip()[-reach:]) is not None


def strip_affixes(text: str) -> str:
    """Remove wire prefixes ("UPDATE 1-", "REFILE-") and outlet/attribution suffixes ("- Reuters", ": sources").

    Args:
        text: a headline with quotes and dashes already unified.

    Returns:
        The headline without its decorations; never empty (an all-decoration headline is kept as is).
    """
    rules = _rules()
    out = text
    for _ in range(3):  # "REFILE-UPDATE 2-..." stacks prefixes
        stripped = rules["prefix"].sub("", out, count=1)  # type: ignore[union-attr]
        if stripped == out:
            break
        out = stripped
    outlet_end, source_end = rules["outlet_end"], rules["source_end"]
    for _ in range(2):  # "X: sources - Reuters" stacks suffixes
        stripped = out
        if _may_end_in(stripped, outlet_end):  # type: ignore[arg-type]
            stripped = rules["outlet"].sub("", stripped)  # type: ignore[union-attr]
        if _may_end_in(stripped, source_end):  # type: ignore[arg-type]
            stripped = rules["source"].sub("", stripped)  # type: ignore[union-attr]
        if stripped == out:
            break
        out = stripped
    return out if out.strip() else text


def cased_tokens(text: str) -> tuple[list[str], list[str]]:
    """Story tokens of a headline's capitalized and of its lowercase words, where capitals carry meaning.

    Only sentence-case headlines tell: the first word, words after ":", a tail after " - " or " | " (an
    outlet or section) and every word of a Title Case or ALL CAPS headline (more than half of its longer
    words capitalized) are skipped. Across a night, a token
    never written in lowercase is a name (a place, team, company or person).

    Args:
        text: a headline as published.

    Returns:
        (tokens of capitalized words, tokens of lowercase words).
    """
    words = display_text(unicodedata.normalize("NFKC", text or "").translate(_QUOTES)).split()
    # A tail after " - " or " | " is mostly an outlet or section name the lexicon does not know yet.
    for sep in ("-", "|"):
        if sep in words[1:]:
            words = words[: words.index(sep, 1)]
    long_words = [w for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    if not long_words or 2 * sum(w[0].isupper() for w in long_words) > len(long_words):
        return [], []
    caps: list[str] = []
    lower: list[str] = []
    for prev, word in pairwise(words):
        if prev.endswith((":", ".", "?", "!")) or not word[0].isalpha():
            continue
        toks = story_tokens(_SPACES.sub(" ", _NON_WORD.sub(" ", _POSSESSIVE.sub("", word.casefold()))).strip())
        (caps if word[0].isupper() else lower).extend(toks)
    return caps, lower


def display_text(text: str) -> str:
    """The headline as published minus its wire prefixes and outlet/attribution suffixes, for display.

    Unlike text_norm nothing else changes: casing, quotes, dashes and a truncation mark stay as written
    (a cut headline keeps its "..." so a reader sees that it is cut). Surrounding whitespace is trimmed.

    Args:
        text: a headline as published.

    Returns:
        The undecorated headline in its original characters.
    """
    raw = (text or "").strip()
    # _QUOTES maps one character to one, so offsets in the unified text are offsets in raw.
    unified = raw.translate(_QUOTES)
    core = strip_affixes(unified)
    start = unified.find(core)
    return raw[start : start + len(core)].strip() if start >= 0 else raw


def is_clean(text: str) -> bool:
    """True when the headline has no wire prefix, outlet/attribution suffix or truncation mark."""
    return bool(text) and display_text(text) == text.strip() and not is_truncated(text)


def is_truncated(text: str) -> bool:
    """True when the headline ends in a truncation mark ("..." or "\u2026")."""
    return bool(_TRUNCATION.search(unicodedata.normalize("NFKC", text or "")))


def text_norm(text: str) -> str:
    """Normalize a headline for duplicate folding.

    Rules, in order (each has a test row in tests/headlines/test_norm.py):
      1. Unicode NFKC (full-width letters, ligatures, "\u2026" -> "...").
      2. Curly quotes, primes and guillemets become ' or "; every dash variant becomes "-".
      3. Wire prefixes (lexicon `wire_prefix`: "UPDATE 1-", "REFILE-", "EXCLUSIVE:") are stripped.
      4. Outlet suffixes ("- Reuters", "| BBC News", "(AP)") and attribution tails (": sources") are stripped.
      5. A trailing truncation mark ("..." / "\u2026") is removed.
      6. Casefold.
      7. Abbreviations fold (lexicon `abbreviation`: "u.s." and "united states" -> "us"); other dotted
         acronyms lose their dots ("f.b.i." -> "fbi").
      8. Digit-group commas vanish ("2,000" -> "2000"); decimal points stay ("3.5").
      9. Possessive "'s" is dropped; every other run of punctuation or symbols becomes one space.
     10. Whitespace is collapsed and trimmed.

    Args:
        text: the headline as published.

    Returns:
        The normalized headline (lowercase words and numbers separated by single spaces).
    """
    out = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    out = _SPACES.sub(" ", out).strip()
    out = strip_affixes(out)
    if out.rstrip().endswith(("..", "\u2026")):  # what _TRUNCATION needs at the end (see _may_end_in)
        out = _TRUNCATION.sub("", out)
    out = out.casefold()
    folds = _rules()["folds"]
    out = _rules()["abbreviation"].sub(lambda m: folds[m.group(0)], out)  # type: ignore[union-attr, index]
    out = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), out)
    out = _DIGIT_GROUP.sub("", out)
    out = _POSSESSIVE.sub("", out)
    out = out.replace("'", "")
    out = _NON_WORD.sub(" ", out)
    return _SPACES.sub(" ", out).strip()


def story_tokens(norm: str) -> list[str]:
    """Content tokens of a normalized headline, for story similarity: stopwords dropped, plural "s" folded.

    Args:
        norm: output of text_norm.

    Returns:
        Tokens in headline order (duplicates kept).
    """
    stop = _rules()["stopwords"]
    out = []
    for tok in norm.split():
        if tok in stop:  # type: ignore[operator]
            continue
        # A crude plural fold ("stocks" -> "stock") that leaves short words and "ss" endings alone.
        if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss") and not tok.isdigit():
            tok = tok[:-1]
        out.append(tok)
    return out
