"""Validated parameters of the nightly flow: bad values fail before any work, with a message that says why."""

from __future__ import annotations

import glob
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SERVER_PORT = 4200
"""Port of the Prefect server `newslake serve` starts when PREFECT_API_URL is unset (Prefect's own default)."""
TaskRunnerName = Literal["auto", "process", "thread", "dask"]
"""Where a run's shards run (NightlyParams.task_runner); the command line offers the same choices."""


class NightlyParams(BaseModel):
    """Everything one run of the nightly flow needs to know."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    inputs: list[str] = Field(
        min_length=1,
        description="Landing files, directories or glob patterns; `{date}` is replaced by the run date "
        "(YYYY-MM-DD) and strftime codes like `{date:%Y/%m/%d}` work too.",
    )
    lake: str = Field("data_lake", description="Lake root directory.")
    run_date: date | None = Field(None, description="Logical date (partition key); default: yesterday in `timezone`.")
    timezone: str = Field("UTC", description="IANA zone that decides what 'yesterday' is, e.g. Europe/Amsterdam.")
    batch_files: int = Field(200, ge=1, le=100_000, description="At most this many input files (or pieces) per shard.")
    task_runner: TaskRunnerName = Field(
        "auto", description="Where shards run: processes on every core (auto picks threads for a single shard, "
        "where processes cost more than they win), threads, or a Dask cluster.")
    workers: int | None = Field(None, ge=1, description="Processes (or Dask workers) the shards run on; "
                                "default: the machine's cores.")
    dask_address: str | None = Field(None, description="Scheduler address of an existing Dask cluster; "
                                     "default with task_runner=dask: a LocalCluster on this machine.")
    lock_timeout_s: float = Field(0.0, ge=0, description="How long to wait for another run writing the lake.")

    @classmethod
    def from_flow(cls, *, timezone_name: str, **flow_kwargs: object) -> NightlyParams:
        """The parameters of a call to the `nightly` flow (whose zone parameter is `timezone_name`)."""
        return cls(timezone=timezone_name, **flow_kwargs)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/Amsterdam)") from None
        return value

    @model_validator(mode="after")
    def _address_needs_dask(self) -> NightlyParams:
        if self.dask_address and self.task_runner != "dask":
            raise ValueError("dask_address is set but task_runner is not 'dask'")
        return self

    def resolved_workers(self) -> int:
        """The number of worker processes: as given, else the machine's cores."""
        return self.workers or os.cpu_count() or 1

    def resolved_date(self, now: datetime | None = None) -> date:
        """The run date: as given, else yesterday in the configured time zone."""
        if self.run_date is not None:
            return self.run_date
        now = now or datetime.now(ZoneInfo(self.timezone))
        return (now.astimezone(ZoneInfo(self.timezone)) - timedelta(days=1)).date()

    def resolved_inputs(self, run_date: date) -> list[str]:
        """Input paths for a run date: `{date}` filled in, globs expanded, missing plain paths refused.

        Raises:
            ValueError: a plain path that does not exist. A glob that matches nothing is not an
                error (a quiet night lands no files); the run then has nothing new to read.
        """
        resolved: list[str] = []
        missing: list[str] = []
        for pattern in self.inputs:
            try:
                path = pattern.format(date=run_date)
            except (KeyError, IndexError, ValueError) as error:
                raise ValueError(f"{pattern}: the only placeholder an input may hold is {{date}} "
                                 f"(or {{date:FORMAT}}), e.g. landing/{{date:%Y/%m/%d}}") from error
            if glob.has_magic(path):
                resolved += _outermost(glob.glob(path, recursive=True))
            elif Path(path).exists():
                resolved.append(path)
            else:
                missing.append(path)
        if missing:
            raise ValueError(f"input path(s) not found: {', '.join(missing)}")
        return resolved


def _outermost(matches: list[str]) -> list[str]:
    """Glob matches minus those inside another match: `dir/**/*` matches a directory and everything under it, and
    discovery walks each directory it is given, so an inner match would be read (or rejected) twice."""
    kept: list[str] = []
    for path in sorted(matches, key=lambda m: Path(m).parts):
        if not kept or not Path(path).is_relative_to(kept[-1]):
            kept.append(path)
    return kept


# The model's own defaults (model_construct fills them in without validating the empty input list): the flow's
# signature and the command line read them from here, so every default is declared once, in its Field above.
DEFAULTS = NightlyParams.model_construct(inputs=[])
