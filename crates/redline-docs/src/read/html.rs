//! HTML pages: main text by `trafilatura` (which also reads `<meta>`, OpenGraph and JSON-LD), then
//! the shared boilerplate cleaner over the extracted text. Feed items reuse [`fragment_text`].

use redline_model::{ArticleMeta, PartialDate, SourceFormat};
use scraper::{Html, Node};

use super::decode::{decode, html_declared_charset};
use super::{Context, Outcome, ReadError, finish};
use crate::clean::{CleanOptions, clean};

pub(crate) fn read(ctx: &Context<'_>, bytes: &[u8], sink: &mut dyn FnMut(Outcome)) {
    let declared = html_declared_charset(bytes);
    let (html, how) = match decode(bytes, declared) {
        Ok(decoded) => decoded,
        Err(e) => return sink(ctx.skip(None, e)),
    };
    if let Some(warning) = ctx.warn_decoding(how) {
        sink(warning);
    }
    let options = trafilatura::Options::default()
        .with_exclude_comments(true)
        .with_links(false)
        .with_images(false);
    let extracted = match trafilatura::extract(&html, &options) {
        Ok(result) => result,
        Err(_) => return sink(ctx.skip(None, ReadError::NoText)),
    };
    let m = &extracted.metadata;
    let meta = ArticleMeta {
        title: non_empty(&m.title),
        authors: m
            .author
            .split("; ")
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
        publisher: non_empty(&m.sitename),
        url: non_empty(&m.url),
        published: m.date.map(PartialDate::day),
        language: non_empty(&m.language),
    };
    // The extracted HTML keeps paragraph boundaries that `content_text` sometimes flattens into
    // one line, and the line-based cleaner needs them.
    let body = match fragment_text(&extracted.content_html) {
        text if text.trim().is_empty() => extracted.content_text.clone(),
        text => text,
    };
    let mut cleaned = clean(&body, CleanOptions::EXTRACTED);
    cleaned.drop_leading_title(meta.title.as_deref());
    finish(
        ctx,
        None,
        ctx.doc_id(None),
        SourceFormat::Html,
        meta,
        cleaned,
        sink,
    );
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Text of an HTML fragment (a feed item's body): block elements become paragraphs, `<br>` and
/// list items become lines, scripts and styles are dropped.
pub(crate) fn fragment_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    let mut out = String::with_capacity(fragment.len());
    for edge in doc.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    let skipped = node.ancestors().any(|a| {
                        a.value()
                            .as_element()
                            .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript"))
                    });
                    if !skipped {
                        out.push_str(text);
                    }
                }
                Node::Element(e) => match e.name() {
                    "br" => out.push('\n'),
                    "li" => out.push_str("\n- "),
                    // Cells of a row stay on one line but must not run together ("Kyiv12").
                    "td" | "th" => out.push(' '),
                    _ => {}
                },
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value()
                    && is_block(e.name())
                {
                    out.push_str("\n\n");
                }
            }
        }
    }
    out
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "table"
            | "tr"
            | "dt"
            | "dd"
            | "figure"
            | "header"
            | "footer"
            | "pre"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_blocks_become_paragraphs() {
        let text = fragment_text(
            "<p>First <b>bold</b> line.</p><p>Second.<br>Third</p><ul><li>a</li><li>b</li></ul><script>x()</script>",
        );
        let cleaned = clean(&text, CleanOptions::VERBATIM).text;
        assert_eq!(cleaned, "First bold line.\n\nSecond.\nThird\n\n- a\n- b");
        let table = fragment_text(
            "<table><tr><td>Kyiv</td><td>12</td></tr><tr><td>Kharkiv</td><td>7</td></tr></table>",
        );
        assert_eq!(
            clean(&table, CleanOptions::VERBATIM).text,
            "Kyiv 12\n\nKharkiv 7"
        );
    }
}
