//! `redline report`: one self-contained HTML page.

mod common;

use std::path::Path;

use common::*;

/// Runs `redline report` on `db` with `args`, writing to a file in `dir`; returns the page and
/// standard error.
fn report(db: &Path, dir: &Path, args: &[&str]) -> (String, String) {
    let out_file = dir.join("report.html");
    let out = redline()
        .arg("report")
        .args(args)
        .arg("--db")
        .arg(db)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (std::fs::read_to_string(&out_file).unwrap(), stderr)
}

/// The dyad sections of a page, each from its opening tag to its end.
fn sections(html: &str) -> Vec<&str> {
    html.split("<section class=\"dyad\"")
        .skip(1)
        .map(|s| &s[..s.find("</section>").expect("every section ends")])
        .collect()
}

/// Nothing in the page loads anything: no scripts, no style sheets or fonts from elsewhere, no
/// `src`, and every link stays inside the page.
fn assert_self_contained(html: &str) {
    for banned in [
        "<script", "<link", "<iframe", "<img", "@import", "url(", " src=",
    ] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    for (i, _) in html.match_indices("href=") {
        assert!(
            html[i..].starts_with("href=\"#"),
            "a link out of the page: {}",
            &html[i..(i + 60).min(html.len())]
        );
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
}

#[test]
fn issue_5_the_report_of_the_examples_is_one_self_contained_page() {
    let (dir, db) = store_of_examples();
    let (html, stderr) = report(&db, dir.path(), &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_self_contained(&html);
    // The path and size are printed.
    let path = dir.path().join("report.html");
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        stderr.contains(&format!("wrote {} ({size} bytes", path.display())),
        "{stderr}"
    );
    // The header names the store and its counts.
    assert!(html.contains(&db.display().to_string()));
    assert!(html.contains("<dt>Documents</dt><dd>23,"), "{html}");
    // The busiest conflict dyad first (both directions), then the others: each with charts.
    let parts = sections(&html);
    assert_eq!(parts.len(), 6, "the default --top 6");
    assert!(parts[0].contains("<h2>MDA ↔ RUS</h2>"), "{}", parts[0]);
    for part in &parts {
        assert_eq!(part.matches("<svg").count(), 3, "{part}");
        assert!(part.contains("<title>"), "hover titles");
    }
    // The Causeni strike flagged as an escalation and the ceasefire as a de-escalation, with
    // their evidence, escaped.
    let first = parts[0];
    assert!(first.contains("<span class=\"tag up\">escalation</span>"));
    assert!(first.contains("<span class=\"tag down\">de-escalation</span>"));
    assert!(first.contains("Causeni") && first.contains("ceasefire"));
    assert!(first.contains("&quot;a network of paid agitators&quot;"));
    assert!(first.contains("8 events are too few"), "the model's reason");
    assert!(first.contains("Not enough history to backtest"));
    // Every alert that `redline alerts` reports on the same store.
    let out = redline()
        .args(["alerts", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let alerts = json_lines(&out.stdout);
    assert!(!alerts.is_empty());
    let after = html.split("<section id=\"alerts\">").nth(1).unwrap();
    let (listed, claims) = after.split_once("<section id=\"claims\">").unwrap();
    for a in &alerts {
        let rule = a["rule"].as_str().unwrap();
        assert!(listed.contains(&format!("<code>{rule}</code>")), "{rule}");
    }
    assert_eq!(
        listed.matches("<article class=\"alert\">").count(),
        alerts.len()
    );
    // The claims: the disputed troop figure first, flagged, and the claims about the dyads'
    // actors (Moldova's aid) after it.
    assert!(html.contains("<a href=\"#claims\">Claims</a>"));
    let first_group = claims.split("<article").nth(1).unwrap();
    assert!(
        first_group.contains("troops of unnamed parties"),
        "{first_group}"
    );
    assert!(
        first_group.contains("<strong>Sources disagree</strong>"),
        "{first_group}"
    );
    assert!(first_group.contains("about 8,000"), "{first_group}");
    assert!(claims.contains("money of MDA (EUR)"), "{claims}");
}

#[test]
fn issue_5_the_report_covers_the_dyads_asked_for_and_can_go_to_standard_output() {
    let (_dir, db) = store_of_examples();
    let out = redline()
        .args([
            "report", "--dyad", "RUS:MDA", "--dyad", "USA:MDA", "--by", "month", "-o", "-", "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert_self_contained(&html);
    let parts = sections(&html);
    assert_eq!(parts.len(), 2);
    assert!(parts[0].contains("<h2>RUS ↔ MDA</h2>"));
    assert!(parts[1].contains("<h2>USA ↔ MDA</h2>"));
    assert!(html.contains("Conflict intensity per month"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote standard output"));
}

#[test]
fn issue_5_the_report_of_an_empty_store_says_there_are_no_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    let empty = dir.path().join("nothing");
    std::fs::create_dir(&empty).unwrap();
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&empty)
        .assert()
        .success();
    let (html, _) = report(&db, dir.path(), &[]);
    assert_self_contained(&html);
    assert!(html.contains("The store holds no events"), "{html}");
    assert!(sections(&html).is_empty());
    assert!(html.contains("No red-line alerts."));
    // A dyad asked for by name gets a section that says it has nothing.
    let (html, _) = report(&db, dir.path(), &["--dyad", "RUS:UKR"]);
    let parts = sections(&html);
    assert_eq!(parts.len(), 1);
    assert!(parts[0].contains("No dated real-world events for RUS ↔ UKR"));
}

#[test]
fn issue_5_a_store_with_one_dyad_gets_one_section_and_store_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.db");
    let input = dir.path().join("one.jsonl");
    std::fs::write(
        &input,
        [
            r#"{"id":"a","date":"2024-03-01","publisher":"Wire","text":"Russian forces shelled Kharkiv and its <b>suburbs</b> & villages, \"officials\" said."}"#,
            r#"{"id":"b","date":"2024-03-20","publisher":"Post","text":"Russian forces shelled Kharkiv."}"#,
            r#"{"id":"c","date":"2024-03-05","publisher":"Wire","text":"The United States sent Patriot missiles to Ukraine."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .assert()
        .success();
    let rules = dir.path().join("rules.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: kharkiv-shelled\n    title: Kharkiv <shelled> & \"hit\"\n    cameo: [\"19\"]\n    words: [suburbs]\n",
    )
    .unwrap();
    let (html, _) = report(&db, dir.path(), &["--rules", rules.to_str().unwrap()]);
    assert_self_contained(&html);
    let parts = sections(&html);
    assert_eq!(parts.len(), 1, "only RUS-UKR has conflict events");
    assert!(parts[0].contains("<h2>RUS ↔ UKR</h2>"));
    assert_eq!(parts[0].matches("<svg").count(), 3);
    // The third-party component: US missiles to Ukraine while Russia fights it count towards
    // US-Russia tension, as their own dashed line.
    let (us, _) = report(&db, dir.path(), &["--dyad", "USA:RUS", "--by", "day"]);
    let part = sections(&us)[0];
    assert!(part.contains("1 third-party event"), "{part}");
    assert!(part.contains("stroke-dasharray"));
    // Text from the store and the rules file is escaped, never markup.
    assert!(!html.contains("<b>suburbs</b>"));
    assert!(
        html.contains("&lt;b&gt;suburbs&lt;/b&gt; &amp; villages, &quot;officials&quot; said.")
    );
    assert!(
        html.contains("<code>kharkiv-shelled</code> Kharkiv &lt;shelled&gt; &amp; &quot;hit&quot;")
    );
}
