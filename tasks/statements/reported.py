"""Reported speech, sentence by sentence: every cue outside quotes and attributions, its subject, and where
its content ends."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from tasks.lexicon import load_lexicon
from tasks.statements.clauses import LEXICON as CLAUSES
from tasks.statements.clauses import alternation, clause_patterns
from tasks.statements.complements import complement, inverted, tell_verbs, with_subject
from tasks.statements.cues import LEXICON, cue_lexicon
from tasks.statements.direct import Findings
from tasks.statements.mentions import mention_before, speaker_type
from tasks.statements.rare import RareCues
from tasks.statements.spans import Candidate, Span, covered
from tasks.statements.speaker_words import ORGANIZATION, PUBLICATION, speaker_words
from tasks.statements.structure import Article, trim_content
from tasks.statements.subjects import (
    appositive_subject,
    before_affiliation,
    is_document,
    is_time_head,
    leading_mention,
    names_a_speaker,
    share_before,
    subject_at,
)
from tasks.statements.verbs import (
    aux_kind,
    catenative_before,
    contraction_before,
    cue_span,
    form_fits,
    has_auxiliary,
)

# The rule of a relative pronoun that stands for a cue's object ("the charge, which she denies").
RELATIVE_OBJECT: Final = "relative_object"
_CLAUSE_WORDS: Final = load_lexicon(CLAUSES)
_SO_CALLED: Final = re.compile(r"(?<![\w])[Ss]o[- ]$|(?<![\w])self-$")
_TITLE_WORDS: Final = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_NEXT_WORD: Final = re.compile(r"\s+(\w+)")
# A relative pronoun as the subject of a cue: "critics, who say", "the ministry, which denied", "voters, many
# of whom say".
_RELATIVE: Final = re.compile(
    rf"(?<![\w])(?:(?:{alternation(_CLAUSE_WORDS['relative_quantifiers'])}) of (?:whom|which)|who|which)\s*$"
)
# A relative pronoun right before a cue's subject: "the rules, which officials said will start soon", "the
# leak, both of which she denies". "which"/"whom" (group 1) not after a preposition ("in which he said ..." gaps
# no subject of the reported clause); a free relative "what" (group 2) after one too ("voted for what he said
# was a fair budget": the preposition takes the whole relative clause).
_RELATIVE_OBJECT: Final = re.compile(
    r"(?<![\w])(?:" + "".join(rf"(?<!\b{re.escape(p)} )" for p in _CLAUSE_WORDS["relative_prepositions"])
    + rf"((?:(?:{alternation(_CLAUSE_WORDS['relative_quantifiers'])}) of )?which|whom)|(what))\s+$"
)
# A that-clause or a quote within a few words after a cue ("telling reporters that", "adding, \"").
_THAT_OR_QUOTE: Final = re.compile(r"(?:\s+[\w'’.-]+){0,6}?[\s,:]*(?:that\b|[\"“]|'')")
# An object of a few words, then a to-infinitive, after a verb of telling ("asking Trump to share his views").
_OBJECT_THEN_TO: Final = re.compile(r"(?:\s+(?!to\b)[\w'’.-]+){1,4}?\s+to\s+[a-z]")
# How many later cues of a sentence may end the content of the current one (bounds the work per cue).
_LOOKAHEAD_CUES: Final = 6
_TITLE_CASE_SHARE: Final = 0.7  # share of capitalized words that makes a sentence a headline
_MIN_TITLE_WORDS: Final = 3


class CueSite:
    """One cue of a sentence with what the first pass learned about it (a plain class, compiled with its
    __init__: see structure.Quote)."""

    def __init__(
        self,
        match: re.Match[str],
        cue: Span,
        form_ok: bool,
        subject_end: int,
        participle: bool,
        subject: Span | None,
        coordination_cut: int | None,
        catenative: bool = False,
    ) -> None:
        self.match = match
        self.cue = cue
        self.form_ok = form_ok  # the verb form fits its auxiliaries (an active report)
        self.subject_end = subject_end  # where a subject before the cue would end
        self.participle = participle  # an -ing form with no auxiliary (", adding that ...")
        self.subject = subject  # the cue's own subject
        self.coordination_cut = coordination_cut  # "... and said B": where the conjunction before a subjectless cue starts
        self.catenative = catenative  # the cue opens with "appeared to", "went on to": that verb agrees with the subject


@cache
def _participle_after() -> tuple[str, ...]:
    return (",", "—") + load_lexicon(LEXICON)["participle_after_nouns"]


def sentence_cues(doc: Article, found: Findings, sentence: Span, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cue matches of a sentence that can report speech: outside quotes and claimed attributions, not a
    false particle ("add up"), not "so-called", and in title case only inside a headline-like sentence.

    Args:
        doc: the article.
        found: the statements found so far (their claimed spans).
        sentence: the sentence's span.
        matches: the verb_phrase matches that start inside it.

    Returns:
        The matches kept, in order.
    """
    text = doc.text
    start, end = sentence
    false_particles = cue_lexicon().false_particles
    title_case: bool | None = None
    cues = []
    for m in matches:
        verb_start = m.start("verb")
        next_word = _NEXT_WORD.match(text, m.end("verb"), end)
        if next_word and (m.group("verb"), next_word.group(1)) in false_particles:
            continue
        if text[verb_start].isupper():
            if title_case is None:
                words = _TITLE_WORDS.findall(text, start, end)
                title_case = len(words) >= _MIN_TITLE_WORDS and (
                    sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)
                )
            if not title_case or verb_start == start:
                continue
        if verb_start in doc.in_quotes or verb_start in found.in_claimed:
            continue
        if text[verb_start - 1 : verb_start] in ("-", " ") and _SO_CALLED.search(text, max(start, verb_start - 4), verb_start):
            continue
        cues.append(m)
    return cues


