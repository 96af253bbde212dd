//! Problems found while loading a dictionary, each tied to a file and line.

use std::fmt;

use crate::entry::Location;

/// One problem in a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub location: Location,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// A dictionary that did not load cleanly: every problem, in file and line order.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} problem(s) in the dictionary:\n{}", .0.len(), list(.0))]
pub struct DictError(pub Vec<Problem>);

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}
