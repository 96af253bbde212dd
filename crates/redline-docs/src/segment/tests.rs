//! Sentence cases from news text, and property tests of the layer invariants.

use proptest::prelude::*;
use redline_model::{
    ArticleMeta, DocId, Document, Origin, Sentence, SourceFormat, Span, Token, TokenKind,
};

use super::{segment, split_sentences, tokenize};

/// The sentences of `text`, as text.
fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|s| s.slice(text))
        .collect()
}

/// Segments `text` into a document and checks every invariant; returns the document.
fn checked(text: &str) -> Document {
    let mut doc = Document {
        id: DocId("t".into()),
        format: SourceFormat::Text,
        origin: Origin::default(),
        meta: ArticleMeta::default(),
        text: text.into(),
        sentences: Vec::new(),
        tokens: Vec::new(),
    };
    segment(text, &mut doc.sentences, &mut doc.tokens);
    assert_invariants(&doc);
    doc
}

/// Everything the module promises about its output, beyond `check_layers`.
fn assert_invariants(doc: &Document) {
    let text = doc.text.as_str();
    if let Err(e) = doc.check_layers() {
        panic!("check_layers failed on {text:?}: {e}");
    }
    // Every non-whitespace character lies in exactly one sentence and one token (the spans are
    // ordered and disjoint, so "at least one" is what remains to check), and no whitespace lies
    // in a token.
    let mut s = doc.sentences.iter().peekable();
    let mut t = doc.tokens.iter().peekable();
    for (i, c) in text.char_indices() {
        let i = i as u32;
        while s.peek().is_some_and(|x| x.span.end <= i) {
            s.next();
        }
        while t.peek().is_some_and(|x| x.span.end <= i) {
            t.next();
        }
        let in_sentence = s.peek().is_some_and(|x| x.span.start <= i);
        let in_token = t.peek().is_some_and(|x| x.span.start <= i);
        if c.is_whitespace() {
            assert!(!in_token, "whitespace at {i} inside a token in {text:?}");
        } else {
            assert!(
                in_sentence,
                "char {c:?} at {i} outside every sentence in {text:?}"
            );
            assert!(
                in_token,
                "char {c:?} at {i} outside every token in {text:?}"
            );
        }
    }
    // The three entry points agree.
    let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    assert_eq!(
        split_sentences(text),
        spans,
        "split_sentences differs on {text:?}"
    );
    for sentence in &doc.sentences {
        let mut own = Vec::new();
        tokenize(text, sentence.span, &mut own);
        assert_eq!(
            own,
            doc.tokens[sentence.tokens()],
            "tokenize differs on {text:?}"
        );
    }
    let mut all = Vec::new();
    tokenize(text, Span::new(0, text.len()), &mut all);
    assert_eq!(all, doc.tokens);
}

fn expect(text: &str, expected: &[&str]) {
    checked(text);
    assert_eq!(sentences(text), expected, "on {text:?}");
}

// The cases below are from the brief, one test each.

#[test]
fn case_01_nov_abbreviation_quote_and_acronym() {
    expect(
        "The decision, announced on Nov. 17 by the Danube Herald, lets Moldova deploy the \
         Mobile Air Defence System (MADS). Gen. Ivan Petrescu called it a \"first step.\" \
         U.S. officials said that \"we've not decided\" on more.",
        &[
            "The decision, announced on Nov. 17 by the Danube Herald, lets Moldova deploy the \
             Mobile Air Defence System (MADS).",
            "Gen. Ivan Petrescu called it a \"first step.\"",
            "U.S. officials said that \"we've not decided\" on more.",
        ],
    );
}

#[test]
fn case_02_titles_initials_and_times() {
    expect(
        "Gen. Ivan Petrescu met Mr. Rusu at 9 a.m. on Tuesday. Lt. Col. J. R. Halloway said the \
         U.S. Army would stay.",
        &[
            "Gen. Ivan Petrescu met Mr. Rusu at 9 a.m. on Tuesday.",
            "Lt. Col. J. R. Halloway said the U.S. Army would stay.",
        ],
    );
}

