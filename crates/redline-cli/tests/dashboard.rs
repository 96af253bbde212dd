//! The dashboard in a real browser: `redline serve` over the example corpus, headless Chromium
//! rendering each page, and the rendered DOM checked against what the API says. The dyad page's
//! links are followed to a document, so dyad -> event -> document works as a user clicks it.
//! Skipped (not failed) where `/usr/bin/chromium` is absent.

mod common;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

const CHROMIUM: &str = "/usr/bin/chromium";

/// One GET of the API, its JSON body.
fn api(port: u16, path: &str) -> Value {
    let out = http_get(port, path);
    assert!(out.starts_with("HTTP/1.1 200"), "{path}: {out}");
    let body = &out[out.find("\r\n\r\n").unwrap() + 4..];
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"))
}

fn serve(db: &Path, port: u16) -> Server {
    let (server, first) = start_server(db, port);
    assert!(
        first.contains(&format!("http://127.0.0.1:{port}/")),
        "{first}"
    );
    server
}

/// The DOM of `url` after its scripts ran, as headless Chromium dumps it.
fn dom(url: &str, profile: &Path) -> String {
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--virtual-time-budget=8000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).unwrap();
        out
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish rendering {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

/// The text of an HTML fragment: tags dropped, the entities a DOM dump writes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn issue_6_dashboard_renders_in_a_browser_and_links_dyad_to_event_to_document() {
    if !Path::new(CHROMIUM).exists() {
        println!("skipped: no /usr/bin/chromium");
        return;
    }
    let (dir, db) = store_of_examples();
    let port = free_port();
    let _server = serve(&db, port);
    let base = format!("http://127.0.0.1:{port}/");
    let profile = dir.path().join("chromium");

    // Overview: the busiest dyads link to their pages, the counts are the store's.
    let html = dom(&format!("{base}#/"), &profile);
    assert!(html.contains("Busiest dyads"), "{html}");
    for d in api(port, "/api/dyads?top=10").as_array().unwrap() {
        let href = format!(
            "href=\"#/dyad/{}/{}\"",
            d["a"].as_str().unwrap(),
            d["b"].as_str().unwrap()
        );
        assert!(html.contains(&href), "{href} missing from the overview");
    }
    let stats = api(port, "/api/stats");
    assert!(
        text_of(&html).contains(&format!("events{}", stats["events"])),
        "{html}"
    );
    let alerts = api(port, "/api/alerts");
    if let Some(a) = alerts.as_array().unwrap().last() {
        assert!(
            text_of(&html).contains(a["title"].as_str().unwrap()),
            "{html}"
        );
    }

    // Dyad: the escalation episode with its top events, each linking to its document; charts.
    let view = api(port, "/api/dyads/RUS/MDA?by=week");
    let episodes = view["body"]["episodes"].as_array().unwrap();
    let escalation = episodes
        .iter()
        .find(|e| e["direction"] == "escalation")
        .expect("the examples have an escalation between RUS and MDA");
    let html = dom(&format!("{base}#/dyad/RUS/MDA"), &profile);
    let text = text_of(&html);
    assert!(
        text.contains(&format!(
            "escalation {} to {}",
            escalation["start"].as_str().unwrap(),
            escalation["end"].as_str().unwrap()
        )),
        "{text}"
    );
    assert!(html.contains("class=\"uplot"), "no chart drawn: {html}");
    assert_eq!(html.matches("<canvas").count(), 3, "three charts");
    let top = &escalation["top"][0];
    assert!(text.contains(top["evidence"].as_str().unwrap()), "{text}");
    let doc_link = format!("#/document/{}", top["document"]);
    assert!(
        html.contains(&format!("href=\"{doc_link}\"")),
        "{doc_link} missing: {html}"
    );
    match view["body"]["hawkes"].get("unavailable") {
        Some(reason) => assert!(text.contains(reason.as_str().unwrap()), "{text}"),
        None => assert!(text.contains("Baseline μ"), "{text}"),
    }

    // Following the link: the document shows that event's sentence, highlighted.
    let doc = api(port, &format!("/api/documents/{}", top["document"]));
    let html = dom(&format!("{base}{doc_link}"), &profile);
    let text = text_of(&html);
    assert!(text.contains(doc["title"].as_str().unwrap()), "{text}");
    let event = doc["events_coded"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["sentence"] == top["evidence"])
        .expect("the top event's report is in its document");
    let card = html
        .split(&format!("id=\"event-{}\"", event["id"]))
        .nth(1)
        .expect("the event is listed on its document page");
    let card = &card[..card.find("class=\"event-card").unwrap_or(card.len())];
    assert!(
        text_of(card).contains(top["evidence"].as_str().unwrap()),
        "{card}"
    );
    for class in ["hl-source", "hl-trigger"] {
        assert!(
            card.contains(&format!("<mark class=\"{class}")),
            "{class}: {card}"
        );
    }
    assert!(
        text_of(card).contains(event["rule"].as_str().unwrap()),
        "{card}"
    );
    let source = event["source"]["text"].as_str().unwrap();
    assert!(
        html.contains(&format!(">{source}</mark>")),
        "the source {source:?} is marked in the text: {html}"
    );

    // The explorer: the dyad's first page with highlighted evidence and a cursor to the next.
    let page = api(port, "/api/events?dyad=RUS:MDA&limit=25");
    let html = dom(&format!("{base}#/events?dyad=RUS:MDA"), &profile);
    let text = text_of(&html);
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert_eq!(
        html.matches("<tr>").count(),
        items.len() + 1,
        "a row per event"
    );
    for e in items {
        assert!(text.contains(e["sentence"].as_str().unwrap()), "{text}");
        let href = format!("href=\"#/document/{}#event-{}\"", e["document_id"], e["id"]);
        assert!(html.contains(&href), "{href}");
    }
    assert!(html.contains("<mark class=\"hl-trigger"), "{html}");
    assert_eq!(
        html.contains("Next page"),
        !page["next"].is_null(),
        "{html}"
    );
    assert!(
        html.contains("value=\"RUS:MDA\""),
        "the form shows the filter"
    );

    // Claims: the disagreements' explanations.
    let groups = api(port, "/api/claims");
    let html = dom(&format!("{base}#/claims"), &profile);
    let text = text_of(&html);
    for g in groups.as_array().unwrap() {
        assert!(text.contains(g["label"].as_str().unwrap()), "{text}");
        for d in g["disagreements"].as_array().unwrap() {
            assert!(text.contains(d["explanation"].as_str().unwrap()), "{text}");
        }
    }

    // The actor network: one edge per pair the API lists, each a link to its dyad page.
    let edges = api(port, "/api/network");
    let html = dom(&format!("{base}#/network"), &profile);
    assert!(html.contains("<svg"), "{html}");
    for e in edges.as_array().unwrap() {
        let href = format!(
            "href=\"#/dyad/{}/{}\"",
            e["source"].as_str().unwrap(),
            e["target"].as_str().unwrap()
        );
        assert!(html.contains(&href), "{href} missing");
    }
}
