//! `redline events`: query the store, print or export.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use redline_store::{EventFilter, Store, StoredCluster, StoredEvent};

use crate::output::cut;

/// Query the event store: filter events, print them as a table, or export them.
///
/// By default only facts are listed: asserted, actual events. `--negated` adds denials and
/// events said not to have happened; `--unrealised` adds future, hypothetical and conditional
/// events; `--all` adds both.
///
/// Each row is one report (a sentence of an article). `--clusters` lists real-world events
/// instead: reports of the same event merged, with the number of mentions, articles and sources.
/// The GDELT and PLOVER formats are always one row per real-world event; the Mentions format is
/// one row per report.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline events --dyad USA:RUS --from 2023-01-01\n  redline events --actor MDA --root 19 --format csv > moldova-force.csv\n  redline events --text '\"red line\"' --all\n  redline events --format gdelt --output events.tsv\n  redline events --clusters --cameo 0832"
)]
pub struct EventsArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// An actor on either side: a country (RUS matches RUS, RUSGOV, RUSMIL) or a code prefix
    /// (USAGOV, IGONAT). Repeat for any of several.
    #[arg(long, value_name = "CODE")]
    actor: Vec<String>,

    /// The source side (same matching as --actor).
    #[arg(long, value_name = "CODE")]
    source: Option<String>,

    /// The target side (same matching as --actor).
    #[arg(long, value_name = "CODE")]
    target: Option<String>,

    /// Source and target at once, as SOURCE:TARGET (e.g. USA:RUS).
    #[arg(long, value_name = "SRC:TGT", conflicts_with_all = ["source", "target"])]
    dyad: Option<String>,

    /// CAMEO code or prefix (19, 190, 0832). Repeat for any of several.
    #[arg(long, value_name = "CODE")]
    cameo: Vec<String>,

    /// CAMEO root (01-20); the same as --cameo with a two-digit code.
    #[arg(long, value_name = "ROOT")]
    root: Vec<String>,

    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict. Repeat for any of several.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Vec<u8>,

    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// Only articles of this publisher (case-insensitive).
    #[arg(long, value_name = "NAME")]
    publisher: Option<String>,

    /// Full-text search in the evidence sentences (SQLite FTS5 syntax: words are ANDed, "a
    /// phrase" in double quotes, OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,

    /// Only events with this escalation signal (e.g. strike_authorization).
    #[arg(long, value_name = "SIGNAL")]
    signal: Option<String>,

    /// Include negated events.
    #[arg(long)]
    negated: bool,

    /// Include future, hypothetical and conditional events.
    #[arg(long)]
    unrealised: bool,

    /// Include negated and unrealised events (everything that was coded).
    #[arg(long)]
    all: bool,

    /// Leave out background history (events that ended more than 30 days before the article).
    #[arg(long)]
    no_background: bool,

    /// List real-world events (clusters of reports) instead of reports.
    #[arg(long)]
    clusters: bool,

    /// At most this many rows.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,

    /// Output format. Default: a table on a terminal, JSON Lines otherwise.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,

    /// Write to this file instead of standard output (required for parquet).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Write a header line in the GDELT and Mentions TSV formats (GDELT's own files have none).
    #[arg(long)]
    header: bool,
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// An aligned table for reading.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// GDELT 2.0 Events TSV, 61 columns, one row per real-world event.
    Gdelt,
    /// GDELT 2.0 Mentions-style TSV, one row per report.
    Mentions,
    /// PLOVER JSON Lines, one object per real-world event.
    Plover,
    /// Apache Parquet (needs a build with `--features parquet`).
    Parquet,
}

impl EventsArgs {
    fn filter(&self) -> Result<EventFilter> {
        let (source, target) = match &self.dyad {
            Some(d) => {
                let Some((s, t)) = d.split_once([':', '-', '>']) else {
                    bail!("--dyad {d:?}: expected SOURCE:TARGET, e.g. USA:RUS");
                };
                (
                    Some(s.to_string()),
                    Some(t.trim_start_matches('>').to_string()),
                )
            }
            None => (self.source.clone(), self.target.clone()),
        };
        for code in self.cameo.iter().chain(&self.root) {
            if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                bail!("CAMEO code {code:?}: expected 2 to 4 digits, e.g. 19, 190 or 0832");
            }
        }
        for a in self.actor.iter().chain(&source).chain(&target) {
            if a.is_empty() || !a.bytes().all(|b| b.is_ascii_alphanumeric()) {
                bail!("actor code {a:?}: expected letters and digits, e.g. RUS or USAGOV");
            }
        }
        if let (Some(f), Some(t)) = (self.from, self.to)
            && f > t
        {
            bail!("--from {f} is after --to {t}");
        }
        Ok(EventFilter {
            actors: self.actor.clone(),
            source,
            target,
            cameo: self.cameo.iter().chain(&self.root).cloned().collect(),
            quad_class: self.quad.clone(),
            from: self.from,
            to: self.to,
            publisher: self.publisher.clone(),
            text: self.text.clone(),
            signal: self.signal.clone(),
            include_negated: self.negated || self.all,
            include_unrealised: self.unrealised || self.all,
            exclude_background: self.no_background,
            // The server's fields: this command prints every match, not pages of them.
            document: None,
            after: None,
            limit: self.limit,
        })
    }
}