#[test]
fn case_03_quoted_ellipsis_before_lowercase() {
    expect(
        "In May, the minister said, “The thought that we would move guns and trucks and \
         drones across the river with our own crews... that’s how a wider war starts.” He \
         repeated it later.",
        &[
            "In May, the minister said, “The thought that we would move guns and trucks and \
             drones across the river with our own crews... that’s how a wider war starts.”",
            "He repeated it later.",
        ],
    );
}

/// Inside a quotation, sentences split like anywhere else: the splitter does not track quote
/// nesting (an unbalanced or wrongly paired quote would otherwise swallow the rest of an
/// article). So the quote's opening stays in the first sentence and its closing mark in the last.
#[test]
fn case_04_sentences_inside_a_quote_split() {
    expect(
        "The spokesman replied, “I know that is the line from Tiraspol, but it is not a border \
         war... This is a dispute between Moldova and Russia. Romania is not involved.”",
        &[
            "The spokesman replied, “I know that is the line from Tiraspol, but it is not a \
             border war...",
            "This is a dispute between Moldova and Russia.",
            "Romania is not involved.”",
        ],
    );
}

#[test]
fn case_05_bullet_list() {
    let text = "The main findings are:\n- 40 Romanian instructors are deployed.\n- \
                A total of 85 foreign personnel are posted in Moldova, including 25 US military \
                advisers.";
    expect(
        text,
        &[
            "The main findings are:",
            "- 40 Romanian instructors are deployed.",
            "- A total of 85 foreign personnel are posted in Moldova, including 25 US military \
             advisers.",
        ],
    );
    let doc = checked(text);
    let bullet = doc.tokens[doc.sentences[1].tokens()][0];
    assert_eq!(
        (doc.slice(bullet.span), bullet.kind),
        ("-", TokenKind::Punct)
    );
}

#[test]
fn case_06_acronym_at_sentence_end() {
    expect(
        "The troops moved to the U.S. The next day they left.",
        &["The troops moved to the U.S.", "The next day they left."],
    );
}

#[test]
fn case_06_acronym_before_a_noun() {
    expect(
        "U.S. officials confirmed it.",
        &["U.S. officials confirmed it."],
    );
}

#[test]
fn case_07_decimal_and_approx() {
    expect(
        "The cost was $3.5 billion, approx. 10% of the budget. It rose.",
        &[
            "The cost was $3.5 billion, approx. 10% of the budget.",
            "It rose.",
        ],
    );
}

#[test]
fn case_08_url_periods() {
    expect(
        "To contact us visit wsws.org/contact today. Thanks.",
        &["To contact us visit wsws.org/contact today.", "Thanks."],
    );
}

#[test]
fn case_09_pm_before_lowercase() {
    expect(
        "He arrived at 5 p.m. and left. She stayed.",
        &["He arrived at 5 p.m. and left.", "She stayed."],
    );
}

#[test]
fn case_10_empty_blank_and_unpunctuated() {
    expect("", &[]);
    expect("   \n\n  ", &[]);
    expect("no punctuation at all", &["no punctuation at all"]);
}

// Further rules.

#[test]
fn newline_always_ends_a_sentence() {
    expect(
        "Gen.\nPetrescu left\nand came back",
        &["Gen.", "Petrescu left", "and came back"],
    );
    expect("One.\r\nTwo.", &["One.", "Two."]);
    expect("One\u{2028}Two", &["One", "Two"]);
}

