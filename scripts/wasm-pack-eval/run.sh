#!/usr/bin/env bash
# Re-runs the comparison in README.md ("Why not wasm-pack"): the encoder crate built with
# wasm-pack (a #[wasm_bindgen] entry instead of the ABI of crates/binast/src/wasm.rs) against the
# hand-written loader: sizes, identical output, encode speed, sync start-up in Node, traps and
# recovery, init(module) in workerd. Nothing in the repository is changed; all goes to WORK.
#
#   npm run build && bash scripts/wasm-pack-eval/run.sh [WORK]   # WORK: /tmp/binast-wasm-pack-eval
#   HEAVY=1 ...   also a 100 MB source and an out-of-memory trap (several minutes, ~5 GB of RAM)
#
# Needs: `cargo install wasm-pack` and `cargo install wasm-bindgen-cli --version $WBG`, the npm
# package binaryen (installed into WORK; Debian's binaryen 108 mishandles wasm-bindgen's output),
# Node 26 from scripts/runtimes (npm ci there). CARGO_TARGET_DIR is honoured (reuse a build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/wasm-pack-eval"
WORK="${1:-${TMPDIR:-/tmp}/binast-wasm-pack-eval}"
WBG="${WASM_BINDGEN_VERSION:-0.2.130}"
BINARYEN="${BINARYEN_VERSION:-132.0.0}"
NODE="${NODE:-$ROOT/scripts/runtimes/node_modules/node26/bin/node}"
RAW_BASE="$ROOT/target/wasm/wasm32-unknown-unknown/release/binast.wasm"
OPT_FLAGS=(-O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types) # as scripts/build-wasm.sh

command -v wasm-pack >/dev/null || { echo "run: cargo install wasm-pack" >&2; exit 1; }
wasm-bindgen --version 2>/dev/null | grep -q " $WBG\$" || { echo "run: cargo install wasm-bindgen-cli --version $WBG" >&2; exit 1; }
for f in "$ROOT/dist/index.js" "$ROOT/wasm/binast.wasm" "$RAW_BASE" "$NODE"; do
  [ -e "$f" ] || { echo "missing $f (npm run build; npm ci in scripts/runtimes)" >&2; exit 1; }
done
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

echo "== 1. the crate with a wasm-bindgen entry ($WORK/crate)"
rm -rf "$WORK/crate" && mkdir -p "$WORK/crate"
cp -r "$ROOT/Cargo.toml" "$ROOT/Cargo.lock" "$ROOT/crates" "$WORK/crate/"
RS="$WORK/crate/crates/binast/src/wasm.rs"
# Keep the allocator, panic hook and failure record; replace the ABI functions (from error_buffer on).
awk '/^fn error_buffer\(/ { exit } { print }' "$ROOT/crates/binast/src/wasm.rs" >"$RS"
cat >>"$RS" <<'RUST'
use wasm_bindgen::prelude::*;

/// Ok: the binary AST. Err: "<status>:<pos_utf16>:<message>".
#[wasm_bindgen]
pub fn encode(source: &str, flags: u32) -> Result<Vec<u8>, JsValue> {
    install_panic_hook();
    clear_failure();
    if flags & !abi::FLAGS_ALL != 0 {
        return Err(JsValue::from_str(&format!("2:0:binast: unknown encode flags {flags:#x}")));
    }
    match crate::encode(source, &abi::options_from_flags(flags)) {
        Ok(out) => Ok(out),
        Err(EncodeError::Syntax { message, pos_utf16 }) => Err(JsValue::from_str(&format!("1:{pos_utf16}:{message}"))),
    }
}

#[wasm_bindgen]
pub fn binast_failure() -> u32 {
    // SAFETY: single-threaded; a plain read.
    unsafe { (*FAILURE.0.get()).0 }
}

#[wasm_bindgen]
pub fn binast_failure_message_ptr() -> u32 {
    // SAFETY: as above.
    unsafe { (*FAILURE.0.get()).2.as_ptr() as usize as u32 }
}

