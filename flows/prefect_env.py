"""Prefect, local only: the settings every newslake process gives it before it is imported, and a free port for a
local server. Prefect reads its settings once, at import: set them first."""

from __future__ import annotations

import os
import socket

# No analytics, no Cloud; a patient ephemeral server (its first start migrates a database); no input hashing for
# a task's cache key (it would hash every argument of every call).
LOCAL_PREFECT_SETTINGS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_TASKS_DEFAULT_NO_CACHE": "true",
}


def configure_local_prefect(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Give Prefect the local-only settings the user has not set otherwise."""
    for key, value in LOCAL_PREFECT_SETTINGS.items():
        environ.setdefault(key, value)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for a local Prefect server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
