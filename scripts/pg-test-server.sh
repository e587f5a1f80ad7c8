#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite (Debian's postgresql package).
#   scripts/pg-test-server.sh start   # prints the URL to put in HAMKOR_TEST_PG
#   scripts/pg-test-server.sh stop    # stops it and deletes its data
#   scripts/pg-test-server.sh url
# Then: HAMKOR_TEST_PG=$(scripts/pg-test-server.sh url) .venv/bin/python -m pytest tests/kb
# initdb refuses root, so the cluster is run as the postgres user when we are root.
# Settings: PGTEST_DIR (default /tmp/pgdata), PGTEST_PORT (5433), PGTEST_DB (hamkor).
set -euo pipefail

DIR=${PGTEST_DIR:-/tmp/pgdata}
PORT=${PGTEST_PORT:-5433}
DB=${PGTEST_DB:-hamkor}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then
  echo "no PostgreSQL: apt-get install -y postgresql" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  USER_NAME=postgres
  as_db() { runuser -u postgres -- "$@"; }
else
  USER_NAME=$(id -un)
  as_db() { "$@"; }
fi
URL="postgresql+psycopg://$USER_NAME@127.0.0.1:$PORT/$DB"

case "${1:-}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
      as_db "$BIN/initdb" -D "$DIR" -A trust -U "$USER_NAME" -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_db "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_db "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
        -o "-k /tmp -h 127.0.0.1 -p $PORT -c fsync=off -c full_page_writes=off" start >/dev/null
    fi
    as_db "$BIN/psql" -h 127.0.0.1 -p "$PORT" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 ||
      as_db "$BIN/createdb" -h 127.0.0.1 -p "$PORT" "$DB"
    echo "$URL"
    ;;
  stop)
    if [ -f "$DIR/PG_VERSION" ]; then
      as_db "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$DIR"
    fi
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
