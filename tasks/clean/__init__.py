"""Clean: raw articles to clean bodies, headlines and identities, with page furniture removed."""

from tasks.clean.article import clean_article

__all__ = ["clean_article"]
