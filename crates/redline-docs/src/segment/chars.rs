//! Character classes shared by the tokenizer and the sentence splitter.
//!
//! The standard library exposes `is_alphabetic`, `is_numeric` and `is_whitespace` but not the
//! Unicode general category, so punctuation and combining marks are recognised here from compact
//! range lists. They cover the scripts news text actually uses; a character they miss falls back
//! to [`Class::Symbol`], which only changes a token's kind, never an invariant.
//!
//! ASCII, which is almost all of English news text, goes through a 128-entry table so the hot
//! loops never decode UTF-8 for it.

/// What a character contributes to tokenization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Alphabetic: starts or continues a word.
    Letter,
    /// Numeric: starts or continues a number (or a word, when mixed with letters).
    Digit,
    /// Combining mark, joiner, variation selector or invisible format character: never starts a
    /// token of its own when something precedes it, because it modifies that previous character
    /// ("e" + U+0301 is one visible "é"; an emoji + U+FE0F is one emoji).
    Extend,
    /// Punctuation: one token per character.
    Punct,
    /// Anything else that is not whitespace: currency, math, emoji, control characters.
    Symbol,
    /// Whitespace as `char::is_whitespace` defines it (the definition `check_layers` uses).
    Space,
}

/// Zero-width joiner: in emoji sequences it glues the next pictograph to the previous one.
pub(super) const ZWJ: char = '\u{200D}';

const fn ascii_table() -> [Class; 128] {
    let mut t = [Class::Symbol; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            Class::Space
        } else if matches!(
            c,
            b'!' | b'"'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b':'
                | b';'
                | b'?'
                | b'['
                | b'\\'
                | b']'
                | b'_'
                | b'{'
                | b'}'
        ) {
            Class::Punct
        } else {
            // `$ % + < = > ^ ` | ~ # @ &` and the control characters. '%' is a Symbol (not
            // Unicode's Po) so that "10%" reads as number + unit sign, like "$10".
            Class::Symbol
        };
        b += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_table();

/// Class of `c`.
#[inline]
pub(super) fn classify(c: char) -> Class {
    let cp = c as u32;
    if cp < 128 {
        return ASCII[cp as usize];
    }
    classify_non_ascii(c)
}

#[cold]
fn classify_non_ascii(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_extend(c) {
        Class::Extend
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else if is_punct(c) {
        Class::Punct
    } else if (0x0370..0x2000).contains(&(c as u32)) {
        // Inside the alphabetic-script blocks, a character that is neither a letter, a digit nor
        // listed punctuation is almost always a non-spacing mark (Indic viramas and nuktas, Hebrew
        // and Arabic points, Thai tone marks) that must stay with its word.
        Class::Extend
    } else {
        Class::Symbol
    }
}

/// Combining marks and invisible format characters that attach to the preceding character.
fn is_extend(c: char) -> bool {
    matches!(c as u32,
        0x00AD // soft hyphen: invisible, sits inside words
        | 0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF
        | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5
        | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200B..=0x200F // zero-width space, ZWNJ, ZWJ, direction marks
        | 0x202A..=0x202E
        | 0x2060..=0x206F
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F // variation selectors (emoji vs text presentation)
        | 0xFE20..=0xFE2F
        | 0xFEFF
        | 0x1F3FB..=0x1F3FF // emoji skin tones
        | 0xE0000..=0xE0FFF // tags and supplementary variation selectors
    )
}

/// Unicode punctuation (general category P*) outside ASCII, except the per-mille signs, which are
/// Symbols like '%'.
fn is_punct(c: char) -> bool {
    matches!(c as u32,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x037E | 0x0387
        | 0x055A..=0x055F | 0x0589..=0x058A
        | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3..=0x05F4
        | 0x0609..=0x060A | 0x060C..=0x060D | 0x061B | 0x061D..=0x061F | 0x066A..=0x066D | 0x06D4
        | 0x0964..=0x0965 | 0x0970
        | 0x0E4F | 0x0E5A..=0x0E5B
        | 0x10FB | 0x1361..=0x1368 | 0x166E | 0x16EB..=0x16ED
        | 0x17D4..=0x17D6 | 0x17D8..=0x17DA | 0x1800..=0x180A
        | 0x2010..=0x2027 // dashes, quotes, bullets, ellipsis
        | 0x2032..=0x2043
        | 0x2045..=0x2051
        | 0x2053..=0x205E
        | 0x207D..=0x207E | 0x208D..=0x208E
        | 0x2308..=0x230B | 0x2329..=0x232A
        | 0x2768..=0x2775 | 0x27C5..=0x27C6 | 0x27E6..=0x27EF
        | 0x2983..=0x2998 | 0x29D8..=0x29DB | 0x29FC..=0x29FD
        | 0x2CF9..=0x2CFC | 0x2CFE..=0x2CFF | 0x2E00..=0x2E7F
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x3030 | 0x303D | 0x30A0 | 0x30FB
        | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68 | 0xFE6A..=0xFE6B
        | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A..=0xFF1B | 0xFF1F..=0xFF20
        | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65
    )
}

/// Regional indicator letters: two of them make one flag emoji.
#[inline]
pub(super) fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// The character starting at byte `i` (a char boundary, `i < text.len()`) and its length.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        // Only reached for non-ASCII; the fallback is unreachable for a char boundary but keeps
        // the function total.
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        (c, c.len_utf8())
    }
}

