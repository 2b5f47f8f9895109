#!/usr/bin/env bash
# Run a command with one of the pinned Node versions first on PATH, installing the pinned
# runtimes (scripts/runtimes) when they are missing or older than their lock:
#   bash scripts/with-node.sh 24 npx vitest run test/api.test.ts
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="${1:?usage: with-node.sh <22|24|26> <command...>}"
shift
runtimes="$ROOT/scripts/runtimes"
bin="$runtimes/node_modules/node$major/bin"
grep -q "\"node$major\":" "$runtimes/package.json" \
  || { echo "with-node.sh: Node $major is not one of the pinned runtimes (scripts/runtimes/package.json)" >&2; exit 2; }
if [ ! -x "$bin/node" ] || [ "$runtimes/package-lock.json" -nt "$runtimes/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$runtimes" --no-audit --no-fund >&2
fi
PATH="$bin:$PATH" exec "$@"
