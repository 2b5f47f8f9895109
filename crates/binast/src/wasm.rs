//! WebAssembly ABI (compiled only for `target_arch = "wasm32"`).
//!
//! Exactly one buffer crosses the boundary in each direction per call, never
//! one per node:
//!
//! 1. JS calls [`binast_alloc`]`(cap)` and writes the UTF-8 source into the
//!    returned region (`TextEncoder.encodeInto`, `cap = source.length * 3`).
//! 2. JS calls [`binast_encode`]`(ptr, written, flags)`. The source buffer is
//!    only *borrowed*: **JS frees it** afterwards with
//!    [`binast_free`]`(ptr, cap)` (the same `cap` it allocated, not `written`).
//! 3. The result stays in a module-owned static until the next
//!    `binast_encode` call; JS reads it through [`binast_result_ptr`] /
//!    [`binast_result_len`] and copies it out (`slice`) before the next call.
//!    [`binast_result_clear`] may be called to release it early.
//!
//! Result layout by status:
//! - [`abi::STATUS_OK`]: the binary AST.
//! - [`abi::STATUS_SYNTAX_ERROR`] / [`abi::STATUS_INTERNAL_ERROR`]:
//!   `u32` little-endian UTF-16 offset `pos`, then the UTF-8 message.
//!
//! Keep `ts/wasm-loader.ts` in sync with [`abi`].

use std::alloc::{Layout, alloc, dealloc};
use std::cell::UnsafeCell;
use std::ptr::NonNull;

use crate::EncodeError;

/// ABI constants, mirrored in `ts/wasm-loader.ts`.
pub mod abi {
    /// Bumped whenever the exported functions or the flag/status meaning
    /// change; exported as `binast_abi_version()` and checked by the loader.
    pub const ABI_VERSION: u32 = 1;

    /// bit0: parse as an ES module (else as a script).
    pub const FLAG_MODULE: u32 = 1 << 0;
    /// bit1: collect comments.
    pub const FLAG_COMMENTS: u32 = 1 << 1;
    /// bit2: allow `return` outside of functions.
    pub const FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION: u32 = 1 << 2;
    /// bit3: allow a leading `#!` line.
    pub const FLAG_ALLOW_HASH_BANG: u32 = 1 << 3;
    /// Every flag this build understands; other bits are rejected.
    pub const FLAGS_ALL: u32 =
        FLAG_MODULE | FLAG_COMMENTS | FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION | FLAG_ALLOW_HASH_BANG;

    /// Success: the result buffer holds the binary AST.
    pub const STATUS_OK: u32 = 0;
    /// Syntax error: the result buffer holds `u32 LE pos_utf16` + UTF-8 message.
    pub const STATUS_SYNTAX_ERROR: u32 = 1;
    /// Bad call (unknown flags, invalid UTF-8, ...): same layout as a syntax error.
    pub const STATUS_INTERNAL_ERROR: u32 = 2;

    /// Decode the `flags` word into [`crate::EncodeOptions`].
    pub fn options_from_flags(flags: u32) -> crate::EncodeOptions {
        crate::EncodeOptions {
            module: flags & FLAG_MODULE != 0,
            comments: flags & FLAG_COMMENTS != 0,
            allow_return_outside_function: flags & FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION != 0,
            allow_hash_bang: flags & FLAG_ALLOW_HASH_BANG != 0,
            ..Default::default()
        }
    }
}

/// The last result. `wasm32-unknown-unknown` (without the `atomics` feature)
/// is single-threaded, so plain interior mutability is sound here.
struct ResultSlot(UnsafeCell<Vec<u8>>);

// SAFETY: wasm32-unknown-unknown without threads: there is only one thread.
unsafe impl Sync for ResultSlot {}

static RESULT: ResultSlot = ResultSlot(UnsafeCell::new(Vec::new()));

#[inline]
fn set_result(bytes: Vec<u8>) {
    // SAFETY: single-threaded, and no reference into RESULT outlives a call.
    unsafe { *RESULT.0.get() = bytes }
}

#[inline]
fn result() -> &'static [u8] {
    // SAFETY: as above; the slice is only used to read ptr/len.
    unsafe { (*RESULT.0.get()).as_slice() }
}

fn error_buffer(pos_utf16: u32, message: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + message.len());
    out.extend_from_slice(&pos_utf16.to_le_bytes());
    out.extend_from_slice(message.as_bytes());
    out
}

/// Allocate `len` bytes (alignment 1) for JS to write into. Returns null on
/// allocation failure. A zero-length request returns a dangling non-null
/// pointer that must still be passed back to [`binast_free`] with `len = 0`.
#[unsafe(no_mangle)]
pub extern "C" fn binast_alloc(len: u32) -> *mut u8 {
    if len == 0 {
        return NonNull::<u8>::dangling().as_ptr();
    }
    match Layout::from_size_align(len as usize, 1) {
        // SAFETY: non-zero size.
        Ok(layout) => unsafe { alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// Free a buffer obtained from [`binast_alloc`] with the same `len`.
///
/// # Safety
/// `ptr` must come from `binast_alloc(len)` and not have been freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn binast_free(ptr: *mut u8, len: u32) {
    if len == 0 || ptr.is_null() {
        return;
    }
    // SAFETY: guaranteed by the caller (same layout as in `binast_alloc`).
    unsafe { dealloc(ptr, Layout::from_size_align_unchecked(len as usize, 1)) }
}

/// Encode the UTF-8 source at `src_ptr[..src_len]`. Returns an
/// `abi::STATUS_*` code; the result buffer is read with [`binast_result_ptr`]
/// and [`binast_result_len`]. The source buffer is borrowed, not freed.
///
/// # Safety
/// `src_ptr[..src_len]` must be readable (e.g. from [`binast_alloc`]).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn binast_encode(src_ptr: *const u8, src_len: u32, flags: u32) -> u32 {
    // Release the previous result first to keep peak memory down.
    set_result(Vec::new());

    if flags & !abi::FLAGS_ALL != 0 {
        set_result(error_buffer(0, &format!("binast: unknown encode flags {flags:#x}")));
        return abi::STATUS_INTERNAL_ERROR;
    }
    let bytes: &[u8] = if src_len == 0 {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(src_ptr, src_len as usize) }
    };
    let Ok(source) = std::str::from_utf8(bytes) else {
        set_result(error_buffer(0, "binast: source is not valid UTF-8"));
        return abi::STATUS_INTERNAL_ERROR;
    };

    match crate::encode(source, &abi::options_from_flags(flags)) {
        Ok(out) => {
            set_result(out);
            abi::STATUS_OK
        }
        Err(EncodeError::Syntax { message, pos_utf16 }) => {
            set_result(error_buffer(pos_utf16, &message));
            abi::STATUS_SYNTAX_ERROR
        }
    }
}

/// Pointer to the result of the last [`binast_encode`] call.
#[unsafe(no_mangle)]
pub extern "C" fn binast_result_ptr() -> *const u8 {
    result().as_ptr()
}

/// Length in bytes of the result of the last [`binast_encode`] call.
#[unsafe(no_mangle)]
pub extern "C" fn binast_result_len() -> u32 {
    result().len() as u32
}

/// Release the result buffer (optional; the next encode replaces it anyway).
#[unsafe(no_mangle)]
pub extern "C" fn binast_result_clear() {
    set_result(Vec::new());
}

/// [`abi::ABI_VERSION`], checked by the JS loader.
#[unsafe(no_mangle)]
pub extern "C" fn binast_abi_version() -> u32 {
    abi::ABI_VERSION
}
