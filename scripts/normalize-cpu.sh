#!/usr/bin/env bash
# Per-article CPU time of the normalize stage, this checkout against the normalize package of
# another revision, in one JVM (NormalizeBenchmark.main): a ratio and MB/s for the corpus seeds
# as text, as pages, and the bench workload. Reads ../shared/corpus in place.
#   scripts/normalize-cpu.sh            against main
#   scripts/normalize-cpu.sh REV        against REV (a commit, tag or branch)
# -Drounds=N -Dwarmup=N in JAVA_OPTS change the number of timed and warm-up rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-main}"
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/jmh.classpath)"
base=target/normalize-baseline
rm -rf "$base" && mkdir -p "$base/src" "$base/classes"
git archive "$rev" src/main/java/io/policywire/normalize | tar -x -C "$base/src"
javac -nowarn -d "$base/classes" -cp "$cp" $(find "$base/src" -name '*.java')
echo "baseline: normalize of $rev ($(git rev-parse --short "$rev"))"
exec java ${JAVA_OPTS:-} -cp "$cp" io.policywire.jmh.NormalizeBenchmark --baseline "$base/classes"
