"""Small generated nights for the headline tests: rows in the CLUSTER_INPUT layout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyarrow as pa

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TS = pa.timestamp("us", tz="UTC")


def table(rows: list[tuple], start: int = 0) -> pa.Table:
    """A night from rows: (text, hours after T0[, article_id[, lead]]); ids are derived from the position."""
    return pa.table(
        {
            "headline_id": [f"h{start + i:03d}" for i in range(len(rows))],
            "article_id": [r[2] if len(r) > 2 and r[2] else f"a{start + i:03d}" for i, r in enumerate(rows)],
            "text": [r[0] for r in rows],
            "seen_at": pa.array([T0 + timedelta(hours=r[1]) for r in rows], TS),
            "source": [f"outlet{i % 3}" for i in range(len(rows))],
            "lead": pa.array([r[3] if len(r) > 3 else None for r in rows], pa.string()),
        }
    )


BASE = "Harbour city council approves new tram line to the airport"
FILLER = [
    ("Tennis star withdraws from spring open with wrist injury", 1),
    ("Central bank holds interest rates steady as inflation cools", 2),
    ("Volcano eruption forces evacuation of island villages", 3),
]
