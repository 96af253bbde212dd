//! `redline claims`: numbers sources assert about casualties, troops, money and weapons, grouped
//! by quantity, with the disagreements between sources.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;
use redline_analysis::claims::{self, ClaimGroup};
use redline_model::ClaimKind;
use redline_store::{ClaimFilter, Store, StoredClaim};
use redline_views::claims::{asserter, grouped};
use serde::Serialize;

use crate::output::{cut, note, outln};

/// List the claims in the store, grouped by the quantity they are about ("casualties of RUS",
/// "money of USA (USD)"), with who asserts each and where sources disagree.
///
/// Claims with the same measure disagree when their figures cannot both be true ("about"
/// allows 15% either way); claims with related measures ("killed" against "killed and
/// wounded") are flagged as measuring different things, with what would reconcile them. Only
/// asserted, actual claims by different asserters are compared: casualty totals (1,000 or more)
/// within 120 days of each other, any other figure within 14 days, and figures that name nobody
/// only within one article.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline claims\n  redline claims --kind casualties --subject RUS\n  redline claims --disagreements --json | jq ."
)]
pub struct ClaimsArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// Only claims of this kind: casualties, troops, money or weapons.
    #[arg(long, value_name = "KIND")]
    kind: Option<ClaimKind>,

    /// Only claims about this country or actor (`RUS`, `USAMIL`).
    #[arg(long, value_name = "ACTOR")]
    subject: Option<String>,

    /// Only claims dated on or after this day.
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Only claims dated on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// Only groups where sources disagree.
    #[arg(long)]
    disagreements: bool,

    /// One JSON object per group, with its claims and disagreements.
    #[arg(long)]
    json: bool,
}

/// A group as `--json` prints it: the group and its claims in full.
#[derive(Serialize)]
struct GroupOut<'a> {
    #[serde(flatten)]
    group: &'a ClaimGroup,
    members: Vec<&'a StoredClaim>,
}

pub fn run(args: ClaimsArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db)?;
    let filter = ClaimFilter {
        kind: args.kind,
        subject: args.subject.clone(),
        from: args.from,
        to: args.to,
        limit: None,
    };
    let (stored, groups) = grouped(&store, &filter)?;
    let shown: Vec<&ClaimGroup> = groups
        .iter()
        .filter(|g| !args.disagreements || !g.disagreements.is_empty())
        .collect();
    for g in &shown {
        let members: Vec<&StoredClaim> = g
            .claims
            .iter()
            .filter_map(|id| stored.iter().find(|c| c.id == *id))
            .collect();
        if args.json {
            outln!(
                "{}",
                serde_json::to_string(&GroupOut { group: g, members })?
            );
        } else {
            print_group(g, &members);
        }
    }
    let flagged: usize = groups.iter().map(|g| g.disagreements.len()).sum();
    eprintln!(
        "redline claims: {} claims about {} quantities, {} disagreements",
        stored.len(),
        groups.len(),
        flagged
    );
    let missing = store.documents_without_claims()?;
    if missing > 0 {
        note(
            args.json,
            &format!(
                "note: {missing} documents were stored before Redline read claims; run `redline \
                 ingest --recode` on their files to read them"
            ),
        );
    }
    if stored.is_empty() {
        note(
            args.json,
            "no claims match: a claim is a number with a unit Redline knows (troops, killed, \
             wounded, casualties, a currency, a weapon)",
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_group(g: &ClaimGroup, members: &[&StoredClaim]) {
    outln!(
        "{} — {} claims, {} asserters",
        g.label,
        members.len(),
        g.asserters.len()
    );
    for c in members {
        let r = &c.record;
        let status = r.status();
        let whose: Vec<&str> = r.subjects.iter().map(|p| p.code.as_str()).collect();
        let place = r
            .location
            .as_ref()
            .map_or(String::new(), |l| format!(" in {}", l.code));
        outln!(
            "  #{:<5} {:<10} {} {}{}{}  [{}]{}",
            c.id,
            r.date.as_deref().unwrap_or("undated"),
            claims::figure(r),
            r.measure,
            if whose.is_empty() {
                String::new()
            } else {
                format!(" of {}", whose.join(","))
            },
            place,
            asserter(c),
            if status.is_empty() {
                String::new()
            } else {
                format!(" ({})", status.join(", "))
            }
        );
        outln!("          \"{}\"", cut(r.sentence.trim(), 160));
    }
    for d in &g.disagreements {
        let what = match d.kind {
            claims::DisagreementKind::Conflict => "DISAGREE",
            claims::DisagreementKind::DifferentMeasures => "DIFFERENT MEASURES",
        };
        outln!("  ! {what} #{} vs #{}: {}", d.high, d.low, d.explanation);
    }
    outln!("");
}
