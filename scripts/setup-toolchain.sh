#!/usr/bin/env bash
# Pick (and if needed install) a Rust toolchain able to build crates/binast for
# wasm32-unknown-unknown, and write the choice to target/toolchain.env, which
# scripts/build-wasm.sh sources.
#
# Detection order (first match wins):
#   1. The standard toolchain (`rustc`/`cargo` on PATH, normally rustup's) when
#      its sysroot already has the wasm32-unknown-unknown std
#      (= `rustup target list --installed` lists it).
#   2. Debian's rustc-web (/usr/bin/rustc + /usr/bin/cargo, >= 1.95) with its
#      std sources (rust-web-src) and rust-lld: std is rebuilt for wasm32 with
#      `-Z build-std` (RUSTC_BOOTSTRAP=1), since Debian ships no wasm32 std.
#   3. `rustup target add wasm32-unknown-unknown` (needs static.rust-lang.org).
#   4. `apt-get install rustc-web cargo-web rust-web-src rust-web-llvm lld-22`
#      (only as root with apt-get; Debian 12 updates or newer), then 2.
# Override with BINAST_TOOLCHAIN=rustup|debian (no fallback then).
#
# Also installs binaryen (wasm-opt) with apt when missing and possible; it is
# optional (the build works without it, the .wasm is just larger/slower).
#
# Idempotent; takes well under 2 s when everything is present.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_FILE="$ROOT/target/toolchain.env"
MIN_RUST="1.95"
TARGET="wasm32-unknown-unknown"
DEBIAN_PKGS=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
FORCE="${BINAST_TOOLCHAIN:-}"

log() { printf 'setup-toolchain: %s\n' "$*" >&2; }

# version_ge 1.96.0 1.95 -> true
version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

rustc_version() { # $1 = rustc binary -> "1.95.0" or ""
  "$1" --version 2>/dev/null | awk '{print $2}' | sed 's/-.*//'
}

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

# ---------------------------------------------------------------- route checks
STD_RUSTC="" STD_CARGO=""
check_standard() {
  STD_RUSTC="$(command -v rustc 2>/dev/null || true)"
  STD_CARGO="$(command -v cargo 2>/dev/null || true)"
  [ -n "$STD_RUSTC" ] && [ -n "$STD_CARGO" ] || return 1
  local v sysroot
  v="$(rustc_version "$STD_RUSTC")"
  [ -n "$v" ] && version_ge "$v" "$MIN_RUST" || return 1
  sysroot="$("$STD_RUSTC" --print sysroot 2>/dev/null)" || return 1
  [ -d "$sysroot/lib/rustlib/$TARGET/lib" ]
}

DEB_RUSTC=/usr/bin/rustc
DEB_CARGO=/usr/bin/cargo
deb_missing=()
check_debian() {
  deb_missing=()
  local v
  if [ -x "$DEB_RUSTC" ]; then
    v="$(rustc_version "$DEB_RUSTC")"
    if [ -z "$v" ] || ! version_ge "$v" "$MIN_RUST"; then
      deb_missing+=("rustc-web (>= $MIN_RUST; $DEB_RUSTC is ${v:-unknown})")
    fi
  else
    deb_missing+=(rustc-web)
  fi
  [ -x "$DEB_CARGO" ] || deb_missing+=(cargo-web)
  local sysroot=/usr
  [ -x "$DEB_RUSTC" ] && sysroot="$("$DEB_RUSTC" --print sysroot 2>/dev/null || echo /usr)"
  [ -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ] || deb_missing+=(rust-web-src)
  command -v rust-lld >/dev/null 2>&1 \
    || [ -x "$sysroot/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld" ] \
    || deb_missing+=("rust-web-llvm lld-22 (rust-lld)")
  [ "${#deb_missing[@]}" = 0 ]
}

