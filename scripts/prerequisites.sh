#!/usr/bin/env bash
# What the tests need on a machine of this project's kind (Debian 12, PostgreSQL 15, run as root),
# installed, created or started only when missing, so that running it again changes nothing:
# - the local PostgreSQL accepting connections on 127.0.0.1:5432 (the tests' default server), with
#   pg_stat_statements preloaded (carriers stats) and replication connections allowed from loopback;
# - a streaming standby of it on 127.0.0.1:5433 (cluster "15 standby", made with pg_basebackup -R,
#   through the physical replication slot carriers_standby): the read-replica tests;
# - PgBouncer 1.18 on 127.0.0.1:6432 in transaction pooling mode in front of 127.0.0.1:5432;
# - Debian packages: libpg_query (carriers lint), pgbackrest (the PITR drill), prometheus (promtool,
#   to check the alert rules).
# Every address is loopback. Package installs never start a service (policy-rc.d), so nothing but
# what is listed above listens.
set -euo pipefail

PG_VERSION=15
PRIMARY_PORT=5432
STANDBY_CLUSTER=standby
STANDBY_PORT=5433
STANDBY_SLOT=carriers_standby
PGBOUNCER_PORT=6432
PGBOUNCER_DIR=/var/lib/carriers/pgbouncer

log() { echo "prerequisites: $*"; }

as_postgres() { runuser -u postgres -- "$@"; }

primary_sql() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -XAtqc "$1"; }

wait_ready() { # port seconds
  for _ in $(seq 1 "$2"); do
    pg_isready -h 127.0.0.1 -p "$1" -q && return 0
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p "$1"
}

# --- Debian packages ------------------------------------------------------------------------------
missing=()
for package in libpg-query1504.0 pgbouncer pgbackrest prometheus; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  # A policy-rc.d that says no keeps the packages' own services (pgbouncer, prometheus) stopped.
  policy=/usr/sbin/policy-rc.d
  had_policy=false
  [ -e "$policy" ] && had_policy=true
  if ! $had_policy; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  $had_policy || rm -f "$policy"
fi

# --- the primary ----------------------------------------------------------------------------------
if ! pg_isready -h 127.0.0.1 -p "$PRIMARY_PORT" -q; then
  log "PostgreSQL is not accepting connections; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
  wait_ready "$PRIMARY_PORT" 60
fi

hba="/etc/postgresql/$PG_VERSION/main/pg_hba.conf"
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
  log "allowing replication connections from 127.0.0.1 (for the standby)"
  echo "host    replication     all             127.0.0.1/32            trust" >> "$hba"
  primary_sql "select pg_reload_conf()" >/dev/null
fi

# pg_stat_statements needs shared_preload_libraries, which needs a restart: done once, here,
# before any test runs. max_connections leaves room for the load benchmark's 64 clients beside
# the tests' pools.
restart=false
if ! primary_sql "show shared_preload_libraries" | grep -q pg_stat_statements; then
  primary_sql "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  restart=true
fi
if [ "$(primary_sql "show max_connections")" -lt 200 ]; then
  primary_sql "alter system set max_connections = 200" >/dev/null
  restart=true
fi
if $restart; then
  log "restarting PostgreSQL for shared_preload_libraries / max_connections"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart
  wait_ready "$PRIMARY_PORT" 60
fi

# --- the standby ----------------------------------------------------------------------------------
standby_data="/var/lib/postgresql/$PG_VERSION/$STANDBY_CLUSTER"