def cue_site(text: str, sentence: Span, m: re.Match[str]) -> CueSite:
    """First pass over one cue: its span, its form, its own subject, a coordination before it.

    Args:
        text: the article body.
        sentence: the sentence's span.
        m: the cue's verb_phrase match.

    Returns:
        The cue site.
    """
    lex, clauses = cue_lexicon(), clause_patterns()
    sentence_begin = sentence[0]
    cue = cue_span(m, text)
    contraction = contraction_before(text, sentence_begin, cue[0])
    if contraction:
        cue = (contraction.start(1), cue[1])
    form_ok = form_fits(m, text, contraction.group(1) if contraction else None)
    catenative = None
    if lex.forms[m.group("verb")] == "base" and not m.group("pre").strip() and not contraction:
        catenative = catenative_before(text, sentence_begin, m.start("verb"))
        if catenative:
            cue = (catenative.start(), cue[1])
    # A participle may carry adverbs ("..., even suggesting ...") but no auxiliary ("is suggesting").
    participle = (
        lex.forms[m.group("verb")] == "ing" and not contraction and not has_auxiliary(text, cue[0], m.start("verb"))
    )
    subject_end = before_affiliation(text, contraction.start() if contraction else cue[0], sentence_begin)
    last = text[max(sentence_begin, subject_end - 14) : subject_end].rstrip(" ,").rsplit(None, 1)[-1:]
    if last and (last[0] in clauses.interposed_last or last[0].isdigit()):
        adverbial = clauses.interposed.search(text, max(sentence_begin, subject_end - 60), subject_end)
        if adverbial and adverbial.start() > sentence_begin:
            subject_end = adverbial.start()
    subject = _own_subject(text, sentence, m, cue, subject_end) if form_ok and not participle else None
    # "... and said B" / "... but did not suggest B": a coordinated cue with no subject of its own
    # ends the content before it, at its conjunction.
    conjunction = (
        clauses.coordinated.search(text, max(sentence_begin, cue[0] - 6), cue[0]) if subject is None and form_ok else None
    )
    cut = conjunction.start() if conjunction and not participle else None
    return CueSite(m, cue, form_ok, subject_end, participle, subject, cut, catenative is not None)


