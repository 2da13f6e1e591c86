"""A reader that queries a lake in a loop while other processes write it, checking what one snapshot guarantees.

    python -m tests.lake.read_loop LAKE STOP_FILE MAX_SECONDS

Reads until STOP_FILE exists (or MAX_SECONDS pass).

Prints one JSON line: how many snapshots it checked, the versions it saw, and every violation (a failed query,
a missing file, or an invariant that only a mix of two snapshots could break).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tasks.lake import Lake

# Each holds within any one committed snapshot; a reader that mixed two snapshots' files would break one.
INVARIANTS = {
    "articles match the runs that added them":
        "select (select count(*) from articles) = (select coalesce(sum(articles), 0) from runs where status <> 'failed')",
    "every statement has its article":
        "select count(*) = 0 from statements anti join articles using (article_id)",
    "every headline has its article": "select count(*) = 0 from headlines anti join articles using (article_id)",
    "one stories row per story": "select (select count(distinct story_id) from headlines) = (select count(*) from stories)",
}


def main(lake_path: str, stop_file: str, seconds: float) -> int:
    lake, stop, deadline = Lake(lake_path), Path(stop_file), time.monotonic() + seconds
    checked, versions, violations = 0, set(), []
    while time.monotonic() < deadline and not stop.exists():
        if not lake.exists:
            time.sleep(0.05)
            continue
        try:
            snapshot = lake.snapshot()
            con = lake.connect(snapshot)
            for name, sql in INVARIANTS.items():
                if not con.execute(sql).fetchone()[0]:
                    violations.append(f"snapshot {snapshot.version}: {name}")
            con.close()
        except Exception as error:  # noqa: BLE001 - every failure of a reader is what this test looks for
            violations.append(f"{type(error).__name__}: {error}")
        else:
            checked += 1
            versions.add(snapshot.version)
    print(json.dumps({"checked": checked, "versions": sorted(versions), "violations": violations}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
