//! Known answers for grouping and flags.

use super::*;

fn claim(
    id: i64,
    asserter: &str,
    subjects: &str,
    measure: &str,
    (low, high, qualifier): (f64, f64, Qualifier),
    date: &str,
) -> Claim {
    Claim {
        id,
        asserter: asserter.into(),
        subject_key: subjects.into(),
        record: ClaimRecord {
            doc_id: format!("doc{id}"),
            sentence_index: 0,
            sentence: String::new(),
            date: Some(date.into()),
            date_precision: "day".into(),
            published: None,
            kind: ClaimKind::Casualties,
            measure: measure.into(),
            unit: "people".into(),
            low,
            high,
            qualifier,
            number_text: String::new(),
            span: [0, 0],
            subjects: vec![],
            location: None,
            attribution: None,
            polarity: Polarity::Asserted,
            modality: Modality::Actual,
            rule: String::new(),
            reasons: vec![],
        },
    }
}

#[test]
fn killed_against_killed_and_wounded_is_flagged_as_different_measures() {
    let claims = [
        claim(
            1,
            "US officials via the New York Times",
            "RUS",
            "killed and wounded",
            (200_000.0, 200_000.0, Qualifier::About),
            "2023-02-02",
        ),
        claim(
            2,
            "the internal documents",
            "RUS",
            "killed",
            (35_000.0, 43_000.0, Qualifier::Range),
            "2023-04-10",
        ),
    ];
    let groups = group(&claims, &ClaimRules::default());
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(g.label, "casualties of RUS");
    assert_eq!(g.claims, vec![1, 2]);
    assert_eq!(g.disagreements.len(), 1);
    let d = &g.disagreements[0];
    assert_eq!(d.kind, DisagreementKind::DifferentMeasures);
    assert_eq!((d.high, d.low), (1, 2));
    assert!((d.ratio - 200_000.0 / 39_000.0).abs() < 1e-9);
    assert!(
        d.explanation.contains("measure different things"),
        "{}",
        d.explanation
    );
    assert!(
        d.explanation.contains("157,000–165,000 were wounded"),
        "{}",
        d.explanation
    );
    assert!(
        d.explanation.contains("3.7–4.7 wounded per killed"),
        "{}",
        d.explanation
    );
}

#[test]
fn the_same_measure_is_a_conflict_only_when_the_figures_do_not_overlap() {
    let rules = ClaimRules::default();
    let apart = [
        claim(
            1,
            "A",
            "RUS",
            "killed",
            (30_000.0, 30_000.0, Qualifier::About),
            "2024-03-02",
        ),
        claim(
            2,
            "B",
            "RUS",
            "killed",
            (8_000.0, 11_000.0, Qualifier::Range),
            "2024-03-10",
        ),
    ];
    let d = &group(&apart, &rules)[0].disagreements;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DisagreementKind::Conflict);
    // "about 30,000" reaches down to 25,500: 24,000 overlaps it, so no flag.
    let close = [
        claim(
            1,
            "A",
            "RUS",
            "killed",
            (30_000.0, 30_000.0, Qualifier::About),
            "2024-03-02",
        ),
        claim(
            2,
            "B",
            "RUS",
            "killed",
            (24_000.0, 26_000.0, Qualifier::Range),
            "2024-03-10",
        ),
    ];
    assert!(group(&close, &rules)[0].disagreements.is_empty());
    // "at least 50" is not contradicted by 400.
    let open = [
        claim(
            1,
            "A",
            "GBR",
            "personnel",
            (50.0, 50.0, Qualifier::AtLeast),
            "2024-03-02",
        ),
        claim(
            2,
            "B",
            "GBR",
            "personnel",
            (400.0, 400.0, Qualifier::Exact),
            "2024-03-10",
        ),
    ];
    assert!(group(&open, &rules)[0].disagreements.is_empty());
}

