"""The content of reported speech once its cue and speaker are known: a complement after the cue, or the
clause before a cue that closes it ("CONTENT, X said")."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.clauses import alternation, clause_patterns
from tasks.statements.cues import LEXICON, cue_lexicon
from tasks.statements.mentions import mention_after
from tasks.statements.spans import Candidate, Span
from tasks.statements.speaker_words import speaker_words
from tasks.statements.structure import count_words, trim_content
from tasks.statements.subjects import is_document
from tasks.statements.verbs import aux_kind, auxiliaries_in

_THAT_AFTER_OBJECT: Final = re.compile(r"(?:\s+[\w'’.-]+){1,6}?\s+that\b")
_MIN_WORDS_OBJECT_ONLY: Final = 4  # "the study found <4 words>": shorter objects are no findings
_MIN_WORDS: Final = 2


@cache
def _verb_groups() -> dict[str, frozenset[str]]:
    lex = load_lexicon(LEXICON)
    return {group: frozenset(lex[group]) for group in ("tell_verbs", "naming_verbs", "permission_modals")}


def tell_verbs() -> frozenset[str]:
    """Base verbs of telling ([tell_verbs]: "told the council that ..."), whose object comes before the content."""
    return _verb_groups()["tell_verbs"]


def request_or_invitation(text: str, cue: Span, m: re.Match[str], base: str, sentence_end: int) -> bool:
    """Whether a cue verb asks for something ("asked the city for a grant", "will ask for a grant") or
    invites speech ("Residents can comment on the plan"): a request or an invitation, not a report.

    Args:
        text: the article body.
        cue: the cue's span.
        m: the verb_phrase match of the cue.
        base: the verb's base form.
        sentence_end: the sentence end.

    Returns:
        True when the verb is no report.
    """
    lex = cue_lexicon()
    auxes = auxiliaries_in(text, cue[0], m.start("verb"))
    negated = any(w == "not" or w.endswith("n't") for w in auxes)
    if base in lex.permission_not_speech and not negated and _verb_groups()["permission_modals"] & set(auxes):
        return True
    prepositions = lex.request_frames.get(base)
    if not prepositions:
        return False
    obj = clause_patterns().object_words.match(text, m.end("verb"), sentence_end)
    if obj is None:
        return False
    words = obj.group().split()
    if words[0] in prepositions:
        # "ask for X" right after the verb is a request only as a plan ("would ask for"), not as an act.
        return any(aux_kind(w) == "modal" for w in auxes) and not negated
    return any(w in prepositions for w in words[1:])


def complement(
    text: str, cue: Span, m: re.Match[str], speaker: Span, content_limit: int, sentence_end: int, rule: str
) -> Candidate | None:
    """The complement after a cue as the content: "X said (on Monday) (that) CONTENT".

    Args:
        text: the article body.
        cue: the cue's span.
        m: the verb_phrase match of the cue.
        speaker: the speaker's span.
        content_limit: where a later statement of the sentence starts (the content stops before it).
        sentence_end: the sentence end.
        rule: the rule name to record.

    Returns:
        The candidate, or None when the complement reports nothing.
    """
    lex = cue_lexicon()
    start = cue[1]
    base = lex.base_of[m.group("verb")]
    if base in _verb_groups()["tell_verbs"]:
        that = _THAT_AFTER_OBJECT.match(text, start, sentence_end)
        if that:
            start = that.end()
    lead = clause_patterns().lead.match(text, start, sentence_end)
    start = lead.end() if lead else start
    end = content_limit
    if end < sentence_end:
        # stop before ", and/but <next speaker>"
        back = text[start:end]
        cut = max(back.rfind(","), back.rfind(";"))
        if cut > 0:
            end = start + cut
    if text[start : start + 1] == ")":
        return None  # "(..., Gutin says) hurt her": an aside inside brackets
    start, end = trim_content(text, start, end)
    if not _complement_fits(text, cue, m, base, start, content_limit, sentence_end):
        return None
    if base in _verb_groups()["naming_verbs"] and cue[1] <= m.end("verb") and (
        text[speaker[0] : speaker[1]].split()[0].lower() in ("a", "an")
    ):
        return None  # "a company called Acme": a participle naming something, not speech
    if _refusal(text, cue, m) or _names_a_topic(text, start, end):
        return None
    verb = m.group("verb")
    if count_words(text, start, end) < (_MIN_WORDS_OBJECT_ONLY if verb in lex.object_only else _MIN_WORDS):
        return None
    if verb in lex.object_only and not text[cue[1] : cue[1] + 6].strip().startswith("that") and not is_document(
        text, speaker, anywhere=True
    ):
        return None
    return Candidate([(start, end)], speaker, cue, rule)


@cache
def _topic_object() -> re.Pattern[str]:
    """A speech noun as a cue's object, then its topic: "her warning about", "renewed concerns over"."""
    lex = load_lexicon(LEXICON)
    return re.compile(
        rf"(?:{alternation(lex['topic_openers'])})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{alternation(lex['speech_nouns'])})"
        rf"\s+(?:{alternation(lex['topic_prepositions'])})\b",
        re.IGNORECASE,
    )


def _names_a_topic(text: str, start: int, end: int) -> bool:
    """Whether a complement only names what a statement was about ("repeated her warning about the bridge"):
    a speech noun and its topic, with no that-clause, quote or colon, and no auxiliary that would make the
    noun the subject of a clause ("said the concerns about the bridge were overblown")."""
    m = _topic_object().match(text, start, end)
    if m is None or re.search(r"\bthat\b|[\"“:]", text[start:end]):
        return False
    return not any(aux_kind(word) for word in text[m.end() : end].split())


