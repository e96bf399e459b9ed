#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder (as the
# postgres user when run as root), listening on 127.0.0.1 on a free port, trust authentication,
# fsync on unless asked otherwise. Nothing outside the folder is touched.
#
#   scripts/pg-cluster.sh run [--fsync off] -- COMMAND...   start, run COMMAND with
#       CRESCENDO_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres, stop (even when
#       COMMAND fails or is interrupted); exits with COMMAND's status
#   eval "$(scripts/pg-cluster.sh start [--fsync off])"      start; prints the exports
#       (CRESCENDO_TEST_POSTGRES, CRESCENDO_PG_DIR) for the shell to eval
#   scripts/pg-cluster.sh stop [DIR]                        stop the cluster in DIR
#       (default $CRESCENDO_PG_DIR) and delete its folder
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }

bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
  echo "pg-cluster: no PostgreSQL server found (initdb); run make deps, which installs Debian's postgresql" >&2
  exit 1
}

# Runs a server binary as the postgres user when we are root (PostgreSQL refuses to run as root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local fsync=on
  while [ $# -gt 0 ]; do
    case "$1" in
      --fsync) fsync="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
  local bin dir port tries=0
  bin="$(bindir)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/crescendo-pg.XXXXXX")"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; echo "pg-cluster: initdb failed" >&2; exit 1; }
  while :; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=200" start >/dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 5 ]; then
      cat "$dir/server.log" >&2 || true; rm -rf "$dir"; echo "pg-cluster: the server did not start" >&2; exit 1
    fi
  done
  echo "$bin" >"$dir/bindir"
  echo "export CRESCENDO_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres"
  echo "export CRESCENDO_PG_DIR=$dir"
}

stop() {
  local dir="${1:-${CRESCENDO_PG_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "pg-cluster: no cluster folder to stop (give DIR or set CRESCENDO_PG_DIR)" >&2; exit 1; }
  local bin
  bin="$(cat "$dir/bindir" 2>/dev/null || bindir)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

run() {
  local args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ "${1:-}" = "--" ] || usage
  shift
  [ $# -gt 0 ] || usage
  eval "$(start "${args[@]+"${args[@]}"}")"
  trap 'stop "$CRESCENDO_PG_DIR"' EXIT
  trap 'exit 130' INT TERM
  echo "pg-cluster: PostgreSQL at $CRESCENDO_TEST_POSTGRES (stopped when the command ends)" >&2
  local status=0
  CRESCENDO_TEST_POSTGRES="$CRESCENDO_TEST_POSTGRES" "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  run) shift; run "$@" ;;
  *) usage ;;
esac