/// If a whitespace character starts at byte `i`, its length and whether it breaks the line.
///
/// Lead bytes are checked before decoding: every non-ASCII whitespace character starts with
/// 0xC2, 0xE1, 0xE2 or 0xE3, so other text skips the decode entirely.
#[inline]
pub(super) fn space_at(text: &str, i: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes()[i];
    match b {
        b' ' | b'\t' => Some((1, false)),
        b'\n' | b'\r' | 0x0B | 0x0C => Some((1, true)),
        0xC2 | 0xE1 | 0xE2 | 0xE3 => {
            let (c, len) = char_at(text, i);
            // NEL and the Unicode line/paragraph separators end a line like '\n' does.
            c.is_whitespace()
                .then_some((len, matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')))
        }
        _ => None,
    }
}

/// Sentence-final punctuation.
#[inline]
pub(super) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '‽' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// Characters that close a quotation or parenthesis and so stay with the sentence they end
/// (`he said.” Next`). ASCII quotes are ambiguous; at the end of a chunk they can only close.
#[inline]
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '〕'
            | '】'
            | '〉'
            | '》'
    )
}

/// Characters that open a quotation or parenthesis: a sentence may begin with them, and the
/// character after them decides whether it really does.
#[inline]
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '〔'
            | '【'
            | '〈'
            | '《'
    )
}

/// Characters that continue the current sentence when they follow terminal punctuation and a
/// space: closing marks, separators and further terminal punctuation ("Wait. . . no").
#[inline]
pub(super) fn is_continuation(c: char) -> bool {
    is_closer(c) || is_terminal(c) || matches!(c, ',' | ';' | ':' | '%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_at_agrees_with_std_for_every_char() {
        let mut buf = [0u8; 4];
        for cp in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(space_at(s, 0).is_some(), c.is_whitespace(), "{cp:#X}");
            assert_eq!(classify(c) == Class::Space, c.is_whitespace(), "{cp:#X}");
            if let Some((len, _)) = space_at(s, 0) {
                assert_eq!(len, s.len());
            }
        }
    }

    #[test]
    fn line_breaks_are_recognised() {
        for s in [
            "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        ] {
            assert_eq!(space_at(s, 0).map(|x| x.1), Some(true), "{s:?}");
        }
        for s in [" ", "\t", "\u{A0}", "\u{3000}", "\u{2009}"] {
            assert_eq!(space_at(s, 0).map(|x| x.1), Some(false), "{s:?}");
        }
    }

    #[test]
    fn classes_of_common_characters() {
        for (c, class) in [
            ('a', Class::Letter),
            ('é', Class::Letter),
            ('Ж', Class::Letter),
            ('7', Class::Digit),
            ('\u{301}', Class::Extend),
            ('\u{FE0F}', Class::Extend),
            ('.', Class::Punct),
            ('“', Class::Punct),
            ('—', Class::Punct),
            ('–', Class::Punct),
            ('•', Class::Punct),
            ('…', Class::Punct),
            ('$', Class::Symbol),
            ('%', Class::Symbol),
            ('€', Class::Symbol),
            ('😀', Class::Symbol),
            ('\0', Class::Symbol),
        ] {
            assert_eq!(classify(c), class, "{c:?}");
        }
    }
}
