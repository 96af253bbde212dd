//! Escalation analytics over coded events.
//!
//! So far: [`mod@series`], dyad time series per day, week or month, normalised by news volume;
//! [`change`], CUSUM change detection flagging escalation and de-escalation episodes;
//! [`ladder`], the escalation ladder (a data file of rungs) and the highest rung per period;
//! [`redlines`], red-line rules from YAML evaluated into alerts that name their events;
//! [`triad`], the third-party component (aid to a party at war raises tension with its enemy);
//! and [`hawkes`], a self-exciting point process with an exponential kernel, fitted by
//! maximum likelihood to the times of a dyad's conflict events. It answers "how much of this
//! conflict feeds on itself?" (the branching ratio) and "how many events should we expect in the
//! next 7 or 30 days?" (with an interval); its forecasts are scored on the dyad's own past
//! by a rolling-origin backtest ([`hawkes::backtest`]). [`claims`] groups the numbers sources
//! assert about the same quantity and flags where they disagree.

pub mod change;
pub mod claims;
pub mod hawkes;
pub mod ladder;
pub mod plover;
pub mod redlines;
mod rng;
pub mod series;
pub mod triad;

pub use change::{Cusum, Direction, Episode};
pub use claims::{Claim, ClaimGroup, ClaimRules, Disagreement, DisagreementKind, QuantityKey};
pub use hawkes::{Fit, FitError, Forecast, HawkesParams};
pub use ladder::{Ladder, LadderError, Reached, Rung, Step, climb};
pub use plover::PloverScores;
pub use redlines::{Alert, Candidate, Rule, RuleError};
pub use series::{Bucket, Period, Point, series};
pub use triad::{Contribution, Relation, TriadRules, contributions};
