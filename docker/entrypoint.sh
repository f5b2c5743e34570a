#!/bin/sh
# Clinibox container entry script. The first argument picks the role:
#
#   web      apply pending migrations, then run the HTTP server (the default)
#   worker   run the pg-boss job worker (every queue, cron jobs)
#   ace ...  run an ace command, e.g. `docker compose run --rm web ace migration:status`
#   other    run as given, e.g. `node ace ai:serve` or `sh`
#
# Every role ends in `exec`, so node replaces this shell and receives SIGTERM
# from `docker stop` itself: the web server closes, the worker stops fetching
# and finishes its running jobs before it exits.
set -eu

cd "${APP_ROOT:-/app}"

role="${1:-web}"
if [ "$#" -gt 0 ]; then
  shift
fi

case "$role" in
  web)
    # Lucid takes a lock while migrating, so several web replicas starting
    # at once apply each migration exactly once.
    node ace migration:run --force
    exec node bin/server.js "$@"
    ;;
  worker)
    exec node ace jobs:work "$@"
    ;;
  ace)
    exec node ace "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
