#!/usr/bin/env bash
# Copies the topic definitions (topics/<topic>.json, the single source of truth) into the Helm chart,
# which can only package files under its own directory. DeployConsistencyIT fails when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f helm/policywire/topics/*.json
# definitions only: the JSON Schemas (topics/*.schema.json) are for consumers, not the chart
for f in topics/*.json; do
  case "$f" in *.schema.json) ;; *) cp "$f" helm/policywire/topics/ ;; esac
done
