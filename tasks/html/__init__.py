"""Web pages: one parse per page, then the article body and the page's metadata."""

from tasks.html.page import ExtractionError, Page, extract_page

__all__ = ["ExtractionError", "Page", "extract_page"]