# ------------------------------------------------------------------- choose
MODE=""
case "$FORCE" in
  rustup|standard)
    check_standard || { log "BINAST_TOOLCHAIN=$FORCE but rustc on PATH (${STD_RUSTC:-none}) is missing, < $MIN_RUST or has no $TARGET std. Run: rustup target add $TARGET"; exit 1; }
    MODE=standard ;;
  debian)
    check_debian || { log "BINAST_TOOLCHAIN=debian but missing: ${deb_missing[*]}. Run: apt-get install -y ${DEBIAN_PKGS[*]}"; exit 1; }
    MODE=debian ;;
  "")
    if check_standard; then
      MODE=standard
    elif check_debian; then
      MODE=debian
    else
      if command -v rustup >/dev/null 2>&1 && [ -n "$STD_RUSTC" ]; then
        log "no wasm32 std found; trying: rustup target add $TARGET"
        if timeout 120 rustup target add "$TARGET" >&2 && check_standard; then
          MODE=standard
        else
          log "rustup target add failed (offline?)"
        fi
      fi
      if [ -z "$MODE" ] && have_apt_root; then
        log "installing Debian's rustc-web toolchain"
        if apt_install "${DEBIAN_PKGS[@]}" && check_debian; then
          MODE=debian
        fi
      fi
    fi ;;
  *) log "unknown BINAST_TOOLCHAIN=$FORCE (expected rustup or debian)"; exit 1 ;;
esac

if [ -z "$MODE" ]; then
  check_debian || true
  cat >&2 <<EOF
setup-toolchain: ERROR: no Rust toolchain that can build for $TARGET (Rust >= $MIN_RUST).
  standard toolchain: rustc on PATH = ${STD_RUSTC:-<none>} $( [ -n "$STD_RUSTC" ] && rustc_version "$STD_RUSTC"), missing the $TARGET std.
      fix: rustup target add $TARGET        (needs access to static.rust-lang.org)
  Debian route: missing ${deb_missing[*]:-nothing?}
      fix (as root, Debian 12 bookworm with updates, or newer):
          apt-get update && apt-get install -y ${DEBIAN_PKGS[*]}
EOF
  exit 1
fi

# ----------------------------------------------------------------- wasm-opt
WASM_OPT="$(command -v wasm-opt 2>/dev/null || true)"
if [ -z "$WASM_OPT" ] && [ "${BINAST_NO_WASM_OPT:-}" != 1 ]; then
  if have_apt_root && apt_install binaryen; then
    WASM_OPT="$(command -v wasm-opt 2>/dev/null || true)"
  fi
  [ -n "$WASM_OPT" ] || log "WARNING: wasm-opt (binaryen) not found; the build works without it but the .wasm will not be optimised. Install: apt-get install binaryen"
fi

# -------------------------------------------------------------------- write
if [ "$MODE" = standard ]; then
  RUSTC_BIN="$STD_RUSTC" CARGO_BIN="$STD_CARGO" BUILD_STD=0
else
  RUSTC_BIN="$DEB_RUSTC" CARGO_BIN="$DEB_CARGO" BUILD_STD=1
fi
RUST_VERSION="$(rustc_version "$RUSTC_BIN")"

mkdir -p "$ROOT/target"
tmp="$ENV_FILE.tmp.$$"
cat >"$tmp" <<EOF
# Written by scripts/setup-toolchain.sh; sourced by scripts/build-wasm.sh.
BINAST_TOOLCHAIN=$MODE
BINAST_RUSTC=$RUSTC_BIN
BINAST_CARGO=$CARGO_BIN
BINAST_RUST_VERSION=$RUST_VERSION
BINAST_BUILD_STD=$BUILD_STD
BINAST_WASM_OPT=$WASM_OPT
EOF
if [ -f "$ENV_FILE" ] && cmp -s "$tmp" "$ENV_FILE"; then
  rm -f "$tmp"
else
  mv -f "$tmp" "$ENV_FILE"
fi
log "using $MODE toolchain: $RUSTC_BIN $RUST_VERSION$( [ "$BUILD_STD" = 1 ] && echo ' (std rebuilt via -Z build-std)'), wasm-opt: ${WASM_OPT:-<none>}"
