#!/usr/bin/env bash
# Builds the jar and runs the demo: embedded broker, topics, pipeline, sample articles.
# Arguments go to `policywire demo` (e.g. --input DIR --until-idle --dump /tmp/out).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
exec java -jar target/policywire.jar demo "$@"
