//! Binding patterns and assignment targets; both are ESTree patterns.

use oxc_ast::ast::*;
use oxc_span::GetSpan;

use crate::generated::schema::property_kind_of;
use crate::writer::Writer;

const NOT_JS: &str = "TypeScript syntax is not JavaScript";

impl<'a> Writer<'a> {
    pub(crate) fn binding(&mut self, pattern: &BindingPattern<'a>) {
        match pattern {
            BindingPattern::BindingIdentifier(id) => self.binding_identifier(id),
            // oxc keeps a rest element apart; acorn has it as the last entry.
            BindingPattern::ObjectPattern(p) => {
                let len = p.properties.len() + usize::from(p.rest.is_some());
                self.object_pattern(p.span, len, |w| {
                    for property in &p.properties {
                        w.property(
                            property.span,
                            false,
                            property.shorthand,
                            property.computed,
                            |w| w.property_key(&property.key),
                            |w| w.binding(&property.value),
                            property_kind_of(PropertyKind::Init),
                        );
                    }
                    if let Some(rest) = &p.rest {
                        w.binding_rest(rest);
                    }
                });
            }
            BindingPattern::ArrayPattern(p) => {
                let len = p.elements.len() + usize::from(p.rest.is_some());
                self.array_pattern(p.span, len, |w| {
                    for element in &p.elements {
                        match element {
                            Some(element) => w.binding(element),
                            None => w.null(),
                        }
                    }
                    if let Some(rest) = &p.rest {
                        w.binding_rest(rest);
                    }
                });
            }
            BindingPattern::AssignmentPattern(p) => {
                self.assignment_pattern(p.span, |w| w.binding(&p.left), |w| w.expression(&p.right));
            }
        }
    }

    pub(crate) fn binding_rest(&mut self, rest: &BindingRestElement<'a>) {
        self.rest_element(rest.span, |w| w.binding(&rest.argument));
    }

    pub(crate) fn opt_binding_identifier(&mut self, id: Option<&BindingIdentifier<'a>>) {
        match id {
            Some(id) => self.binding_identifier(id),
            None => self.null(),
        }
    }

    pub(crate) fn binding_identifier(&mut self, id: &BindingIdentifier<'a>) {
        self.state.checker.binding_identifier(id);
        self.identifier(id.span, id.name.as_str());
    }

    /// Assignment targets (left of `=`, `for (x of ...)`) use the same ESTree patterns as
    /// bindings: ObjectPattern of Property/RestElement, ArrayPattern, AssignmentPattern.
    pub(crate) fn assignment_target(&mut self, target: &AssignmentTarget<'a>) {
        match target {
            AssignmentTarget::ArrayAssignmentTarget(p) => {
                let len = p.elements.len() + usize::from(p.rest.is_some());
                self.array_pattern(p.span, len, |w| {
                    for element in &p.elements {
                        match element {
                            Some(element) => w.target_maybe_default(element),
                            None => w.null(),
                        }
                    }
                    if let Some(rest) = &p.rest {
                        w.rest_element(rest.span, |w| w.assignment_target(&rest.target));
                    }
                });
            }
            AssignmentTarget::ObjectAssignmentTarget(p) => {
                let len = p.properties.len() + usize::from(p.rest.is_some());
                self.object_pattern(p.span, len, |w| {
                    for property in &p.properties {
                        w.target_property(property);
                    }
                    if let Some(rest) = &p.rest {
                        w.rest_element(rest.span, |w| w.assignment_target(&rest.target));
                    }
                });
            }
            target => self.simple_target(target.to_simple_assignment_target()),
        }
    }

    pub(crate) fn simple_target(&mut self, target: &SimpleAssignmentTarget<'a>) {
        match target {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                self.state.checker.assigned(id);
                self.state.checker.identifier_reference(id);
                self.identifier(id.span, id.name.as_str());
            }
            SimpleAssignmentTarget::ComputedMemberExpression(_)
            | SimpleAssignmentTarget::StaticMemberExpression(_)
            | SimpleAssignmentTarget::PrivateFieldExpression(_) => self.member(target.to_member_expression()),
            target => self.reject(target.span(), NOT_JS),
        }
    }

    fn target_maybe_default(&mut self, target: &AssignmentTargetMaybeDefault<'a>) {
        match target {
            AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(t) => {
                self.assignment_pattern(t.span, |w| w.assignment_target(&t.binding), |w| w.expression(&t.init));
            }
            target => self.assignment_target(target.to_assignment_target()),
        }
    }

    fn target_property(&mut self, property: &AssignmentTargetProperty<'a>) {
        let init = property_kind_of(PropertyKind::Init);
        match property {
            // `{ a }` / `{ a = 1 }`: key and value are both the identifier; with a default the
            // value is an AssignmentPattern spanning the whole property.
            AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => {
                let name = p.binding.name.as_str();
                let key_span = p.binding.span;
                self.state.checker.assigned(&p.binding);
                self.state.checker.identifier_reference(&p.binding);
                self.property(
                    p.span,
                    false,
                    true,
                    false,
                    |w| w.identifier(key_span, name),
                    |w| match &p.init {
                        Some(default) => {
                            w.assignment_pattern(p.span, |w| w.identifier(key_span, name), |w| w.expression(default))
                        }
                        None => w.identifier(key_span, name),
                    },
                    init,
                );
            }
            AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => self.property(
                p.span,
                false,
                false,
                p.computed,
                |w| w.property_key(&p.name),
                |w| w.target_maybe_default(&p.binding),
                init,
            ),
        }
    }
}
