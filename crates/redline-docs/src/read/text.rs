//! Plain text and Markdown pages: title, byline and date come from the header lines.

use redline_model::{ArticleMeta, SourceFormat};

use super::{Context, Outcome, decode::decode, finish};
use crate::clean::{CleanOptions, Header, clean};

pub(crate) fn read(
    ctx: &Context<'_>,
    bytes: &[u8],
    format: SourceFormat,
    sink: &mut dyn FnMut(Outcome),
) {
    let (text, how) = match decode(bytes, None) {
        Ok(decoded) => decoded,
        Err(e) => return sink(ctx.skip(None, e)),
    };
    if let Some(warning) = ctx.warn_decoding(how) {
        sink(warning);
    }
    // The header is read by the cleaner; metadata is filled from it after cleaning.
    let cleaned = clean(&text, CleanOptions::PAGE_TEXT);
    let meta = meta_from_header(&cleaned.header);
    finish(ctx, None, ctx.doc_id(None), format, meta, cleaned, sink);
}

fn meta_from_header(header: &Header) -> ArticleMeta {
    ArticleMeta {
        title: header.title.clone(),
        authors: header
            .byline
            .as_ref()
            .map(|b| b.authors.clone())
            .unwrap_or_default(),
        publisher: header.byline.as_ref().and_then(|b| b.publisher.clone()),
        url: None,
        published: header.date,
        language: None,
    }
}
