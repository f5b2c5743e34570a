#!/usr/bin/env bash
# README command one: set up, then run the appliance (web + job worker) in
# the foreground. Ctrl-C (or SIGTERM) stops both; the worker finishes its
# running jobs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"

node ace jobs:work &
worker_pid=$!
node --import @poppinss/ts-exec bin/server.ts &
web_pid=$!

stop() {
  trap - INT TERM
  kill -TERM "$web_pid" "$worker_pid" 2>/dev/null || true
  wait "$web_pid" "$worker_pid" 2>/dev/null || true
}
trap stop INT TERM

port="$(grep -E '^PORT=' .env | cut -d= -f2)"
host="$(grep -E '^HOST=' .env | cut -d= -f2)"
[ "$host" = "0.0.0.0" ] && host=localhost
printf '\n\033[1;32mClinibox console: http://%s:%s\033[0m (Ctrl-C to stop)\n\n' "${host:-127.0.0.1}" "${port:-3333}"

# Exit when either process ends, taking the other down with it.
wait -n "$web_pid" "$worker_pid" || true
stop
