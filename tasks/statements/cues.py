"""Cue lexicon for statement extraction: reporting verbs in all inflections, compiled once into regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon

LEXICON: Final = "statements/cues"
_VOWELS: Final = "aeiou"


def inflect(base: str) -> dict[str, str]:
    """Inflect a regular English verb.

    Args:
        base: the bare infinitive, e.g. "warn", "deny", "describe".

    Returns:
        {form: kind} with kind one of base | s | past | ing ("past" covers the participle too).
    """
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith("ee"):
        ing = base[:-1] + "ing"
    else:
        ing = base + "ing"
    return {base: "base", third: "s", past: "past", ing: "ing"}


def _classify_irregular(forms: list[str]) -> dict[str, str]:
    # The line lists the base first; -ing and third-person forms are recognisable, the rest are pasts.
    base = forms[0]
    out = {base: "base"}
    for form in forms[1:]:
        if form.endswith("ing"):
            out[form] = "ing"
        elif form in (base + "s", base + "es") or (base.endswith("y") and form == base[:-1] + "ies"):
            out[form] = "s"
        else:
            out[form] = "past"
    return out


@dataclass(frozen=True)
class CueLexicon:
    """Every reporting-verb form, with its kind and whether it needs a complement."""

    forms: dict[str, str]  # form -> base | s | past | ing
    base_of: dict[str, str]  # form -> base verb
    object_only: frozenset[str]  # forms of verbs that report only with a complement after them
    phrasal: dict[str, frozenset[str]]  # base verb -> particles that join the cue
    need_that: frozenset[str]  # base verbs whose complement must open with "that", a quote mark or a colon
    need_particle: frozenset[str]  # base verbs that count only with a phrasal particle
    need_as: frozenset[str]  # base verbs that count only in the "X characterized Y as Z" frame
    request_frames: dict[str, frozenset[str]]  # base verb -> prepositions that make it a request ("ask ... for")
    permission_not_speech: frozenset[str]  # base verbs that after "can"/"may" invite speech, not report it
    clausal: frozenset[str]  # base verbs whose complement is a clause of speech
    no_closing: frozenset[str]  # base verbs that cannot close "CONTENT, X <verb>."
    noun_like: frozenset[str]  # forms that are also plural nouns
    false_particles: frozenset[tuple[str, str]]  # (form, next word) pairs that are not speech
    auxiliaries: tuple[str, ...]
    adverbs: tuple[str, ...]
    tails: tuple[str, ...]
    ly_not_adverbs: tuple[str, ...]
    according: tuple[str, ...]


@cache
def cue_lexicon() -> CueLexicon:
    """Load lexicons/cues.txt and expand every verb into its inflections."""
    lex = load_lexicon(LEXICON)
    forms: dict[str, str] = {}
    base_of: dict[str, str] = {}
    for base in lex["verbs_regular"]:
        for form, kind in inflect(base).items():
            forms.setdefault(form, kind)
            base_of.setdefault(form, base)
    object_only: set[str] = set()
    for group in ("verbs_irregular", "verbs_with_object_only"):
        for line in lex[group]:
            parts = line.split()
            for form, kind in _classify_irregular(parts).items():
                forms[form] = kind
                base_of[form] = parts[0]
                if group == "verbs_with_object_only":
                    object_only.add(form)
    # Headlines write cues in title case ("..., Senator Says"); reported.py accepts these forms only in
    # title-case sentences.
    for form, kind in list(forms.items()):
        if kind in ("s", "past"):
            cap = form[:1].upper() + form[1:]
            forms.setdefault(cap, kind)
            base_of.setdefault(cap, base_of[form])
            if form in object_only:
                object_only.add(cap)
    phrasal: dict[str, set[str]] = {}
    for line in lex["phrasal"]:
        verb, particle = line.split(None, 1)
        phrasal.setdefault(verb, set()).add(particle)
        if verb not in base_of.values():
            for form, kind in inflect(verb).items():
                forms.setdefault(form, kind)
                base_of.setdefault(form, verb)
    return CueLexicon(
        forms=forms,
        base_of=base_of,
        object_only=frozenset(object_only),
        phrasal={verb: frozenset(ps) for verb, ps in phrasal.items()},
        need_that=frozenset(lex["need_that"]),
        need_particle=frozenset(lex["need_particle"]),
        need_as=frozenset(lex["need_as"]),
        request_frames={
            verb: frozenset(line.split(None, 1)[1] for line in lex["request_frames"] if line.split()[0] == verb)
            for verb in {line.split()[0] for line in lex["request_frames"]}
        },
        permission_not_speech=frozenset(lex["permission_not_speech"]),
        clausal=frozenset(lex["clausal"]),
        no_closing=frozenset(lex["no_closing"]),
        noun_like=frozenset(lex["noun_like_forms"]),
        false_particles=frozenset(tuple(line.split(None, 1)) for line in lex["false_particles"]),  # type: ignore[misc]
        auxiliaries=lex["auxiliaries"],
        adverbs=lex["adverbs"],
        tails=lex["cue_tails"],
        ly_not_adverbs=lex["ly_not_adverbs"],
        according=lex["according"],
    )


def _trie_regex(words: list[str]) -> str:
    """An alternation factored by common prefixes, so the regex engine rejects a position on one character."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return f"(?:{body})?"
        return body

    return emit(trie)


def trie_alternation(words: Iterable[str]) -> str:
    """A prefix-factored regex alternation of `words` (spaces match any whitespace run)."""
    return _trie_regex(sorted(set(words)))


@dataclass(frozen=True)
class CuePatterns:
    """Compiled regexes over the cue lexicon."""

    verb_phrase: re.Pattern[str]  # (aux/adverb)* verb (particle)? (tail)?; groups: pre, verb, particle, tail


@cache
def cue_patterns() -> CuePatterns:
    """Compile the cue regexes (once per process)."""
    lex = cue_lexicon()
    particles = {p for ps in lex.phrasal.values() for p in ps}
    pre = trie_alternation(lex.auxiliaries + lex.adverbs)
    verb_phrase = re.compile(
        rf"(?<![\w'’-])(?P<pre>(?:(?:{pre})\s+){{0,3}})"
        rf"(?P<verb>{trie_alternation(lex.forms)})(?![\w'’-])"
        rf"(?P<particle>\s+(?:{trie_alternation(particles)})(?![\w'’-]))?"
        rf"(?P<tail>\s+(?:{trie_alternation(lex.tails)})(?![\w'’-]))?"
    )
    return CuePatterns(verb_phrase=verb_phrase)
