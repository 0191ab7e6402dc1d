#!/usr/bin/env bash
# Copies the topic definitions (topics/*.json, the single source of truth) into the Helm chart,
# which can only package files under its own directory. DeployConsistencyIT fails when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f helm/policywire/topics/*.json
cp topics/*.json helm/policywire/topics/
