"""Ingest: find input files, sniff their format, decode them, and stream raw articles (or rejections) out of them."""

from tasks.ingest.discovery import Discovery, discover
from tasks.ingest.read import read_input

__all__ = ["Discovery", "discover", "read_input"]
