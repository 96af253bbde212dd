//! Read stage: from command-line inputs to [`Document`]s.
//!
//! [`discover`] expands paths (directories recursively, by extension) into [`Source`]s;
//! [`read_source`] reads one source, which may hold many documents (JSON Lines, feeds), and
//! reports each document, skip and warning to a callback as soon as it is ready, so a JSON Lines
//! stream on standard input is processed line by line.
//!
//! Sources are independent, so callers may read them in parallel.

mod decode;
mod error;
mod feed;
mod html;
mod jsonl;
mod text;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use redline_model::{ArticleMeta, DocId, Document, Origin, SourceFormat};

pub use decode::Decoding;
pub use error::ReadError;

use crate::clean::{Cleaned, Removed};
use crate::segment;

/// Limits and choices for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file, or JSON line, to read, in bytes.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// One command-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or directory.
    Path(PathBuf),
    /// Standard input, written `-`.
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else is a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Something to read: a file found by [`discover`], or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The format its extension names, if it names one.
    pub format: Option<SourceFormat>,
}

impl Source {
    /// How the source is named in messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }
}

/// A document, file or line that could not be read, and why.
#[derive(Debug)]
pub struct Skip {
    /// The file (`<stdin>` for standard input).
    pub source: String,
    /// 1-based line (JSON Lines) or item (feeds), where the skip concerns one document.
    pub item: Option<usize>,
    /// Why.
    pub error: ReadError,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.item {
            Some(n) => write!(f, "{}:{}: {}", self.source, n, self.error),
            None => write!(f, "{}: {}", self.source, self.error),
        }
    }
}

/// What reading a source produces, one at a time.
#[derive(Debug)]
pub enum Outcome {
    /// A cleaned, segmented document, with the lines the cleaner removed from it and why.
    Document {
        /// The document.
        doc: Box<Document>,
        /// Removed lines (title, byline and date lines included), in input order.
        removed: Vec<Removed>,
    },
    /// A document or a whole source that was skipped.
    Skipped(Skip),
    /// Something the user should know that did not stop reading (a guessed encoding).
    Warning {
        /// The source.
        source: String,
        /// What happened.
        message: String,
    },
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Sources to read, in a stable order (arguments in order, directory entries sorted).
    pub sources: Vec<Source>,
    /// Inputs that cannot be read at all (missing paths, unreadable directories).
    pub skipped: Vec<Skip>,
    /// Files inside directories passed over because their extension is not a supported format.
    pub ignored: usize,
}

/// The format a file extension names, if any. Directory walks read only these.
pub fn format_for_extension(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => SourceFormat::Text,
        "md" | "markdown" => SourceFormat::Markdown,
        "html" | "htm" | "xhtml" => SourceFormat::Html,
        "jsonl" | "ndjson" => SourceFormat::Jsonl,
        "rss" | "atom" | "xml" => SourceFormat::Feed,
        _ => return None,
    })
}

/// Expands inputs into sources. A file named explicitly is read whatever its extension (its
/// format is then sniffed); inside directories only supported extensions are read and hidden
/// entries are passed over.
pub fn discover(inputs: &[Input]) -> Discovered {
    let mut found = Discovered::default();
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                found.sources.push(Source {
                    path: None,
                    format: None,
                });
                continue;
            }
            Input::Path(p) => p,
        };
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => match format_for_extension(e.path()) {
                        Some(format) => found.sources.push(Source {
                            path: Some(e.into_path()),
                            format: Some(format),
                        }),
                        None => found.ignored += 1,
                    },
                    Ok(_) => {}
                    Err(e) => found.skipped.push(Skip {
                        source: e.path().map_or_else(
                            || path.display().to_string(),
                            |p| p.display().to_string(),
                        ),
                        item: None,
                        error: ReadError::Io(e.into()),
                    }),
                }
            }
        } else if path.exists() {
            found.sources.push(Source {
                path: Some(path.clone()),
                format: format_for_extension(path),
            });
        } else {
            found.skipped.push(Skip {
                source: path.display().to_string(),
                item: None,
                error: ReadError::NotFound,
            });
        }
    }
    found
}

/// Reads one source, reporting every document, skip and warning to `sink` in input order.
pub fn read_source(source: &Source, options: &ReadOptions, sink: &mut dyn FnMut(Outcome)) {
    let name = source.name();
    let skip_whole = |sink: &mut dyn FnMut(Outcome), error: ReadError| {
        sink(Outcome::Skipped(Skip {
            source: name.clone(),
            item: None,
            error,
        }))
    };
    let reader: Box<dyn Read> = match &source.path {
        Some(path) => match File::open(path) {
            Ok(file) => {
                let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                // JSON Lines files may be any size: the limit applies to each line instead.
                if size > options.max_bytes && source.format != Some(SourceFormat::Jsonl) {
                    return skip_whole(
                        sink,
                        ReadError::TooLarge {
                            size,
                            limit: options.max_bytes,
                        },
                    );
                }
                Box::new(file)
            }
            Err(e) => return skip_whole(sink, ReadError::Io(e)),
        },
        None => Box::new(io::stdin()),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let format = match source.format {
        Some(format) => format,
        None => match reader.fill_buf() {
            Ok(head) => sniff(head),
            Err(e) => return skip_whole(sink, ReadError::Io(e)),
        },
    };
    let ctx = Context {
        name: &name,
        path: source.path.as_deref(),
        options,
    };
    if format == SourceFormat::Jsonl {
        return jsonl::read(&ctx, reader, sink);
    }
    match read_limited(reader, options.max_bytes) {
        Ok(bytes) => read_loaded(&ctx, format, &bytes, sink),
        Err(e) => skip_whole(sink, e),
    }
}

/// Dispatches bytes already in memory to their format's reader.
fn read_loaded(
    ctx: &Context<'_>,
    format: SourceFormat,
    bytes: &[u8],
    sink: &mut dyn FnMut(Outcome),
) {
    if format != SourceFormat::Jsonl && bytes.iter().all(u8::is_ascii_whitespace) {
        return sink(ctx.skip(None, ReadError::Empty));
    }
    match format {
        SourceFormat::Html => html::read(ctx, bytes, sink),
        SourceFormat::Feed => feed::read(ctx, bytes, sink),
        SourceFormat::Jsonl => jsonl::read(ctx, bytes, sink),
        SourceFormat::Text | SourceFormat::Markdown => text::read(ctx, bytes, format, sink),
    }
}

/// What every format reader needs to know about its source.
pub(crate) struct Context<'a> {
    pub name: &'a str,
    pub path: Option<&'a Path>,
    pub options: &'a ReadOptions,
}

