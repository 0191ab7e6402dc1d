#!/usr/bin/env bash
# Quick offline check of docker/ and helm/ without Maven or a cluster (the deploy ITs in
# src/test/java/io/policywire/deploy/ check the same and more, during scripts/test.sh):
#   helm lint + helm template (yamllint, Kubernetes schemas), docker-compose config,
#   yamllint of the compose, Prometheus and Grafana files, and the chart's copy of topics/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-tools.sh

helm=.tools/helm/helm
chart=helm/policywire
lint_config='{extends: default, rules: {line-length: {max: 160}, indentation: {indent-sequences: whatever}, document-start: disable, comments: {min-spaces-from-content: 1}}}'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== topics/ and $chart/topics/"
diff -r topics "$chart/topics" || { echo "differ: run scripts/sync-chart-topics.sh" >&2; exit 1; }

echo "== helm lint"
"$helm" lint --strict "$chart"

echo "== helm template | yamllint | kubernetes-models"
"$helm" template policywire "$chart" > "$tmp/rendered.yaml"
yamllint -s -d "$lint_config" "$tmp/rendered.yaml"
python3 -c 'import json, sys, yaml; json.dump([d for d in yaml.safe_load_all(sys.stdin) if d], sys.stdout)' \
  < "$tmp/rendered.yaml" > "$tmp/rendered.json"
node helm/tools/validate-objects.mjs .tools/node/node_modules/kubernetes-models "$tmp/rendered.json"

echo "== docker-compose config"
docker-compose -f docker/compose.yaml config -q

echo "== yamllint docker/ and chart values"
find docker -name '*.y*ml' -print0 | xargs -0 yamllint -s -d "$lint_config" "$chart/values.yaml" "$chart/Chart.yaml"

echo "deploy files OK"