#[test]
fn question_and_exclamation() {
    expect(
        "Why now? Nobody knows! “Why?” he asked.",
        &["Why now?", "Nobody knows!", "“Why?” he asked."],
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    expect(
        "He said it was over.” Next came talks. (They failed.) Then war.",
        &[
            "He said it was over.”",
            "Next came talks.",
            "(They failed.)",
            "Then war.",
        ],
    );
    expect(
        "He said it was over. ” Next came talks.",
        &["He said it was over. ”", "Next came talks."],
    );
}

#[test]
fn opening_quote_or_digit_starts_a_sentence() {
    expect(
        "It ended. “We won,” he said. 10 people died.",
        &["It ended.", "“We won,” he said.", "10 people died."],
    );
}

#[test]
fn months_numbers_and_company_suffixes() {
    expect(
        "It began on Sept. 3 with order No. 12 from Acme Corp. and Smith Co. in 2023. It ended.",
        &[
            "It began on Sept. 3 with order No. 12 from Acme Corp. and Smith Co. in 2023.",
            "It ended.",
        ],
    );
    expect(
        "The deal closed with Acme Inc. The shares rose.",
        &["The deal closed with Acme Inc.", "The shares rose."],
    );
}

#[test]
fn number_abbreviations_continue_only_before_numbers() {
    expect(
        "He lives at No. 10 Downing Street. She said: “No. Never.”",
        &[
            "He lives at No. 10 Downing Street.",
            "She said: “No.",
            "Never.”",
        ],
    );
}

#[test]
fn etc_ends_a_sentence_unless_lowercase_follows() {
    expect(
        "Tanks, guns, etc. were sent. Drones, radars, etc. The list grew.",
        &[
            "Tanks, guns, etc. were sent.",
            "Drones, radars, etc.",
            "The list grew.",
        ],
    );
}

#[test]
fn initials_and_middle_names() {
    expect(
        "President George W. Bush spoke. He met J. R. R. Tolkien's heirs.",
        &[
            "President George W. Bush spoke.",
            "He met J. R. R. Tolkien's heirs.",
        ],
    );
    expect(
        "They chose Plan B. The others agreed.",
        &["They chose Plan B.", "The others agreed."],
    );
}

#[test]
fn other_latin_abbreviations_continue() {
    expect(
        "Weapons, e.g. Javelins, and vs. Russia, i.e. Moscow, cf. Smith et al. in Roe v. Wade.",
        &["Weapons, e.g. Javelins, and vs. Russia, i.e. Moscow, cf. Smith et al. in Roe v. Wade."],
    );
}

#[test]
fn enumerators_do_not_become_sentences() {
    expect(
        "1. Russia attacked.\n2. Ukraine replied.",
        &["1. Russia attacked.", "2. Ukraine replied."],
    );
    expect(
        "He won in 2023. Then he left.",
        &["He won in 2023.", "Then he left."],
    );
}

#[test]
fn ellipsis_character_and_dots() {
    expect(
        "It was… Then silence. Wait... no.",
        &["It was…", "Then silence.", "Wait... no."],
    );
}

#[test]
fn urls_and_emails_do_not_split() {
    expect(
        "Read https://www.wsws.org/en/articles/2024/11/18/a.html. Write to editor@wsws.org. Bye.",
        &[
            "Read https://www.wsws.org/en/articles/2024/11/18/a.html.",
            "Write to editor@wsws.org.",
            "Bye.",
        ],
    );
}

#[test]
fn messy_whitespace_and_controls() {
    let doc = checked("  One.\t\tTwo.  \r\n\u{0}Three\u{7}.   ");
    let got: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    assert_eq!(got, ["One.", "Two.", "\u{0}Three\u{7}."]);
}

#[test]
fn layers_of_a_small_document() {
    let doc = checked("Mr. Rusu paid $3.5 billion. “Don’t!”");
    let toks: Vec<(&str, TokenKind)> = doc
        .tokens
        .iter()
        .map(|t| (doc.slice(t.span), t.kind))
        .collect();
    use TokenKind::*;
    assert_eq!(
        toks,
        [
            ("Mr.", Word),
            ("Rusu", Word),
            ("paid", Word),
            ("$", Symbol),
            ("3.5", Number),
            ("billion", Word),
            (".", Punct),
            ("“", Punct),
            ("Don’t", Word),
            ("!", Punct),
            ("”", Punct),
        ]
    );
    assert_eq!(
        doc.sentences,
        [
            Sentence {
                span: Span::new(0, 27),
                token_start: 0,
                token_end: 7
            },
            Sentence {
                span: Span::new(28, doc.text.len()),
                token_start: 7,
                token_end: 11
            },
        ]
    );
}

#[test]
fn segment_clears_its_outputs() {
    let mut sentences = vec![Sentence {
        span: Span::new(0, 1),
        token_start: 9,
        token_end: 9,
    }];
    let mut tokens = vec![Token {
        span: Span::new(0, 1),
        kind: TokenKind::Word,
    }];
    segment("A b.", &mut sentences, &mut tokens);
    assert_eq!(sentences.len(), 1);
    assert_eq!(sentences[0].tokens(), 0..3);
    assert_eq!(tokens.len(), 3);
}

#[test]
fn tokenize_clamps_bad_spans() {
    let text = "é b";
    let mut out = Vec::new();
    tokenize(text, Span { start: 1, end: 99 }, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].span.slice(text), "b");
    out.clear();
    tokenize(text, Span { start: 3, end: 1 }, &mut out);
    assert!(out.is_empty());
    tokenize(text, Span { start: 0, end: 1 }, &mut out);
    assert!(out.is_empty());
}

