#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 cluster on loopback for the PostGIS tests (no systemd, no Docker).
#
#   scripts/pg-test-cluster.sh start   # installs postgresql-15-postgis-3 if missing, initdb, start, prints the env
#   scripts/pg-test-cluster.sh stop    # stops it and deletes its directory
#
# Environment: VALLEY_PG_PORT (default 55434), VALLEY_PG_DIR (default /tmp/valley-pg-test).
# The tests read VALLEY_TEST_PG_URL (a maintenance database URL; they create and drop their own databases)
# and VALLEY_TEST_PG_USER.
set -euo pipefail

port="${VALLEY_PG_PORT:-55434}"
dir="${VALLEY_PG_DIR:-/tmp/valley-pg-test}"
bin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

case "${1:-}" in
start)
    if [ ! -x "$bin/pg_ctl" ] || [ ! -d /usr/share/postgresql/15/extension ] \
            || ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
        echo "pg-test-cluster: installing postgresql-15-postgis-3" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
    fi
    if [ -f "$dir/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        port=$(cat "$dir/port")
        echo "pg-test-cluster: already running on port $port" >&2
        echo "export VALLEY_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
        echo "export VALLEY_TEST_PG_USER=postgres"
        exit 0
    fi
    # Another server on the port (a developer's own, or a leftover): move to the next free port.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$((port + 1)); else break; fi
    done
    rm -rf "$dir"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    echo "$port" >"$dir/port"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "SELECT 'pg-test-cluster: ' || version()" >&2
    echo "export VALLEY_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
    echo "export VALLEY_TEST_PG_USER=postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
