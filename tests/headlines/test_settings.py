"""Headline settings (tasks/headlines/settings.py): one frozen class whose every threshold has a default and a
description, with defaults that keep the bounds its descriptions state."""

from __future__ import annotations

import ast
import dataclasses
import inspect

import pytest

import tasks.headlines.settings as settings_module
from tasks.headlines.settings import HeadlineSettings
from tasks.run.merge import LEAD_CHARS


def test_every_field_has_a_default_and_a_description() -> None:
    [cls] = [n for n in ast.parse(inspect.getsource(settings_module)).body if isinstance(n, ast.ClassDef)]
    described, body = set(), cls.body
    for node, following in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            assert following.value.value.strip(), node.target.id
            described.add(node.target.id)
    fields = dataclasses.fields(HeadlineSettings)
    assert {f.name for f in fields} == described
    assert all(f.default is not dataclasses.MISSING for f in fields)


def test_settings_are_frozen_and_unknown_overrides_are_refused() -> None:
    settings = HeadlineSettings(window_days=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.window_days = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        HeadlineSettings(window_day=3)  # type: ignore[call-arg]  # bench/headlines.py passes overrides by name
    assert settings == HeadlineSettings(window_days=3) and settings != HeadlineSettings()


def test_the_defaults_keep_the_bounds_their_descriptions_state() -> None:
    s = HeadlineSettings()
    assert s.neighbors >= 2 * s.density_rank  # "at least 2 * density_rank, since the background reads ranks up to there"
    assert s.embedding_dims in (64, 128, 256)
    assert 0.0 <= s.tfidf_weight <= 1.0  # a share of the pair similarity
    assert s.lead_chars <= LEAD_CHARS  # the merge hands clustering no more of the lead than this
    assert s.link_threshold <= s.lead_link_threshold  # the cut between articles with leads is the stricter one