#[test]
fn claims_are_not_compared_across_asserters_dates_or_status() {
    let rules = ClaimRules::default();
    let one = (30_000.0, 30_000.0, Qualifier::Exact);
    let other = (8_000.0, 8_000.0, Qualifier::Exact);
    let same_asserter = [
        claim(1, "A", "RUS", "killed", one, "2024-03-02"),
        claim(2, "A", "RUS", "killed", other, "2024-03-03"),
    ];
    assert!(group(&same_asserter, &rules)[0].disagreements.is_empty());
    let far_apart = [
        claim(1, "A", "RUS", "killed", one, "2024-03-02"),
        claim(2, "B", "RUS", "killed", other, "2023-01-03"),
    ];
    assert!(group(&far_apart, &rules)[0].disagreements.is_empty());
    let mut hypothetical = claim(2, "B", "RUS", "killed", other, "2024-03-03");
    hypothetical.record.modality = Modality::Hypothetical;
    let scenario = [
        claim(1, "A", "RUS", "killed", one, "2024-03-02"),
        hypothetical,
    ];
    assert!(group(&scenario, &rules)[0].disagreements.is_empty());
}

#[test]
fn more_killed_than_killed_and_wounded_is_a_conflict() {
    let claims = [
        claim(
            1,
            "A",
            "RUS",
            "killed",
            (50_000.0, 50_000.0, Qualifier::Exact),
            "2024-03-02",
        ),
        claim(
            2,
            "B",
            "RUS",
            "killed and wounded",
            (20_000.0, 20_000.0, Qualifier::Exact),
            "2024-03-02",
        ),
    ];
    let d = &group(&claims, &ClaimRules::default())[0].disagreements;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DisagreementKind::Conflict);
    assert!(
        d[0].explanation
            .contains("more killed than killed and wounded")
    );
}

#[test]
fn another_quantity_changes_nothing_in_a_group() {
    let rules = ClaimRules::default();
    let base = vec![
        claim(
            1,
            "A",
            "RUS",
            "killed",
            (30_000.0, 30_000.0, Qualifier::About),
            "2024-03-02",
        ),
        claim(
            2,
            "B",
            "RUS",
            "killed",
            (8_000.0, 11_000.0, Qualifier::Range),
            "2024-03-10",
        ),
    ];
    let before = group(&base, &rules);
    let mut more = base.clone();
    more.push(claim(
        3,
        "C",
        "UKR",
        "killed",
        (1.0, 1.0, Qualifier::Exact),
        "2024-03-05",
    ));
    let after = group(&more, &rules);
    assert_eq!(after.len(), 2);
    assert_eq!(
        after.iter().find(|g| g.key.subjects == "RUS"),
        before.first()
    );
}

#[test]
fn figures_about_one_moment_are_compared_only_when_close_in_time() {
    let rules = ClaimRules::default();
    // Two strike tolls a month apart are two strikes, not a disagreement.
    let tolls = [
        claim(
            1,
            "A",
            "MDA",
            "killed",
            (12.0, 12.0, Qualifier::Exact),
            "2025-04-09",
        ),
        claim(
            2,
            "B",
            "MDA",
            "killed",
            (3.0, 3.0, Qualifier::Exact),
            "2025-05-10",
        ),
    ];
    assert!(group(&tolls, &rules)[0].disagreements.is_empty());
    // The same toll told two ways the next day is.
    let same_strike = [
        claim(
            1,
            "A",
            "MDA",
            "killed",
            (12.0, 12.0, Qualifier::Exact),
            "2025-04-09",
        ),
        claim(
            2,
            "B",
            "MDA",
            "killed",
            (3.0, 3.0, Qualifier::Exact),
            "2025-04-10",
        ),
    ];
    assert_eq!(group(&same_strike, &rules)[0].disagreements.len(), 1);
}

#[test]
fn claims_that_name_nobody_are_compared_only_within_one_article() {
    let mut claims = [
        claim(
            1,
            "A",
            "",
            "personnel",
            (8_000.0, 8_000.0, Qualifier::Exact),
            "2025-03-02",
        ),
        claim(
            2,
            "B",
            "",
            "personnel",
            (2_000.0, 2_000.0, Qualifier::AtMost),
            "2025-03-02",
        ),
    ];
    let groups = group(&claims, &ClaimRules::default());
    assert_eq!(groups[0].label, "casualties of unnamed parties");
    assert_eq!(groups[0].claims, vec![1, 2]);
    assert!(groups[0].disagreements.is_empty(), "two articles");
    claims[1].record.doc_id = claims[0].record.doc_id.clone();
    let groups = group(&claims, &ClaimRules::default());
    assert_eq!(groups[0].disagreements.len(), 1, "one article");
    assert_eq!(groups[0].disagreements[0].kind, DisagreementKind::Conflict);
}
