#!/usr/bin/env bash
# Rebuilds docs/reliability.md from the tables the tests wrote to target/reliability/ during the
# last `scripts/test.sh` (or `mvn verify`). Nothing in the tables is typed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/reliability
[ -f "$dir/faults.md" ] || { echo "no $dir/faults.md: run scripts/test.sh first" >&2; exit 2; }
{
  cat <<'HEAD'
# Reliability

What we promise, and how it is proven: faults injected into real processes (`policywire pipeline`
run from the jar in its own JVM) on a real embedded KRaft broker while articles flow, then a
verifier (`src/test/java/io/policywire/reliability/ExactlyOnceVerifier.java`, after Kafka's own
EosTestDriver) reads what was *committed* and compares it with the input: every raw record yields
exactly one committed enriched record, no article sits in two stories, and no transaction of the
application is left open. Exactly-once (`exactly_once_v2`) is the default; `processing.guarantee=
at_least_once` trades these guarantees for a little latency and may repeat records after a crash.

The tables below are written by the tests themselves (`FaultToleranceIT` and `BadInputIT`), then
copied here by `scripts/reliability-report.sh`.

## Faults
HEAD
  echo
  echo "Each run: 300 articles of the bench workload (one in five a wire copy) published at 60/s"
  echo "by an idempotent producer while the fault strikes; 200 ms commit interval."
  echo
  cat "$dir/faults.md"
  if [ -f "$dir/bad-input.md" ]; then
    echo
    echo "## Bad input"
    echo
    echo "Each published to a running pipeline on the embedded broker, each followed by a good"
    echo "article that must still be enriched. A dead letter on \`news.articles.dlq\` keeps the original"
    echo "key and value bytes, with headers naming the error class, message, topic, partition and"
    echo "offset (\`__streams.errors.*\`). Text from articles cannot forge or colour a log line: the"
    echo "log layout escapes line breaks and replaces control and bidi characters (\`LogSafetyTest\`)."
    echo
    cat "$dir/bad-input.md"
  fi
  echo
  echo "_Generated $(date -u +%Y-%m-%d) on $(nproc) cores by scripts/reliability-report.sh._"
} > docs/reliability.md
echo "wrote docs/reliability.md"