def _own_subject(text: str, sentence: Span, m: re.Match[str], cue: Span, subject_end: int) -> Span | None:
    """The subject right before an active cue: a mention, a document, a share of a group or a relative "who"."""
    lex = cue_lexicon()
    sentence_begin = sentence[0]
    verb = m.group("verb")
    subject = mention_before(text, subject_end, sentence_begin)
    if verb in lex.object_only and (
        subject is None or is_time_head(text, subject) or not is_document(text, subject, anywhere=True)
    ):
        # "The average of polls taken over the past two weeks shows ...", "A study by Professor Jane Doe
        # found ...": take the clause's subject when it is a document.
        clause_subject = subject_at(text, sentence_begin, subject_end)
        if clause_subject is not None and is_document(text, clause_subject, anywhere=True):
            subject = clause_subject
    if subject is None:
        subject = share_before(text, sentence_begin, subject_end)  # "About four in 10 said"
    if subject is None:
        relative = _RELATIVE.search(text, max(sentence_begin, subject_end - 24), subject_end)
        if relative and (lex.base_of[verb] in lex.clausal or text.startswith(" that", cue[1])):
            subject = (relative.start(), relative.start() + len(relative.group().rstrip()))
            if relative.group().startswith("which") and not _speaking_thing_before(text, sentence_begin, subject[0]):
                subject = None
    if subject is not None and text[max(0, subject[1] - 2) : subject[1]].endswith(("'s", "’s", "'", "’")):
        return None  # "Rubio's claim": a possessive before the cue makes it a noun
    if (
        subject is not None
        and verb in lex.noun_like
        and not m.group("pre").strip()
        and not _THAT_OR_QUOTE.match(text, cue[1], sentence[1])
        and not names_a_speaker(text, subject, sentence_begin)
    ):
        return None  # "sexual assault charges against ...": a plural noun, not a cue
    return subject


def _speaking_thing_before(text: str, floor: int, relative_start: int) -> bool:
    """Whether the mention a relative "which" stands for can speak: a body, an outlet or a document ("the
    ministry, which denied", "the study, which notes"), not a thing or a case ("Walmart v. Dukes, which
    denied class-action status")."""
    end = relative_start
    while end > floor and text[end - 1] in " ,—-":
        end -= 1
    antecedent = mention_before(text, end, floor)
    if antecedent is None:
        return False
    return speaker_type(text[antecedent[0] : antecedent[1]]) in (ORGANIZATION, PUBLICATION) or is_document(text, antecedent)


def _content_limit(text: str, sites: list[CueSite], i: int, sentence_end: int) -> int:
    """Where the content of cue `i` ends because a later statement of the sentence starts.

    A later subject ends it only across a clause boundary ("A, but Y said B"); "X says he spoke to Y"
    keeps the nested report inside X's content.
    """
    cue_end = sites[i].cue[1]
    for later in sites[i + 1 : i + 1 + _LOOKAHEAD_CUES]:
        subject = later.subject
        if subject is not None and clause_patterns().clause_break.search(text, max(cue_end, subject[0] - 8), subject[0]):
            return subject[0]
        if later.coordination_cut is not None and later.coordination_cut > cue_end:
            return later.coordination_cut
    return sentence_end


def _shared_subject(found: Findings, here: list[Candidate], text: str, sentence_begin: int, pos: int) -> Span | None:
    """The speaker a participle or coordinated verb shares: the last speaker named earlier in the sentence
    (a quote's attribution included), else the mention that opens the sentence."""
    if here and here[-1].speaker is not None:
        return here[-1].speaker
    earlier = [c.speaker for c in found.candidates if c.speaker is not None and sentence_begin <= c.speaker[0] < pos]
    if earlier:
        return max(earlier)
    return subject_at(text, sentence_begin, pos)


