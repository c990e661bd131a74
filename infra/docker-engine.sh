#!/usr/bin/env bash
# A Docker engine for the tests, started only when none answers, and stopped the way it was found.
#   infra/docker-engine.sh start   prints DOCKER_HOST=... (an engine that already answers is used as it is)
#   infra/docker-engine.sh stop    stops the engine this script started; removes the bridge it created
# Our dockerd adds no iptables rules (--iptables=false) and keeps its images in /var/lib/pipeline-docker, so a
# built test image is cached between runs without touching the host's own Docker data.
set -euo pipefail
state=/run/pipeline-docker
socket="unix://$state/docker.sock"

answers() { DOCKER_API_VERSION=1.41 timeout 10 docker "$@" version > /dev/null 2>&1; }

start() {
  if [ -z "${DOCKER_HOST:-}" ] && answers; then
    echo "DOCKER_HOST=unix:///var/run/docker.sock"
    return
  fi
  if [ -S "$state/docker.sock" ] && answers -H "$socket"; then
    echo "DOCKER_HOST=$socket"
    return
  fi
  if ! command -v dockerd > /dev/null; then
    if [ "$(id -u)" != 0 ]; then
      echo "No Docker engine answers and docker.io is not installed; run as root or install docker.io." >&2
      exit 1
    fi
    echo "Installing docker.io..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io iproute2 >&2
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "No Docker engine answers and starting one needs root." >&2
    exit 1
  fi
  mkdir -p "$state"
  if ip link show docker0 > /dev/null 2>&1; then : > "$state/bridge-existed"; else rm -f "$state/bridge-existed"; fi
  nohup dockerd --host "$socket" --pidfile "$state/dockerd.pid" --exec-root "$state/exec" \
    --data-root /var/lib/pipeline-docker --iptables=false --ip-masq=false --ip-forward=false \
    > "$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    if answers -H "$socket"; then
      echo "DOCKER_HOST=$socket"
      return
    fi
    sleep 0.5
  done
  echo "dockerd did not answer within 30 s; its log:" >&2
  tail -20 "$state/dockerd.log" >&2
  stop
  exit 1
}

stop() {
  if [ -f "$state/dockerd.pid" ]; then
    local pid
    pid=$(cat "$state/dockerd.pid")
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2> /dev/null || true
  fi
  if [ -d "$state" ] && [ ! -f "$state/bridge-existed" ] && ip link show docker0 > /dev/null 2>&1; then
    ip link delete docker0 || true
  fi
  rm -rf "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
