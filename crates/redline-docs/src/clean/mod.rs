//! Cleaning stage: from a page's raw text to the article body.
//!
//! Steps, in order:
//! 1. `lines`: normalise each line (spaces, invisible characters) and keep its line number;
//! 2. `header`: read the title, byline and date lines at the top (text and Markdown only);
//! 3. `lines::join_blocks`: join soft-wrapped lines inside a block into logical lines;
//! 4. `boilerplate`: classify each logical line and drop page furniture (captions, sign-up
//!    forms, share and comment links, teaser lists of other articles, footers), recording why;
//! 5. assemble paragraphs, re-joining a sentence that a page broke across two paragraphs.
//!
//! Removal is line-based on purpose: it is fast, it works the same on text saved from a page and
//! on text extracted from HTML, and every removed line can be shown with its reason.

mod boilerplate;
mod header;
mod lines;
mod markdown;

pub use header::Header;
pub use markdown::strip_inline_markdown;

use boilerplate::Verdict;

/// What to do while cleaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanOptions {
    /// Read title, byline and date from the first lines (text and Markdown files).
    pub detect_header: bool,
    /// Drop boilerplate lines. Off for JSON Lines input, whose text the user already chose.
    pub remove_boilerplate: bool,
    /// Treat the text as page markup: strip inline Markdown and join soft-wrapped lines. Off for
    /// text taken as given, where a line break is the user's and `*` or `[` are literal.
    pub page_markup: bool,
}

impl CleanOptions {
    /// For a page saved as text or Markdown.
    pub const PAGE_TEXT: CleanOptions = CleanOptions {
        detect_header: true,
        remove_boilerplate: true,
        page_markup: true,
    };
    /// For text extracted from HTML, whose metadata comes from the markup.
    pub const EXTRACTED: CleanOptions = CleanOptions {
        detect_header: false,
        remove_boilerplate: true,
        page_markup: true,
    };
    /// For text the user supplied as is (JSON Lines): whitespace only. Idempotent: cleaning
    /// its own output changes nothing (a fuzz target checks this).
    pub const VERBATIM: CleanOptions = CleanOptions {
        detect_header: false,
        remove_boilerplate: false,
        page_markup: false,
    };
}

/// A line the cleaner removed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the input.
    pub line: usize,
    /// Why it was removed ("sign-up form", "teaser list", "title", ...).
    pub reason: &'static str,
    /// The line as it was (normalised).
    pub text: String,
}

/// The cleaned body with what the header said and what was removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The body: paragraphs separated by `"\n\n"`, list items by `'\n'`.
    pub text: String,
    /// Title, byline and date found at the top.
    pub header: Header,
    /// Every removed line with its reason, in input order.
    pub removed: Vec<Removed>,
}

/// Cleans a page's text into an article body.
pub fn clean(raw: &str, options: CleanOptions) -> Cleaned {
    let lines = lines::normalise(raw);
    let mut removed = Vec::new();
    let (header, body_start) = if options.detect_header {
        header::extract(&lines, &mut removed)
    } else {
        (Header::default(), 0)
    };
    let blocks = if options.page_markup {
        lines::join_blocks(&lines[body_start..])
    } else {
        lines::blocks(&lines[body_start..])
    };
    let verdicts = if options.remove_boilerplate {
        boilerplate::judge(&blocks)
    } else {
        blocks
            .iter()
            .map(|b| vec![Verdict::Keep; b.len()])
            .collect()
    };

    let mut text = String::with_capacity(raw.len());
    for (block, verdicts) in blocks.iter().zip(&verdicts) {
        let mut first_in_block = true;
        for (line, verdict) in block.iter().zip(verdicts) {
            match verdict {
                Verdict::Drop(reason) => removed.push(Removed {
                    line: line.number,
                    reason,
                    text: line.text.clone(),
                }),
                Verdict::Keep => {
                    let plain = if options.page_markup {
                        strip_inline_markdown(&line.text)
                    } else {
                        std::borrow::Cow::Borrowed(line.text.as_str())
                    };
                    let plain = plain.trim();
                    if plain.is_empty() {
                        continue;
                    }
                    if !text.is_empty() {
                        text.push_str(separator(&text, plain, first_in_block));
                    }
                    text.push_str(plain);
                    first_in_block = false;
                }
            }
        }
    }
    removed.sort_by_key(|r| r.line);
    Cleaned {
        text,
        header,
        removed,
    }
}

impl Cleaned {
    /// Removes the first paragraph when it repeats the title that the markup already gave
    /// (extracted HTML and feed bodies often start with the headline).
    pub fn drop_leading_title(&mut self, title: Option<&str>) {
        let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        let first_end = self.text.find('\n').unwrap_or(self.text.len());
        if self.text[..first_end].trim() != title {
            return;
        }
        self.removed.insert(
            0,
            Removed {
                line: 1,
                reason: "title",
                text: title.to_string(),
            },
        );
        let rest = self.text[first_end..].trim_start_matches('\n').to_string();
        self.text = rest;
    }
}

/// What goes between the text so far and the next kept line.
///
/// A page sometimes breaks one sentence across two paragraphs ("... a “special military" /
/// "operation” is giving way ..."); when the previous paragraph stops without closing punctuation
/// and the next starts in lower case, they are one sentence and are joined with a space.
fn separator(before: &str, next: &str, new_block: bool) -> &'static str {
    let ends_open = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '—' | '–' | '“' | '"'));
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if ends_open && starts_lower {
        " "
    } else if new_block {
        "\n\n"
    } else {
        "\n"
    }
}

#[cfg(test)]
mod tests;
