//! `redline serve` as a user runs it: a real socket on loopback.

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

/// A port free right now on 127.0.0.1.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 GET, the whole answer as text.
fn http_get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn issue_6_serve_answers_on_loopback_and_names_its_address() {
    let (_dir, db) = store_of_examples();
    let port = free_port();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("redline"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let answer = std::panic::catch_unwind(|| http_get(port, "/api/events?dyad=RUS:MDA&limit=1"));
    let missing = std::panic::catch_unwind(|| http_get(port, "/api/documents/424242"));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        first.contains(&format!("http://127.0.0.1:{port}/api")) && first.contains("ingest off"),
        "{first}"
    );
    let answer = answer.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains("\"next\":"), "{answer}");
    let missing = missing.unwrap();
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
