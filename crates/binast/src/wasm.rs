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
//! **Traps.** A panic (`panic = "abort"`), a failed allocation or a stack
//! overflow traps: the call throws a `WebAssembly.RuntimeError` in JS and the
//! instance's state (allocator, stack pointer) is no longer trustworthy, so
//! the loader drops it and instantiates the module afresh. Before doing so it
//! asks the trapped instance *why*, through calls that neither allocate nor
//! touch the stack much: [`binast_failure`] (an `abi::FAILURE_*` code, set by
//! the allocator wrapper and the panic hook below) and
//! [`binast_failure_message_ptr`] / [`binast_failure_message_len`]. A stack
//! overflow leaves no such record; the loader recognises it from the exported
//! `__stack_pointer` global (`--export=__stack_pointer`, scripts/build-wasm.sh):
//! the stack is placed first in linear memory (wasm-ld's `--stack-first`, the
//! Rust default for wasm32), so an overflow moves the pointer below 0 and the
//! next frame access traps instead of overwriting data.
//!
//! Keep `ts/wasm-loader.ts` in sync with [`abi`].

use std::alloc::{GlobalAlloc, Layout, System, alloc, dealloc, realloc};
use std::cell::UnsafeCell;
use std::fmt::Write as _;
use std::ptr::NonNull;

use crate::EncodeError;

/// ABI constants, mirrored in `ts/wasm-loader.ts`.
pub mod abi {
    /// Bumped whenever the exported functions or the flag/status meaning
    /// change; exported as `binast_abi_version()` and checked by the loader.
    pub const ABI_VERSION: u32 = 4;

    /// bit0: parse as an ES module (else as a script).
    pub const FLAG_MODULE: u32 = 1 << 0;
    /// bit1: collect comments.
    pub const FLAG_COMMENTS: u32 = 1 << 1;
    /// bit2: allow `return` outside of functions.
    pub const FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION: u32 = 1 << 2;
    /// bit3: allow a leading `#!` line.
    pub const FLAG_ALLOW_HASH_BANG: u32 = 1 << 3;
    /// bit4: parse JSX (acorn-jsx's tree).
    pub const FLAG_JSX: u32 = 1 << 4;
    /// bit5: with JSX, reject namespaced names (acorn-jsx's `allowNamespaces: false`).
    pub const FLAG_JSX_NO_NAMESPACES: u32 = 1 << 5;
    /// bit6: the source bytes are UTF-8 by construction (the loader's `encodeInto` of a
    /// well-formed string), so the encoder skips checking them. Never set for bytes from outside.
    pub const FLAG_KNOWN_UTF8: u32 = 1 << 6;
    /// bit7: a transient binary, decoded at once and never stored (`EncodeOptions::transient`).
    pub const FLAG_TRANSIENT: u32 = 1 << 7;
    /// bit8: with FLAG_TRANSIENT, keep the line table (`EncodeOptions::transient_lines`).
    pub const FLAG_TRANSIENT_LINES: u32 = 1 << 8;
    /// Every flag this build understands; other bits are rejected.
    pub const FLAGS_ALL: u32 = FLAG_MODULE
        | FLAG_COMMENTS
        | FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION
        | FLAG_ALLOW_HASH_BANG
        | FLAG_JSX
        | FLAG_JSX_NO_NAMESPACES
        | FLAG_KNOWN_UTF8
        | FLAG_TRANSIENT
        | FLAG_TRANSIENT_LINES;

    /// Success: the result buffer holds the binary AST.
    pub const STATUS_OK: u32 = 0;
    /// Syntax error: the result buffer holds `u32 LE pos_utf16` + UTF-8 message.
    pub const STATUS_SYNTAX_ERROR: u32 = 1;
    /// Bad call (unknown flags, ...): same layout as a syntax error.
    pub const STATUS_INTERNAL_ERROR: u32 = 2;
    /// The source is not valid UTF-8 (it came in as bytes): same layout, with the byte offset
    /// of the first invalid sequence in place of `pos_utf16`.
    pub const STATUS_INVALID_UTF8: u32 = 3;

