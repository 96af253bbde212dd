//! Golden files: `redline doc --removed` on every example article, compared with
//! `tests/golden/doc/<file>.txt`. A change in cleaning or splitting shows up as a readable diff.
//!
//! Update the expectations after an intended change with:
//!     REDLINE_BLESS=1 cargo test -p redline-cli --test golden
//! and review the diff with `git diff crates/redline-cli/tests/golden`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

#[test]
fn doc_output_matches_the_golden_files() {
    let root = repo_root();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/doc");
    let bless = std::env::var_os("REDLINE_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&golden_dir).unwrap();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples/news"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("examples/news/{name}");
        let out = Command::cargo_bin("redline")
            .unwrap()
            .current_dir(&root)
            .args(["doc", "--removed", &relative])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{relative}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        let golden = golden_dir.join(format!("{name}.txt"));
        if bless {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            let diff = similar::TextDiff::from_lines(&want, &got)
                .unified_diff()
                .header(
                    &format!("{} (expected)", golden.display()),
                    "redline doc (actual)",
                )
                .to_string();
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden file(s) differ; if the change is intended, run\n  REDLINE_BLESS=1 cargo test -p redline-cli --test golden\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The analysis commands on the example corpus, each compared with
/// `tests/golden/analysis/<name>.txt` (standard output only: standard error carries timings).
/// The store is built from `examples/news` given as a relative path, so document ids are the
/// same on every machine.
#[test]
fn issue_5_analysis_of_the_examples_matches_the_golden_files() {
    let root = repo_root();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/analysis");
    let bless = std::env::var_os("REDLINE_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&golden_dir).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    let ingest = Command::cargo_bin("redline")
        .unwrap()
        .current_dir(&root)
        .args(["ingest", "--db"])
        .arg(&db)
        .arg("examples/news")
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let runs: &[(&str, &[&str])] = &[
        (
            "escalation-rus-mda-week",
            &["escalation", "--dyad", "RUS:MDA", "--by", "week"],
        ),
        (
            "escalation-rus-mda-undirected-month-json",
            &[
                "escalation",
                "--dyad",
                "RUS:MDA",
                "--undirected",
                "--by",
                "month",
                "--json",
            ],
        ),
        (
            "escalation-rus-usa-undirected-month",
            &[
                "escalation",
                "--dyad",
                "RUS:USA",
                "--undirected",
                "--by",
                "month",
            ],
        ),
        (
            "ladder-rus-mda-undirected",
            &["ladder", "--dyad", "RUS:MDA", "--undirected"],
        ),
        ("alerts", &["alerts"]),
        ("claims", &["claims"]),
        (
            "backtest-rus-mda-undirected",
            &[
                "backtest",
                "--dyad",
                "RUS:MDA",
                "--undirected",
                "--min-history",
                "14",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (name, args) in runs {
        let out = Command::cargo_bin("redline")
            .unwrap()
            .current_dir(&root)
            .args(*args)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "redline {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        let golden = golden_dir.join(format!("{name}.txt"));
        if bless {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            let mut diff = format!("redline {} (golden {name}.txt):\n", args.join(" "));
            for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
                if w != g {
                    diff += &format!("  line {}:\n  - {w}\n  + {g}\n", i + 1);
                }
            }
            let (nw, ng) = (want.lines().count(), got.lines().count());
            if nw != ng {
                diff += &format!("  {nw} lines expected, {ng} lines got\n");
            }
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "analysis output differs from the golden files; if the new output is right, run \
         REDLINE_BLESS=1 cargo test -p redline-cli --test golden and review the diff:\n\n{}",
        failures.join("\n")
    );
}
