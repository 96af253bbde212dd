//! JSON Lines: one document per line, `{"id", "text", "date"?, "title"?, "url"?, "publisher"?,
//! "authors"?, "language"?}`. Other fields are ignored, so research batches can carry their own.
//!
//! Lines are read one at a time, so a stream of any length is processed in constant memory; the
//! size limit applies to each line. A bad line is a skip naming its line number; the lines after
//! it are still read.

use std::io::BufRead;

use redline_model::{ArticleMeta, DocId, SourceFormat};
use serde_json::{Map, Value};

use super::{Context, Outcome, ReadError, finish};
use crate::clean::{CleanOptions, clean};
use crate::meta::parse_date;

pub(crate) fn read(ctx: &Context<'_>, mut reader: impl BufRead, sink: &mut dyn FnMut(Outcome)) {
    let limit = ctx.options.max_bytes;
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut any = false;
    loop {
        number += 1;
        line.clear();
        match read_line_limited(&mut reader, &mut line, limit) {
            Ok(LineRead::Eof) => break,
            Ok(LineRead::TooLong(size)) => {
                any = true;
                sink(ctx.skip(Some(number), ReadError::TooLarge { size, limit }));
                continue;
            }
            Ok(LineRead::Line) => {}
            Err(e) => return sink(ctx.skip(Some(number), ReadError::Io(e))),
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        // A byte-order mark may open the file; it is not part of the first record.
        let record = match number {
            1 => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line),
            _ => &line,
        };
        match parse_record(ctx, record, number) {
            Ok((id, meta, text, date_problem)) => {
                if let Some(message) = date_problem {
                    sink(Outcome::Warning {
                        source: format!("{}:{number}", ctx.name),
                        message,
                    });
                }
                let cleaned = clean(&text, CleanOptions::VERBATIM);
                finish(
                    ctx,
                    Some(number),
                    id,
                    SourceFormat::Jsonl,
                    meta,
                    cleaned,
                    sink,
                );
            }
            Err(e) => sink(ctx.skip(Some(number), e)),
        }
    }
    if !any {
        sink(ctx.skip(None, ReadError::Empty));
    }
}

enum LineRead {
    Line,
    TooLong(u64),
    Eof,
}

/// Reads one line into `buf` without ever holding more than `limit` bytes of it.
fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<LineRead> {
    let mut total = 0u64;
    let mut too_long = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(match (total, too_long) {
                (0, _) => LineRead::Eof,
                (n, true) => LineRead::TooLong(n),
                _ => LineRead::Line,
            });
        }
        let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        total += used as u64;
        if !too_long {
            if total > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..used]);
            }
        }
        reader.consume(used);
        if done {
            return Ok(if too_long {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

fn parse_record(
    ctx: &Context<'_>,
    line: &[u8],
    number: usize,
) -> Result<(DocId, ArticleMeta, String, Option<String>), ReadError> {
    let line = std::str::from_utf8(line).map_err(|e| ReadError::BadEncoding {
        encoding: "UTF-8",
        offset: e.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // serde numbers lines inside the text it was given, which is always "line 1" here; the
        // skip already names the file's line, so only the column is worth keeping.
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        ReadError::Json(format!("{message} at column {}", e.column()))
    })?;
    let Value::Object(record) = value else {
        return Err(ReadError::Json("a line must hold a JSON object".into()));
    };
    let text = string_field(&record, "text")?.ok_or(ReadError::MissingField("text"))?;
    let id = match record.get("id") {
        None | Some(Value::Null) => ctx.doc_id(Some(number)),
        Some(Value::String(s)) if !s.is_empty() => DocId(s.clone()),
        Some(Value::Number(n)) => DocId(n.to_string()),
        Some(_) => {
            return Err(ReadError::BadField {
                field: "id",
                message: "must be a non-empty string or a number".into(),
            });
        }
    };
    // An unreadable date costs the date, not the document: the text is still worth coding, and
    // the warning names the line and field so the user can fix the batch.
    let mut date_problem = None;
    let published = match string_field(&record, "date")? {
        None => None,
        Some(date) => {
            let parsed = parse_date(&date);
            if parsed.is_none() {
                date_problem = Some(format!(
                    "field `date`: cannot read {date:?} as a date (use YYYY-MM-DD); the document is read without one"
                ));
            }
            parsed
        }
    };
    let authors = match record.get("authors") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ReadError::BadField {
                field: "authors",
                message: "must be a string or a list of strings".into(),
            })?,
        Some(_) => {
            return Err(ReadError::BadField {
                field: "authors",
                message: "must be a string or a list of strings".into(),
            });
        }
    };
    let meta = ArticleMeta {
        title: string_field(&record, "title")?,
        authors,
        publisher: string_field(&record, "publisher")?,
        url: string_field(&record, "url")?,
        published,
        language: string_field(&record, "language")?,
    };
    Ok((id, meta, text, date_problem))
}

fn string_field(
    record: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, ReadError> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(ReadError::BadField {
            field,
            message: format!("must be a string, not {}", json_type(other)),
        }),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
