"""Duplicate copies (property test): random batches of re-delivered and conflicting copies of articles, over one or
two nights, always leave unique keys, one title per article, and statement offsets that match their article's body."""

from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.lake import Lake
from tasks.run import new_run, run_night

SAID = ['"The ferry will run every hour," the harbor master said.', "The mayor said the bridge would reopen in June.",
        '"We need the money now," Ana Ferreira said on Monday.']
# One delivery: which URL (few, so they collide), which wording, which file, which night.
DELIVERY = st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 2), st.integers(0, 1))


def deliver(root: Path, deliveries: list[tuple[int, int, int, int]]) -> dict[int, list[Path]]:
    files: dict[tuple[int, int], list[str]] = {}
    for url, wording, file, night in deliveries:
        item = {"url": f"https://a.test/story/{url}", "source": f"Outlet {wording}",
                "title": f"Harbor story {url}, version {wording}", "text": f"{SAID[wording]}\n\nStory {url}."}
        files.setdefault((night, file), []).append(json.dumps(item))
    nights: dict[int, list[Path]] = {}
    for (night, file), lines in sorted(files.items()):
        path = root / f"night{night}" / f"feed{file}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        nights.setdefault(night, []).append(path)
    return nights


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DELIVERY, min_size=1, max_size=8))
def test_copies_never_leak_rows(deliveries: list[tuple[int, int, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lake = Lake(root / "lake")
        for night, paths in sorted(deliver(root, deliveries).items()):
            run_night([str(p) for p in paths], lake, new_run(date(2026, 11, 26) + timedelta(days=night)), batch_files=1)
        con = lake.connect()
        for table, key in (("articles", "article_id"), ("headlines", "headline_id"), ("statements", "statement_id")):
            assert con.execute(f"select count(*) = count(distinct {key}) from {table}").fetchone() == (True,), table
        urls = {url for url, *_ in deliveries}
        assert con.execute("select count(*) from articles").fetchone() == (len(urls),)
        titles = con.execute("select a.title = h.text, count(*) over (partition by article_id) from articles a "
                             "join headlines h using (article_id) where h.role = 'title'").fetchall()
        assert titles and all(same and n == 1 for same, n in titles)
        bad = con.execute(
            "select count(*) from statements s join articles a using (article_id) where s.content <> array_to_string("
            "list_transform(s.fragments, lambda f: substr(a.body, f.start + 1, f.end - f.start)), ' … ')"
        ).fetchone()
        orphans = con.execute("select count(*) from statements anti join articles using (article_id)").fetchone()
        assert bad == (0,) and orphans == (0,)
