"""Statements across the lake: who a speaker is from one article to the next, and where a quote is repeated."""

from tasks.quotes.propagation import QuoteSettings, assign_quote_ids
from tasks.quotes.speakers import speaker_key

__all__ = ["QuoteSettings", "assign_quote_ids", "speaker_key"]
