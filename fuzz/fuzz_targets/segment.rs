//! Segments arbitrary UTF-8 text.
//!
//! The layers must satisfy `Document::check_layers`, and every non-whitespace character must lie
//! inside some sentence (the segmenter drops nothing but whitespace).
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline_docs::segment::segment;
use redline_model::{ArticleMeta, DocId, Document, Origin, SourceFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    segment(text, &mut sentences, &mut tokens);

    let doc = Document {
        id: DocId("fuzz-input".to_string()),
        format: SourceFormat::Text,
        origin: Origin::default(),
        meta: ArticleMeta::default(),
        text: text.to_string(),
        sentences,
        tokens,
    };
    if let Err(error) = doc.check_layers() {
        panic!("layer invariant broken: {error}\ntext: {text:?}");
    }

    // Sentences are in order and do not overlap (checked above), so one forward pass suffices.
    let mut spans = doc.sentences.iter().map(|s| s.span).peekable();
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while spans.next_if(|span| (span.end as usize) <= at).is_some() {}
        let covered = spans.peek().is_some_and(|span| (span.start as usize) <= at);
        assert!(
            covered,
            "{c:?} at byte {at} lies outside every sentence\ntext: {text:?}\nsentences: {:?}",
            doc.sentences
        );
    }
});
