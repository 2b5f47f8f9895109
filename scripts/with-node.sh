#!/usr/bin/env bash
# Run a command with one of the pinned Node versions first on PATH (installing them when
# missing): `bash scripts/with-node.sh 24 npx vitest run test/api.test.ts`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="${1:?usage: with-node.sh <22|24|26> <command...>}"
shift
bin="$ROOT/scripts/runtimes/node_modules/node$major/bin"
if [ ! -x "$bin/node" ]; then
  [ -d "$ROOT/scripts/runtimes/node_modules" ] && { echo "with-node: no Node $major in scripts/runtimes (pinned: 22, 24, 26)" >&2; exit 2; }
  npm ci --prefix "$ROOT/scripts/runtimes" --no-audit --no-fund >&2
  [ -x "$bin/node" ] || { echo "with-node: no Node $major in scripts/runtimes (pinned: 22, 24, 26)" >&2; exit 2; }
fi
PATH="$bin:$PATH" exec "$@"
