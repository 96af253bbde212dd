use super::*;

#[test]
fn every_malformed_line_is_reported_and_the_rest_load() {
    let text = "\
%kind actors
%type country
country.rus  RUS  Russia | Russian Federation | a:Russian | Moscow ; note=capital included
country.bad  rus  Nowhere
Country.BAD  XYZ  Bad Id
country.ukr  UKR  Ukraine | | Kyiv
country.usa  USA  the United States
country.fra  FRA  France ; color=blue
";
    let parsed = parse_file("actors/t.rld", text);
    assert_eq!(parsed.actors.len(), 1, "{:?}", parsed.problems);
    let lines: Vec<u32> = parsed.problems.iter().map(|p| p.location.line).collect();
    assert_eq!(lines, [4, 5, 6, 7, 8]);
    assert!(
        parsed.problems[0]
            .to_string()
            .starts_with("actors/t.rld:4: ")
    );
    assert!(
        parsed.problems[4]
            .message
            .contains("unknown attribute `color`")
    );
    let rus = &parsed.actors[0];
    assert_eq!(rus.phrases.len(), 4);
    assert!(rus.phrases[2].adjective);
}

#[test]
fn roles_are_date_bounded_and_must_not_overlap() {
    let text = "\
%kind people
person.donald-trump  USAELI  Donald Trump | Trump ; role=USAGOV 2017-01-20..2021-01-20 President ; role=USAGOV 2025-01-20.. President
person.x  USAELI  X Y ; role=USAGOV 2001..2005 A ; role=USAGOV 2004..2006 B
person.y  USAELI  Y Z ; role=USAGOV 2005-13..2006 A
";
    let parsed = parse_file("people/t.rld", text);
    assert_eq!(parsed.people.len(), 1);
    assert_eq!(parsed.problems.len(), 2, "{:?}", parsed.problems);
    assert!(parsed.problems[0].message.contains("overlap"));
    let trump = &parsed.people[0];
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(trump.code_on(d("2019-06-01")).as_str(), "USAGOV");
    assert_eq!(trump.code_on(d("2022-06-01")).as_str(), "USAELI");
    assert_eq!(trump.code_on(d("2025-06-01")).as_str(), "USAGOV");
    assert_eq!(trump.code_on(d("2021-01-20")).as_str(), "USAELI");
}

#[test]
fn year_bounds_cover_the_whole_year() {
    let r = parse_role("RUSGOV 2000..2008 President").unwrap();
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert!(r.covers(d("2000-01-01")) && r.covers(d("2008-12-31")));
    assert!(!r.covers(d("2009-01-01")));
}

#[test]
fn patterns_parse_into_elements() {
    let p = parse_pattern("send * {weapon} to/into $").unwrap();
    assert_eq!(p.head, "send");
    assert!(!p.noun);
    assert_eq!(
        p.elements,
        [
            Element::Gap,
            Element::Class("weapon".into()),
            Element::Word(vec!["to".into(), "into".into()]),
            Element::Target
        ]
    );
    assert_eq!(p.specificity(), 3);
    let n = parse_pattern("~talks between + and $").unwrap();
    assert!(n.noun);
    assert!(parse_pattern("meet + with").is_err());
    assert!(parse_pattern("send * *").is_err());
    assert!(parse_pattern("send {weapon").is_err());
    assert!(parse_pattern("hit $ $").is_err());
    assert!(parse_pattern("").is_err());
}

#[test]
fn verbs_need_known_shapes() {
    let text = "\
%kind verbs
verb.0332.send  0332  send {weapon} to $ | deliver {weapon} to $ ; signal=weapons_delivery
verb.bad  2100  fly
verb.190.x  190  strike | | hit
";
    let parsed = parse_file("verbs/t.rld", text);
    assert_eq!(parsed.verbs.len(), 1);
    assert_eq!(parsed.verbs[0].signals, ["weapons_delivery"]);
    let alt = parse_file(
        "v.rld",
        "%kind verbs\nverb.072.x  072  send/ship {weapon} to $ | ~delivery/deliveries of\n",
    );
    let heads: Vec<&str> = alt.verbs[0]
        .patterns
        .iter()
        .map(|p| p.head.as_str())
        .collect();
    assert_eq!(heads, ["send", "ship", "delivery", "deliveries"]);
    assert_eq!(alt.verbs[0].patterns[1].text, "ship {weapon} to $");
    assert_eq!(parsed.problems.len(), 2, "{:?}", parsed.problems);
}

use crate::Element;
