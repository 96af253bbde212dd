//! Line normalisation and joining of soft-wrapped lines into logical lines.

/// One normalised input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the input.
    pub number: usize,
    /// Text with single spaces, no invisible characters, trimmed.
    pub text: String,
    /// The raw line ended in a Markdown hard break (two spaces or a backslash): the next line
    /// continues the same paragraph.
    pub hard_break: bool,
}

/// Normalises every line: tabs and exotic spaces become one space, invisible and control
/// characters go, runs of spaces collapse, ends are trimmed.
pub(crate) fn normalise(raw: &str) -> Vec<Line> {
    raw.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let hard_break = line.ends_with("  ") || line.ends_with('\\');
            Line {
                number: i + 1,
                text: normalise_spaces(line),
                hard_break,
            }
        })
        .collect()
}

/// Collapses whitespace to single spaces and drops invisible characters.
pub(crate) fn normalise_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            pending_space = !out.is_empty();
            continue;
        }
        // Zero-width characters, soft hyphens, BOMs and control characters carry no text.
        if matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) || c.is_control()
        {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Splits lines into blocks at blank lines and joins soft-wrapped lines inside each block.
///
/// Two consecutive lines are one logical line when the first ends in a Markdown hard break, when
/// the second continues a sentence in lower case, or when the whole block is hard-wrapped prose
/// (three or more lines, all but the last 50 to 100 characters long). List items and date stamps
/// always stay on their own line, and so do capitalised lines in blocks that are not hard-wrapped,
/// because teaser lists ("Headline" / "Author • 2 days ago") must stay separable from the body.
pub(crate) fn join_blocks(lines: &[Line]) -> Vec<Vec<Line>> {
    split_blocks(lines).map(join_block).collect()
}

/// Splits lines into blocks at blank lines, keeping every line as it is.
pub(crate) fn blocks(lines: &[Line]) -> Vec<Vec<Line>> {
    split_blocks(lines).map(<[Line]>::to_vec).collect()
}

fn split_blocks(lines: &[Line]) -> impl Iterator<Item = &[Line]> {
    lines
        .split(|line| line.text.is_empty())
        .filter(|block| !block.is_empty())
}

fn join_block(block: &[Line]) -> Vec<Line> {
    let hard_wrapped = block.len() >= 3
        && block[..block.len() - 1]
            .iter()
            .all(|l| (50..=100).contains(&l.text.chars().count()));
    let mut out: Vec<Line> = Vec::with_capacity(block.len());
    for line in block {
        if let Some(prev) = out.last_mut()
            && continues(prev, line, hard_wrapped)
        {
            prev.text.push(' ');
            prev.text.push_str(&line.text);
            prev.hard_break = line.hard_break;
            continue;
        }
        out.push(line.clone());
    }
    out
}

fn continues(prev: &Line, next: &Line, hard_wrapped: bool) -> bool {
    use super::boilerplate::is_date_stamp;
    if is_list_item(&next.text) || is_date_stamp(&next.text) || is_date_stamp(&prev.text) {
        return false;
    }
    prev.hard_break
        || hard_wrapped
        || !ends_sentence(&prev.text) && next.text.starts_with(char::is_lowercase)
}

/// Whether the line starts with a list marker ("- ", "* ", "• ", "1. ").
pub(crate) fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && t[digits..].starts_with(". ")
}

/// Whether a line ends like a sentence or a list introduction: `. ! ? … :` possibly followed by
/// closing quotes, brackets or Markdown emphasis.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', ':'])
}
