"""One whole night, without Prefect: discover, plan, shards, merge, commit, report.

The flow (flows/nightly.py) runs exactly this function, handing in Prefect-task versions of the steps
(retries, timeouts, a task runner for the shards, the UI); benchmarks and tests run it with the plain
functions. So the sequence of a night, its lock, its failure record, its counts and its clock exist once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa

from tasks.faults import failpoint
from tasks.ids import new_run_id
from tasks.ingest import Discovery, discover
from tasks.lake import Lake, Snapshot
from tasks.lake.schemas import INPUTS, QUARANTINE
from tasks.records import InputFile, RunInfo, ShardResult
from tasks.report.page import write_page
from tasks.report.run import RunReport, report_run
from tasks.run.commit import commit_run, place_run, record_failed_run, with_runs_row, write_runs_row
from tasks.run.layout import Staging
from tasks.run.merge import MergeResult, merge_run
from tasks.run.plan import Plan, plan_shards
from tasks.run.rows import input_row, quarantine_row, runs_row
from tasks.run.shard import process_shard

# Runs every shard of the plan saved in a run's staging dir: (run, staging dir, number of shards) -> one result per
# shard, in plan order. The plan goes by path: a Prefect subflow's parameters are at most 512 KiB.
ShardRunner = Callable[[RunInfo, str, int], list[ShardResult]]
STAGES = ("discover", "shards", "merge", "commit", "report")


def _ingested_before(lake: Lake, files: Sequence[InputFile]) -> dict[str, str]:
    """Content hash -> where and when the lake ingested it, for the files whose content it already has."""
    rows = lake.lookup("files", "content_sha256", [f.content_sha256 for f in files], ["source_uri", "run_id"])
    return {sha: f"{row['source_uri']} (run {row['run_id']})" for sha, row in rows.items()}


def run_shards_here(run: RunInfo, staging_dir: str, n_shards: int) -> list[ShardResult]:
    """Run the shards of a plan one after another in this process."""
    shards = Staging(Path(staging_dir), run.run_id).load_plan()
    return [process_shard(files, run, staging_dir, index) for index, files in enumerate(shards)]


@dataclass(frozen=True)
class NightSteps:
    """The functions a night calls; the flow hands in Prefect-task versions of them."""

    discover: Callable = discover
    plan: Callable = plan_shards
    shards: ShardRunner = run_shards_here
    merge: Callable = merge_run
    place: Callable = place_run
    report: Callable = report_run
    commit: Callable = commit_run
    record_failed: Callable = record_failed_run


PLAIN_STEPS = NightSteps()


@dataclass
class StageClock:
    """Wall seconds per stage of a night (what the `runs` row and the report show)."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start


@dataclass(frozen=True)
class Night:
    """What a committed night leaves: its `runs` row (plus snapshot and lake), the snapshot, the Markdown report."""

    summary: dict[str, object]
    snapshot: Snapshot
    report: str


