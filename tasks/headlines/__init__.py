"""Headlines: duplicate folding (dup groups) and story clustering (story ids), stable across nights."""

from tasks.headlines.cluster import cluster_headlines
from tasks.headlines.schemas import CLUSTER_INPUT, CLUSTERED, STORY_INDEX, STORY_SUMMARY
from tasks.headlines.settings import HeadlineSettings
from tasks.headlines.summary import summarize_stories

__all__ = [
    "CLUSTERED", "CLUSTER_INPUT", "STORY_INDEX", "STORY_SUMMARY", "HeadlineSettings", "cluster_headlines",
    "summarize_stories",
]
