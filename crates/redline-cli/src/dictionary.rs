//! Loading the dictionary for `code` and `explain`, and the `redline dict` command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use redline_coder::Coder;
use redline_dict::Dictionary;

use crate::output::outln;

/// Compiles the embedded dictionary, or the one in `dir`. Problems are printed as warnings:
/// every entry that parsed is still used.
pub fn load_coder(dir: Option<&Path>) -> Result<Coder> {
    let loaded = match dir {
        Some(d) => Dictionary::read_dir(d)
            .with_context(|| format!("loading dictionary {}", d.display()))?,
        None => Dictionary::embedded(),
    };
    for p in &loaded.problems {
        eprintln!("warning: dictionary: {p}");
    }
    Ok(Coder::new(loaded.dictionary))
}

/// Check or describe a dictionary.
#[derive(Debug, Args)]
pub struct DictArgs {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(Debug, Subcommand)]
enum DictCommand {
    /// Validate a dictionary folder (the embedded one without DIR): every problem is listed as
    /// `file:line: message`; exit status 1 if there is any.
    Check {
        /// A dictionary folder (see dict/README.md for the format).
        dir: Option<PathBuf>,
    },
    /// Count entries, phrases and patterns, and time loading and compiling.
    Stats {
        /// A dictionary folder; the embedded one without it.
        dir: Option<PathBuf>,
    },
}

pub fn run(args: DictArgs) -> Result<ExitCode> {
    match args.command {
        DictCommand::Check { dir } => {
            let loaded = match &dir {
                Some(d) => Dictionary::read_dir(d)?,
                None => Dictionary::embedded(),
            };
            for p in &loaded.problems {
                outln!("{p}");
            }
            let d = &loaded.dictionary;
            eprintln!(
                "redline dict check: {} actors, {} people, {} agents, {} classes, {} verb entries ({} patterns), {} irregular verbs, {} CAMEO codes; {} problem(s)",
                d.actors.len(),
                d.people.len(),
                d.agents.len(),
                d.classes.len(),
                d.verbs.len(),
                d.pattern_count(),
                d.irregular.len(),
                d.cameo.len(),
                loaded.problems.len()
            );
            Ok(if loaded.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        DictCommand::Stats { dir } => {
            let started = Instant::now();
            let loaded = match &dir {
                Some(d) => Dictionary::read_dir(d)?,
                None => Dictionary::embedded(),
            };
            let parse = started.elapsed();
            let coder = Coder::new(loaded.dictionary);
            let total = started.elapsed();
            let d = &coder.lexicon().dict;
            outln!(
                "actors        {:>6}  ({} phrases)",
                d.actors.len(),
                d.actors.iter().map(|a| a.phrases.len()).sum::<usize>()
            );
            outln!(
                "people        {:>6}  ({} phrases, {} roles)",
                d.people.len(),
                d.people.iter().map(|a| a.phrases.len()).sum::<usize>(),
                d.people.iter().map(|p| p.roles.len()).sum::<usize>()
            );
            outln!(
                "agents        {:>6}  ({} nouns)",
                d.agents.len(),
                d.agents.iter().map(|a| a.phrases.len()).sum::<usize>()
            );
            outln!(
                "classes       {:>6}  ({} phrases)",
                d.classes.len(),
                d.classes.iter().map(|a| a.phrases.len()).sum::<usize>()
            );
            outln!(
                "verb entries  {:>6}  ({} patterns)",
                d.verbs.len(),
                d.pattern_count()
            );
            let mut codes: Vec<&str> = d.verbs.iter().map(|v| v.cameo.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            let wanted: Vec<&str> = d
                .cameo
                .codes()
                .iter()
                .map(|c| c.code.as_str())
                .filter(|c| c.len() >= 3)
                .collect();
            let missing: Vec<&&str> = wanted.iter().filter(|c| !codes.contains(c)).collect();
            outln!(
                "CAMEO codes   {:>6}  with patterns, of {} three- and four-digit codes",
                codes.iter().filter(|c| c.len() >= 3).count(),
                wanted.len()
            );
            if !missing.is_empty() {
                outln!(
                    "  without a pattern: {}",
                    missing
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
            outln!("irregular     {:>6}", d.irregular.len());
            outln!("problems      {:>6}", loaded.problems.len());
            outln!(
                "load          {:>6.1} ms (parse and validate)",
                parse.as_secs_f64() * 1000.0
            );
            outln!("load+compile  {:>6.1} ms", total.as_secs_f64() * 1000.0);
            Ok(ExitCode::SUCCESS)
        }
    }
}
