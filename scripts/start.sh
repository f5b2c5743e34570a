#!/usr/bin/env bash
# README command one: set up, then run the appliance (web + job worker) in
# the foreground. Without DATABASE_URL it is one process with an embedded
# database (see README, "Embedded mode"). Ctrl-C (or SIGTERM) stops both; the worker finishes its
# running jobs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"

port="$(grep -E '^PORT=' .env | cut -d= -f2)"
host="$(grep -E '^HOST=' .env | cut -d= -f2)"
[ "$host" = "0.0.0.0" ] && host=localhost
console_url="http://${host:-127.0.0.1}:${port:-3333}"

# Embedded mode (DATABASE_URL set neither in the environment nor in .env):
# ONE process is the whole appliance (database, web and job worker).
database_url="${DATABASE_URL:-$(grep -E '^DATABASE_URL=' .env | tail -n 1 | cut -d= -f2- || true)}"
if [ -z "$database_url" ]; then
  printf '\n\033[1;32mClinibox console: %s\033[0m (embedded database; Ctrl-C to stop)\n\n' "$console_url"
  exec node --import @poppinss/ts-exec bin/server.ts
fi

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

printf '\n\033[1;32mClinibox console: %s\033[0m (Ctrl-C to stop)\n\n' "$console_url"

# Exit when either process ends, taking the other down with it.
wait -n "$web_pid" "$worker_pid" || true
stop
