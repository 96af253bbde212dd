use super::*;

const SAVED_PAGE: &str = "\n\nANALYSIS\n\nMoldova closes its border crossings\n\nMara Ionescu @mara_reports\n12 March 2025\n\n\
Moldova closed three crossings on Tuesday after a drone struck a border post near the river. The interior ministry said two guards were hurt.\n\n\
In this photo taken on March 10, 2025, guards walk along the fence. (Meridian Wire via AP)\n\n\
Officials in Chisinau said the closures would last \"as long as necessary\" and asked the OSCE to send monitors to the area.\n\n\
Sign up for the morning briefing\n\nFirst Name (required) *\n\nEmail (required) *\n\nI agree that my data will be processed in line with the [privacy policy](#).\n\nSign up\n\n\
READ MORE\n\n- Serbia and Kosovo trade accusations over border incident**\n2 March 2025\n- Ministers meet in Brussels on energy\n28 February 2025\n\n\
[VIEW 4 COMMENTS](#) [CONTACT US](#)\n\nFind out more about these topics: [Moldova](#) [Europe](#)\n\nPERSPECTIVES\n\n\
Border guards strike in Romania over pay\n\nThe walkout by 2,000 guards is the largest in a decade and follows months of stalled talks with the ministry.\n\n\
Leo Brandt • 11 hours ago\n\nParliament votes to extend the state of emergency\n\nAna Ciobanu • 17 March 2025\n";

#[test]
fn header_lines_become_metadata_and_leave_the_body() {
    let c = clean(SAVED_PAGE, CleanOptions::PAGE_TEXT);
    assert_eq!(
        c.header.title.as_deref(),
        Some("Moldova closes its border crossings")
    );
    assert_eq!(c.header.byline.as_ref().unwrap().authors, ["Mara Ionescu"]);
    assert_eq!(c.header.date.unwrap().to_string(), "2025-03-12");
    assert!(
        c.text
            .starts_with("Moldova closed three crossings on Tuesday")
    );
}

#[test]
fn page_furniture_and_teasers_are_removed_with_reasons() {
    let c = clean(SAVED_PAGE, CleanOptions::PAGE_TEXT);
    assert_eq!(
        c.text,
        "Moldova closed three crossings on Tuesday after a drone struck a border post near the river. The interior ministry said two guards were hurt.\n\n\
Officials in Chisinau said the closures would last \"as long as necessary\" and asked the OSCE to send monitors to the area."
    );
    let reason_of = |needle: &str| {
        c.removed
            .iter()
            .find(|r| r.text.contains(needle))
            .map(|r| r.reason)
            .unwrap_or_else(|| panic!("{needle} was not removed"))
    };
    assert_eq!(reason_of("In this photo"), "photo caption");
    assert_eq!(reason_of("First Name"), "sign-up form");
    assert_eq!(reason_of("privacy policy"), "sign-up form");
    assert_eq!(reason_of("READ MORE"), "related-content marker");
    assert_eq!(reason_of("Serbia and Kosovo"), "teaser list");
    assert_eq!(reason_of("VIEW 4 COMMENTS"), "comment links");
    assert_eq!(reason_of("Find out more"), "topic links");
    assert_eq!(reason_of("The walkout by 2,000 guards"), "teaser list");
    assert_eq!(reason_of("Parliament votes"), "teaser list");
    assert_eq!(reason_of("ANALYSIS"), "section label");
    assert_eq!(reason_of("@mara_reports"), "byline");
}

#[test]
fn a_run_of_teasers_without_a_marker_is_removed() {
    let page = "Troops withdrew from the bridge on Friday, the ministry said, ending a week-long standoff.\n\n\
Talks resume in Istanbul\nAna Ciobanu • 2 days ago\n\nSanctions eased on fertiliser exports\nLeo Brandt • 3 days ago\n";
    let c = clean(page, CleanOptions::EXTRACTED);
    assert_eq!(
        c.text,
        "Troops withdrew from the bridge on Friday, the ministry said, ending a week-long standoff."
    );
}

#[test]
fn a_sentence_broken_across_paragraphs_is_rejoined() {
    let page = "The government calls it a “special\n\noperation” and denies any plan to mobilise.\n\nA second paragraph.";
    let c = clean(page, CleanOptions::EXTRACTED);
    assert_eq!(
        c.text,
        "The government calls it a “special operation” and denies any plan to mobilise.\n\nA second paragraph."
    );
}

#[test]
fn markdown_hard_breaks_and_hard_wrapped_prose_are_joined() {
    let page = "To contact the Danube Herald and the  \nnewsroom visit:\n\n\
The delegation arrived in the capital on Monday morning and was met by\n\
officials from the foreign ministry, who took them straight to talks\n\
with the prime minister and the head of the security council.\n";
    let c = clean(page, CleanOptions::EXTRACTED);
    assert_eq!(
        c.text,
        "The delegation arrived in the capital on Monday morning and was met by officials from the foreign ministry, who took them straight to talks with the prime minister and the head of the security council."
    );
    assert_eq!(c.removed[0].reason, "contact footer");
}

#[test]
fn list_items_stay_on_their_own_lines() {
    let page = "The main findings are:\n\n- 97 special forces troops are deployed.\n- A total of 100 personnel are in the country.\n";
    let c = clean(page, CleanOptions::EXTRACTED);
    assert_eq!(
        c.text,
        "The main findings are:\n\n- 97 special forces troops are deployed.\n- A total of 100 personnel are in the country."
    );
}

#[test]
fn a_long_first_paragraph_is_not_a_title() {
    let page = "It is official: the crisis has entered a new phase. This is no longer a border dispute, whatever the two governments say in public, and the next weeks will show how far either side is willing to go to press its claims along the river.\n\nSecond paragraph here.";
    let c = clean(page, CleanOptions::PAGE_TEXT);
    assert_eq!(c.header.title, None);
    assert!(c.text.starts_with("It is official"));
}

#[test]
fn verbatim_text_keeps_everything_but_whitespace_noise() {
    let c = clean("  Sign up\tnow.  \n\nREAD MORE ", CleanOptions::VERBATIM);
    assert_eq!(c.text, "Sign up now.\n\nREAD MORE");
    assert!(c.removed.is_empty());
}

#[test]
fn prose_mentioning_comments_or_views_is_kept() {
    let page = "His comments on Sunday angered Moscow, which summoned the ambassador.\n\nViewed from Chisinau, the move was a provocation by the separatist authorities.";
    let c = clean(page, CleanOptions::EXTRACTED);
    assert!(c.removed.is_empty(), "{:?}", c.removed);
}

#[test]
fn rules_and_ornaments_are_separators() {
    let c = clean(
        "First part.\n\n---\n\n* * *\n\nSecond part.",
        CleanOptions::EXTRACTED,
    );
    assert_eq!(c.text, "First part.\n\nSecond part.");
    assert!(c.removed.iter().all(|r| r.reason == "separator"));
}