#[wasm_bindgen]
pub fn binast_failure_message_len() -> u32 {
    // SAFETY: as above.
    unsafe { (*FAILURE.0.get()).1 as u32 }
}

#[wasm_bindgen]
pub fn binast_abi_version() -> u32 {
    abi::ABI_VERSION
}

/// The glue gives no access to the instance's memory after __wbg_reset_state: ask the module.
#[wasm_bindgen]
pub fn binast_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
RUST
cat >>"$WORK/crate/crates/binast/Cargo.toml" <<EOF2

[target.'cfg(target_arch = "wasm32")'.dependencies]
wasm-bindgen = "=$WBG"
EOF2
mkdir -p "$WORK/crate/.cargo"
cat >"$WORK/crate/.cargo/config.toml" <<'EOF2'
# The link arguments of scripts/build-wasm.sh: 8 MiB shadow stack, __stack_pointer exported.
[target.wasm32-unknown-unknown]
rustflags = ["-C", "link-arg=-zstack-size=8388608", "-C", "link-arg=--export=__stack_pointer"]
EOF2
TARGET_DIR="${CARGO_TARGET_DIR:-$WORK/crate/target}"

echo "== 2. wasm-pack build (first with its own wasm-opt step, as a new user would)"
cd "$WORK/crate/crates/binast"
if wasm-pack build --release --target web --mode no-install --no-pack --out-dir "$WORK/pkg-default" >"$WORK/wasm-pack-default.log" 2>&1; then
  echo "wasm-pack with its wasm-opt step: ok"
else
  echo "wasm-pack with its wasm-opt step: FAILED: $(grep -m1 -E 'Fatal|Error' "$WORK/wasm-pack-default.log")"
fi
printf '\n[package.metadata.wasm-pack.profile.release]\nwasm-opt = false\n' >>Cargo.toml
wasm-pack build --release --target web --mode no-install --no-pack --out-dir "$WORK/pkg" 2>&1 | tail -n 2
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$WORK/pkg-reset" \
  "$TARGET_DIR/wasm32-unknown-unknown/release/binast.wasm"
cd "$WORK"

echo "== 3. wasm-opt (binaryen $BINARYEN from npm) on both, and Debian's on the wasm-bindgen output"
[ -x "$WORK/tools/node_modules/.bin/wasm-opt" ] || npm install --prefix "$WORK/tools" --no-audit --no-fund "binaryen@$BINARYEN" >/dev/null
WASM_OPT="$WORK/tools/node_modules/.bin/wasm-opt"
rm -rf base base132 wp wbr && mkdir -p base/wasm base132/wasm wp/pkg wbr/pkg
for d in base base132 wp wbr; do cp -RL "$ROOT/dist" "$d/dist"; done
cp "$ROOT/wasm/binast.wasm" base/wasm/binast.wasm
"$WASM_OPT" "${OPT_FLAGS[@]}" "$RAW_BASE" -o base132/wasm/binast.wasm
"$WASM_OPT" "${OPT_FLAGS[@]}" pkg/binast_bg.wasm -o wp/pkg/binast_bg.wasm
cp wp/pkg/binast_bg.wasm wbr/pkg/binast_bg.wasm
cp pkg/binast.js wp/pkg/ && cp pkg-reset/binast.js wbr/pkg/
cp "$HERE/glue-loader.js" wp/dist/wasm-loader.js && cp "$HERE/glue-loader.js" wbr/dist/wasm-loader.js
if command -v wasm-opt >/dev/null; then
  wasm-opt "${OPT_FLAGS[@]}" pkg/binast_bg.wasm -o pkg/binast_bg.system-wasm-opt.wasm 2>/dev/null || true
  echo "system wasm-opt: $(wasm-opt --version)"
fi
ln -sfn "$ROOT/node_modules" node_modules

echo "== 4. measurements (Node $("$NODE" --version))"
"$NODE" "$HERE/measure.mjs" "$WORK"
echo "== 5. workerd"
"$NODE" "$HERE/workerd.mjs" "$WORK"
