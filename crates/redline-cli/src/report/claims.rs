//! The claims section of the report: a hook, empty for now.
//!
//! Claims (issue 5: what officials say about the dyad, with speaker and evidence) are being
//! added in another change. When they land, [`claims_section`] renders them from the store for
//! the report's dyads and range; until then it renders nothing, so the page has no claims
//! heading. It is its own file so that the change that fills it touches nothing else here.

use redline_store::Store;

use super::Report;

/// The HTML of the claims section, placed after the red-line alerts: a `<section>` or nothing.
/// Everything taken from the store must go through [`super::html::escape`].
pub(super) fn claims_section(_store: &Store, _report: &Report) -> String {
    String::new()
}
