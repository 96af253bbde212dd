use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Invariant (checked by [`crate::Document::check_layers`]): `start <= end <= text.len()` and both
/// ends are UTF-8 character boundaries of the text the span belongs to. Offsets are `u32` because
/// readers refuse documents larger than 4 GiB long before that matters, and layers of millions of
/// tokens stay half the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` offsets.
    ///
    /// # Panics
    /// If `start > end` or `end` does not fit in `u32`; both are programming errors, since readers
    /// cap document size well below 4 GiB.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span start {start} is after its end {end}");
        let end = u32::try_from(end).expect("document larger than 4 GiB");
        Span {
            start: start as u32,
            end,
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is out of range or not on character boundaries of `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
