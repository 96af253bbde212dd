//! Unit tests of the number reader.

use super::*;

#[test]
fn ranges_scales_and_qualifiers_are_read() {
    let read = |s: &str| {
        let lower: Vec<&str> = s.split_whitespace().collect();
        number_at(&lower, 0).map(|n| (n.low, n.high, n.qualifier, n.currency, n.end))
    };
    assert_eq!(
        read("between 8,000 and 11,000 soldiers"),
        Some((8000.0, 11000.0, Qualifier::Range, None, 4))
    );
    assert_eq!(
        read("8,000 - 11,000"),
        Some((8000.0, 11000.0, Qualifier::Range, None, 3))
    );
    assert_eq!(read("$ 50 billion"), None, "a sign alone starts nothing");
    assert_eq!(
        read("hundreds of thousands of people"),
        Some((200000.0, 999999.0, Qualifier::Vague, None, 3))
    );
    assert_eq!(
        read("billions of dollars"),
        Some((2e9, 1e10 - 1.0, Qualifier::Vague, Some("USD"), 3))
    );
    assert_eq!(
        read("40 to 50 billion"),
        Some((40e9, 50e9, Qualifier::Range, None, 4))
    );
    assert_eq!(read("troops"), None);
}

#[test]
fn qualifiers_before_a_number_widen_its_start() {
    let lower: Vec<&str> = "at least 50 troops".split_whitespace().collect();
    let n = number_at(&lower, 2).unwrap();
    assert_eq!((n.start, n.qualifier), (0, Qualifier::AtLeast));
    let lower: Vec<&str> = "more than 40 howitzers".split_whitespace().collect();
    assert_eq!(number_at(&lower, 2).unwrap().qualifier, Qualifier::AtLeast);
    let lower: Vec<&str> = "up to 12 jets".split_whitespace().collect();
    assert_eq!(number_at(&lower, 2).unwrap().qualifier, Qualifier::AtMost);
    let lower: Vec<&str> = "another $ 61 billion".split_whitespace().collect();
    let n = number_at(&lower, 2).unwrap();
    assert_eq!((n.start, n.low, n.currency), (1, 61e9, Some("USD")));
}
