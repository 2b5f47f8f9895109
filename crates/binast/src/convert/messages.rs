//! oxc's errors as acorn words and places them, for the few where they differ in a way the
//! tests pin down. Only a rejected source pays (a walk over its tree).

use oxc_ast::ast::{BindingIdentifier, Program, RegExpLiteral};
use oxc_ast_visit::Visit;

/// Where acorn reports an invalid regular expression: just after the opening `/` of the literal
/// that contains `offset` (oxc reports inside the pattern). `None` if no literal does.
pub fn regular_expression_start(program: &Program<'_>, offset: u32) -> Option<u32> {
    struct Finder(u32, Option<u32>);
    impl<'a> Visit<'a> for Finder {
        fn visit_reg_exp_literal(&mut self, lit: &RegExpLiteral<'a>) {
            if lit.span.start <= self.0 && self.0 < lit.span.end {
                self.1.get_or_insert(lit.span.start + 1);
            }
        }
    }
    let mut finder = Finder(offset, None);
    finder.visit_program(program);
    finder.1
}

/// Whether the identifier at `offset` is a binding (`let eval`): acorn says "Binding eval in
/// strict mode" there, oxc "Cannot assign to 'eval' in strict mode" for both.
pub fn is_binding_at(program: &Program<'_>, offset: u32) -> bool {
    struct Finder(u32, bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
            self.1 |= id.span.start == self.0;
        }
    }
    let mut finder = Finder(offset, false);
    finder.visit_program(program);
    finder.1
}
