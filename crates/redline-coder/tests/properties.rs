//! Invariants of the coder on arbitrary text: no panics, spans inside the document and the
//! sentence, codes from the table, only known polarity and modality values.

use proptest::prelude::*;
use redline_coder::Coder;
use redline_model::{PartialDate, SourceFormat};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::embedded().0)
}

const WORDS: &[&str] = &[
    "Russia",
    "Ukraine",
    "the",
    "United",
    "States",
    "NATO",
    "attacked",
    "sent",
    "tanks",
    "to",
    "not",
    "will",
    "might",
    "if",
    ",",
    ".",
    "said",
    "that",
    "Russian",
    "troops",
    "shelled",
    "Kyiv",
    "on",
    "Monday",
    "December",
    "10",
    "in",
    "2019",
    "sanctions",
    "against",
    "Iran",
    "imposed",
    "they",
    "it",
    "he",
    "Putin",
    "Biden",
    "and",
    "\"",
    "threatened",
    "nuclear",
    "weapons",
    "by",
    "was",
    "struck",
    "according",
    "citing",
    "officials",
    "Moscow",
    "?",
    "35,000",
    "between",
    "about",
    "at least",
    "$",
    "billion",
    "hundreds of thousands",
    "killed",
    "wounded",
    "-",
    "two",
    "number of",
    "casualties",
    "soldiers",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

fn check(text: &str) {
    let Ok(mut doc) = redline_docs::read_str("prop", SourceFormat::Text, text) else {
        return;
    };
    doc.meta.published = PartialDate::ymd(2023, 1, 8);
    let c = coder();
    let coded = c.code_document(&doc);
    for r in c.records(&doc, "prop", &coded) {
        let s = &doc.sentences[r.sentence_index];
        for p in std::iter::once(&r.source).chain(r.target.as_ref()) {
            assert!(p.span[0] < p.span[1] && p.span[1] as usize <= doc.text.len());
            assert!(
                s.span.start <= p.span[0] && p.span[1] <= s.span.end,
                "{r:?}"
            );
            assert_eq!(&doc.text[p.span[0] as usize..p.span[1] as usize], p.text);
        }
        let info = c
            .lexicon()
            .dict
            .cameo
            .get(&r.cameo)
            .expect("code in the table");
        assert_eq!(info.quad_class, r.quad_class);
        assert_eq!(r.root, &r.cameo[..2]);
        assert!(r.evidence.trigger[0] >= s.span.start && r.evidence.trigger[1] <= s.span.end);
        if let Some(t) = &r.target {
            assert_ne!(t.span, r.source.span);
        }
    }
    // Claims: bounds ordered, finite and non-negative; the number's span inside its sentence
    // and equal to its text; subjects and place inside the sentence too.
    for c in c.claims(&doc, "prop", &coded) {
        let s = &doc.sentences[c.sentence_index];
        assert!(c.low.is_finite() && c.high.is_finite(), "{c:?}");
        assert!(0.0 <= c.low && c.low <= c.high, "{c:?}");
        assert!(s.span.start <= c.span[0] && c.span[0] < c.span[1] && c.span[1] <= s.span.end);
        assert_eq!(
            &doc.text[c.span[0] as usize..c.span[1] as usize],
            c.number_text
        );
        for p in c.subjects.iter().chain(c.location.as_ref()) {
            assert!(
                s.span.start <= p.span[0] && p.span[1] <= s.span.end,
                "{c:?}"
            );
        }
        assert!(c.rule.starts_with(&format!("claim.{}.", c.kind.as_str())));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn coding_word_salad_keeps_every_invariant(text in sentence()) {
        check(&text);
    }

    #[test]
    fn coding_arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check(&text);
    }
}

#[test]
fn absurd_input_codes_in_bounded_time() {
    // A 5 MB "sentence" without punctuation, and control characters.
    let mut text = String::new();
    while text.len() < 5_000_000 {
        text.push_str("Russia attacked Ukraine and NATO sent tanks to Poland while ");
    }
    // Coding is windowed (400 tokens), so this finishes in seconds; a quadratic regression would
    // hang here rather than pass.
    check(&text);
    check(&"\u{1}\u{2}\u{7f} Russia \u{0} attacked \t\r Ukraine".repeat(1000));
}
