#!/usr/bin/env bash
# The fault suite at a chosen size: Inbox, Cleaner, Tagger and Store as separate processes on a real RabbitMQ, N
# distinct documents, and in turn each worker killed with SIGKILL once mid-load (restarted 3 s later), the broker
# stopped for 15 s mid-load, and the broker stopped ten times in one run; prints the table (lost, stored twice, stuck,
# dead-lettered, time against the fault-free run) and exits non-zero when a case lost, repeated or stranded anything.
#   infra/chaos.sh [N] [CASES]    N documents (default 10000); CASES as in PIPELINE_FAULT_CASES, ';'-separated:
#                                 "kill Pipeline.Store", "broker", "broker x10" (default: every worker, broker, broker x10)
# The broker comes from the tests' fixture: RABBITMQ_URL is refused here (the broker is stopped and started), so a
# Testcontainers container (DOCKER_HOST, PIPELINE_RABBITMQ_IMAGE) or, without Docker, an infra/rabbitmq.sh process.
# The run's folders (inbox, logs, databases) are kept under /tmp/pipeline-faults-* for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-10000}
cases=${2:-"kill Pipeline.Store;kill Pipeline.Cleaner;kill Pipeline.Tagger;kill Pipeline.Inbox;broker;broker x10"}
if [ -n "${RABBITMQ_URL:-}" ]; then
  echo "chaos.sh stops and starts the broker: unset RABBITMQ_URL so the tests start their own." >&2
  exit 2
fi
table=$(mktemp /tmp/pipeline-chaos.XXXXXX)
# CHAOS_NO_BUILD=1 runs what is built already (e.g. a copy of the checkout, so a long run is not disturbed by rebuilds).
if [ -z "${CHAOS_NO_BUILD:-}" ]; then
  dotnet build tests/Pipeline.Integration.Tests -c Release -v q -nologo > /dev/null
fi
set +e
PIPELINE_FAULT_DOCUMENTS="$documents" PIPELINE_FAULT_CASES="$cases" PIPELINE_FAULT_TABLE="$table" \
  dotnet test tests/Pipeline.Integration.Tests -c Release --no-build --filter "FullyQualifiedName~FaultSuiteTests" \
  --logger "console;verbosity=normal" > "$table.log" 2>&1
status=$?
set -e
if [ -s "$table" ]; then cat "$table"; else tail -40 "$table.log"; fi
echo "(test log: $table.log)"
exit "$status"
