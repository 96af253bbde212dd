//! Redline's data model.
//!
//! A [`Document`] owns its cleaned text and flat layers (tokens, sentences; later stages add
//! mentions and events). Every position inside a document is a [`Span`]: a half-open byte range
//! into [`Document::text`] whose ends lie on UTF-8 character boundaries. Layers refer to each other
//! by index ranges, never by pointers, so a document can be stored, cloned and sent across threads
//! as plain data.
//!
//! The invariants are stated on each type and checked as a whole by [`Document::check_layers`],
//! which property tests call on every document the readers produce.

mod claim;
mod codes;
mod date;
mod document;
mod event;
mod span;

pub use claim::{ClaimKind, ClaimRecord, Qualifier, group_digits};
pub use codes::{ActorCode, CameoCode, CodeError};
pub use date::{DatePrecision, PartialDate};
pub use document::{
    ArticleMeta, DocId, Document, LayerError, Origin, Sentence, SourceFormat, Token, TokenKind,
};
pub use event::{Attribution, EventRecord, Evidence, Modality, Participant, Plover, Polarity};
pub use span::Span;
