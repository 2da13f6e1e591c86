"""Votes of prose blocks for their containers, and the choice of the article's container elements."""

from __future__ import annotations

import re
from typing import Any

from tasks.html.body.settings import BodySettings
from tasks.html.body.walk import PROSE, Walk

# Readability's tag priors for a candidate container.
_TAG_PRIOR = {"div": 5.0, "article": 5.0, "section": 2.0, "main": 2.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
              "ul": -3.0, "ol": -3.0, "dl": -3.0, "li": -3.0, "dd": -3.0, "dt": -3.0, "form": -3.0,
              "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0}
_COMMAS = re.compile(r"[,،、，]")
_PAGE_ROOTS = ("body", "html")


class Scorer:
    """Votes of prose blocks for their containers, and the choice of the article container."""

    def __init__(self, walk: Walk, settings: BodySettings) -> None:
        self.walk = walk
        self.settings = settings
        blocks = walk.blocks
        self.cum_chars = [0]
        self.cum_links = [0]
        for b in blocks:
            self.cum_chars.append(self.cum_chars[-1] + b.chars)
            self.cum_links.append(self.cum_links[-1] + b.link_chars)
        self.total_chars = self.cum_chars[-1]
        self.votes: dict[Any, float] = {}
        self.final: dict[Any, float] = {}

    def chars(self, el: Any) -> tuple[int, int]:
        """(characters, characters inside links) of an element's blocks; (0, 0) for an element never walked."""
        first, last = self.walk.span.get(el, (0, 0))
        return self.cum_chars[last] - self.cum_chars[first], self.cum_links[last] - self.cum_links[first]

    def link_density(self, el: Any) -> float:
        """Share of an element's text inside links; 1.0 for an element without text."""
        chars, links = self.chars(el)
        return links / chars if chars else 1.0

    def vote(self) -> None:
        """Fill `votes` (prose blocks' shares per ancestor) and `final` (votes with priors, hints and link text)."""
        s = self.settings
        paragraph = self.walk.rules.paragraph
        votes = self.votes
        for b in self.walk.blocks:
            if b.kind != PROSE or b.chars < s.min_vote_chars:
                continue
            weight = (1.0 + len(_COMMAS.findall(b.text)) + min(b.chars / 100.0, 3.0)) * (1.0 - b.link_chars / b.chars)
            if weight <= 0:
                continue
            el = b.owner.getparent() if b.owner.tag in paragraph else b.owner
            for share in s.ancestor_shares:
                if el is None or not isinstance(el.tag, str) or el.tag == "html":
                    break
                votes[el] = votes.get(el, 0.0) + weight * share
                el = el.getparent()
        walk = self.walk
        for el, v in votes.items():
            score = v + _TAG_PRIOR.get(el.tag, 0.0) + s.class_weight * walk.hint.get(el, 0.0)
            score *= 1.0 - self.link_density(el)
            neg = walk.neg_of.get(el)
            if neg is not None and self.chars(neg)[0] <= s.furniture_max_share * self.total_chars:
                score *= s.furniture_factor
            self.final[el] = score

    def choose(self) -> list[Any]:
        """The article's container elements in document order: one element or adjacent siblings."""
        if not self.final:
            return []
        ranked = sorted(self.final.items(), key=lambda kv: kv[1], reverse=True)
        top, top_score = ranked[0]
        if top_score <= 0:
            return []
        top = self._shared_ancestor(top, top_score, ranked[1:6])
        top = self._climb(top)
        wrappers = self._wrappers(top)
        top = wrappers[-1]
        chosen = self._with_siblings(top)
        twins = [twin for level in wrappers for twin in self._twins(level, ranked)]
        if twins:
            # A twin nested in another twin (or in the winner) is already covered by it.
            covered = set(chosen) | set(twins)
            twins = [el for el in twins if not any(a in covered for a in el.iterancestors())]
            chosen = sorted(set(chosen) | set(twins), key=lambda el: self.walk.span[el])
        return chosen

    def _twins(self, top: Any, ranked: list[tuple[Any, float]]) -> list[Any]:
        """Other parts of an article split into same-styled boxes ("text-block") under a near ancestor.

        CMSs cut articles around ads, embeds and teasers into repeated elements with the winner's tag and
        class; the parts are cousins, not siblings, so neither the climb nor the sibling merge reaches them.
        """
        s = self.settings
        cls = top.get("class")
        if not cls:
            return []
        threshold = max(s.sibling_min_score, self.final.get(top, 0.0) * s.sibling_share)
        near = list(top.iterancestors())[: s.twin_levels]
        twins = []
        for el, score in ranked:
            if score < threshold:
                break
            if el is top or el.tag != top.tag or el.get("class") != cls:
                continue
            if el not in near and any(a in near for a in el.iterancestors()):
                twins.append(el)
        return twins

    def _shared_ancestor(self, top: Any, top_score: float, others: list[tuple[Any, float]]) -> Any:
        """The winner's nearest ancestor that enough strong alternatives also sit in, else the winner."""
        s = self.settings
        strong = [el for el, sc in others if sc >= s.alternative_share * top_score]
        if len(strong) < s.min_alternatives:
            return top
        alternatives = [set(el.iterancestors()) for el in strong]
        for parent in top.iterancestors():
            if parent.tag in _PAGE_ROOTS:
                break
            if sum(parent in anc for anc in alternatives) >= s.min_alternatives:
                return parent
        return top

    def _wrappers(self, top: Any) -> list[Any]:
        """The winner and the ancestors wrapping nothing but it, innermost first: the same content, but an outer
        one's class may say more, and its siblings are the article's neighbours."""
        skip = self.walk.rules.skip
        chain = [top]
        parent = top.getparent()
        while (
            parent is not None
            and parent.tag not in _PAGE_ROOTS
            and self.walk.hint.get(parent, 0.0) >= 0
            and all(c is chain[-1] or not isinstance(c.tag, str) or c.tag in skip for c in parent)
        ):
            chain.append(parent)
            parent = parent.getparent()
        return chain

    def _climb(self, top: Any) -> Any:
        """The first ancestor scoring more than the one below it, while scores stay near the winner's."""
        s = self.settings
        top_score = self.final.get(top, 0.0)
        last = top_score
        parent = top.getparent()
        while parent is not None and parent.tag not in _PAGE_ROOTS:
            score = self.final.get(parent)
            if score is None:
                parent = parent.getparent()
                continue
            if score < top_score * s.parent_min_share:
                break
            if score > last:
                top = parent
                break
            last = score
            parent = parent.getparent()
        return top

    def _with_siblings(self, top: Any) -> list[Any]:
        """The winner and the siblings that score well or hold plain prose, in document order."""
        s = self.settings
        parent = top.getparent()
        if parent is None:
            return [top]
        top_score = self.final.get(top, 0.0)
        threshold = max(s.sibling_min_score, top_score * s.sibling_share)
        walk = self.walk
        chosen = []
        for sibling in parent:
            if sibling is top:
                chosen.append(sibling)
                continue
            if not isinstance(sibling.tag, str) or sibling not in walk.span:
                continue
            if walk.neg_of.get(sibling) is sibling or walk.hint.get(sibling, 0.0) < 0:
                continue
            if self.final.get(sibling, 0.0) >= threshold:
                chosen.append(sibling)
                continue
            if sibling.tag in walk.rules.paragraph:
                chars, links = self.chars(sibling)
                if chars >= s.sibling_prose_chars and links <= s.sibling_prose_link_density * chars:
                    chosen.append(sibling)
        return chosen