def _site_candidate(
    text: str, found: Findings, here: list[Candidate], sentence: Span, site: CueSite, content_limit: int
) -> Candidate | None:
    """The statement one cue reports, by the frame it stands in."""
    lex = cue_lexicon()
    sentence_begin, sentence_end = sentence
    m, cue = site.match, site.cue
    if site.participle:
        before = text[max(sentence_begin, cue[0] - 12) : cue[0]].rstrip(" \"”")
        if not before.endswith(_participle_after()):
            return None
        speaker = _shared_subject(found, here, text, sentence_begin, cue[0])
        if speaker is None:
            return None
        base = lex.base_of[m.group("verb")]
        clause = _THAT_OR_QUOTE.match(text, cue[1], sentence_end)
        phrasal = cue[1] > m.end("verb")  # "calling on", "calling for"
        tell = base in tell_verbs()
        # ", telling schools to let students ...": a verb of telling reports a directive with an object and an
        # infinitive, as it reports a statement with a that-clause
        directive = tell and _OBJECT_THEN_TO.match(text, cue[1], sentence_end) is not None
        if base in lex.clausal and (not tell or clause) or clause or phrasal or directive:
            return complement(text, cue, m, speaker, content_limit, sentence_end, "participle")
        return None
    if not site.form_ok:
        return None
    if site.subject is not None:
        return with_subject(text, sentence, site.subject, cue, m, content_limit, agreed=site.catenative)
    if site.coordination_cut is not None:
        # "... reminisced about her youth and said ...": the coordinated verb shares the subject.
        speaker = _shared_subject(found, here, text, sentence_begin, cue[0])
        if speaker is None:
            return None
        return complement(text, cue, m, speaker, content_limit, sentence_end, "coordinated_said")
    simple = lex.forms[m.group("verb")] in ("s", "past") and not m.group("pre")
    after_comma = text[sentence_begin : site.subject_end].rstrip().endswith(",")
    if simple and after_comma:
        # "Jane Doe, a spokeswoman, said ..." before "..., said Jane Doe": a sentence-initial
        # name and appositive make the cue's subject, whatever follows the cue.
        speaker = leading_mention(text, sentence_begin, site.subject_end, opener=True)
        if speaker is not None:
            return complement(text, cue, m, speaker, content_limit, sentence_end, "speaker_appositive_said")
    if after_comma:
        # "..., Jane Doe, the port's director, said ...": an appositive inside the sentence.
        speaker = appositive_subject(text, sentence_begin, site.subject_end)
        if speaker is not None:
            candidate = with_subject(text, sentence, speaker, cue, m, content_limit, agreed=site.catenative)
            if candidate is not None:
                return candidate
    return inverted(text, sentence, cue, m) if simple else None


def _relative_before(text: str, sentence_begin: int, subject_start: int) -> Span | None:
    """The relative pronoun right before a cue's subject ("which officials said", "to what he called"), if any."""
    m = _RELATIVE_OBJECT.search(text, max(sentence_begin, subject_start - 12), subject_start)
    if m is not None:
        return m.span(1) if m.group(1) else m.span(2)
    return None


# A noun phrase opened by a determiner, right before a cue's subject: the head of a relative clause with no
# relative pronoun ("a probe the agency said was ongoing").
_BARE_RELATIVE_HEAD: Final = re.compile(
    rf"(?<![\w'’-])(?:{alternation(_CLAUSE_WORDS['relative_head_determiners'])})\s+(?:[\w'’-]+\s+){{0,2}}?"
    r"[a-z][\w'’-]*[a-z]\s+$"
)


def _bare_relative(text: str, sentence_begin: int, site: CueSite, candidate: Candidate) -> None:
    """'a probe the agency said was ongoing', 'a dynamic Greenberg said could drive voters away': a relative
    clause with no relative pronoun, whose gap is the reported clause's subject (its content opens with an
    auxiliary): the noun phrase it modifies is the first fragment."""
    subject = candidate.speaker
    if site.subject is None or subject != site.subject or not candidate.fragments or candidate.fragments[0][0] < subject[1]:
        return
    if cue_lexicon().base_of.get(site.match.group("verb")) not in cue_lexicon().clausal or site.cue[1] > site.match.end("verb"):
        return
    first = candidate.fragments[0]
    if text[site.cue[1] : first[0]].strip() or not aux_kind(text[first[0] : first[1]].split(None, 1)[0]):
        return
    head = _BARE_RELATIVE_HEAD.search(text, max(sentence_begin, subject[0] - 40), subject[0])
    if head is None or text[head.start() : subject[0]].split()[-1].lower() in speaker_words().determiners:
        return
    candidate.fragments.insert(0, trim_content(text, head.start(), subject[0]))


