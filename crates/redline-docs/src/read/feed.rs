//! RSS and Atom feeds (`feed-rs`): one document per item. An item's id is its link (stable across
//! feed refreshes), else its guid, else the feed path and item number.

use redline_model::{ArticleMeta, DocId, PartialDate, SourceFormat};

use super::html::fragment_text;
use super::{Context, Outcome, ReadError, finish};
use crate::clean::{CleanOptions, clean};

pub(crate) fn read(ctx: &Context<'_>, bytes: &[u8], sink: &mut dyn FnMut(Outcome)) {
    let head = &bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let looks_like_feed = [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
        .iter()
        .any(|n| super::decode::find(head, n).is_some());
    if !looks_like_feed {
        if let Err(e) = super::decode::check_not_binary(bytes) {
            return sink(ctx.skip(None, e));
        }
        return sink(ctx.skip(None, ReadError::NotAFeed));
    }
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => return sink(ctx.skip(None, ReadError::Feed(e.to_string()))),
    };
    let publisher = feed.title.as_ref().map(|t| t.content.trim().to_string());
    if feed.entries.is_empty() {
        return sink(ctx.skip(None, ReadError::Feed("the feed has no items".into())));
    }
    for (i, entry) in feed.entries.iter().enumerate() {
        let item = Some(i + 1);
        let link = entry.links.first().map(|l| l.href.clone());
        let id = match (&link, entry.id.is_empty()) {
            (Some(link), _) => DocId(link.clone()),
            (None, false) => DocId(entry.id.clone()),
            (None, true) => ctx.doc_id(item),
        };
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let meta = ArticleMeta {
            title: entry
                .title
                .as_ref()
                .map(|t| fragment_text(&t.content).trim().to_string()),
            authors: entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(str::trim))
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect(),
            publisher: publisher.clone().filter(|p| !p.is_empty()),
            url: link,
            published: entry
                .published
                .or(entry.updated)
                .map(|d| PartialDate::day(d.date_naive())),
            language: feed.language.clone(),
        };
        let mut cleaned = clean(&fragment_text(&body), CleanOptions::EXTRACTED);
        cleaned.drop_leading_title(meta.title.as_deref());
        finish(ctx, item, id, SourceFormat::Feed, meta, cleaned, sink);
    }
}
