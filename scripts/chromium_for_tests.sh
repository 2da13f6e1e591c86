#!/usr/bin/env bash
# Headless Chromium for the report's browser test (tests/report/test_browser.py); idempotent.
#
#   scripts/chromium_for_tests.sh               install Debian's chromium if missing
#   scripts/chromium_for_tests.sh --no-install  only use an installed one
#
# The last line of output is the browser's path, or "unavailable: <reason>". It always exits 0: a machine without
# Chromium skips the browser test with that reason, it does not fail the build.
set -uo pipefail

unavailable() {
    echo "unavailable: $*"
    exit 0
}

for candidate in chromium chromium-browser; do
    if path="$(command -v "$candidate")"; then
        echo "$path"
        exit 0
    fi
done
[ "${1:-}" = "--no-install" ] && unavailable "Chromium is not installed (scripts/chromium_for_tests.sh installs Debian's)"
[ "$(id -u)" = 0 ] || unavailable "needs root to install Debian's chromium (running as $(id -un))"
command -v apt-get >/dev/null || unavailable "Chromium is not installed and there is no apt-get to install it"
export DEBIAN_FRONTEND=noninteractive
timeout 300 apt-get update -qq >&2 || unavailable "apt-get update failed (no network?)"
timeout 900 apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2 \
    || unavailable "apt-get install chromium failed"
command -v chromium || unavailable "chromium installed but not on PATH"
