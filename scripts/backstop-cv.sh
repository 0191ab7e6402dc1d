#!/usr/bin/env bash
# The learned recall backstop's leave-one-set-out cross-validation (experiment, not wired in;
# docs/stance-rounds.md, "Round 11"). Prints macro-F1 rules only | rules + backstop at thresholds
# 0.3-0.8 for every left-out set, first with the current rules, then with the rules of ef702f3
# (never tuned on blind6/7/8 or dev11) and 48dd60f (never tuned on blind8) on the left-out set.
# Arguments: GIS iterations, cutoff, rule features (true/false); -Dbackstop.gate=true via
# JAVA_OPTS for the high-precision gate. E.g. scripts/backstop-cv.sh 100 1 false
set -euo pipefail
cd "$(dirname "$0")/.."
ITER=${1:-100}; CUT=${2:-1}; RULEF=${3:-false}
mvn -q ${MVN_OFFLINE:--o} test-compile
mvn -q ${MVN_OFFLINE:--o} dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/backstop-cp.txt >/dev/null
CP=$(cat target/backstop-cp.txt)
DUMPS=()
for c in ef702f3 48dd60f; do
  d=target/backstop-rules-$c
  if [ ! -f "$d/rules.tsv" ]; then
    rm -rf "$d" && mkdir -p "$d/classes"
    git archive "$c" src/main | tar -x -C "$d"
    mkdir -p "$d/src/test/java/io/policywire/tag/stance"
    cp src/test/java/io/policywire/tag/stance/{StanceEvaluation,StanceRulesDump}.java \
      "$d/src/test/java/io/policywire/tag/stance/"
    javac -nowarn -d "$d/classes" -cp "$CP" $(find "$d/src" -name '*.java') 2>&1 | grep -v '^Note' || true
    cp -r "$d/src/main/resources/." "$d/classes/"
    java -cp "$d/classes:$CP" io.policywire.tag.stance.StanceRulesDump "$d/rules.tsv" \
      blind8.txt blind7.txt blind6.txt dev11.txt
  fi
  DUMPS+=("$d/rules.tsv")
done
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$CP" \
  io.policywire.tag.stance.StanceBackstopCV "$ITER" "$CUT" "$RULEF" "${DUMPS[@]}" 2>&1 \
  | grep -E '^(== |[a-z0-9]+\.txt |mean|pooled|gate)' 
