#!/usr/bin/env bash
# The RabbitMQ image the tests run through Testcontainers, printed as PIPELINE_RABBITMQ_IMAGE=...
# Where a registry answers, the official management image is pulled; where none does, an image is built once from
# Debian's own rabbitmq-server package (debootstrap, then docker import; a few minutes) and cached by its tag.
# Needs DOCKER_HOST pointing at an engine (infra/docker-engine.sh start).
set -euo pipefail
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}
official=${PIPELINE_RABBITMQ_OFFICIAL_IMAGE:-rabbitmq:3-management}
local_tag=pipeline/rabbitmq:3-bookworm

if docker image inspect "$local_tag" > /dev/null 2>&1; then
  echo "PIPELINE_RABBITMQ_IMAGE=$local_tag"
  exit 0
fi
if docker image inspect "$official" > /dev/null 2>&1 || timeout 120 docker pull -q "$official" > /dev/null 2>&1; then
  echo "PIPELINE_RABBITMQ_IMAGE=$official"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "No registry answers and building $local_tag needs root (debootstrap)." >&2
  exit 1
fi
command -v debootstrap > /dev/null || {
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >&2
}
mirror=${PIPELINE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=$(mktemp -d /var/tmp/pipeline-rabbitmq-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
started=$(date +%s)
echo "Building $local_tag from Debian's rabbitmq-server (once; cached by tag)..." >&2
debootstrap --variant=minbase --include=rabbitmq-server bookworm "$root" "$mirror" > "$root.log" 2>&1 \
  || { tail -20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
# Any user from any address (the tests connect through the container's published port), management on 15672.
cat > "$root/etc/rabbitmq/rabbitmq.conf" <<'CONF'
loopback_users = none
listeners.tcp.default = 5672
management.tcp.port = 15672
CONF
echo '[rabbitmq_management].' > "$root/etc/rabbitmq/enabled_plugins"
chroot "$root" chown -R rabbitmq:rabbitmq /etc/rabbitmq /var/lib/rabbitmq
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import \
  --change 'ENV RABBITMQ_LOGS=- HOME=/var/lib/rabbitmq' \
  --change 'USER rabbitmq' \
  --change 'EXPOSE 5672 15672' \
  --change 'CMD ["/usr/lib/rabbitmq/bin/rabbitmq-server"]' \
  - "$local_tag" > /dev/null
echo "Built $local_tag in $(( $(date +%s) - started )) s." >&2
echo "PIPELINE_RABBITMQ_IMAGE=$local_tag"
