#!/usr/bin/env bash
# `make run`: start the daemon on the bundled live campaign (campaigns/neighbourhood-care.yaml) with a ledger database in
# .crescendo/ (created on first start). Prints the URL and the daemon's own token (an admin token); Ctrl-C stops it.
#   scripts/run-daemon.sh [path/to/crescendo]      (default .build/debug/crescendo)
# Environment: CRESCENDO_TOKEN (else a token is generated into .crescendo/token),
#              CRESCENDO_LISTEN (default 127.0.0.1:8080).
set -euo pipefail
bin=${1:-.build/debug/crescendo}
cd "$(dirname "$0")/.."
mkdir -p .crescendo
listen=${CRESCENDO_LISTEN:-127.0.0.1:8080}
token_args=()
if [ -n "${CRESCENDO_TOKEN:-}" ]; then
  token=$CRESCENDO_TOKEN
else
  if [ ! -s .crescendo/token ]; then
    (umask 077; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > .crescendo/token)
  fi
  token=$(cat .crescendo/token)
  token_args=(--token-file .crescendo/token)
fi
cat <<MSG
Crescendo daemon on http://$listen  (ledger .crescendo/ledger.sqlite)
Admin token: $token
Hand a volunteer a token of their own (printed once; only its hash is kept):
  $bin token add --db .crescendo/ledger.sqlite --name amira --role recorder --expires 90d
Post an entry (with their token, or this one):
  curl -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' \\
       -d '{"kind":"rides","quantity":2,"area":"a01","demand":"clinic-transit","care":"Drove a neighbour to her dialysis appointment","cause":"No accessible transit to the clinic","change":"Free transit to clinics for everyone over 65"}' \\
       http://$listen/api/entries
The public ledger page: http://$listen/
Status: curl -H 'Authorization: Bearer $token' http://$listen/api/status      Ctrl-C stops the daemon.
MSG
exec "$bin" daemon --campaign campaigns/neighbourhood-care.yaml --db .crescendo/ledger.sqlite --listen "$listen" "${token_args[@]}"
