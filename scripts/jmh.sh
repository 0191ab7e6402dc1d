#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (src/test/java/io/policywire/jmh) on one forked JVM.
#   scripts/jmh.sh                       every benchmark, default settings
#   scripts/jmh.sh NormalizeBenchmark    those whose name matches the regex
#   scripts/jmh.sh Normalize -f 1 -wi 2 -i 3 -rf json -rff target/jmh.json   any JMH option
# Benchmarks read ../shared/corpus in place, so run from a checkout next to shared/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
  org.openjdk.jmh.Main "$@"
