"""Speaker resolution for one article: short forms to the fullest name, pronouns to their antecedents."""

from __future__ import annotations

import bisect
import re
from typing import Final

from tasks.statements.cues import cue_lexicon
from tasks.statements.mentions import speaker_type
from tasks.statements.name_runs import strip_titles
from tasks.statements.names import NameIndex
from tasks.statements.speaker_words import (
    ANONYMOUS,
    ORGANIZATION,
    PERSON,
    PUBLICATION,
    UNRESOLVED,
    SpeakerWords,
    is_cap,
    is_possessive,
    speaker_words,
    strip_possessive,
)
from tasks.statements.structure import sentence_start

_ANTECEDENTS: Final = 20  # how many preceding person mentions a pronoun may skip (bounds the work per pronoun)
_BODY_WINDOW: Final = 600  # how far back (chars, same paragraph) an "it"/"they" looks for an unnamed body
_SPEAKER_REACH: Final = 1500  # how far back (chars) an earlier speaker stays the antecedent of "it"/"they"
# "the" and the four words after it ("The harbor authority will", "the city's transit agency"); the longest
# prefix ending in an organization or group head, before any function word or determiner, is the mention.
# ("its rules" is no antecedent of "it": "its" already points at one.)
# (A lookahead, so that one window never swallows the next "the".)
_BODY_NP: Final = re.compile(r"(?<![\w'’-])[Tt]he(?=(?P<tail>(?:\s+[\w'’-]+[,;:.]?){1,5}))")


def _ends_phrase(toks: list[str], i: int, words: SpeakerWords) -> bool:
    """Whether toks[i] is the last word of its noun phrase, so a head there is no modifier ("the weekly
    benefit"): punctuation, the window's end, a function word or a verb-like -s/-ed word follows, or it is
    a capitalized name ("the National Committee began")."""
    tok = toks[i]
    if tok[-1] in ",;:." or i + 1 >= len(toks) or tok[:1].isupper():
        return True
    nxt = toks[i + 1].rstrip(",;:.").lower()
    return (
        nxt in words.stop
        or nxt in words.determiners
        or nxt == "of"
        or nxt.endswith(("s", "ed"))
        or nxt in cue_lexicon().forms
    )


