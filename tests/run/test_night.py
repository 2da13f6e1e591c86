"""A whole night without Prefect (run_night with the plain steps): counts, reruns, duplicate copies, failures."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from tasks.lake import Lake
from tasks.run import NightSteps, new_run, run_night
from tasks.run.night import PLAIN_STEPS
from tests.paths import SAMPLES

NIGHT = date(2026, 11, 27)


def night(inputs: list[Path], lake: Lake, steps: NightSteps = PLAIN_STEPS) -> dict[str, object]:
    return run_night([str(p) for p in inputs], lake, new_run(NIGHT), batch_files=2, steps=steps).summary


def counts(lake: Lake) -> dict[str, int]:
    con = lake.connect()
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "headlines", "stories", "statements", "quarantine", "files", "inputs", "runs")}


def test_samples_night_then_rerun_adds_nothing(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    first = night([SAMPLES], lake)
    # Three parts of the sample files are unreadable on purpose: the night is partial, not failed. One page is
    # delivered twice: the copy is skipped as a duplicate of the other input.
    assert (first["status"], first["files_seen"], first["files_new"], first["articles"]) == ("partial", 9, 8, 14)
    assert first["quarantined"] == 3 and first["statements"] > 0 and first["snapshot"] == 1 and first["skipped"] == 1
    before = counts(lake)
    again = night([SAMPLES], lake)
    assert (again["status"], again["files_new"], again["skipped"]) == ("completed", 0, 9)
    assert (again["articles"], again["headlines"], again["statements"], again["quarantined"]) == (0, 0, 0, 0)
    # The rerun adds no data row; it records itself and what it did with each of the 9 paths (skipped).
    assert counts(lake) == {**before, "runs": before["runs"] + 1, "inputs": before["inputs"] + 9}
    reasons = lake.connect().execute(
        "select outcome, reason, count(*) from inputs where run_id = ? group by all", [again["run_id"]]
    ).fetchall()
    assert reasons == [("skipped", "seen_before", 9)]


def test_the_copy_that_wins_an_article_wins_its_headlines_and_statements(tmp_path: Path) -> None:
    # One URL delivered twice with different text (a feed item and a later edit): one article, and only the
    # winning copy's headlines and statements, so every offset points into the body the lake keeps.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, title, said in (("a.jsonl", "Ferry fares rise", "rise in April"), ("b.jsonl", "Ferry fares to rise", "go up")):
        text = f'"Fares will {said}," the harbor master said on Monday.\n\nThe change follows a fuel surcharge.'
        (inbox / name).write_text(json.dumps({"url": "https://example.test/fares", "title": title, "text": text}) + "\n")
    lake = Lake(tmp_path / "lake")
    summary = night([inbox], lake)
    assert (summary["articles"], summary["duplicates"]) == (1, 1)
    con = lake.connect()
    assert con.execute("select count(*) from headlines where role = 'title'").fetchone() == (1,)
    mismatched = con.execute(
        "select count(*) from statements s join articles a using (article_id) where s.content <> array_to_string("
        "list_transform(s.fragments, lambda f: substr(a.body, f.start + 1, f.end - f.start)), ' … ')"
    ).fetchone()
    assert mismatched == (0,) and con.execute("select count(*) from statements").fetchone() == (1,)


def test_a_failed_night_records_only_its_runs_row(tmp_path: Path) -> None:
    def broken_merge(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated merge bug")

    lake = Lake(tmp_path / "lake")
    with pytest.raises(RuntimeError, match="simulated merge bug"):
        night([SAMPLES / "txt"], lake, dataclasses.replace(NightSteps(), merge=broken_merge))
    con = lake.connect()
    assert con.execute("select status, files_seen, articles from runs").fetchall() == [("failed", 3, 0)]
    assert con.execute("select count(*) from articles").fetchone() == (0,)
    # The next night reads the same files again: nothing of the failed one was kept.
    assert night([SAMPLES / "txt"], lake)["files_new"] == 3


def test_a_commit_step_that_fails_after_its_commit_point_is_retried_without_a_second_copy(tmp_path: Path) -> None:
    # A storage error after CURRENT names the run (views.sql, the sweep) and a retry of the whole commit step:
    # the run's files are listed once, its row stays `partial`, and no failure row is written over it.
    calls = []

    def commit_then_fail_once(lake: Lake, run, change, runs):  # noqa: ANN001 - the commit step's signature
        snapshot = PLAIN_STEPS.commit(lake, run, change, runs)
        calls.append(snapshot.version)
        if len(calls) == 1:
            raise OSError("simulated disk error after the commit point")
        return snapshot

    def retried_commit(*args: object):
        try:
            return commit_then_fail_once(*args)
        except OSError:
            return commit_then_fail_once(*args)

    lake = Lake(tmp_path / "lake")
    summary = night([SAMPLES], lake, dataclasses.replace(NightSteps(), commit=retried_commit))
    assert calls == [1, 1] and summary["snapshot"] == 1
    tables = lake.snapshot().tables
    assert all(len(files) == len(set(files)) for files in tables.values())
    assert counts(lake)["articles"] == 14
    assert lake.connect().execute("select status from runs").fetchall() == [("partial",)]


def test_a_failure_after_the_commit_point_leaves_the_committed_run(tmp_path: Path) -> None:
    def commit_then_raise(lake: Lake, run, change, runs):  # noqa: ANN001 - the commit step's signature
        PLAIN_STEPS.commit(lake, run, change, runs)
        raise KeyboardInterrupt

    lake = Lake(tmp_path / "lake")
    with pytest.raises(KeyboardInterrupt):
        night([SAMPLES / "txt"], lake, dataclasses.replace(NightSteps(), commit=commit_then_raise))
    assert lake.connect().execute("select status, articles from runs").fetchall() == [("completed", 3)]


def test_stage_seconds_add_up_to_the_run(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    summary = night([SAMPLES], lake)
    stages = summary["stage_seconds"]
    assert set(stages) == {"discover", "shards", "merge", "commit", "report"} and all(v >= 0 for v in stages.values())
    wall = (summary["finished_at"] - summary["started_at"]).total_seconds()
    assert 0.95 * wall <= sum(stages.values()) <= wall + 0.005  # each stage is rounded to the millisecond
    assert summary["startup_seconds"] is None  # no Prefect here


def test_a_night_cut_into_many_shards_gives_the_same_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tasks.run.plan as plan_module
    from tests.lake.test_crash import contents

    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(
        json.dumps({"url": f"https://a.test/{n}", "source": f"Outlet {n % 4}", "title": f"Harbor item {n} approved",
                    "text": f'"Item {n} is done," the clerk said.\n\nMore on item {n}.'}) + "\n" for n in range(300)
    ) + "{broken\n")
    one = Lake(tmp_path / "one")
    night([feed.parent], one)
    monkeypatch.setattr(plan_module, "MIN_SHARD_BYTES", 3000)
    many = Lake(tmp_path / "many")
    summary = run_night([str(feed.parent)], many, new_run(NIGHT), batch_files=2, workers=4).summary
    assert summary["files_new"] == 1
    assert contents(many) == contents(one)
    # One file read in pieces is still one file: one manifest row, one outcome.
    con = many.connect()
    assert con.execute("select count(*), sum(articles), sum(quarantined) from files").fetchone() == (1, 300, 1)
    assert con.execute("select outcome, count(*) from inputs group by all").fetchall() == [("ingested", 1)]
