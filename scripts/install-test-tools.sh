#!/usr/bin/env bash
# Installs the non-Java tools the test suite uses, when they are missing:
#   kcat  - a Kafka client we did not write, to check that others can read our topics
set -euo pipefail

need=()
command -v kcat >/dev/null 2>&1 || need+=(kcat)
[ ${#need[@]} -eq 0 ] && exit 0

echo "installing: ${need[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null; then
  "${sudo_cmd[@]}" apt-get update -q >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null
fi