    /// [`super::binast_failure`]: nothing went wrong in the last call.
    pub const FAILURE_NONE: u32 = 0;
    /// An allocation failed (linear memory cannot grow any further).
    pub const FAILURE_OUT_OF_MEMORY: u32 = 1;
    /// The encoder panicked (a bug); the message says where.
    pub const FAILURE_PANIC: u32 = 2;

    /// Decode the `flags` word into [`crate::EncodeOptions`].
    pub fn options_from_flags(flags: u32) -> crate::EncodeOptions {
        crate::EncodeOptions {
            module: flags & FLAG_MODULE != 0,
            comments: flags & FLAG_COMMENTS != 0,
            allow_return_outside_function: flags & FLAG_ALLOW_RETURN_OUTSIDE_FUNCTION != 0,
            allow_hash_bang: flags & FLAG_ALLOW_HASH_BANG != 0,
            jsx: flags & FLAG_JSX != 0,
            jsx_no_namespaces: flags & FLAG_JSX_NO_NAMESPACES != 0,
            transient: flags & FLAG_TRANSIENT != 0,
            transient_lines: flags & FLAG_TRANSIENT_LINES != 0,
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

/// Why the last call trapped (`abi::FAILURE_*`) and a short message, kept in
/// statics so that reading them after a trap needs no allocation.
struct FailureSlot(UnsafeCell<(u32, usize, [u8; FAILURE_MESSAGE_CAPACITY])>);

// SAFETY: single-threaded, as `ResultSlot`.
unsafe impl Sync for FailureSlot {}

const FAILURE_MESSAGE_CAPACITY: usize = 512;

static FAILURE: FailureSlot = FailureSlot(UnsafeCell::new((abi::FAILURE_NONE, 0, [0; FAILURE_MESSAGE_CAPACITY])));

/// Records a failure (the first one of a call wins: an out-of-memory abort
/// may be followed by nothing, a panic by nothing else either).
fn record_failure(code: u32, message: std::fmt::Arguments<'_>) {
    // SAFETY: single-threaded; no reference into FAILURE outlives this call.
    let slot = unsafe { &mut *FAILURE.0.get() };
    if slot.0 != abi::FAILURE_NONE {
        return;
    }
    struct Truncating<'a> {
        buffer: &'a mut [u8; FAILURE_MESSAGE_CAPACITY],
        len: usize,
    }
    impl std::fmt::Write for Truncating<'_> {
        fn write_str(&mut self, text: &str) -> std::fmt::Result {
            for &byte in text.as_bytes() {
                // Stop at a char boundary so the message stays valid UTF-8.
                if self.len == FAILURE_MESSAGE_CAPACITY || (self.len + 4 > FAILURE_MESSAGE_CAPACITY && byte >= 0xC0) {
                    return Ok(());
                }
                self.buffer[self.len] = byte;
                self.len += 1;
            }
            Ok(())
        }
    }
    let mut writer = Truncating { buffer: &mut slot.2, len: 0 };
    let _ = writer.write_fmt(message);
    let len = writer.len;
    slot.0 = code;
    slot.1 = len;
}

fn clear_failure() {
    // SAFETY: as above.
    unsafe { (*FAILURE.0.get()).0 = abi::FAILURE_NONE }
}

/// The global allocator: the platform's (dlmalloc), noting every failed
/// request so that the loader can tell an out-of-memory abort from a bug.
struct TrackingAllocator;

// SAFETY: forwards to `System`, which upholds `GlobalAlloc`'s contract.
unsafe impl GlobalAlloc for TrackingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded.
        let ptr = unsafe { System.alloc(layout) };
        if ptr.is_null() {
            record_failure(
                abi::FAILURE_OUT_OF_MEMORY,
                format_args!("memory allocation of {} bytes failed", layout.size()),
            );
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if ptr.is_null() {
            record_failure(
                abi::FAILURE_OUT_OF_MEMORY,
                format_args!("memory allocation of {} bytes failed", layout.size()),
            );
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if new.is_null() {
            record_failure(abi::FAILURE_OUT_OF_MEMORY, format_args!("memory allocation of {new_size} bytes failed"));
        }
        new
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: TrackingAllocator = TrackingAllocator;

/// Routes panics to [`record_failure`] (the default hook would try to print
/// to a stderr that wasm32-unknown-unknown does not have). Installed once.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let location = info.location();
            let file = location.map_or("?", |l| l.file());
            let line = location.map_or(0, |l| l.line());
            record_failure(
                abi::FAILURE_PANIC,
                format_args!("panicked at {file}:{line}: {}", info.payload_as_str().unwrap_or("(no message)")),
            );
        }));
    });
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

