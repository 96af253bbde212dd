use thiserror::Error;

/// Why an input, or one document in it, was skipped.
///
/// Every variant reads as the second half of `FILE[:LINE]: ...`, so a skip line names the input,
/// the line or item where that applies, and the field where that applies.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The operating system refused to read it.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// Larger than the size limit.
    #[error("{size} bytes is over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// Size of the input (or of the JSON line).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Nothing in it.
    #[error("empty input")]
    Empty,
    /// Not text at all.
    #[error("binary data, not text (NUL byte at offset {offset})")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// Bytes that are not valid in the encoding the input declares (JSON Lines: UTF-8).
    #[error("invalid {encoding} at byte {offset}")]
    BadEncoding {
        /// The declared encoding.
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A JSON line that does not parse.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// A JSON line without a required field.
    #[error("missing required field `{0}`")]
    MissingField(&'static str),
    /// A field with the wrong type or an unreadable value.
    #[error("field `{field}`: {message}")]
    BadField {
        /// The field name.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// A feed that does not parse (truncated, not RSS/Atom).
    #[error("unreadable RSS/Atom feed: {0}")]
    Feed(String),
    /// An `.xml` file that is neither RSS nor Atom.
    #[error("XML that is not an RSS or Atom feed")]
    NotAFeed,
    /// The document has no article text once boilerplate is removed.
    #[error("no article text found")]
    NoText,
}
