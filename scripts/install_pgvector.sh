#!/usr/bin/env bash
# Builds and installs pgvector for the local PostgreSQL server from Debian's own source
# package (Debian 12 ships no pgvector package). Needs root. Idempotent: does nothing when
# the extension is already installed for the server's major version.
#
# Usage: scripts/install_pgvector.sh [PG_MAJOR]   (default: the newest /usr/lib/postgresql/*)
set -euo pipefail

PGVECTOR_VERSION="0.8.0-1"
PG_MAJOR="${1:-$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)}"
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"

if [ -z "$PG_MAJOR" ] || [ ! -x "$PG_CONFIG" ]; then
  echo "install_pgvector: no PostgreSQL server found under /usr/lib/postgresql" >&2
  exit 1
fi
if [ -f "$("$PG_CONFIG" --sharedir)/extension/vector.control" ]; then
  echo "install_pgvector: pgvector already installed for PostgreSQL ${PG_MAJOR}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install_pgvector: must run as root to install into PostgreSQL ${PG_MAJOR}" >&2
  exit 1
fi

work="$(mktemp -d)"
chmod 755 "$work" # apt downloads as the _apt user
trap 'rm -rf "$work"' EXIT
echo "install_pgvector: building pgvector ${PGVECTOR_VERSION} for PostgreSQL ${PG_MAJOR} in ${work}"

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc >/dev/null || {
  apt-get update -q >/dev/null && apt-get install -y -q "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc >/dev/null
}

# A private source list, so the system's apt configuration is left untouched.
mkdir -p "$work/lists/partial"
echo "deb-src http://deb.debian.org/debian trixie main" > "$work/sources.list"
apt_opts=(-o "APT::Sandbox::User=root" -o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=$work/lists")
apt-get "${apt_opts[@]}" update -q >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" source -q "pgvector=${PGVECTOR_VERSION}" >/dev/null)

src="$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
make -C "$src" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null
make -C "$src" PG_CONFIG="$PG_CONFIG" install >/dev/null
echo "install_pgvector: installed pgvector for PostgreSQL ${PG_MAJOR}"
