"""The lake: table schemas, Parquet files, atomic snapshots, the writer lock, and the views readers query."""

from tasks.lake.files import PartWriter, write_table
from tasks.lake.lock import LakeLockedError
from tasks.lake.snapshots import Commit, Snapshot
from tasks.lake.store import Lake

__all__ = ["Commit", "Lake", "LakeLockedError", "PartWriter", "Snapshot", "write_table"]
