#!/usr/bin/env bash
# A RabbitMQ broker for the cluster tests, bound to 127.0.0.1 only (recipe: shared research, cluster-rabbitmq.md).
#   .ci/rabbitmq.sh start   installs Debian's rabbitmq-server if missing (apt-get update once), starts it, waits for it;
#                           prints "started" when this call started it, "running" when one was already up (left alone)
#   .ci/rabbitmq.sh stop    stops the broker by its pid file (only call it when `start` said "started")
# Needs root (apt-get, /etc/rabbitmq). Tests find the broker at amqp://guest:guest@127.0.0.1:5672/ and create their
# own vhosts with rabbitmqctl.
set -euo pipefail

export RABBITMQ_NODENAME=rabbit@localhost ERL_EPMD_ADDRESS=127.0.0.1
PID_FILE=/var/lib/rabbitmq/mnesia/rabbit@localhost.pid

configure() {
  mkdir -p /etc/rabbitmq
  cat > /etc/rabbitmq/rabbitmq-env.conf <<'CONF'
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
  cat > /etc/rabbitmq/rabbitmq.conf <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
loopback_users.guest = true
# Items may run long: the broker's own ack timeout stays far above any test item.
consumer_timeout = 3600000
CONF
}

case "${1:-}" in
  start)
    if ! command -v rabbitmq-server >/dev/null 2>&1; then
      echo "rabbitmq-server missing: installing it from Debian" >&2
      apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server >&2
    fi
    if rabbitmqctl -q status >/dev/null 2>&1; then
      echo running
      exit 0
    fi
    configure
    # epmd started by the broker's scripts listens on every interface; start it first, on loopback only.
    epmd -address 127.0.0.1 -daemon
    rabbitmq-server -detached >&2
    rabbitmqctl wait "$PID_FILE" --timeout 90 >&2
    echo started
    ;;
  stop)
    rabbitmqctl stop "$PID_FILE" >&2 || true
    epmd -kill >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