class Resolver:
    """Resolves speaker mentions of one article to their fullest form and pronouns to antecedents."""

    def __init__(self, text: str) -> None:
        """Index every capitalized name run of the article.

        Args:
            text: the article body.
        """
        self.words = speaker_words()
        self.text = text
        self.names = NameIndex(text)
        self.speakers: list[tuple[int, str, str]] = []  # (offset, canonical, type) of resolved named speakers
        self._persons: list[tuple[int, str]] | None = None

    def canonical(self, mention: str, offset: int | None = None) -> tuple[str, str]:
        """Resolve a non-pronoun mention.

        Args:
            mention: the speaker as written ("Mr Trump", "the Times", "the mayor", "the NDP").
            offset: where it stands in the body, when known: a role or a shared surname then goes to the
                person named nearest before it.

        Returns:
            (canonical form, type): the fullest form of the name in the article, the person the article names
            in a role, an acronym's expansion, or the mention itself.
        """
        kind = speaker_type(mention)
        tokens = mention.split()
        if " and " in mention or kind in (ANONYMOUS, UNRESOLVED):
            return mention, kind
        tokens[-1] = strip_possessive(tokens[-1])
        if not is_cap(tokens[-1]):
            return self._role_holder(mention, tokens, kind, offset)
        held = self._role_of_place(tokens)
        if held is not None:
            # "The mayor of Port Alder": a role where it is held, not the place's name.
            role, place = held
            return self._role_holder(mention, role, kind, offset, place)
        # The name proper is the trailing run of capitalized words, after any possessive or lowercase word:
        # "White House press secretary Josh Earnest" -> "Josh Earnest", "NBC's Dante Chinni" -> "Dante Chinni".
        start = len(tokens)
        while start > 0 and (
            (is_cap(tokens[start - 1]) and not is_possessive(tokens[start - 1]))
            or (tokens[start - 1] in self.words.surname_particles and start < len(tokens))
        ):
            start -= 1
        core = strip_titles(tokens[start:], self.words)
        if len(core) == 1 and core[0].isupper() and core[0] in self.names.acronyms:
            expansion = " ".join(self.names.acronyms[core[0]])
            return expansion, speaker_type(expansion) if speaker_type(expansion) != PERSON else ORGANIZATION
        full = self._full_form_for(core, tokens[start:])
        if full is None:
            # No longer form in the article: a full name loses its title ("Mr. Alan Brown" -> "Alan Brown").
            return (" ".join(core) if kind == PERSON and len(core) >= 2 else mention), kind
        if kind == PUBLICATION and tuple(full) in self.names.display:
            return self.names.display[tuple(full)], kind
        return " ".join(full), kind

    def _full_form_for(self, core: list[str], titled: list[str]) -> list[str] | None:
        """The full form of a short name; a gendered title ("Ms. Berg") picks between two people of one
        surname, else the one the article names most often."""
        full = self.names.full_form(core)
        title = titled[0] if titled else ""
        gender = "m" if title in self.words.male_titles else "f" if title in self.words.female_titles else None
        if full is None or gender is None or self.names.gender_of(tuple(full)) in (gender, None):
            return full
        others: list[tuple[str, ...]] = [
            run.tokens for run in self.names.runs
            if len(run.tokens) > len(core) and set(core) <= set(run.tokens) and run.tokens[-1] == core[-1]
            and self.names.gender_of(run.tokens) == gender and self.names.name_like(run.tokens)
        ]
        if not others:
            return full
        most_seen: tuple[str, ...] = max(others, key=others.count)
        return list(most_seen)

    def _role_of_place(self, tokens: list[str]) -> tuple[list[str], tuple[str, ...]] | None:
        """(the role's words, where it is held) of "the mayor of Port Alder", "the President of the United
        States"; None for any other mention."""
        if "of" not in tokens[1:-1]:
            return None
        i = tokens.index("of", 1)
        role = tokens[:i]
        if role[-1].lower() not in self.words.person_roles or not (
            role[0].lower() == "the" or any(is_possessive(t) for t in role[:-1])
        ):
            return None
        place = tokens[i + 1 :]
        if place and place[0].lower() == "the":
            place = place[1:]
        return (role, tuple(place)) if place and all(is_cap(t) for t in place) else None

    def _role_holder(
        self, mention: str, tokens: list[str], kind: str, offset: int | None, place: tuple[str, ...] | None = None
    ) -> tuple[str, str]:
        """"the mayor", "the company's chief executive", "the mayor of Port Alder": the person the article names
        in that role, nearest before the mention (else the first named), or the mention itself.

        The mention's qualifying words must all qualify the role where the person is named ("the Democratic
        candidate" is not "Libertarian candidate Jane Doe"), a qualifier that changes the role ("vice",
        "former") must be in the mention too ("the president" is not "Vice President Jane Doe"), and a role
        held somewhere is not the same role held elsewhere ("the mayor of Port Alder" is not "Mayor Piet Vos
        of Sorno"; a person named without a place may hold it).
        """
        head = tokens[-1].lower()
        definite = tokens[0].lower() == "the" or any(is_possessive(t) for t in tokens[:-1])
        holders = self.names.roles.get(head) if definite and kind == PERSON else None
        if not holders:
            return mention, kind
        words = self.words
        qualifiers = {t.lower() for t in tokens[:-1] if t.lower() not in words.determiners and not is_possessive(t)}
        fitting = [
            (start, name)
            for start, name, named_with, held_at in holders
            if qualifiers <= named_with and (named_with & words.role_changing) <= qualifiers
            and (place is None or held_at is None or held_at == place)
        ]
        if not fitting:
            return mention, kind
        before = [name for start, name in fitting if offset is None or start < offset]
        return " ".join(before[-1] if before else fitting[0][1]), PERSON

    def note(self, offset: int, canonical: str, kind: str) -> None:
        """Remember a resolved named speaker as a possible antecedent for later pronouns."""
        self.speakers.append((offset, canonical, kind))

    def _person_candidates(self) -> list[tuple[int, str]]:
        """(offset, full name) of every name run that can be a person antecedent, computed once."""
        if self._persons is None:
            names = self.names
            self._persons = []
            for start, part in names.parts:
                if part.person is None:
                    continue
                if part.person_whole:
                    person = " ".join(part.person)
                else:
                    full = names.full_form(list(part.person))
                    if full is not None and len(full) >= 2:
                        person = " ".join(full)
                    elif part.titled:
                        person = " ".join(part.person)
                    else:
                        continue
                # Whether "the" or a place preposition stands before the run ("the Kinder Mill", "in Surrey")
                # is read last: it takes the words before the run, and most runs are no candidate anyway.
                if not names.is_thing(start, part):
                    self._persons.append((start, person))
        return self._persons

    def pronoun(self, pronoun: str, offset: int) -> tuple[str | None, str]:
        """Resolve a pronoun.

        Args:
            pronoun: the pronoun as written.
            offset: where it stands in the body.

        Returns:
            (canonical antecedent or None, type).
        """
        low = pronoun.lower()
        if low in self.words.person_pronouns:
            return self._person_pronoun(offset, "m" if low in self.words.male_pronouns else "f")
        wanted = (ORGANIZATION, PUBLICATION) if low == "it" else (ORGANIZATION, PUBLICATION, ANONYMOUS)
        plural = low != "it"
        # "The harbor authority will add ferries, it said.": the subject of the pronoun's own sentence
        # speaks, ahead of any earlier speaker.
        bodies = self._bodies(offset, plural)
        own_start = sentence_start(self.text, offset, _BODY_WINDOW)
        own = [b for b in bodies if b[0] >= own_start]
        if own:
            return own[0][1], own[0][2]
        spk = [s for s in self.speakers if s[0] < offset and s[2] in wanted]
        if spk and offset - spk[-1][0] < _SPEAKER_REACH:
            return spk[-1][1], spk[-1][2]
        if bodies:
            return bodies[-1][1], bodies[-1][2]  # the nearest body mentioned before, in the same paragraph
        return None, UNRESOLVED

    def _person_pronoun(self, offset: int, gender: str) -> tuple[str | None, str]:
        """The nearest person before `offset` not known to be of the other gender ("Mr."/"Mrs.", an earlier
        he/she)."""
        persons = self._person_candidates()
        before = bisect.bisect_left(persons, (offset, ""))  # the persons named before `offset`
        cands = persons[max(0, before - _ANTECEDENTS) : before]
        cands += [(s[0], s[1]) for s in self.speakers[-_ANTECEDENTS:] if s[2] == PERSON and s[0] < offset]
        for _, name in sorted(cands, reverse=True):
            key = tuple(name.split())
            if (self.names.gender_of(key) or gender) == gender:
                self.names.name_gender[key] = gender  # an earlier he/she tells the next pronoun
                return name, PERSON
        return None, UNRESOLVED

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
                if tok.lower() in words.stop or tok.lower() in words.determiners:
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
            return head in words.anonymous_heads and (head.endswith("s") or head in words.plural_group_heads)
        return not head.endswith("s") and (head in words.organization_heads or head in words.publication_heads)
