#!/usr/bin/env bash
# The whole test suite: unit tests (TopologyTestDriver, plain Java) and integration tests on a
# real embedded Kafka broker. Installs the tools the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-tools.sh
exec mvn -B verify "$@"
