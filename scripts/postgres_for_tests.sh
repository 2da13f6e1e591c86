#!/usr/bin/env bash
# A local PostgreSQL for the production-path test (tests/flows/test_production_path.py); idempotent.
#
#   scripts/postgres_for_tests.sh               install Debian's postgresql if missing, start the cluster
#   scripts/postgres_for_tests.sh --no-install  only use an installed PostgreSQL (what the test itself calls)
#   scripts/postgres_for_tests.sh --stop        stop the test cluster
#
# The last line of output is either the SQLAlchemy URL for Prefect
# (postgresql+asyncpg://prefect:prefect@127.0.0.1:<port>/prefect_test) or "unavailable: <reason>" ("stopped: ..." for --stop).
# It always exits 0: a machine without PostgreSQL skips the test, it does not fail the build.
#
# The cluster is Debian's "<version>/newslake_test" on 127.0.0.1:${NEWSLAKE_TEST_PG_PORT:-54329}, apart from
# any "main" cluster, and is not started at boot. It keeps running after the script (a service, like Docker's
# database containers): later calls take well under a second.
set -uo pipefail

PORT="${NEWSLAKE_TEST_PG_PORT:-54329}"
CLUSTER=newslake_test
ROLE=prefect
PASSWORD=prefect
DATABASE=prefect_test
INSTALL=1

unavailable() {
    echo "unavailable: $*"
    exit 0
}

case "${1:-}" in
    "") ;;
    --no-install) INSTALL=0 ;;
    --stop) STOP=1 ;;
    *) echo "usage: $0 [--no-install|--stop]" >&2; unavailable "bad argument ${1}" ;;
esac

[ "$(id -u)" = 0 ] || unavailable "needs root to install and start a PostgreSQL cluster (running as $(id -un))"

newest_version() {
    # Debian installs server binaries under /usr/lib/postgresql/<major>/bin.
    ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null | awk -F/ '{print $5}' | sort -n | tail -n 1
}

VERSION="$(newest_version)"
if [ "${STOP:-0}" = 1 ]; then  # nothing to install for a stop
    [ -n "$VERSION" ] && pg_ctlcluster "$VERSION" "$CLUSTER" stop 2>/dev/null
    echo "stopped: ${VERSION:-none}/$CLUSTER"
    exit 0
fi
if [ -z "$VERSION" ] || ! command -v pg_createcluster >/dev/null; then
    [ "$INSTALL" = 1 ] || unavailable "PostgreSQL is not installed (run scripts/postgres_for_tests.sh as root to install it)"
    command -v apt-get >/dev/null || unavailable "PostgreSQL is not installed and there is no apt-get to install it"
    echo "installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get update -qq >&2 || unavailable "apt-get update failed (no network?)"
    timeout 600 apt-get install -y -qq postgresql >&2 || unavailable "apt-get install postgresql failed"
    VERSION="$(newest_version)"
    [ -n "$VERSION" ] || unavailable "postgresql installed but no server binary under /usr/lib/postgresql"
fi

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$VERSION/$CLUSTER"; then
    pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" --start-conf manual >&2 \
        || unavailable "pg_createcluster $VERSION $CLUSTER failed"
    # Loopback only; a throwaway test database does not need crash safety, and skipping fsync makes
    # Prefect's migrations several times faster.
    cat > "/etc/postgresql/$VERSION/$CLUSTER/conf.d/newslake_test.conf" <<'CONF'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi
# The port actually configured wins over $PORT (a cluster created earlier with another one).
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $3}')"

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -q online; then
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2 \
        || unavailable "pg_ctlcluster $VERSION $CLUSTER start failed (port $PORT in use?); see /var/log/postgresql/"
fi
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && break
    sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || unavailable "PostgreSQL on 127.0.0.1:$PORT did not accept connections within 30 s"

as_postgres() {
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -tA "$@"
}
# CREATEDB: the test makes a fresh database per run, so no scheduled run of an earlier test survives into it.
if [ "$(as_postgres -c "select 1 from pg_roles where rolname = '$ROLE'")" != 1 ]; then
    as_postgres -c "create role $ROLE login createdb password '$PASSWORD'" || unavailable "could not create role $ROLE"
fi
if [ "$(as_postgres -c "select 1 from pg_database where datname = '$DATABASE'")" != 1 ]; then
    as_postgres -c "create database $DATABASE owner $ROLE" || unavailable "could not create database $DATABASE"
fi

echo "postgresql+asyncpg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
