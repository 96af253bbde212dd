//! The `>`/`=` case format shared by the golden tests (`golden.rs`, `claims.rs`): `@ DATE` sets
//! the publication date for the cases below, `> ` lines form one document, `= ` lines are what it
//! must give; every other line is kept verbatim so that a blessed file keeps its comments.

use std::path::Path;

use chrono::NaiveDate;

/// One case: its sentences and the lines it must give.
#[derive(Debug, Clone)]
pub struct Case {
    /// Line of the first `>`.
    pub line: usize,
    /// The publication date in force.
    pub date: Option<NaiveDate>,
    /// The `>` lines, one document.
    pub sentences: Vec<String>,
    /// The `=` lines.
    pub expected: Vec<String>,
}

/// A line kept as it is, or a case.
pub enum Item {
    /// A comment, a blank or an `@` line.
    Verbatim(String),
    /// A case.
    Case(Case),
}

/// The items of a case file, in order.
pub fn parse(text: &str, file: &Path) -> Vec<Item> {
    let mut items = Vec::new();
    let mut date = None;
    let mut current: Option<Case> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(s) = line.strip_prefix("> ") {
            match &mut current {
                Some(c) if c.expected.is_empty() => c.sentences.push(s.to_string()),
                _ => {
                    if let Some(c) = current.take() {
                        items.push(Item::Case(c));
                    }
                    current = Some(Case {
                        line: i + 1,
                        date,
                        sentences: vec![s.to_string()],
                        expected: Vec::new(),
                    });
                }
            }
        } else if let Some(e) = line.strip_prefix("= ") {
            let c = current
                .as_mut()
                .unwrap_or_else(|| panic!("{}:{}: `=` line before any `>`", file.display(), i + 1));
            c.expected.push(e.trim().to_string());
        } else {
            if let Some(c) = current.take() {
                items.push(Item::Case(c));
            }
            if let Some(d) = line.strip_prefix("@ ") {
                date = Some(
                    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                        .unwrap_or_else(|_| panic!("{}:{}: bad date", file.display(), i + 1)),
                );
            }
            items.push(Item::Verbatim(line.to_string()));
        }
    }
    if let Some(c) = current.take() {
        items.push(Item::Case(c));
    }
    items
}
