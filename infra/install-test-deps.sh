#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from the OS packages: rabbitmq-server (integration tests),
# docker-compose (validates docker-compose.yml), docker.io and debootstrap (Testcontainers and its broker image) and
# chromium (browser tests).
set -euo pipefail
missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v docker-compose > /dev/null || missing+=(docker-compose)
command -v dockerd > /dev/null || missing+=(docker.io)
command -v debootstrap > /dev/null || missing+=(debootstrap)
command -v chromium > /dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing ${missing[*]}: run as root, or install them with apt-get." >&2
    exit 1
  fi
  echo "Installing ${missing[*]}..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
