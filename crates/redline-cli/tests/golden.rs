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