def _relative_object(text: str, sentence_begin: int, site: CueSite, candidate: Candidate) -> None:
    """'the rules, which officials said will start soon': the relative pronoun before the subject stands for
    the reported clause's own subject; it is one more fragment of the statement, before the rest."""
    subject = candidate.speaker
    if site.subject is None or subject is None or subject != site.subject or not candidate.fragments:
        return
    if cue_lexicon().base_of.get(site.match.group("verb")) not in cue_lexicon().clausal:
        return  # "what he called a mess" names; only a verb of a clause gaps the clause's subject
    rel = _relative_before(text, sentence_begin, subject[0])
    if rel is None:
        return
    first = candidate.fragments[0]
    if site.cue[1] > site.match.end("verb") or first[0] < site.cue[1] or text[site.cue[1] : first[0]].strip():
        # "what they warned against, namely ...": a particle's object, or content that does not follow the
        # cue right away, is no clause with its subject gapped
        return
    candidate.fragments.insert(0, rel)


def _gapped_object(text: str, sentence_begin: int, site: CueSite, candidate: Candidate | None) -> Candidate | None:
    """'the allegations, which she denies, reached the papers', 'the marchers, whom he described as calm': a
    relative "which"/"whom" before the subject stands for the cue's own object, which the cue leaves out: the
    relative is what was reported (denied, described), the statement's fragment.

    Returns the statement to keep: `candidate` unchanged when no relative object applies, else the relative
    as the first fragment (the only one when the cue takes no complement after it).
    """
    subject = site.subject
    if subject is None or not site.form_ok or site.participle:
        return candidate
    if candidate is not None and (candidate.speaker != subject or not candidate.fragments):
        return candidate
    relative = _relative_before(text, sentence_begin, subject[0])
    if relative is None or text.startswith("what", relative[0]):
        return candidate  # "what they described as ...": a free relative names the whole phrase, no gap
    if candidate is None:
        return Candidate([relative], subject, site.cue, RELATIVE_OBJECT)
    first = candidate.fragments[0]
    if first[0] <= relative[0]:
        return candidate
    between = text[site.cue[1] : first[0]]
    if "," in between or ";" in between:
        # "which Mr. Ailes denies, the talk ended": the comma closes the relative clause; what follows it is
        # the main clause, not the cue's complement
        return Candidate([relative], subject, site.cue, RELATIVE_OBJECT)
    if not between.strip() and text.startswith("as ", first[0]):
        # "whom he described as calm": an "as" phrase after the cue predicates the gapped object
        candidate.fragments.insert(0, relative)
    return candidate


def reported_in_sentence(
    doc: Article, found: Findings, rare: RareCues, sentence: Span, matches: list[re.Match[str]]
) -> None:
    """Find the reported speech of one sentence and add it to `found`.

    Every cue that reports speech gives a candidate; then "when asked whether"; then "according to X"
    unless a cue of the sentence already reports its content; and when none did, the passive forms.

    Args:
        doc: the article.
        found: the statements so far; receives the sentence's candidates.
        rare: the article's rare cues.
        sentence: the sentence's span.
        matches: the verb_phrase matches that start inside it.
    """
    if not matches and not rare.any_within(*sentence):
        return  # most sentences: no cue at all
    text = doc.text
    sites = [cue_site(text, sentence, m) for m in sentence_cues(doc, found, sentence, matches)]
    here: list[Candidate] = []
    for i, site in enumerate(sites):
        candidate = _site_candidate(text, found, here, sentence, site, _content_limit(text, sites, i, sentence[1]))
        if candidate is not None:
            _relative_object(text, sentence[0], site, candidate)
            _bare_relative(text, sentence[0], site, candidate)
        candidate = _gapped_object(text, sentence[0], site, candidate)
        if candidate is not None:
            here.append(candidate)
    asked = rare.asked(*sentence)
    if asked is not None:
        here.append(asked)
    according = rare.according(*sentence)
    if according is not None and here and any(covered(according.content, c.content) > 0.5 for c in here):
        according = None  # the sentence's own cue already reports this content
    if according is None and not here:
        according = rare.passive(*sentence)
    if according is not None:
        here.append(according)
    found.candidates.extend(here)
