#!/usr/bin/env bash
# README command two: set up what the tests need, then run every suite
# (unit, functional, browser). Each run uses a database of its own, created
# and dropped by bin/test.ts. Extra arguments go to `node ace test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export PATH="$PWD/node_modules/.bin:$PATH"
exec node ace test --reporters=spec,summary-line "$@"
