#!/usr/bin/env bash
# The whole suite, twice: on SQLite (the embedded default) and on a throw-away PostgreSQL
# cluster on loopback. Installs Chromium and PostgreSQL from Debian's packages when missing
# and this user may; under CI=true a missing one fails the run instead of being skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
CI=${CI:-false}
export PATH="$PATH:/usr/sbin:/sbin"

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v msgfmt >/dev/null 2>&1 || need_packages+=(gettext)
# PDF agendas: Pango for WeasyPrint, and fonts with Vietnamese and Japanese glyphs.
ls /usr/lib/*/libpango-1.0.so.0 >/dev/null 2>&1 || need_packages+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -d /usr/share/fonts/opentype/noto ] || need_packages+=(fonts-noto-cjk)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing from Debian's packages: ${need_packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
  else
    echo "Missing system packages: ${need_packages[*]} (install them with apt-get)." >&2
  fi
fi

if [ "$CI" = true ]; then
  [ -x /usr/bin/chromium ] || { echo "CI: Chromium is missing" >&2; exit 1; }
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "CI: PostgreSQL is missing" >&2; exit 1; }
fi

# The tests sign links and sessions like production does: with a key of this machine's own.
"$BIN/python" -m kakehashi.config.secret_key

status=0

echo "=== Lint (ruff) ==="
"$BIN/ruff" check src tests || status=$?
"$BIN/ruff" format --check src tests || status=$?

echo "=== Test suite on SQLite ==="
env -u DATABASE_URL "$BIN/pytest" "$@" || status=$?

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed: the PostgreSQL run is skipped." >&2
  exit $status
fi

PGROOT=$(mktemp -d /tmp/kakehashi-pg.XXXXXX)
PGPORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$PGROOT"
  as_pg=(runuser -u postgres --)
fi
stop_pg() { "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGROOT"; }
trap stop_pg EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U kakehashi --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null

echo "=== Test suite on PostgreSQL (127.0.0.1:$PGPORT) ==="
DATABASE_URL="postgres://kakehashi@127.0.0.1:$PGPORT/kakehashi" "$BIN/pytest" "$@" || status=$?
exit $status
