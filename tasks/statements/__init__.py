"""Statements: who said what in an article body, with speaker, cue, content, kind and exact offsets."""

from tasks.statements.extract import Statement, extract_statements

__all__ = ["Statement", "extract_statements"]