/// Resize a buffer obtained from [`binast_alloc`]`(old_len)` to `new_len`
/// bytes, keeping its first `min(old_len, new_len)` bytes. Returns null (and
/// leaves the old buffer allocated) on failure. The loader uses it to grow the
/// source buffer of a large non-ASCII source instead of reserving three bytes
/// per UTF-16 unit up front.
///
/// # Safety
/// `ptr` must come from `binast_alloc(old_len)` (or this function with
/// `new_len = old_len`) and not have been freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn binast_realloc(ptr: *mut u8, old_len: u32, new_len: u32) -> *mut u8 {
    if old_len == 0 {
        return binast_alloc(new_len);
    }
    if new_len == 0 {
        // SAFETY: guaranteed by the caller.
        unsafe { binast_free(ptr, old_len) };
        return NonNull::<u8>::dangling().as_ptr();
    }
    // `GlobalAlloc::realloc` requires the new size to fit an isize (2 GiB on wasm32).
    if new_len > isize::MAX as u32 {
        return std::ptr::null_mut();
    }
    // SAFETY: guaranteed by the caller (same layout as in `binast_alloc`); new_len is non-zero.
    unsafe { realloc(ptr, Layout::from_size_align_unchecked(old_len as usize, 1), new_len as usize) }
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
    install_panic_hook();
    clear_failure();
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
    let source = if flags & abi::FLAG_KNOWN_UTF8 != 0 {
        // SAFETY: the loader sets the flag only for what `TextEncoder.encodeInto` wrote from a
        // well-formed string, which is UTF-8 (a pass over every byte saved per call).
        unsafe { std::str::from_utf8_unchecked(bytes) }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(source) => source,
            Err(error) => {
                let at = error.valid_up_to();
                set_result(error_buffer(at as u32, "the source is not valid UTF-8"));
                return abi::STATUS_INVALID_UTF8;
            }
        }
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

/// Why the last [`binast_encode`] call trapped: an `abi::FAILURE_*` code.
/// Safe to call on an instance that has trapped (reads a static).
#[unsafe(no_mangle)]
pub extern "C" fn binast_failure() -> u32 {
    // SAFETY: single-threaded; a plain read.
    unsafe { (*FAILURE.0.get()).0 }
}

/// Pointer to the UTF-8 message of the last failure (see [`binast_failure`]).
#[unsafe(no_mangle)]
pub extern "C" fn binast_failure_message_ptr() -> *const u8 {
    // SAFETY: as above; the pointer is only read by JS.
    unsafe { (*FAILURE.0.get()).2.as_ptr() }
}

/// Length in bytes of the message of the last failure.
#[unsafe(no_mangle)]
pub extern "C" fn binast_failure_message_len() -> u32 {
    // SAFETY: as above.
    unsafe { (*FAILURE.0.get()).1 as u32 }
}

/// [`abi::ABI_VERSION`], checked by the JS loader.
#[unsafe(no_mangle)]
pub extern "C" fn binast_abi_version() -> u32 {
    abi::ABI_VERSION
}
