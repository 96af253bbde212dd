//! The claims of the store, grouped by quantity with their disagreements, and who asserts each,
//! as `redline claims` and `report` show them.

use redline_analysis::claims::{self, Claim, ClaimGroup, ClaimRules};
use redline_store::{ClaimFilter, Store, StoreError, StoredClaim};

/// Reads the claims matching `filter` and groups them by quantity.
pub fn grouped(
    store: &Store,
    filter: &ClaimFilter,
) -> Result<(Vec<StoredClaim>, Vec<ClaimGroup>), StoreError> {
    let mut stored = Vec::new();
    store.claims(filter, |c| -> Result<(), StoreError> {
        stored.push(c);
        Ok(())
    })?;
    let inputs: Vec<Claim> = stored
        .iter()
        .map(|c| Claim {
            id: c.id,
            asserter: asserter(c),
            subject_key: c.subject_key.clone(),
            record: c.record.clone(),
        })
        .collect();
    let groups = claims::group(&inputs, &ClaimRules::default());
    Ok((stored, groups))
}

/// Who asserts a claim, as users read it: "US officials via the New York Times", "the internal
/// documents", or the article itself.
pub fn asserter(c: &StoredClaim) -> String {
    // An article without a publisher is named by its file name, not its whole path.
    let article = || {
        let name = c.publisher.clone().unwrap_or_else(|| {
            std::path::Path::new(&c.record.doc_id)
                .file_name()
                .map_or(c.record.doc_id.clone(), |n| {
                    n.to_string_lossy().into_owned()
                })
        });
        format!("the article ({name})")
    };
    // One asserter, one label: "The ministry" and "the ministry", "Moldova’s" and "Moldova's"
    // are the same source.
    let lower_article = |s: &str| {
        let s = s.replace('’', "'");
        match s.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => s,
        }
    };
    match &c.record.attribution {
        Some(a) => match (&a.speaker, &a.channel) {
            (Some(s), Some(ch)) => format!("{} via {}", lower_article(s), lower_article(ch)),
            (Some(s), None) => lower_article(s),
            (None, Some(ch)) => lower_article(ch),
            (None, None) => article(),
        },
        None => article(),
    }
}
