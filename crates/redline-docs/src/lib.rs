//! Reading articles into clean [`Document`](redline_model::Document)s.
//!
//! The stages are folders, in pipeline order:
//! - [`read`]: inputs (files, directories, standard input), formats and encodings;
//! - [`clean`]: boilerplate removal and paragraph assembly;
//! - [`meta`]: dates, bylines and header lines;
//! - [`segment`]: sentences and tokens with byte offsets.

pub mod clean;
pub mod meta;
pub mod read;
pub mod segment;

pub use read::{
    Discovered, Input, Outcome, ReadError, ReadOptions, Skip, Source, discover, read_bytes,
    read_source, read_str,
};
