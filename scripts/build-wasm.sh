#!/usr/bin/env bash
# Build crates/binast for wasm32-unknown-unknown (release, LTO) and write the
# final module to wasm/binast.wasm.
#
#   bash scripts/build-wasm.sh
#
# Toolchain: the one pinned in rust-toolchain.toml, checked (and installed if
# missing) by scripts/setup-toolchain.sh (run first, fast when everything is
# present) and read from target/toolchain.env.
# Cargo output goes to target/wasm (separate from native builds). wasm-opt -O3
# runs when binaryen is installed and its input changed; otherwise the cargo
# output is copied as is. Set BINAST_NO_WASM_OPT=1 to skip wasm-opt.
#
# Link arguments (passed with `cargo rustc`, so they apply to the final link
# only and dependencies are not rebuilt when they change):
# - a WASM_STACK_SIZE-byte shadow stack instead of rustc's 1 MiB. The encoder
#   recurses once per nesting level; in V8 each wasm frame also takes native
#   stack, and Node's default native stack (~1 MB) runs out first unless the
#   shadow stack is smaller than about 1.3x the native one (`if` chains use
#   ~420 B of shadow stack per level). 8 MiB keeps the native stack the limit
#   up to `node --stack-size` of ~6 MB. The stack sits first in linear memory
#   (wasm-ld --stack-first, rustc's default for wasm32), so an overflow traps
#   instead of overwriting data; pages it never touches cost nothing.
# - `__stack_pointer` exported, so that ts/wasm-loader.ts can tell a stack
#   overflow (pointer at or below 0) from other traps after the fact.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/setup-toolchain.sh"
# shellcheck source=/dev/null
. "$ROOT/target/toolchain.env"

TARGET=wasm32-unknown-unknown
TARGET_DIR="$ROOT/target/wasm"
RAW="$TARGET_DIR/$TARGET/release/binast.wasm"
OUT_DIR="$ROOT/wasm"
OUT="$OUT_DIR/binast.wasm"

WASM_STACK_SIZE=$((8 * 1024 * 1024))
cargo_args=(rustc --release --target "$TARGET" --target-dir "$TARGET_DIR" -p binast --lib)
# WebAssembly SIMD (128-bit): oxc's lexer, memchr and core's string routines then scan 16 bytes
# at a time. Every runtime binast supports has it (Node >= 16.4, Bun, Deno, workerd, Chrome 91,
# Firefox 89, Safari 16.4). For every crate, so it is an environment variable, not a link argument.
cargo_env=(RUSTC="$BINAST_RUSTC" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128")

link_args=(-C "link-arg=-zstack-size=$WASM_STACK_SIZE" -C "link-arg=--export=__stack_pointer")

start=$(date +%s)
echo "build-wasm: $BINAST_CARGO ${cargo_args[*]} -- ${link_args[*]}" >&2
env "${cargo_env[@]}" "$BINAST_CARGO" "${cargo_args[@]}" -- "${link_args[@]}"

if [ ! -f "$RAW" ]; then
  echo "build-wasm: ERROR: cargo did not produce $RAW" >&2
  exit 1
fi

mkdir -p "$OUT_DIR"
WASM_OPT="${BINAST_WASM_OPT:-}"
[ "${BINAST_NO_WASM_OPT:-}" = 1 ] && WASM_OPT=""
# Record how $OUT was made so switching wasm-opt on/off also rebuilds it.
STAMP="$TARGET_DIR/binast.wasm.stamp"
recipe="raw=$RAW wasm-opt=${WASM_OPT:-none} simd128"
if [ -f "$OUT" ] && [ "$OUT" -nt "$RAW" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$recipe" ]; then
  echo "build-wasm: $OUT is up to date" >&2
else
  tmp="$OUT.tmp.$$"
  trap 'rm -f "$tmp"' EXIT
  if [ -n "$WASM_OPT" ]; then
    # Features rustc >= 1.82 enables by default for wasm32-unknown-unknown
    # (all supported by Node >= 16 and current browsers/Workers). wasm-opt
    # must be told so it neither rejects nor lowers them.
    opt_flags=(-O3
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
      --enable-mutable-globals --enable-multivalue --enable-reference-types --enable-simd)
    echo "build-wasm: $WASM_OPT ${opt_flags[*]}" >&2
    "$WASM_OPT" "${opt_flags[@]}" "$RAW" -o "$tmp"
  else
    echo "build-wasm: wasm-opt not available; copying the unoptimised module (install binaryen for a smaller/faster one)" >&2
    cp "$RAW" "$tmp"
  fi
  mv -f "$tmp" "$OUT"
  trap - EXIT
  printf '%s' "$recipe" >"$STAMP"
fi

size=$(wc -c <"$OUT" | tr -d ' ')
raw_size=$(wc -c <"$RAW" | tr -d ' ')
gz=""
command -v gzip >/dev/null 2>&1 && gz=", $(gzip -9c "$OUT" | wc -c | tr -d ' ') gzipped"
echo "build-wasm: wasm/binast.wasm: $size bytes ($((size / 1024)) KiB$gz; cargo output $raw_size bytes) [rustc $BINAST_RUST_VERSION, $(($(date +%s) - start)) s]"
