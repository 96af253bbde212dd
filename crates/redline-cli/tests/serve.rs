//! `redline serve` as a user runs it: a real socket on loopback.

mod common;

use common::*;

#[test]
fn issue_6_serve_answers_on_loopback_and_names_its_address() {
    let (_dir, db) = store_of_examples();
    let port = free_port();
    let (server, first) = start_server(&db, port);
    let answer = http_get(port, "/api/events?dyad=RUS:MDA&limit=1");
    let missing = http_get(port, "/api/documents/424242");
    drop(server);
    assert!(
        first.contains(&format!("http://127.0.0.1:{port}/api")) && first.contains("ingest off"),
        "{first}"
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains("\"next\":"), "{answer}");
    assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
    assert!(missing.contains("\"code\":\"not_found\""), "{missing}");
}

#[test]
fn issue_6_serve_refuses_a_missing_store_and_a_short_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = redline()
        .args(["serve", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store here"));
    let (_d, db) = store_of_examples();
    let out = redline()
        .args(["serve", "--ingest-token", "short", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("too short"));
}
