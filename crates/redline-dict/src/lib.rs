//! Redline's dictionaries: the `.rld` format, validation, and the embedded defaults.
//!
//! A dictionary is a folder of line-based files (specified in `dict/README.md`): actors, people
//! with date-bounded roles, agents, word classes, irregular verbs and event patterns, plus the
//! CAMEO code table. [`Dictionary::load`] reads every file, keeps every entry that parses and
//! returns every problem with its `file:line`; [`Dictionary::load_strict`] turns any problem into
//! an error listing them all. The coder compiles a [`Dictionary`] into its matching automata.
//!
//! Other dictionary formats (TABARI/PETRARCH) can be added as further parsers that produce the
//! same entry types; nothing downstream depends on the `.rld` syntax.

mod cameo;
mod entry;
mod inflect;
mod parse;
mod problem;
mod validate;

use std::path::Path;

pub use cameo::{CameoInfo, CameoTable};
pub use entry::{
    ActorEntry, ActorType, AgentEntry, ClassEntry, Element, FileKind, IrregularEntry, Location,
    MAX_GAP, Pattern, PersonEntry, Phrase, Role, VerbEntry,
};
pub use inflect::{VerbForm, noun_forms, verb_forms};
pub use parse::{parse_file, parse_pattern};
pub use problem::{DictError, Problem};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The path of the CAMEO table inside a dictionary folder.
pub const CAMEO_TABLE: &str = "cameo/codes.tsv";

/// A loaded dictionary: every entry that parsed, from every file.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// CAMEO codes with their values.
    pub cameo: CameoTable,
    /// Countries, seats, institutions, organisations, groups, media.
    pub actors: Vec<ActorEntry>,
    /// Named people.
    pub people: Vec<PersonEntry>,
    /// Role nouns.
    pub agents: Vec<AgentEntry>,
    /// Word classes.
    pub classes: Vec<ClassEntry>,
    /// Event patterns.
    pub verbs: Vec<VerbEntry>,
    /// Irregular verbs.
    pub irregular: Vec<IrregularEntry>,
}

/// A dictionary with the problems found while loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Everything that loaded.
    pub dictionary: Dictionary,
    /// Every problem, sorted by file and line.
    pub problems: Vec<Problem>,
}

/// Errors reading a dictionary folder from disk.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or folder could not be read.
    #[error("cannot read dictionary file {path}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The folder has no dictionary files.
    #[error("{0} has no .rld files and no cameo/codes.tsv: is it a dictionary folder?")]
    Empty(String),
}

impl Dictionary {
    /// Loads from `(name, text)` pairs; `name` is the path relative to the dictionary folder.
    /// Keeps every entry that parses and reports every problem.
    pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Loaded {
        let mut dictionary = Dictionary::default();
        let mut problems = Vec::new();
        let mut saw_cameo = false;
        for (name, text) in files {
            if name == CAMEO_TABLE {
                dictionary.cameo = CameoTable::parse(name, text, &mut problems);
                saw_cameo = true;
                continue;
            }
            if !name.ends_with(".rld") {
                continue;
            }
            let parsed = parse_file(name, text);
            if parsed.kind.is_none() {
                problems.push(Problem {
                    location: Location {
                        file: name.to_string(),
                        line: 1,
                    },
                    message: "the file has no `%kind` directive".into(),
                });
            }
            problems.extend(parsed.problems);
            dictionary.actors.extend(parsed.actors);
            dictionary.people.extend(parsed.people);
            dictionary.agents.extend(parsed.agents);
            dictionary.classes.extend(parsed.classes);
            dictionary.verbs.extend(parsed.verbs);
            dictionary.irregular.extend(parsed.irregular);
        }
        if !saw_cameo {
            problems.push(Problem {
                location: Location {
                    file: CAMEO_TABLE.into(),
                    line: 0,
                },
                message: "the CAMEO table is missing".into(),
            });
        }
        validate::validate(&dictionary, &mut problems);
        problems.sort_by(|a, b| {
            (a.location.file.as_str(), a.location.line)
                .cmp(&(b.location.file.as_str(), b.location.line))
        });
        Loaded {
            dictionary,
            problems,
        }
    }

    /// Loads and fails with every problem listed if there is any.
    pub fn load_strict<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Dictionary, DictError> {
        let loaded = Dictionary::load(files);
        if loaded.problems.is_empty() {
            Ok(loaded.dictionary)
        } else {
            Err(DictError(loaded.problems))
        }
    }

    /// The dictionary embedded in the binary (the workspace's `dict/` folder at build time).
    pub fn embedded() -> Loaded {
        Dictionary::load(embedded::FILES.iter().copied())
    }

    /// The embedded files, for tools that list or export them.
    pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
        embedded::FILES
    }

    /// Reads every `.rld` file and `cameo/codes.tsv` under `dir`.
    pub fn read_dir(dir: &Path) -> Result<Loaded, LoadError> {
        let mut files = Vec::new();
        read_tree(dir, dir, &mut files)?;
        if files.is_empty() {
            return Err(LoadError::Empty(dir.display().to_string()));
        }
        files.sort();
        Ok(Dictionary::load(
            files.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        ))
    }

    /// The number of patterns over all verb entries.
    pub fn pattern_count(&self) -> usize {
        self.verbs.iter().map(|v| v.patterns.len()).sum()
    }
}

fn read_tree(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) -> Result<(), LoadError> {
    let io = |source, path: &Path| LoadError::Io {
        path: path.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(|e| io(e, dir))? {
        let path = entry.map_err(|e| io(e, dir))?.path();
        if path.is_dir() {
            read_tree(&path, root, out)?;
            continue;
        }
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".rld") || rel == CAMEO_TABLE {
            let text = std::fs::read_to_string(&path).map_err(|e| io(e, &path))?;
            out.push((rel, text));
        }
    }
    Ok(())
}