#[test]
fn pathological_inputs_stay_linear() {
    // Long runs that could trip a quadratic rule: one giant chunk of each kind, and many tiny
    // chunks. Each must finish quickly even in a debug build.
    for piece in [
        "a.",
        "U.S.",
        "...",
        "”",
        "“",
        "(",
        "-",
        "’",
        "a-",
        "1,",
        "\u{301}",
        "👨\u{200D}",
        "🇺",
        "Gen. ",
        "U.S. ",
        ". ",
        "“ ",
        "\n",
        "x ",
    ] {
        let text = piece.repeat(20_000);
        let doc = checked(&text);
        assert!(doc.tokens.len() <= text.len());
    }
    let text = format!("https://{}", "a".repeat(100_000));
    assert_eq!(checked(&text).tokens.len(), 1);
}

// Property tests.

/// Pieces that exercise the rules and their edges.
const VOCAB: &[&str] = &[
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "D.C.",
    "Gen.",
    "Mr.",
    "Lt. Col.",
    "Nov. 17",
    "No.",
    "No. 3",
    "etc.",
    "e.g.",
    "a.m.",
    "p.m.",
    "J.",
    "R.",
    "Inc.",
    "3.5",
    "1,000",
    "$",
    "%",
    "€",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "...",
    "…",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "• ",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\r",
    "\u{A0}",
    "é",
    "e\u{301}",
    "😀",
    "👍🏽",
    "🇺🇦",
    "\u{200D}",
    "\u{0}",
    "The",
    "the",
    "He",
    "war",
    "don't",
    "we’re",
    "Kharkiv-based",
    "F-16s",
    "wsws.org/contact",
    "https://x.org/a.",
    "www.",
    "a@b.c",
    "AT&T",
    "—",
    "–",
    "1.",
    "2023",
    "-",
    "@",
    "&",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold_on_arbitrary_strings(text in any::<String>()) {
        checked(&text);
    }

    /// `any::<String>()` draws printable characters only; this adds controls, every kind of
    /// whitespace and unassigned code points.
    #[test]
    fn invariants_hold_on_any_chars(chars in prop::collection::vec(any::<char>(), 0..80)) {
        checked(&chars.into_iter().collect::<String>());
    }

    #[test]
    fn invariants_hold_on_tricky_vocabulary(text in vocab_text()) {
        checked(&text);
    }

    #[test]
    fn invariants_hold_on_vocabulary_mixed_with_arbitrary_text(
        a in vocab_text(),
        b in "\\PC{0,20}",
        c in vocab_text(),
    ) {
        checked(&format!("{a}{b}{c}"));
    }

    #[test]
    fn tokenize_never_panics_on_any_span(text in any::<String>(), start in 0u32..300, end in 0u32..300) {
        let mut out = Vec::new();
        tokenize(&text, Span { start, end }, &mut out);
        for t in &out {
            prop_assert!(!t.span.is_empty());
            prop_assert!(text.get(t.span.range()).is_some());
        }
    }
}
