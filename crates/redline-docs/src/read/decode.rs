//! Bytes to text: byte-order marks, declared charsets, and a guess for undeclared legacy text.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use super::ReadError;

/// How the bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    /// Valid UTF-8 (with or without a byte-order mark).
    Utf8,
    /// A byte-order mark named another Unicode encoding.
    Bom(&'static Encoding),
    /// The document declared this encoding (HTML `<meta charset>`).
    Declared(&'static Encoding),
    /// Not UTF-8 and nothing declared: this encoding was guessed from the bytes.
    Guessed(&'static Encoding),
}

/// Refuses binary data: a NUL byte in the first 8 KiB never occurs in text we can read (UTF-16
/// text has a byte-order mark and is checked before this).
pub(crate) fn check_not_binary(bytes: &[u8]) -> Result<(), ReadError> {
    let head = &bytes[..bytes.len().min(8192)];
    match head.iter().position(|&b| b == 0) {
        Some(offset) => Err(ReadError::Binary { offset }),
        None => Ok(()),
    }
}

/// Decodes `bytes`, honouring a byte-order mark, then a declared encoding, then UTF-8, then a
/// guess. A declared encoding whose bytes are invalid is an error, not a silent repair.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<(Cow<'a, str>, Decoding), ReadError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ReadError::BadEncoding {
                encoding: encoding.name(),
                offset: first_error(encoding, &bytes[bom_len..]) + bom_len,
            });
        }
        let how = if encoding == UTF_8 {
            Decoding::Utf8
        } else {
            Decoding::Bom(encoding)
        };
        return Ok((text, how));
    }
    check_not_binary(bytes)?;
    match declared {
        Some(encoding) if encoding != UTF_8 => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            Ok((text, Decoding::Declared(encoding)))
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Ok((Cow::Borrowed(text), Decoding::Utf8)),
            Err(e) if declared.is_some() => Err(ReadError::BadEncoding {
                encoding: "UTF-8",
                offset: e.valid_up_to(),
            }),
            Err(_) => {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                Ok((text, Decoding::Guessed(encoding)))
            }
        },
    }
}

fn first_error(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
    }
    0
}

/// The charset an HTML page declares in its first 2 KiB (`<meta charset="...">` or the
/// `http-equiv` form).
pub(crate) fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'>' | b'/'))
        .unwrap_or(rest.len());
    // A page cannot declare UTF-16 in ASCII bytes; browsers read such pages as UTF-8, and so do we.
    Encoding::for_label(&rest[..end]).map(|e| {
        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            e
        }
    })
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_declared_legacy_encodings() {
        assert_eq!(decode(b"caf\xc3\xa9", None).unwrap().0, "café");
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", None).unwrap().0, "café");
        let (text, how) =
            decode(b"caf\xe9 \x93quoted\x94", Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(text, "café “quoted”");
        assert_eq!(how, Decoding::Declared(encoding_rs::WINDOWS_1252));
        let (text, how) = decode(b"\xff\xfeh\x00i\x00", None).unwrap();
        assert_eq!(text, "hi");
        assert_eq!(how, Decoding::Bom(encoding_rs::UTF_16LE));
    }

    #[test]
    fn undeclared_legacy_text_is_guessed() {
        let (text, how) = decode(
            b"Le minist\xe8re a d\xe9clar\xe9 que les n\xe9gociations reprendraient.",
            None,
        )
        .unwrap();
        assert!(text.contains("ministère"), "{text}");
        assert!(matches!(how, Decoding::Guessed(_)));
    }

    #[test]
    fn declared_utf8_with_bad_bytes_and_binary_are_errors() {
        assert!(matches!(
            decode(b"ok \xff no", Some(UTF_8)),
            Err(ReadError::BadEncoding { offset: 3, .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00", None),
            Err(ReadError::Binary { offset: 4 })
        ));
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            html_declared_charset(b"<html><head><meta charset=\"windows-1252\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            html_declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(html_declared_charset(b"<p>no charset</p>"), None);
        assert_eq!(
            html_declared_charset(b"<meta charset=\"utf-16\">"),
            Some(UTF_8)
        );
    }
}
