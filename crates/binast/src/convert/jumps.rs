//! Targets of `break`/`continue`, tracked because oxc's check walks up through arrow functions
//! (`l: while (1) { () => { break l } }`, `while (1) () => { continue }` pass oxc), while acorn
//! and the spec stop at every function boundary.

use std::cell::RefCell;

/// The jump targets visible from the current position, up to the enclosing function.
#[derive(Default)]
pub(crate) struct Jumps {
    /// Enclosing labels, innermost last, with whether each labels a loop.
    labels: Vec<(Box<str>, bool)>,
    loops: u32,
    switches: u32,
}

thread_local! {
    static JUMPS: RefCell<Jumps> = const { RefCell::new(Jumps { labels: Vec::new(), loops: 0, switches: 0 }) };
}

/// Starts a function body (function, arrow, static block): no outer target is visible inside.
pub(crate) fn enter_function() -> Jumps {
    JUMPS.with(|jumps| std::mem::take(&mut *jumps.borrow_mut()))
}

/// Ends a function body, restoring what [`enter_function`] returned.
pub(crate) fn leave_function(outer: Jumps) {
    JUMPS.with(|jumps| *jumps.borrow_mut() = outer);
}

pub(crate) fn reset() {
    drop(enter_function());
}

pub(crate) fn enter_loop() {
    JUMPS.with(|jumps| jumps.borrow_mut().loops += 1);
}

pub(crate) fn leave_loop() {
    JUMPS.with(|jumps| jumps.borrow_mut().loops -= 1);
}

pub(crate) fn enter_switch() {
    JUMPS.with(|jumps| jumps.borrow_mut().switches += 1);
}

pub(crate) fn leave_switch() {
    JUMPS.with(|jumps| jumps.borrow_mut().switches -= 1);
}

pub(crate) fn enter_label(name: &str, labels_loop: bool) {
    JUMPS.with(|jumps| jumps.borrow_mut().labels.push((name.into(), labels_loop)));
}

pub(crate) fn leave_label() {
    JUMPS.with(|jumps| jumps.borrow_mut().labels.pop());
}

/// Whether `break [label]` has a target.
pub(crate) fn can_break(label: Option<&str>) -> bool {
    JUMPS.with(|jumps| {
        let jumps = jumps.borrow();
        match label {
            Some(label) => jumps.labels.iter().any(|(name, _)| &**name == label),
            None => jumps.loops + jumps.switches > 0,
        }
    })
}

/// Whether `continue [label]` has a target (a label must name a loop).
pub(crate) fn can_continue(label: Option<&str>) -> bool {
    JUMPS.with(|jumps| {
        let jumps = jumps.borrow();
        match label {
            Some(label) => jumps.labels.iter().rev().find(|(name, _)| &**name == label).is_some_and(|&(_, is_loop)| is_loop),
            None => jumps.loops > 0,
        }
    })
}
