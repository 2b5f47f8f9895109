#!/usr/bin/env bash
# One command for a fresh machine: set up the toolchain, install, build, then encode and
# decode a real JavaScript file (default: TypeScript's compiler, 9 MB), printing sizes and times,
# on the project's pinned Node 26 (scripts/runtimes, installed on first use).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-toolchain.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/with-node.sh 26 npm run --silent build
bash scripts/with-node.sh 26 node scripts/demo.mjs "$@"
