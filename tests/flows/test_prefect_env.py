"""Prefect stays local: its settings are given before it is imported, and a user's own choice wins."""

from __future__ import annotations

import socket

from flows.prefect_env import LOCAL_PREFECT_SETTINGS, configure_local_prefect, free_port


def test_the_local_settings_switch_analytics_off_and_keep_what_the_user_set() -> None:
    environ = {"PREFECT_TASKS_DEFAULT_NO_CACHE": "false"}
    configure_local_prefect(environ)
    assert environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert environ["PREFECT_TASKS_DEFAULT_NO_CACHE"] == "false"  # the user's value stays
    assert set(environ) == set(LOCAL_PREFECT_SETTINGS)
    assert not any("CLOUD" in key or "API_KEY" in key for key in LOCAL_PREFECT_SETTINGS)


def test_a_free_port_can_be_bound_on_the_loopback() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
