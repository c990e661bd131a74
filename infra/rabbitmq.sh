#!/usr/bin/env bash
# Starts or stops a throwaway RabbitMQ from the OS package, in its own folder, on a free port.
#   infra/rabbitmq.sh start [DIR]   prints RABBITMQ_URL=..., RABBITMQ_DIR=..., RABBITMQ_NODE=... (also written to DIR/env)
#   infra/rabbitmq.sh stop DIR      stops it and removes DIR
#   infra/rabbitmq.sh stop_app DIR  stops the broker application (connections dropped, port closed; node stays up)
#   infra/rabbitmq.sh start_app DIR starts it again on the same port (a broker outage for the fault suite)
# Used by the integration tests (when RABBITMQ_URL is not given) and for running the services locally.
set -euo pipefail

install_if_missing() {
  if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "rabbitmq-server is not installed; run as root or: sudo apt-get install -y rabbitmq-server" >&2
      exit 1
    fi
    echo "Installing rabbitmq-server..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >&2
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

as_rabbitmq() {
  # The server and its tools run as the rabbitmq user (its data must be owned by it; the Erlang cookie lives in its home).
  if [ "$(id -u)" = 0 ]; then
    runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq "$@"
  else
    env "$@"
  fi
}

start() {
  install_if_missing
  local dir=${1:-$(mktemp -d /tmp/pipeline-rabbitmq.XXXXXX)}
  mkdir -p "$dir/mnesia" "$dir/log"
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown -R rabbitmq:rabbitmq "$dir"; fi
  local port dist node
  port=$(free_port)
  dist=$(free_port)
  node="pipeline-$port@localhost"
  local vars=(
    RABBITMQ_NODENAME="$node"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$port"
    RABBITMQ_DIST_PORT="$dist"
    RABBITMQ_MNESIA_BASE="$dir/mnesia"
    RABBITMQ_LOG_BASE="$dir/log"
    RABBITMQ_FEATURE_FLAGS_FILE="$dir/feature_flags"
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
  )
  echo "[]." > "$dir/enabled_plugins"
  if [ "$(id -u)" = 0 ]; then chown rabbitmq:rabbitmq "$dir/enabled_plugins"; fi
  printf '%s\n' "${vars[@]}" > "$dir/vars"
  as_rabbitmq "${vars[@]}" setsid /usr/lib/rabbitmq/bin/rabbitmq-server > "$dir/log/stdout.log" 2>&1 < /dev/null &
  for _ in $(seq 1 120); do
    if as_rabbitmq "${vars[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q await_startup --timeout 1 > /dev/null 2>&1; then
      {
        echo "RABBITMQ_URL=amqp://guest:guest@127.0.0.1:$port/"
        echo "RABBITMQ_DIR=$dir"
        echo "RABBITMQ_NODE=$node"
      } | tee "$dir/env"
      return 0
    fi
    sleep 0.5
  done
  echo "RabbitMQ did not start; see $dir/log" >&2
  tail -20 "$dir/log/stdout.log" >&2 || true
  exit 1
}

stop() {
  local dir=${1:?usage: rabbitmq.sh stop DIR}
  [ -f "$dir/vars" ] || { rm -rf "$dir"; return 0; }
  mapfile -t vars < "$dir/vars"
  local node
  node=$(grep RABBITMQ_NODENAME "$dir/vars" | cut -d= -f2)
  as_rabbitmq "${vars[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q stop > /dev/null 2>&1 || true
  if [ -f "$dir/rabbitmq.pid" ]; then kill "$(cat "$dir/rabbitmq.pid")" 2> /dev/null || true; fi
  rm -rf "$dir"
}

ctl() {
  local dir=${1:?usage: rabbitmq.sh stop_app|start_app DIR}
  shift
  mapfile -t vars < "$dir/vars"
  local node
  node=$(grep RABBITMQ_NODENAME "$dir/vars" | cut -d= -f2)
  as_rabbitmq "${vars[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q "$@"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  stop_app) ctl "$2" stop_app ;;
  start_app) ctl "$2" start_app && ctl "$2" await_startup --timeout 60 ;;
  *) echo "usage: $0 start [DIR] | stop DIR | stop_app DIR | start_app DIR" >&2; exit 2 ;;
esac
