#!/usr/bin/env bash
# The stance evaluation: macro-F1, per-class scores, confusion matrix and every error, over the
# labelled cases in src/test/resources/stance/cases.txt (seed cases read from ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q ${MVN_OFFLINE:--o} test -Dtest=StanceEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>&1 | sed -n '/^== /,/^\[/p' | grep -v '^\['
