//! `redline explain`: everything the coder saw and decided for one sentence.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use redline_docs::read_str;
use redline_model::{PartialDate, SourceFormat};

use crate::dictionary;

use crate::output::outln;

/// Explain how a sentence is coded: tokens, mentions with dictionary ids and codes, clauses,
/// speech frames, time expressions, each event with the rule that fired, and every candidate
/// trigger that was rejected, with the reason.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline explain \"Russian troops shelled Kharkiv on Monday.\" --date 2024-05-15\n  redline explain --json \"The US will send tanks to Ukraine.\""
)]
pub struct ExplainArgs {
    /// The sentence (or short text) to explain.
    text: String,

    /// Publication date (YYYY-MM-DD) that relative dates and people's roles resolve against.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,

    /// Print the event records as JSON Lines after the explanation.
    #[arg(long)]
    json: bool,

    /// Use the dictionary in this folder instead of the embedded one.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,
}

pub fn run(args: ExplainArgs) -> Result<ExitCode> {
    let coder = dictionary::load_coder(args.dict.as_deref())?;
    if args.text.trim().is_empty() {
        bail!("the sentence is empty");
    }
    let mut doc = read_str("explain", SourceFormat::Text, &args.text)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("reading the sentence")?;
    if let Some(d) = &args.date {
        let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("--date `{d}` is not YYYY-MM-DD"))?;
        doc.meta.published = Some(PartialDate::day(date));
    }
    let coded = coder.code_document(&doc);
    let lex = coder.lexicon();
    let mut o = String::new();
    for s in &coded {
        let a = &s.analysis;
        let tok = |i: usize| {
            doc.slice(redline_model::Span {
                start: s.tokens[i].start,
                end: s.tokens[i].end,
            })
        };
        let range = |a: usize, b: usize| {
            if a >= b {
                return String::new();
            }
            doc.slice(redline_model::Span {
                start: s.tokens[a].start,
                end: s.tokens[b - 1].end,
            })
            .to_string()
        };
        writeln!(o, "sentence {}: {}", s.index + 1, doc.slice(s.span))?;
        writeln!(
            o,
            "tokens:   {}",
            (0..s.tokens.len())
                .map(|i| format!("{i}:{}", tok(i)))
                .collect::<Vec<_>>()
                .join(" ")
        )?;
        match s.role_date {
            Some(d) => writeln!(o, "date for roles: {d}")?,
            None => writeln!(
                o,
                "date for roles: none (no --date and no date in the text)"
            )?,
        }
        writeln!(o, "time expressions:")?;
        if s.time.expressions.is_empty() {
            writeln!(o, "  (none)")?;
        }
        for x in &s.time.expressions {
            writeln!(
                o,
                "  [{}..{}) `{}` -> {} ({}) by {}",
                x.start,
                x.end,
                range(x.start, x.end),
                x.date,
                x.date.precision(),
                x.rule
            )?;
        }
        writeln!(o, "mentions:")?;
        if a.mentions.is_empty() {
            writeln!(o, "  (none)")?;
        }
        for (i, m) in a.mentions.iter().enumerate() {
            writeln!(
                o,
                "  m{i} [{}..{}) `{}` -> {} ({}{}) via {}{}",
                m.start,
                m.end,
                range(m.start, m.end),
                m.code,
                m.actor_type.as_str(),
                if m.adjective { ", adjective" } else { "" },
                m.rule.join(" + "),
                m.note
                    .as_ref()
                    .map(|n| format!("; {n}"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(o, "clauses:")?;
        for (i, c) in a.clauses.iter().enumerate() {
            writeln!(
                o,
                "  c{i} [{}..{}){} `{}`",
                c.start,
                c.end,
                c.opener
                    .as_ref()
                    .map(|w| format!(" opened by `{w}`"))
                    .unwrap_or_default(),
                range(c.start, c.end)
            )?;
        }
        if !a.frames.is_empty() {
            writeln!(o, "speech frames:")?;
        }
        for f in &a.frames {
            writeln!(
                o,
                "  `{}` speaker {} channel {} covers [{}..{})",
                tok(f.verb),
                f.speaker.map_or("-".into(), |i| format!("m{i}")),
                f.channel.map_or("-".into(), |i| format!("m{i}")),
                f.scope.0,
                f.scope.1
            )?;
        }
        writeln!(o, "events:")?;
        if a.events.is_empty() {
            writeln!(o, "  (none: no pattern matched with a source actor)")?;
        }
        for e in &a.events {
            let info = lex.dict.cameo.get(e.cameo.as_str());
            writeln!(
                o,
                "  {} -> {} {} {} [{} {}] by {} `{}` at `{}`",
                a.mentions[e.source].code,
                e.target
                    .map_or("-".to_string(), |t| a.mentions[t].code.to_string()),
                e.cameo,
                info.map_or("", |i| i.name.as_str()),
                serde_json::to_value(e.polarity)?
                    .as_str()
                    .unwrap_or_default(),
                serde_json::to_value(e.modality)?
                    .as_str()
                    .unwrap_or_default(),
                e.rule,
                e.pattern,
                range(e.trigger.0, e.trigger.1)
            )?;
            for r in &e.reasons {
                writeln!(o, "      because {r}")?;
            }
            if !e.signals.is_empty() {
                writeln!(o, "      signals: {}", e.signals.join(", "))?;
            }
        }
        let rejected: Vec<_> = a
            .candidates
            .iter()
            .filter(|c| c.rejected.is_some())
            .collect();
        if !rejected.is_empty() {
            writeln!(o, "rejected candidates:")?;
        }
        for c in rejected {
            writeln!(
                o,
                "  `{}` {} ({} `{}`): {}",
                tok(c.head),
                c.cameo,
                c.entry,
                c.pattern,
                c.rejected.as_deref().unwrap_or_default()
            )?;
        }
        writeln!(o)?;
    }
    print!("{o}");
    if args.json {
        for r in coder.records(&doc, &doc.id.0, &coded) {
            outln!("{}", serde_json::to_string(&r)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
