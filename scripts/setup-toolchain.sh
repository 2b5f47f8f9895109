#!/usr/bin/env bash
# Make sure the Rust toolchain pinned in rust-toolchain.toml (channel, components and the
# wasm32-unknown-unknown target) is installed, and write the choice to target/toolchain.env,
# which scripts/build-wasm.sh sources.
#
# rustup installs exactly the pinned toolchain (from static.rust-lang.org) when it is missing.
# There is no other route: oxc needs a newer Rust than Debian's rustc-web, and the wasm32 std
# comes with rustup's target. When rustup cannot fetch, this says what is missing and how to
# get it, and exits 1.
#
# Also installs binaryen (wasm-opt) with apt when missing and possible; it is optional (the
# build works without it, the .wasm is just larger/slower).
#
# Idempotent; takes well under 2 s when everything is present.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" # rustup's proxies read rust-toolchain.toml from the working directory
ENV_FILE="$ROOT/target/toolchain.env"
TARGET="wasm32-unknown-unknown"
CHANNEL="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
[ -n "$CHANNEL" ] || { echo "setup-toolchain: ERROR: no channel in rust-toolchain.toml" >&2; exit 1; }

log() { printf 'setup-toolchain: %s\n' "$*" >&2; }

have_apt_root() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

apt_updated=0
apt_install() {
  have_apt_root || return 1
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    apt_updated=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# What is missing of the pinned toolchain (empty when nothing is).
missing() {
  local rustc sysroot
  if ! rustc="$(rustup which rustc --toolchain "$CHANNEL" 2>/dev/null)"; then
    echo "toolchain $CHANNEL"
    return
  fi
  sysroot="$("$rustc" --print sysroot 2>/dev/null)" || { echo "a working rustc in toolchain $CHANNEL"; return; }
  [ -d "$sysroot/lib/rustlib/$TARGET/lib" ] || echo "target $TARGET for toolchain $CHANNEL"
}

if ! command -v rustup >/dev/null 2>&1; then
  cat >&2 <<EOF
setup-toolchain: ERROR: rustup is not installed (binast builds with Rust $CHANNEL, pinned in rust-toolchain.toml).
  fix: curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain none
       then run this script again (it installs Rust $CHANNEL and the $TARGET target).
EOF
  exit 1
fi

gap="$(missing)"
if [ -n "$gap" ]; then
  log "missing: $gap; installing with rustup"
  # The same list as rust-toolchain.toml, so the result is exactly the pinned toolchain.
  timeout 600 rustup toolchain install "$CHANNEL" --profile minimal \
    --component rustfmt --component clippy --target "$TARGET" >&2 || true
  gap="$(missing)"
  if [ -n "$gap" ]; then
    cat >&2 <<EOF
setup-toolchain: ERROR: missing $gap, and rustup could not install it (offline, or static.rust-lang.org unreachable?).
  fix, with network access:
      rustup toolchain install $CHANNEL --profile minimal --component rustfmt --component clippy --target $TARGET
EOF
    exit 1
  fi
fi

RUSTC_BIN="$(rustup which rustc --toolchain "$CHANNEL")"
CARGO_BIN="$(rustup which cargo --toolchain "$CHANNEL")"
RUST_VERSION="$("$RUSTC_BIN" --version | awk '{print $2}')"

# ----------------------------------------------------------------- wasm-opt
WASM_OPT="$(command -v wasm-opt 2>/dev/null || true)"
if [ -z "$WASM_OPT" ] && [ "${BINAST_NO_WASM_OPT:-}" != 1 ]; then
  if have_apt_root && apt_install binaryen; then
    WASM_OPT="$(command -v wasm-opt 2>/dev/null || true)"
  fi
  [ -n "$WASM_OPT" ] || log "WARNING: wasm-opt (binaryen) not found; the build works without it but the .wasm will not be optimised. Install: apt-get install binaryen"
fi

# -------------------------------------------------------------------- write
mkdir -p "$ROOT/target"
tmp="$ENV_FILE.tmp.$$"
cat >"$tmp" <<EOF
# Written by scripts/setup-toolchain.sh; sourced by scripts/build-wasm.sh.
BINAST_RUSTC=$RUSTC_BIN
BINAST_CARGO=$CARGO_BIN
BINAST_RUST_VERSION=$RUST_VERSION
BINAST_WASM_OPT=$WASM_OPT
EOF
if [ -f "$ENV_FILE" ] && cmp -s "$tmp" "$ENV_FILE"; then
  rm -f "$tmp"
else
  mv -f "$tmp" "$ENV_FILE"
fi
log "using rustc $RUST_VERSION ($RUSTC_BIN, pinned: $CHANNEL), wasm-opt: ${WASM_OPT:-<none>}"
