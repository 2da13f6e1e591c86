"""Watching a process and its descendants while it runs: one polling thread that hands each look at the tree to
an observer (the pipeline bench keeps the peak memory; the laptop-path test counts servers and workers)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import psutil


class TreePoller:
    """Calls `observe(processes)` every `every_s` seconds with the root process and all its descendants alive at
    that moment, from a daemon thread, until `stop()`."""

    def __init__(self, pid: int, observe: Callable[[list[psutil.Process]], None], every_s: float = 0.2) -> None:
        self.root, self.observe, self.every_s = psutil.Process(pid), observe, every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:  # the root exited between two looks
                tree = []
            if tree:
                self.observe(tree)
            self._stop.wait(self.every_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class TreeMemory:
    """The peak resident memory of a process tree: of the sum over its processes and of the largest one."""

    def __init__(self, pid: int, every_s: float = 0.2) -> None:
        self.peak_total = self.peak_single = 0
        self._poller = TreePoller(pid, self._observe, every_s)

    def _observe(self, tree: list[psutil.Process]) -> None:
        rss = []
        for process in tree:
            try:
                rss.append(process.memory_info().rss)
            except psutil.Error:  # exited meanwhile
                pass
        if rss:
            self.peak_total, self.peak_single = max(self.peak_total, sum(rss)), max(self.peak_single, max(rss))

    def stop(self) -> tuple[float, float]:
        """Stop watching; returns (peak of the sum, peak of one process) in MiB."""
        self._poller.stop()
        return self.peak_total / 2**20, self.peak_single / 2**20
