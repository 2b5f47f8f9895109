//! Regular expressions oxc validates wrongly: inside a character class it reads every `\c` as
//! a lone `\` followed by `c` (Annex B's `\ [lookahead = c]`), also where the spec reads a
//! control escape (`\cj`, and without the `u` flag `\c1`, `\c_`). So `/[\cj-\cm]/` (10 to 13)
//! fails as `j` to `\`, and `/[6-\ca]/` (6 to 1) passes as `6` to `\`.
//!
//! The converter re-validates every pattern with a `\c` (rare) on a copy where those escapes
//! are spelled `\xHH`, which oxc reads right. When oxc rejected a pattern at parse time,
//! `encode` cannot tell whether that was this mistake, so it re-parses without oxc's regular
//! expression checks and the converter validates every pattern instead.

use std::cell::Cell;
use std::fmt::Write;

use oxc_allocator::Allocator;
use oxc_regular_expression::{LiteralParser, Options};

thread_local! {
    static VALIDATE_ALL: Cell<bool> = const { Cell::new(false) };
}

/// Whether the converter validates every pattern (oxc parsed without checking them).
pub(crate) fn set_validate_all(validate_all: bool) {
    VALIDATE_ALL.set(validate_all);
}

/// Whether `/pattern/flags` is a valid regular expression literal, where oxc's own verdict
/// may be wrong (or missing); `true` where it can be trusted.
pub(crate) fn valid_where_oxc_errs(pattern: &str, flags: &str) -> bool {
    if !VALIDATE_ALL.get() && !pattern.contains("\\c") {
        return true;
    }
    valid(pattern, flags)
}

#[cold]
fn valid(pattern: &str, flags: &str) -> bool {
    // Unicode sets mode (`v`) has its own class syntax, which oxc reads right.
    let respelled = if flags.contains('v') { Some(pattern.to_owned()) } else { control_escapes_as_hex(pattern, flags.contains('u')) };
    let Some(respelled) = respelled else { return false };
    let allocator = Allocator::default();
    LiteralParser::new(&allocator, &respelled, Some(flags), Options::default()).parse().is_ok()
}

/// `pattern` with each control escape inside a character class spelled `\xHH`; `None` if one
/// is invalid (a `\c` not followed by a letter, in Unicode mode).
fn control_escapes_as_hex(pattern: &str, unicode: bool) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                let control = chars.peek().copied().filter(|&letter| {
                    letter.is_ascii_alphabetic() || (!unicode && (letter.is_ascii_digit() || letter == '_'))
                });
                match (in_class && next == 'c', control) {
                    (true, Some(letter)) => {
                        chars.next();
                        let _ = write!(out, "\\x{:02X}", u32::from(letter) % 32);
                    }
                    (true, None) if unicode => return None,
                    _ => {
                        out.push(c);
                        out.push(next);
                    }
                }
            }
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::valid;

    #[test]
    fn control_escapes_in_classes() {
        for (pattern, flags) in [("[\\cj-\\cm]", ""), ("[\\cj-\\cm]", "u"), ("[\\cJ-\\cM]", "g"), ("[\\c-]", ""), ("[\\c1]", ""), ("\\cj", ""), ("[\\\\c]", "u"), ("[\\cj]", "v")] {
            assert!(valid(pattern, flags), "/{pattern}/{flags}");
        }
        for (pattern, flags) in [("[6-\\ca]", ""), ("[\\c1]", "u"), ("[\\c]", "u"), ("[\\c_-\\c1]", ""), ("[a-\\cJ]", ""), ("[\\c1]", "v")] {
            assert!(!valid(pattern, flags), "/{pattern}/{flags}");
        }
    }
}