standby_streaming() {
  [ "$(psql -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -XAtqc \
    "select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')" \
    2>/dev/null)" = "t" ]
}

make_standby() {
  log "creating the standby cluster $PG_VERSION/$STANDBY_CLUSTER on port $STANDBY_PORT"
  if pg_lsclusters -h | awk '{print $2}' | grep -qx "$STANDBY_CLUSTER"; then
    pg_dropcluster --stop "$PG_VERSION" "$STANDBY_CLUSTER"
  fi
  primary_sql "select pg_drop_replication_slot('$STANDBY_SLOT') from pg_replication_slots
    where slot_name = '$STANDBY_SLOT' and not active" >/dev/null
  pg_createcluster "$PG_VERSION" "$STANDBY_CLUSTER" -p "$STANDBY_PORT" >/dev/null
  # The same client authentication as the primary's (trust on loopback, on this kind of machine).
  cp "$hba" "/etc/postgresql/$PG_VERSION/$STANDBY_CLUSTER/pg_hba.conf"
  rm -rf "${standby_data:?}"/*
  as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$standby_data" \
    -R -X stream -C -S "$STANDBY_SLOT" -c fast
  # The primary's postgresql.auto.conf came along; the standby keeps its own port from its conf.
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$STANDBY_CLUSTER" start
  wait_ready "$STANDBY_PORT" 60
}

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$STANDBY_CLUSTER"; then
  make_standby
elif ! cmp -s "$hba" "/etc/postgresql/$PG_VERSION/$STANDBY_CLUSTER/pg_hba.conf"; then
  cp "$hba" "/etc/postgresql/$PG_VERSION/$STANDBY_CLUSTER/pg_hba.conf"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$STANDBY_CLUSTER" reload 2>/dev/null || true
fi
if ! pg_isready -h 127.0.0.1 -p "$STANDBY_PORT" -q; then
  log "starting the standby"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$STANDBY_CLUSTER" start || true
  wait_ready "$STANDBY_PORT" 60 || make_standby
fi
# A replay paused by a killed test would leave the standby behind for ever: resume it.
psql -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -XAtqc \
  "select pg_wal_replay_resume() where pg_is_wal_replay_paused()" >/dev/null 2>&1 || true
streaming=false
for _ in $(seq 1 30); do
  if standby_streaming; then streaming=true; break; fi
  sleep 1
done
if ! $streaming; then
  log "the standby does not stream from the primary; making it again"
  make_standby
  for _ in $(seq 1 30); do
    if standby_streaming; then streaming=true; break; fi
    sleep 1
  done
  $streaming || { log "the standby on port $STANDBY_PORT does not stream"; exit 1; }
fi

# --- PgBouncer ------------------------------------------------------------------------------------
mkdir -p "$PGBOUNCER_DIR"
cat > "$PGBOUNCER_DIR/pgbouncer.ini.new" <<EOF
; Written by scripts/prerequisites.sh: the pooler the tests and the load benchmark go through.
[databases]
* = host=127.0.0.1 port=$PRIMARY_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
pool_mode = transaction
auth_type = trust
auth_file = $PGBOUNCER_DIR/userlist.txt
admin_users = postgres
max_client_conn = 400
default_pool_size = 20
max_db_connections = 40
; pgjdbc sends extra_float_digits at start-up; PgBouncer must let it through.
ignore_startup_parameters = extra_float_digits
server_reset_query =
pidfile = $PGBOUNCER_DIR/pgbouncer.pid
logfile = $PGBOUNCER_DIR/pgbouncer.log
EOF
echo '"postgres" ""' > "$PGBOUNCER_DIR/userlist.txt"
changed=true
if cmp -s "$PGBOUNCER_DIR/pgbouncer.ini.new" "$PGBOUNCER_DIR/pgbouncer.ini"; then
  changed=false
fi
mv "$PGBOUNCER_DIR/pgbouncer.ini.new" "$PGBOUNCER_DIR/pgbouncer.ini"
chown -R postgres:postgres "$PGBOUNCER_DIR"
pgbouncer_running() {
  [ -f "$PGBOUNCER_DIR/pgbouncer.pid" ] && kill -0 "$(cat "$PGBOUNCER_DIR/pgbouncer.pid")" 2>/dev/null
}
if pgbouncer_running && $changed; then
  log "restarting PgBouncer for its new configuration"
  kill "$(cat "$PGBOUNCER_DIR/pgbouncer.pid")"
  for _ in $(seq 1 20); do pgbouncer_running || break; sleep 0.5; done
fi
if ! pgbouncer_running; then
  log "starting PgBouncer on 127.0.0.1:$PGBOUNCER_PORT (transaction pooling)"
  as_postgres pgbouncer -d -q "$PGBOUNCER_DIR/pgbouncer.ini"
fi
for _ in $(seq 1 20); do
  pg_isready -h 127.0.0.1 -p "$PGBOUNCER_PORT" -q && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PGBOUNCER_PORT" >/dev/null || { log "PgBouncer does not answer on $PGBOUNCER_PORT"; exit 1; }

log "ready: primary 127.0.0.1:$PRIMARY_PORT, standby 127.0.0.1:$STANDBY_PORT, pgbouncer 127.0.0.1:$PGBOUNCER_PORT"
