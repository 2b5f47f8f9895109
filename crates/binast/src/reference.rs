//! TEMPORARY (A/B only, feature `semantic-reference`): the early errors as `encode` found them
//! with oxc_semantic, its filters and the redeclaration check, to compare with `early_errors`.
use oxc_ast::ast::Program;
use oxc_diagnostics::OxcDiagnostic;
use oxc_semantic::SemanticBuilder;

/// (message, UTF-8 offset) of the first early error, the old way. `may_hide`: run the spec's
/// redeclaration check when oxc reports nothing (the converter's suspicion, approximated as
/// always).
pub fn old_early_error(source: &str, program: &Program<'_>, may_hide: bool) -> Option<(String, u32)> {
    let semantic = SemanticBuilder::new().with_check_syntax_error(true).build(program);
    let acorn_ignores = |error: &OxcDiagnostic| {
        let [label] = error.labels.as_slice() else {
            return false;
        };
        crate::convert::quirks::is_class_name_eval_or_arguments(source, label.span(), &program.comments)
            || crate::convert::quirks::is_directive_before_unseen_use_strict(program, label.span())
    };
    let mut redeclaration = None;
    for error in semantic.diagnostics.errors() {
        if acorn_ignores(error) {
            continue;
        }
        if crate::convert::quirks::is_binding_redeclaration(source, error) {
            match *redeclaration.get_or_insert_with(|| crate::redeclarations::first_redeclaration(program)) {
                Some(found) => return Some((format!("Identifier '{}' has already been declared", found.name), found.span.start)),
                None => continue,
            }
        }
        let offset = crate::error_offset(error);
        if let Some(name) =
            error.message.strip_prefix("Cannot assign to '").and_then(|rest| rest.strip_suffix("' in strict mode"))
            && crate::convert::messages::is_binding_at(program, offset)
        {
            return Some((format!("Binding {name} in strict mode"), offset));
        }
        return Some((error.message.to_string(), offset));
    }
    if may_hide
        && redeclaration.is_none()
        && let Some(found) = crate::redeclarations::first_redeclaration(program)
    {
        return Some((format!("Identifier '{}' has already been declared", found.name), found.span.start));
    }
    None
}

/// (message, UTF-8 offset) of the first early error, the new way.
pub fn new_early_error(program: &Program<'_>) -> Option<(String, u32)> {
    crate::early_errors::first_early_error(program).map(|e| (e.message.into_owned(), e.offset))
}
