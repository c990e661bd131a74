#!/usr/bin/env bash
# The test command: installs the OS packages the tests need, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
infra/install-test-deps.sh
dotnet test Pipeline.sln -c Release --nologo "$@"
