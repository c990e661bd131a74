#!/usr/bin/env bash
# The test command: installs the OS packages the tests need, makes a Docker engine and a RabbitMQ image available
# for Testcontainers (stopping afterwards whatever it started), then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
infra/install-test-deps.sh

# Testcontainers against Debian's Docker 20.10: its API version, no Ryuk (its image cannot be pulled without a
# registry; the fixtures remove their containers), and the published ports on loopback.
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41} TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true} \
  TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}
if engine=$(infra/docker-engine.sh start); then
  trap 'infra/docker-engine.sh stop' EXIT
  export "${engine?}"
  if image=$(infra/rabbitmq-image.sh); then
    export "${image?}"
    echo "Broker tests: Testcontainers with ${image#*=} on ${engine#*=}."
  else
    echo "No RabbitMQ image could be had: the broker tests fall back to infra/rabbitmq.sh."
  fi
else
  echo "No Docker engine could be started: the broker tests fall back to infra/rabbitmq.sh; the MongoDB suites are skipped."
fi
if [ -z "${MONGODB_URL:-}" ]; then
  echo "MongoDB suites: MONGODB_URL is not set; they run on a ${PIPELINE_MONGO_IMAGE:-mongo:8} container if that image can be had, else they are reported as skipped with the reason."
fi

dotnet test Pipeline.sln -c Release --nologo --logger "console;verbosity=normal" "$@"
