#!/usr/bin/env bash
# One command for a fresh machine: set up the toolchain, install, build, then encode and
# decode a real JavaScript file (default: TypeScript's compiler, 9 MB), printing sizes and times.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-toolchain.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
node scripts/demo.mjs "$@"