@dataclass
class _Night:
    """The state of one night while it runs: what each stage found, and the clock."""

    lake: Lake
    run: RunInfo
    steps: NightSteps
    log: logging.Logger | logging.LoggerAdapter
    flow_run_id: str | None
    startup_seconds: float | None
    clock: StageClock = field(default_factory=StageClock)
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    files_seen: int = 0
    files_new: int = 0

    def row(self, status: str | None, counts: dict[str, int]) -> pa.Table:
        return runs_row(self.run, flow_run_id=self.flow_run_id, started_at=self.started_at, status=status,
                        files_seen=self.files_seen, files_new=self.files_new, counts=counts,
                        stage_seconds=self.clock.seconds, startup_seconds=self.startup_seconds)

    def discover(self, paths: Sequence[str], batch_files: int, workers: int) -> tuple[Discovery, Plan, Staging]:
        """Hash every input file; the lake's manifest says which contents are new; cut the work into shards."""
        lake, run = self.lake, self.run
        with self.clock.stage("discover"):
            # Files of a crashed earlier run are unreferenced: clear them before writing anything new.
            lake.remove_orphans()
            found = self.steps.discover(paths)
            failpoint("night.discovered")
            plan = self.steps.plan(found.files, _ingested_before(lake, found.files), batch_files, workers)
            staging = Staging(lake.staging_dir(run.run_id), run.run_id)
            staging.save_plan(plan.shards)
        self.files_seen, self.files_new = len(found.files), plan.files_new
        self.log.info("run %s for %s: %d files seen, %d new, %d skipped, %d rejected, %d shards", run.run_id,
                      run.run_date, self.files_seen, self.files_new, len(plan.skipped), len(found.rejected),
                      len(plan.shards))
        failpoint("night.planned")
        return found, plan, staging

    def shards_and_merge(self, found: Discovery, plan: Plan, staging: Staging) -> MergeResult:
        """The shards (in parallel, on the steps' runner), then the merge on this node: new articles only,
        stories, quotes, the final files."""
        run = self.run
        with self.clock.stage("shards"):
            results = self.steps.shards(run, str(staging.root), len(plan.shards)) if plan.shards else []
        with self.clock.stage("merge"):
            planned = {
                "quarantine": pa.Table.from_pylist([quarantine_row(r, run) for r in found.rejected], schema=QUARANTINE),
                "inputs": pa.Table.from_pylist([input_row(o, run) for o in plan.skipped], schema=INPUTS),
            }
            return self.steps.merge(self.lake, run, results, planned)

    def commit(self, merged: MergeResult) -> tuple[Snapshot, pa.Table, RunReport]:
        """Place the files with a provisional `runs` row (still invisible), report the night through the pending
        snapshot (a run reports what it commits), then publish the final row and the files in one snapshot."""
        lake, run = self.lake, self.run
        with self.clock.stage("commit"):
            change = self.steps.place(lake, run, merged)
            provisional = self.row(None, merged.counts)
            pending = lake.pending(run.run_id, with_runs_row(change, write_runs_row(lake, run, provisional)))
        with self.clock.stage("report"):
            report = self.steps.report(lake, run.run_id, run.run_date, provisional.to_pylist()[0], pending)
        failpoint("night.reported")
        final = self.row(None, merged.counts)  # every stage's seconds
        publish_start = time.perf_counter()
        snapshot = self.steps.commit(lake, run, change, final)
        self.log.info("published snapshot %d in %.2f s (views.sql and orphan sweep included)", snapshot.version,
                      time.perf_counter() - publish_start)
        return snapshot, final, report

    def record_failure(self) -> None:
        """Leave a trace of the failure in `runs`; the data of the run is not committed."""
        try:
            if self.lake.snapshot().run_id == self.run.run_id:
                return  # failed after its commit point: the run is committed whole, its row says so
            self.steps.record_failed(self.lake, self.run, self.row("failed", {}))
        except Exception as error:  # noqa: BLE001 - the original failure is the one to report
            self.log.error("could not record the failed run: %s", error)


def run_night(
    paths: Sequence[str],
    lake: Lake,
    run: RunInfo,
    *,
    batch_files: int,
    workers: int = 1,
    lock_timeout_s: float = 0.0,
    steps: NightSteps = PLAIN_STEPS,
    flow_run_id: str | None = None,
    startup_seconds: float | None = None,
    logger: logging.Logger | logging.LoggerAdapter | None = None,
) -> Night:
    """Ingest every input file the lake has not seen, and commit the run's rows as one snapshot.

    Args:
        paths: input files and directories (already resolved: no globs, no `{date}`).
        lake: the lake to write.
        run: the run's id and logical date.
        batch_files: at most this many input files (or pieces) per shard.
        workers: processes the shards will run on (the plan cuts the work into a few shards per worker).
        lock_timeout_s: how long to wait for another run writing the lake.
        steps: the functions to call for each step.
        flow_run_id: the Prefect flow run, recorded in `runs`.
        startup_seconds: what the run paid before this function started (Prefect's start-up), recorded apart.
        logger: where progress goes (default: the `newslake` logger).

    Returns:
        The committed night. A failure commits only a `runs` row with status `failed`, then re-raises.
    """
    log = logger or logging.getLogger("newslake")
    with lake.writer_lock(run.run_id, timeout_s=lock_timeout_s):
        # The run starts when it holds the lake: waiting for another writer is no stage.
        night = _Night(lake, run, steps, log, flow_run_id, startup_seconds)
        failpoint("night.locked")
        try:
            found, plan, staging = night.discover(paths, batch_files, workers)
            snapshot, final, report = night.commit(night.shards_and_merge(found, plan, staging))
        except BaseException:
            night.record_failure()
            raise
        failpoint("night.committed")
        write_page(report.page, lake.report_path(run.run_date))
    summary = {**final.to_pylist()[0], "snapshot": snapshot.version, "lake": str(lake.root)}
    log.info("committed snapshot %d: %d articles, %d headlines, %d statements, %d quarantined in %.1f s",
             snapshot.version, summary["articles"], summary["headlines"], summary["statements"],
             summary["quarantined"], sum(night.clock.seconds.values()))
    return Night(summary, snapshot, report.markdown)


def new_run(run_date: date) -> RunInfo:
    """A fresh run of the given logical date (time-ordered id)."""
    return RunInfo(new_run_id(), run_date)
