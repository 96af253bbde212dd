//! What every `read_*` target shares: read the input in one format and check each document.

use redline_docs::{Outcome, ReadOptions, read_bytes};
use redline_model::SourceFormat;

/// Inputs above this are skipped by the reader as too large, which is not worth fuzzing past.
const MAX_BYTES: u64 = 1024 * 1024;

/// Reads `data` as `format`; panics if a document breaks a layer invariant.
///
/// Skips and warnings are expected outcomes for arbitrary bytes and are ignored; a panic inside
/// the reader is a finding in itself.
pub fn read_and_check(format: SourceFormat, data: &[u8]) {
    let options = ReadOptions {
        max_bytes: MAX_BYTES,
    };
    read_bytes("fuzz-input", format, data, &options, &mut |outcome| {
        if let Outcome::Document { doc, .. } = outcome {
            if let Err(error) = doc.check_layers() {
                panic!(
                    "{} document {} breaks a layer invariant: {error}\ntext: {:?}",
                    format.as_str(),
                    doc.id,
                    doc.text
                );
            }
        }
    });
}
