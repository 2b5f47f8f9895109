//! oxc's errors as acorn places them, for the few where they differ in a way the tests pin
//! down. Only a rejected source pays (a walk over its tree).

use oxc_ast::ast::{Program, RegExpLiteral};
use oxc_ast_visit::Visit;

/// Where acorn reports an invalid regular expression: just after the opening `/` of the literal
/// that contains `offset` (oxc reports inside the pattern). `None` if no literal does.
pub fn regular_expression_start(program: &Program<'_>, offset: u32) -> Option<u32> {
    At::find(program, offset).regex_start
}

/// What is at an offset. (One visitor: each visitor type instantiates the whole walk, which
/// the .wasm pays for in size.)
struct At {
    offset: u32,
    regex_start: Option<u32>,
}

impl At {
    fn find(program: &Program<'_>, offset: u32) -> Self {
        let mut at = At { offset, regex_start: None };
        at.visit_program(program);
        at
    }
}

impl<'a> Visit<'a> for At {
    fn visit_reg_exp_literal(&mut self, lit: &RegExpLiteral<'a>) {
        if lit.span.start <= self.offset && self.offset < lit.span.end {
            self.regex_start.get_or_insert(lit.span.start + 1);
        }
    }
}
