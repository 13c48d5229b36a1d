#!/usr/bin/env bash
# PostgreSQL for a machine without systemd (Debian 12: PostgreSQL 15 from apt).
#   ops/postgres.sh install   install the Debian package (idempotent)
#   ops/postgres.sh start     install if needed, start the cluster, create role and database (idempotent)
#   ops/postgres.sh stop      stop the cluster
#   ops/postgres.sh status    exit 0 if it accepts connections
#   ops/postgres.sh env       print the export line for ConnectionStrings__SeriousViolence
# Settings: SV_DB_NAME (seriousviolence), SV_DB_USER (seriousviolence), SV_DB_PASSWORD (generated once into $SV_STATE_DIR, see lib.sh),
#           SV_DB_PORT (5432).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DB_NAME="${SV_DB_NAME:-seriousviolence}"
DB_USER="${SV_DB_USER:-seriousviolence}"
DB_PORT="${SV_DB_PORT:-5432}"

cluster_version() {
  pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $1; exit}'
}

install() {
  if command -v pg_lsclusters >/dev/null && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    return
  fi
  sv_apt_install postgresql
}

start() {
  install
  local version
  version="$(cluster_version)"
  if [ -z "$version" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
    sv_log "creating cluster $version/main"
    pg_createcluster "$version" main --port "$DB_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"{print $4}' | grep -q online; then
    sv_log "starting PostgreSQL $version/main"
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$DB_PORT" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$DB_PORT" || { sv_log "PostgreSQL did not become ready on port $DB_PORT"; exit 1; }

  local password
  password="$(sv_secret postgres-password "${SV_DB_PASSWORD:-}")"
  # CREATEDB: the integration tests create and drop a database per test class.
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$DB_PORT" -d postgres \
    -v user="$DB_USER" -v password="$password" -v db="$DB_NAME" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  sv_log "PostgreSQL ready: database $DB_NAME, role $DB_USER on 127.0.0.1:$DB_PORT"
}

stop() {
  local version
  version="$(cluster_version)"
  if [ -n "$version" ]; then
    pg_ctlcluster "$version" main stop 2>/dev/null || true
    sv_log "PostgreSQL stopped"
  fi
}

status() { pg_isready -q -h 127.0.0.1 -p "$DB_PORT"; }

env_line() {
  local password
  password="$(sv_secret postgres-password "${SV_DB_PASSWORD:-}")"
  printf 'export ConnectionStrings__SeriousViolence=%q\n' "Host=127.0.0.1;Port=$DB_PORT;Database=$DB_NAME;Username=$DB_USER;Password=$password"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_line ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
