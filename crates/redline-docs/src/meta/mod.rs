//! Metadata stage: reading publication dates, bylines and header lines from free text.
//!
//! These parsers are shared by every reader: a text file's date line, a JSON Lines `date` field, an
//! HTML `<time>` value and a feed's `pubDate` all go through [`parse_date`].

mod byline;
mod date;

pub use byline::{Byline, parse_byline};
pub use date::{is_relative_time, parse_date};
