#!/usr/bin/env bash
# `yarn test:all`: every Jest suite, then the browser tests. It checks what the
# tests drive for real before anything runs, installing it where it can.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 22 ]; then
  echo "Node $(node --version) is too old: winready needs Node 22 or 24 (see the README's Quick start)" >&2
  exit 1
fi

# docker-registry: a real OCI registry for the registry client's tests;
# chromium: the browser of the end-to-end tests.
bash scripts/ensure-debian-packages.sh \
  docker-registry=docker-registry "${CHROMIUM_PATH:-/usr/bin/chromium}=chromium"
. scripts/test-env.sh

# WINREADY_TEST_CLOCK=+400d runs Jest with the clock moved (Debian's faketime),
# which proves that no test depends on the day it runs; .ci/run does.
clock=()
if [ -n "${WINREADY_TEST_CLOCK:-}" ]; then
  bash scripts/ensure-debian-packages.sh faketime=faketime
  clock=(faketime -f "$WINREADY_TEST_CLOCK")
  echo "Jest runs with the clock moved by $WINREADY_TEST_CLOCK" >&2
fi
"${clock[@]}" backstage-cli repo test --watchAll=false "$@"
yarn test:e2e