@cache
def _refusal_contents() -> tuple[str, ...]:
    return tuple(entry.lower() for entry in load_lexicon(LEXICON)["refusal_contents"])


def _refusal(text: str, cue: Span, m: re.Match[str]) -> bool:
    """Whether a negated cue reports no content: "did not respond to requests for comment", "would not
    comment on the matter" (matched right after the verb, so a particle in the cue counts)."""
    auxes = auxiliaries_in(text, cue[0], m.start("verb"))
    if not any(w in ("not", "never") or w.endswith("n't") for w in auxes):
        return False
    return text[m.end("verb") : m.end("verb") + 48].lstrip().lower().startswith(_refusal_contents())


def _complement_fits(
    text: str, cue: Span, m: re.Match[str], base: str, start: int, content_limit: int, sentence_end: int
) -> bool:
    """Whether the verb's frame allows this complement: "that" after [need_that] verbs, a particle after
    [need_particle] verbs, "as" after [need_as] verbs, and no request or invitation."""
    lex = cue_lexicon()
    opening = text[cue[1] : cue[1] + 8].lstrip(" ,")
    if base in lex.need_that and not opening.startswith(("that", "“", '"', "''", ":")):
        return False
    if base in lex.need_particle and cue[1] <= m.end("verb"):
        return False
    if base in lex.need_as and " as " not in text[start:content_limit]:
        return False
    return not request_or_invitation(text, cue, m, base, sentence_end)


def with_subject(
    text: str, sentence: Span, speaker: Span, cue: Span, m: re.Match[str], content_limit: int, agreed: bool = False
) -> Candidate | None:
    """A cue with its own subject: "X said CONTENT", "CONTENT, X said.", "A, he said, B."

    Args:
        text: the article body.
        sentence: the sentence's span.
        speaker: the subject's span.
        cue: the cue's span.
        m: the verb_phrase match of the cue.
        content_limit: where a later statement of the sentence starts.
        agreed: a verb before the cue agrees with the subject ("he appeared to suggest"), so a bare base
            form needs no plural subject.

    Returns:
        The candidate, or None.
    """
    lex, clauses = cue_lexicon(), clause_patterns()
    sentence_begin, sentence_end = sentence
    before_speaker = text[sentence_begin : speaker[0]].rstrip()
    object_only = m.group("verb") in lex.object_only and not is_document(text, speaker, anywhere=True)
    base_form = lex.forms[m.group("verb")] == "base" and not m.group("pre").strip()
    if base_form and not agreed and not _takes_base_form(text, speaker):
        return None
    after = clauses.after_cue.match(text, cue[1], sentence_end)
    if after and before_speaker.rstrip("\"”’'").endswith((",", "—", "--")) and not object_only:
        # The cue closes a clause: "CONTENT, the union said." / "CONTENT, she said, adding ..."
        following = after.group("next")
        if after.group("comma") and following and following not in clauses.appositive_starts and (
            before_speaker.endswith(",")
        ):
            # "A, he said, B.": the pieces before and after the attribution.
            if count_words(text, *trim_content(text, sentence_begin, sentence_end)) < 4:
                return None
            before = trim_content(text, sentence_begin, sentence_begin + len(before_speaker))
            after_start = after.start("next")
            fragments = [span for span in (before, trim_content(text, after_start, sentence_end)) if span[1] > span[0]]
            return Candidate(fragments, speaker, cue, "parenthetical_said")
        if lex.base_of[m.group("verb")] in lex.no_closing:
            return None  # "Then, last week, Eric called.": this verb needs an object to report anything
        start, end = trim_content(text, sentence_begin, len(before_speaker) + sentence_begin)
        if count_words(text, start, end) >= 3:
            return Candidate([(start, end)], speaker, cue, "content_then_said")
        return None
    return complement(text, cue, m, speaker, content_limit, sentence_end, "speaker_said_that")


def _takes_base_form(text: str, speaker: Span) -> bool:
    """Whether a subject takes a bare base form ("officials say"): plural or first person, not "the report"."""
    words = speaker_words()
    tokens = text[speaker[0] : speaker[1]].lower().split()
    if "of" in tokens[1:]:
        tokens = tokens[: tokens.index("of", 1)]  # "supporters of Jane Doe say": the head is "supporters"
    head = tokens[-1]
    mention = text[speaker[0] : speaker[1]]
    share = any(ch.isdigit() for ch in mention) or clause_patterns().share.search(text, speaker[0], speaker[1])
    group = head in words.anonymous_heads or " and " in mention  # "Police say"
    return bool(head in words.plural_subjects or head.endswith("s") or share or group)


def inverted(text: str, sentence: Span, cue: Span, m: re.Match[str]) -> Candidate | None:
    """'CONTENT, said X.': a cue before its speaker closes the sentence's content.

    Args:
        text: the article body.
        sentence: the sentence's span.
        cue: the cue's span.
        m: the verb_phrase match of the cue.

    Returns:
        The candidate, or None.
    """
    sentence_begin, sentence_end = sentence
    if m.group("verb") in cue_lexicon().object_only:
        return None
    before = text[sentence_begin : cue[0]].rstrip()
    if not before.endswith((",", ",\"", ",”")):
        return None
    speaker = mention_after(text, cue[1], sentence_end)
    if speaker is None or text[cue[1] : speaker[0]].strip():
        return None
    if not clause_patterns().inverted_speaker_end.match(text, speaker[1], sentence_end):
        return None  # "..., said the foundation should close": the mention is a subject, not the speaker
    start, end = trim_content(text, sentence_begin, sentence_begin + len(before))
    if count_words(text, start, end) < 3:
        return None
    return Candidate([(start, end)], speaker, cue, "content_said_name")
