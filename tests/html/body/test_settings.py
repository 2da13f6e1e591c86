"""Main-text settings (tasks/html/body/settings.py): a frozen record whose docstring describes every threshold, the
default instance every extraction uses, and shares that are shares."""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest

from tasks.html.body import DEFAULT_SETTINGS, BodySettings, extract_body


def test_the_docstring_describes_every_field_in_declaration_order() -> None:
    attributes = BodySettings.__doc__.split("Attributes:", 1)[1]
    described = re.findall(r"^ {8}(\w+): \S", attributes, flags=re.MULTILINE)
    assert described == [f.name for f in dataclasses.fields(BodySettings)]


def test_the_defaults_are_one_frozen_instance_that_extraction_uses_unless_told_otherwise() -> None:
    assert DEFAULT_SETTINGS == BodySettings()
    assert inspect.signature(extract_body).parameters["settings"].default is DEFAULT_SETTINGS
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.max_link_density = 0.0  # type: ignore[misc]  # one caller must not change every other's
    assert dataclasses.replace(DEFAULT_SETTINGS, max_link_density=0.0).max_link_density == 0.0
    assert DEFAULT_SETTINGS.max_link_density == 0.5


def test_shares_ratios_and_densities_lie_between_zero_and_one() -> None:
    fractions = [f.name for f in dataclasses.fields(BodySettings)
                 if f.type == "float" and re.search(r"share|ratio|density|factor|agreement", f.name)]
    assert len(fractions) >= 10
    for name in fractions:
        assert 0.0 < getattr(DEFAULT_SETTINGS, name) <= 1.0, name


def test_a_vote_decays_from_the_whole_share_at_the_container_to_its_ancestors() -> None:
    shares = DEFAULT_SETTINGS.ancestor_shares
    assert shares[0] == 1.0 and all(later <= earlier for earlier, later in zip(shares, shares[1:]))
    assert all(share > 0 for share in shares)