impl Context<'_> {
    pub fn skip(&self, item: Option<usize>, error: ReadError) -> Outcome {
        Outcome::Skipped(Skip {
            source: self.name.to_string(),
            item,
            error,
        })
    }

    pub fn warn_decoding(&self, how: Decoding) -> Option<Outcome> {
        match how {
            Decoding::Guessed(encoding) => Some(Outcome::Warning {
                source: self.name.to_string(),
                message: format!(
                    "not UTF-8 and no charset declared; read as {} (a guess)",
                    encoding.name()
                ),
            }),
            _ => None,
        }
    }

    /// The document id of the source itself, or of one item in it.
    pub fn doc_id(&self, item: Option<usize>) -> DocId {
        match item {
            Some(n) => DocId(format!("{}#{}", self.name, n)),
            None => DocId(self.name.to_string()),
        }
    }

    pub fn origin(&self, item: Option<usize>) -> Origin {
        Origin {
            path: self.path.map(Path::to_path_buf),
            item,
        }
    }
}

/// Reads at most `limit` bytes; more is an error rather than a silent truncation.
fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Guesses the format of an input without a telling extension from its first bytes.
pub fn sniff(head: &[u8]) -> SourceFormat {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 1024)];
    match head.first() {
        Some(b'{') => SourceFormat::Jsonl,
        Some(b'<') => {
            let lower = head.to_ascii_lowercase();
            let has = |needle: &[u8]| decode::find(&lower, needle).is_some();
            if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
                SourceFormat::Feed
            } else {
                SourceFormat::Html
            }
        }
        _ => SourceFormat::Text,
    }
}

/// Segments cleaned text into a finished document; `None` when no text is left.
pub(crate) fn build_document(
    id: DocId,
    format: SourceFormat,
    origin: Origin,
    meta: ArticleMeta,
    text: String,
) -> Option<Document> {
    if text.is_empty() {
        return None;
    }
    let mut doc = Document {
        id,
        format,
        origin,
        meta,
        text,
        sentences: Vec::new(),
        tokens: Vec::new(),
    };
    segment::segment(&doc.text, &mut doc.sentences, &mut doc.tokens);
    Some(doc)
}

/// Segments text that a format reader extracted and cleaned, emitting the document or a skip.
pub(crate) fn finish(
    ctx: &Context<'_>,
    item: Option<usize>,
    id: DocId,
    format: SourceFormat,
    meta: ArticleMeta,
    cleaned: Cleaned,
    sink: &mut dyn FnMut(Outcome),
) {
    match build_document(id, format, ctx.origin(item), meta, cleaned.text) {
        Some(doc) => sink(Outcome::Document {
            doc: Box::new(doc),
            removed: cleaned.removed,
        }),
        None => sink(ctx.skip(item, ReadError::NoText)),
    }
}

/// Reads in-memory bytes in the given format, reporting to `sink` exactly as [`read_source`]
/// does for a file called `name`. For fuzzing, benchmarks and callers that hold text already.
pub fn read_bytes(
    name: &str,
    format: SourceFormat,
    bytes: &[u8],
    options: &ReadOptions,
    sink: &mut dyn FnMut(Outcome),
) {
    let ctx = Context {
        name,
        path: None,
        options,
    };
    if bytes.len() as u64 > options.max_bytes && format != SourceFormat::Jsonl {
        return sink(ctx.skip(
            None,
            ReadError::TooLarge {
                size: bytes.len() as u64,
                limit: options.max_bytes,
            },
        ));
    }
    read_loaded(&ctx, format, bytes, sink);
}

/// Reads one string as one document (the first, for multi-document formats).
pub fn read_str(name: &str, format: SourceFormat, text: &str) -> Result<Document, ReadError> {
    let mut result = Err(ReadError::NoText);
    let mut found = false;
    read_bytes(
        name,
        format,
        text.as_bytes(),
        &ReadOptions::default(),
        &mut |outcome| {
            if found {
                return;
            }
            match outcome {
                Outcome::Document { doc, .. } => {
                    result = Ok(*doc);
                    found = true;
                }
                Outcome::Skipped(skip) => {
                    result = Err(skip.error);
                    found = true;
                }
                Outcome::Warning { .. } => {}
            }
        },
    );
    result
}
