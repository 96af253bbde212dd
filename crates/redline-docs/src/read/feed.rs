//! RSS and Atom feeds (`feed-rs`): one document per item. An item's id is its link (stable across
//! feed refreshes), else its guid, else the feed path and item number.

use redline_model::{ArticleMeta, DocId, PartialDate, SourceFormat};

use super::html::fragment_text;
use super::{Context, Outcome, ReadError, finish};
use crate::clean::{CleanOptions, clean};
use crate::meta::parse_date;

pub(crate) fn read(ctx: &Context<'_>, bytes: &[u8], sink: &mut dyn FnMut(Outcome)) {
    if super::sniff(bytes) != SourceFormat::Feed {
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
    let local_dates = item_dates_as_written(&String::from_utf8_lossy(bytes));
    let local_dates = (local_dates.len() == feed.entries.len()).then_some(local_dates);
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
            published: local_dates.as_ref().and_then(|dates| dates[i]).or_else(|| {
                entry
                    .published
                    .or(entry.updated)
                    .map(|d| PartialDate::day(d.date_naive()))
            }),
            language: feed.language.clone(),
        };
        let mut cleaned = clean(&fragment_text(&body), CleanOptions::EXTRACTED);
        cleaned.drop_leading_title(meta.title.as_deref());
        finish(ctx, item, id, SourceFormat::Feed, meta, cleaned, sink);
    }
}

/// Each item's date as the feed writes it, in item order. feed-rs converts dates to UTC, which
/// moves "Tue, 25 Mar 2025 23:30:00 -0500" to 26 March; the publisher's own calendar day is the one
/// that relative dates in the text ("on Tuesday") count from.
fn item_dates_as_written(xml: &str) -> Vec<Option<PartialDate>> {
    let mut dates = Vec::new();
    let mut rest = xml;
    while let Some((block, after)) = next_item(rest) {
        let date = ["pubDate", "published", "dc:date", "updated"]
            .iter()
            .find_map(|tag| element_text(block, tag))
            .and_then(|text| parse_date(text.trim()));
        dates.push(date);
        rest = after;
    }
    dates
}

/// The next `<item>` or `<entry>` element: its inside, and the text after it.
fn next_item(xml: &str) -> Option<(&str, &str)> {
    let (start, tag) = ["<item", "<entry"]
        .iter()
        .filter_map(|open| {
            let mut from = 0;
            // Skip "<items>" or "<entryPoint>": the tag name must end at '>' or a space.
            while let Some(at) = xml[from..].find(open) {
                let at = from + at;
                match xml.as_bytes().get(at + open.len()) {
                    Some(b'>' | b' ' | b'\n' | b'\t' | b'\r') => return Some((at, &open[1..])),
                    _ => from = at + open.len(),
                }
            }
            None
        })
        .min_by_key(|(at, _)| *at)?;
    let close = format!("</{tag}>");
    let end = xml[start..].find(&close).map_or(xml.len(), |e| start + e);
    Some((&xml[start..end], &xml[(end + close.len()).min(xml.len())..]))
}

fn element_text<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = block.find(&open)? + open.len();
    let end = block[start..].find("</")? + start;
    Some(&block[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_dates_keep_the_publishers_calendar_day() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
            <item><title>A</title><link>https://example.org/a</link><pubDate>Tue, 25 Mar 2025 23:30:00 -0500</pubDate><description>&lt;p&gt;Russia warned Moldova on Tuesday.&lt;/p&gt;</description></item>\
            <item><title>B</title><link>https://example.org/b</link><description>&lt;p&gt;No date here at all.&lt;/p&gt;</description></item>\
            </channel></rss>";
        let dates = item_dates_as_written(rss);
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].unwrap().to_string(), "2025-03-25");
        assert_eq!(dates[1], None);
        let doc = crate::read_str("feed", redline_model::SourceFormat::Feed, rss).unwrap();
        assert_eq!(doc.meta.published.unwrap().to_string(), "2025-03-25");
    }
}
