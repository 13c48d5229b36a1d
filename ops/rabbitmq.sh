#!/usr/bin/env bash
# RabbitMQ for a machine without systemd (Debian 12: RabbitMQ 3.10 from apt).
#   ops/rabbitmq.sh install   install the Debian package (idempotent)
#   ops/rabbitmq.sh start     install if needed, start the node, create the vhost and user (idempotent)
#   ops/rabbitmq.sh stop      stop the node
#   ops/rabbitmq.sh status    exit 0 if the node answers
#   ops/rabbitmq.sh env       print the export lines for Messaging__*
# Settings: SV_MQ_USER (seriousviolence), SV_MQ_PASSWORD (generated once into $SV_STATE_DIR, see lib.sh), SV_MQ_VHOST (seriousviolence).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MQ_USER="${SV_MQ_USER:-seriousviolence}"
MQ_VHOST="${SV_MQ_VHOST:-seriousviolence}"

install() {
  if command -v rabbitmq-server >/dev/null; then
    return
  fi
  sv_apt_install rabbitmq-server
}

ping_node() { rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

start() {
  install
  if ! ping_node; then
    sv_log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    for _ in $(seq 1 120); do
      ping_node && break
      sleep 0.5
    done
  fi
  ping_node || { sv_log "RabbitMQ did not answer within 60 s (see /var/log/rabbitmq/)"; exit 1; }
  # The node may be running with its application stopped (e.g. after a fault-injection test).
  rabbitmqctl -q start_app >/dev/null 2>&1 || true
  rabbitmqctl -q await_startup >/dev/null

  local password
  password="$(sv_secret rabbitmq-password "${SV_MQ_PASSWORD:-}")"
  if ! rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$MQ_USER"; then
    rabbitmqctl -q add_user "$MQ_USER" "$password" >/dev/null
  else
    rabbitmqctl -q change_password "$MQ_USER" "$password" >/dev/null
  fi
  # Integration tests create a vhost per test; the tag lets the user manage them through rabbitmqctl-free APIs later.
  rabbitmqctl -q set_user_tags "$MQ_USER" management >/dev/null
  rabbitmqctl -q list_vhosts | grep -qx "$MQ_VHOST" || rabbitmqctl -q add_vhost "$MQ_VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$MQ_VHOST" "$MQ_USER" ".*" ".*" ".*" >/dev/null
  sv_log "RabbitMQ ready: vhost $MQ_VHOST, user $MQ_USER on 127.0.0.1:5672"
}

stop() {
  if ping_node; then
    rabbitmqctl -q stop >/dev/null 2>&1 || true
    sv_log "RabbitMQ stopped"
  fi
}

status() { ping_node; }

env_line() {
  local password
  password="$(sv_secret rabbitmq-password "${SV_MQ_PASSWORD:-}")"
  printf 'export Messaging__Transport=RabbitMQ\n'
  printf 'export Messaging__RabbitMq__Host=127.0.0.1\n'
  printf 'export Messaging__RabbitMq__VirtualHost=%q\n' "$MQ_VHOST"
  printf 'export Messaging__RabbitMq__Username=%q\n' "$MQ_USER"
  printf 'export Messaging__RabbitMq__Password=%q\n' "$password"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_line ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
