#!/usr/bin/env bash
# Builds the jar and runs the demo: embedded broker, topics, pipeline, sample articles.
# Arguments go to `policywire demo` (e.g. --input DIR --until-idle --dump /tmp/out); relative
# paths are taken from where you run this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && mvn -B -q package -DskipTests)
exec java -jar "$root/target/policywire.jar" demo "$@"
