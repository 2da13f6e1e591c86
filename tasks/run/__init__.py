"""A run: plan, shards, merge, commit and report of one night (the only code that knows the staging layout)."""

from tasks.run.night import Night, NightSteps, new_run, run_night

__all__ = ["Night", "NightSteps", "new_run", "run_night"]
