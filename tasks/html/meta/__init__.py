"""Article metadata of a parsed page, one module per field: title, dates, authors, site and language."""

from tasks.html.meta.extract import PageMeta, extract_metadata

__all__ = ["PageMeta", "extract_metadata"]
