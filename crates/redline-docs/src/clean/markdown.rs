//! Inline Markdown: link markup, emphasis, escapes and heading markers.
//!
//! Saved pages and the seed articles carry Markdown even in `.txt` files (`[a name](#)`,
//! `*New York Times*`, `\$50`), so the cleaner strips it from every page format.

use std::borrow::Cow;

/// Removes inline Markdown: `[text](url)` becomes `text`, `![alt](url)` disappears, emphasis
/// markers (`**`, `__`, `*word*`) go, backslash escapes lose their backslash, and a leading
/// heading (`## `) or block-quote (`> `) marker goes.
pub fn strip_inline_markdown(line: &str) -> Cow<'_, str> {
    let line = strip_block_marker(line);
    // Most lines carry no markup at all; they are returned without copying.
    if !line
        .bytes()
        .any(|b| matches!(b, b'\\' | b'[' | b'*' | b'_' | b'!'))
    {
        return Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(bytes[i + 1] as char);
                i += 2;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => match link_at(line, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            b'[' => match link_at(line, i) {
                Some((text, end)) => {
                    out.push_str(&strip_inline_markdown(text));
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            b'*' | b'_' if is_emphasis_marker(bytes, i) => i += 1,
            _ => {
                // Copy the whole UTF-8 character.
                let len = utf8_len(b);
                out.push_str(&line[i..i + len]);
                i += len;
            }
        }
    }
    Cow::Owned(out)
}

/// The share of a line's visible text that sits inside link markup, and how many words lie
/// outside links. A line that is mostly links is navigation ("[VIEW 16 COMMENTS](#) [CONTACT US](#)").
pub(crate) fn link_profile(line: &str) -> (usize, usize) {
    if !line.contains('[') {
        return (0, usize::MAX);
    }
    let mut links = 0;
    let mut outside = String::new();
    let mut i = 0;
    while i < line.len() {
        if line.as_bytes()[i] == b'['
            && let Some((_, end)) = link_at(line, i)
        {
            links += 1;
            i = end;
            continue;
        }
        let len = utf8_len(line.as_bytes()[i]);
        outside.push_str(&line[i..i + len]);
        i += len;
    }
    let words = outside
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    (links, words)
}

fn strip_block_marker(line: &str) -> &str {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        return line[hashes..].trim_start();
    }
    line.strip_prefix("> ").unwrap_or(line)
}

/// `[text](target)` starting at `open`: returns the text and the index after `)`.
fn link_at(line: &str, open: usize) -> Option<(&str, usize)> {
    let rest = prefix(&line[open + 1..], MAX_LINK_TEXT + 2);
    let close = rest.find("](")?;
    let text = &rest[..close];
    if text.contains('[') {
        return None;
    }
    let target_start = open + 1 + close + 2;
    let target_len = prefix(&line[target_start..], MAX_LINK_TARGET).find(')')?;
    let target = &line[target_start..target_start + target_len];
    if target.contains(' ') && !target.contains('"') {
        return None;
    }
    Some((text, target_start + target_len + 1))
}

/// Link text and targets longer than these are not links; the bound keeps scanning linear on
/// lines full of `[` (a search per bracket over the rest of a long line would be quadratic).
const MAX_LINK_TEXT: usize = 512;
const MAX_LINK_TARGET: usize = 2048;

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// An asterisk or underscore is emphasis when it hugs a word on exactly one side, or is part of a
/// `**`/`__` pair. Underscores inside words (`snake_case`, `@Andre_Damon`) are kept.
fn is_emphasis_marker(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    let prev = i.checked_sub(1).map(|j| bytes[j]);
    let next = bytes.get(i + 1).copied();
    if next == Some(b) || prev == Some(b) {
        return true;
    }
    let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80);
    let space = |c: Option<u8>| c.is_none_or(|c| c.is_ascii_whitespace());
    if b == b'_' {
        return word(prev) != word(next) && !(word(prev) && word(next));
    }
    // Hugging a word on one side only ("*Times", "London*"), or squeezed between punctuation and a
    // word ("(*emphasis*)"); a star between two word characters or two spaces is kept.
    let hugs_one_side = space(prev) != space(next);
    let between_non_words = !(space(prev) || space(next) || word(prev) && word(next));
    hugs_one_side || between_non_words
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_emphasis_and_escapes_are_stripped() {
        assert_eq!(
            strip_inline_markdown("the U.S. envoy [Mara Ionescu](#), at a press briefing"),
            "the U.S. envoy Mara Ionescu, at a press briefing"
        );
        assert_eq!(
            strip_inline_markdown("told the *Times of London* that"),
            "told the Times of London that"
        );
        assert_eq!(
            strip_inline_markdown("another \\$50 billion"),
            "another $50 billion"
        );
        assert_eq!(
            strip_inline_markdown("**[wsws.org/contact](https://wsws.org/contact)**"),
            "wsws.org/contact"
        );
        assert_eq!(strip_inline_markdown("# NATO escalates"), "NATO escalates");
        assert_eq!(strip_inline_markdown("![a map](x.png) Troops"), " Troops");
        // A line of brackets is scanned in linear time and kept as is.
        let brackets = "[".repeat(200_000);
        assert_eq!(strip_inline_markdown(&brackets), brackets);
        assert_eq!(strip_inline_markdown("@Andre_Damon"), "@Andre_Damon");
        assert_eq!(strip_inline_markdown("socialism!**"), "socialism!");
        assert_eq!(strip_inline_markdown("3 * 4 = 12"), "3 * 4 = 12");
        assert_eq!(
            strip_inline_markdown("[not a link] here"),
            "[not a link] here"
        );
    }

    #[test]
    fn link_profile_counts_words_outside_links() {
        assert_eq!(
            link_profile("[VIEW 16 COMMENTS](#) [CONTACT US](#)"),
            (2, 0)
        );
        assert_eq!(
            link_profile("More on these subjects right here: [Moldova](#) [Europe](#)"),
            (2, 6)
        );
    }
}