pub fn run(args: EventsArgs) -> Result<ExitCode> {
    let filter = args.filter()?;
    let store = Store::open_read_only(&args.db)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    if format == OutputFormat::Parquet && args.output.is_none() {
        bail!("--format parquet writes a binary file: name it with --output FILE");
    }
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let per_cluster = args.clusters || matches!(format, OutputFormat::Gdelt | OutputFormat::Plover);
    let n = if format == OutputFormat::Table {
        let mut table = Table::new(out, per_cluster);
        let n = if per_cluster {
            store.clusters(&filter, |c| table.cluster(&c))?
        } else {
            store.events(&filter, |e| table.event(&e))?
        };
        table.finish()?;
        n
    } else {
        let export = export_format(format);
        let options = redline_export::ExportOptions {
            header: args.header,
        };
        if per_cluster {
            let mut w = redline_export::ClusterWriter::with_options(export, out, options)?;
            let n = store.clusters(&filter, |c| -> Result<()> { Ok(w.write(&c)?) })?;
            w.finish()?.flush()?;
            n
        } else {
            let mut w = redline_export::EventWriter::with_options(export, out, options)?;
            let n = store.events(&filter, |e| -> Result<()> {
                Ok(w.write_in_cluster(&e, e.cluster_added.as_deref())?)
            })?;
            w.finish()?.flush()?;
            n
        }
    };
    let what = if per_cluster {
        "real-world events"
    } else {
        "reports"
    };
    match &args.output {
        Some(p) => eprintln!("redline events: {n} {what} written to {}", p.display()),
        None if to_terminal => eprintln!("{n} {what}"),
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn export_format(f: OutputFormat) -> redline_export::Format {
    use redline_export::Format;
    match f {
        OutputFormat::Jsonl | OutputFormat::Table => Format::Jsonl,
        OutputFormat::Csv => Format::Csv,
        OutputFormat::Gdelt => Format::Gdelt,
        OutputFormat::Mentions => Format::Mentions,
        OutputFormat::Plover => Format::Plover,
        OutputFormat::Parquet => Format::Parquet,
    }
}

/// A plain aligned table: fixed columns, then the evidence cut to fit.
struct Table {
    out: Box<dyn Write + Send>,
}

const EVIDENCE_CHARS: usize = 90;

impl Table {
    fn new(mut out: Box<dyn Write + Send>, clusters: bool) -> Table {
        let header = if clusters {
            format!(
                "{:>6}  {:<10}  {:<9}  {:<5}  {:<9}  {:>4} {:>4} {:>4}  {}",
                "ID", "DATE", "SOURCE", "CAMEO", "TARGET", "MENT", "ART", "SRC", "FIRST REPORT"
            )
        } else {
            format!(
                "{:>6}  {:<10}  {:<9}  {:<5}  {:<9}  {:<8}  {:>7}  {}",
                "ID", "DATE", "SOURCE", "CAMEO", "TARGET", "STATUS", "CLUSTER", "EVIDENCE"
            )
        };
        let _ = writeln!(out, "{header}");
        Table { out }
    }

    fn event(&mut self, e: &StoredEvent) -> Result<()> {
        let r = &e.record;
        let status = match (r.polarity.as_str(), r.modality.as_str()) {
            ("asserted", "actual") if e.background => "history".to_string(),
            ("asserted", "actual") => String::new(),
            ("negated", "actual") => "negated".to_string(),
            ("asserted", m) => m.to_string(),
            (_, m) => format!("not {m}"),
        };
        writeln!(
            self.out,
            "{:>6}  {:<10}  {:<9}  {:<5}  {:<9}  {:<8}  {:>7}  {}",
            e.id,
            r.date.as_deref().unwrap_or("?"),
            r.source.code,
            r.cameo,
            r.target.as_ref().map_or("-", |t| t.code.as_str()),
            status,
            e.cluster_id.map(|c| c.to_string()).unwrap_or_default(),
            cut(&r.sentence, EVIDENCE_CHARS)
        )?;
        Ok(())
    }

    fn cluster(&mut self, c: &StoredCluster) -> Result<()> {
        writeln!(
            self.out,
            "{:>6}  {:<10}  {:<9}  {:<5}  {:<9}  {:>4} {:>4} {:>4}  {}",
            c.id,
            c.date_start.as_deref().unwrap_or("?"),
            c.source_base,
            c.cameo,
            if c.target_base.is_empty() {
                "-"
            } else {
                &c.target_base
            },
            c.n_mentions,
            c.n_articles,
            c.n_sources,
            cut(&c.first.record.sentence, EVIDENCE_CHARS)
        )?;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
