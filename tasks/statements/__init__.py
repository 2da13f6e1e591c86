"""Statements: who said what in an article body, with speaker, cue, content, kind and exact offsets."""

from tasks.statements.native import use_sources_if_stale

use_sources_if_stale()

from tasks.statements.extract import Statement, extract_statements  # noqa: E402 (after the build is chosen)

__all__ = ["Statement", "extract_statements"]
