// Disagreements between binast and acorn found by the encode fuzzer, each with a minimal
// reproducer and how to recognise its class (see test/fuzz/disagreements.md). They are in the
// Rust converter/parser (crates/binast/src/lib.rs, convert/**), not in the code fuzzed here;
// test/fuzz/fuzz.test.ts checks that each still reproduces, so a fixed one gets removed.
export const KNOWN_DISAGREEMENTS = [];
