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

/// The alerts of an `/api/alerts` answer, newest first: `{total, items}` lists them so; an
/// answer of the whole list (the earlier shape) has them oldest first.
fn newest_alerts(answer: &Value) -> Vec<Value> {
    match answer {
        Value::Array(all) => all.iter().rev().cloned().collect(),
        other => other["items"]
            .as_array()
            .unwrap_or_else(|| panic!("alerts: {other}"))
            .clone(),
    }
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
    // The dyads whose escalation moved most, as the API ranks them, with their change.
    let movers = api(port, "/api/movers?days=30&top=10");
    let text = text_of(&html);
    assert!(
        text.contains(&format!(
            "{} to {}",
            movers["recent"]["from"].as_str().unwrap(),
            movers["recent"]["to"].as_str().unwrap()
        )),
        "the movers' window is named: {text}"
    );
    let items = movers["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let mut at = 0;
    for m in items {
        let (a, b) = (m["a"].as_str().unwrap(), m["b"].as_str().unwrap());
        let row = format!("{a} ↔ {b}");
        let found = text[at..]
            .find(&row)
            .unwrap_or_else(|| panic!("{row} missing or out of order in the movers"));
        at += found + row.len();
        let change = format!("{:.2}", m["change"].as_f64().unwrap().abs());
        // The row's cells follow its name: before, recent, change.
        let cells: String = text[at..].chars().take(40).collect();
        let before = format!("{:.2}", m["previous_per_100"].as_f64().unwrap());
        assert!(
            cells.starts_with(&before),
            "{row} shows {before} before: {cells}"
        );
        assert!(
            cells.contains(&change),
            "{row} shows its change {change}: {cells}"
        );
    }
    // The news volume: a chart and a table with one row per week.
    assert!(
        html.contains("aria-label=\"Documents, coded reports and conflict reports per week\""),
        "no volume chart"
    );
    let weeks = api(port, "/api/volume?by=week")["buckets"]
        .as_array()
        .unwrap()
        .len();
    assert!(
        text.contains(&format!("The volume as a table ({weeks} periods)")),
        "{text}"
    );
    let alerts = newest_alerts(&api(port, "/api/alerts?limit=20"));
    if let Some(a) = alerts.first() {
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

/// Where the browser tests leave their screenshots: `target/dashboard-screenshots/` of the
/// workspace.
fn screenshots() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dashboard-screenshots")
}

/// A script returning true once the page `page` (the router's `data-page`) has rendered and
/// `css` matches an element.
fn rendered(page: &str, css: &str) -> String {
    format!(
        "return document.body.dataset.page === {page:?} \
         && document.getElementById('main').getAttribute('aria-busy') === 'false' \
         && document.querySelector({css:?}) !== null;"
    )
}

/// The text of every element matching `css`, joined.
fn text_of_all(s: &webdriver::Session<'_>, css: &str) -> String {
    s.run(
        "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent).join('');",
        serde_json::json!([css]),
    )
    .as_str()
    .unwrap()
    .to_string()
}

#[test]
fn issue_6_click_from_dyad_to_event_to_document() {
    if let Some(absent) = webdriver::missing() {
        println!("skipped: {absent} is not installed (apt-get install chromium chromium-driver)");
        return;
    }
    let (dir, db) = store_of_examples();
    let port = free_port();
    let _server = serve(&db, port);
    let base = format!("http://127.0.0.1:{port}/");
    let shots = screenshots();
    let driver = webdriver::Driver::start();
    let s = driver.session(&dir.path().join("chromium-profile"), 1366, 800);

    // The overview: counts, dyads and the newest alerts, each alert event a link to its
    // real-world event.
    s.goto(&format!("{base}#/"));
    s.wait_for("the overview", &rendered("overview", "ol.dyads a"), 30);
    // The volume chart is drawn once the page is in the document.
    s.wait_for(
        "the volume chart",
        "return document.querySelector('section[aria-labelledby=h-volume] figure.chart canvas') !== null;",
        10,
    );
    s.screenshot(&shots.join("overview.png"));
    let alerts = newest_alerts(&api(port, "/api/alerts?limit=20"));
    if let Some(a) = alerts.first() {
        let cluster = a["events"][0]["id"].as_i64().unwrap();
        s.find(&format!("a[href=\"#/cluster/{cluster}\"]"));
    }

    // Keyboard: from the top of the page, Tab reaches links (and controls) only, each with a
    // visible outline.
    for i in 0..6 {
        s.press("\u{E004}");
        let focused = s.run(
            "const e = document.activeElement; const st = getComputedStyle(e); \
             return [e.tagName, e.getAttribute('href'), st.outlineStyle, st.outlineWidth];",
            serde_json::json!([]),
        );
        let tag = focused[0].as_str().unwrap();
        if i == 0 {
            assert_eq!(tag, "A", "the first Tab reaches a link: {focused}");
            assert!(focused[1].is_string(), "{focused}");
        }
        assert!(
            ["A", "BUTTON", "INPUT", "SUMMARY"].contains(&tag),
            "Tab {i} reached {focused}"
        );
        assert_ne!(focused[2], "none", "Tab {i}: no focus outline on {focused}");
        assert_ne!(focused[3], "0px", "Tab {i}: no focus outline on {focused}");
    }

    // Click the first dyad: its charts, episodes with their top events, and the backtest.
    let first_dyad = s.find("ol.dyads li a");
    let href = s.attribute(&first_dyad, "href").unwrap();
    let (a, b) = href
        .strip_prefix("#/dyad/")
        .and_then(|p| p.split_once('/'))
        .unwrap_or_else(|| panic!("not a dyad link: {href}"));
    let (a, b) = (a.to_string(), b.to_string());
    s.click(&first_dyad);
    s.wait_for("the dyad's charts", &rendered("dyad", ".episode li"), 30);
    s.wait_for(
        "three charts",
        "return document.querySelectorAll('.uplot canvas').length === 3;",
        30,
    );
    s.screenshot(&shots.join("dyad.png"));
    let view = api(port, &format!("/api/dyads/{a}/{b}?by=week"));
    let body = &view["body"];
    let page_text = text_of_all(&s, "#main");
    for ep in body["episodes"].as_array().unwrap() {
        let line = format!(
            "{} {} to {}",
            ep["direction"].as_str().unwrap(),
            ep["start"].as_str().unwrap(),
            ep["end"].as_str().unwrap()
        );
        assert!(page_text.contains(&line), "{line} missing: {page_text}");
    }
    let backtest = text_of_all(&s, "section[aria-labelledby=h-backtest]");
    assert!(backtest.contains("Forecast backtest"), "{backtest}");
    match body["backtest"].get("unavailable") {
        Some(reason) => assert!(backtest.contains(reason.as_str().unwrap()), "{backtest}"),
        None => {
            for summary in body["backtest"]["summaries"].as_array().unwrap() {
                let horizon = format!("{} d", summary["horizon"].as_f64().unwrap().round());
                assert!(backtest.contains(&horizon), "{horizon}: {backtest}");
                if summary["scores"].is_null() {
                    assert!(
                        backtest.to_lowercase().contains("no origins: "),
                        "{backtest}"
                    );
                }
            }
        }
    }

    // The charts follow the window's width (redrawn once resizing stops).
    let wide = s.run(
        "return document.querySelector('.uplot').offsetWidth;",
        serde_json::json!([]),
    );
    s.resize(1000, 800);
    s.wait_for(
        "the charts to narrow",
        &format!(
            "const u = document.querySelector('.uplot'); \
             return u.offsetWidth < {wide} && u.offsetWidth <= u.parentElement.parentElement.clientWidth;"
        ),
        10,
    );
    s.resize(1366, 800);
    s.wait_for(
        "the charts to widen again",
        &format!("return document.querySelector('.uplot').offsetWidth === {wide};"),
        10,
    );

    // Click the top event whose real-world event has the most reports: its page shows the
    // sentence the API has for it, and the other reports.
    let tops: Vec<i64> = body["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|ep| ep["top"].as_array().unwrap().clone())
        .map(|t| t["event"].as_i64().unwrap())
        .collect();
    let id = *tops
        .iter()
        .max_by_key(|id| api(port, &format!("/api/events/{id}"))["reports_total"].as_i64())
        .expect("the episodes have top events");
    let top_event = s.find(&format!(".episode a.event-link[href=\"#/event/{id}\"]"));
    s.click(&top_event);
    s.wait_for(
        "the event page",
        &rendered("event", ".evidence-quote mark.hl-trigger"),
        30,
    );
    s.screenshot(&shots.join("event.png"));
    let detail = api(port, &format!("/api/events/{id}"));
    let event = &detail["event"];
    assert_eq!(
        text_of_all(&s, ".evidence-quote"),
        event["sentence"].as_str().unwrap()
    );
    assert!(
        !text_of_all(&s, ".evidence-quote mark.hl-source").is_empty(),
        "the source is marked"
    );
    let page_text = text_of_all(&s, "#main");
    for wanted in [
        event["rule"].as_str().unwrap(),
        event["cameo"].as_str().unwrap(),
        event["evidence"]["date_rule"].as_str().unwrap(),
    ] {
        assert!(page_text.contains(wanted), "{wanted} missing: {page_text}");
    }
    if let Some(name) = detail["cameo_names"][event["cameo"].as_str().unwrap()].as_str() {
        assert!(
            page_text.to_lowercase().contains(&name.to_lowercase()),
            "{name}: {page_text}"
        );
    }
    let cluster = &detail["cluster"];
    assert!(
        page_text.contains(&format!("Real-world event (cluster {})", cluster["id"])),
        "{page_text}"
    );
    for r in detail["reports"].as_array().unwrap() {
        if r["id"] == id {
            continue;
        }
        s.find(&format!(".reports a[href=\"#/event/{}\"]", r["id"]));
        s.find(&format!(
            ".reports a[href=\"#/document/{}#event-{}\"]",
            r["document_id"], r["id"]
        ));
    }

    // Click through to the document: its title, and this event's sentence marked in the text.
    let doc_link = s.find("a.doc-link");
    assert_eq!(
        s.attribute(&doc_link, "href").unwrap(),
        format!("#/document/{}#event-{id}", event["document_id"])
    );
    s.click(&doc_link);
    s.wait_for(
        "the document page",
        &rendered("document", &format!("#event-{id}.focused")),
        30,
    );
    s.screenshot(&shots.join("document.png"));
    let doc = api(port, &format!("/api/documents/{}", event["document_id"]));
    assert_eq!(
        text_of_all(&s, "#main h1"),
        doc["title"].as_str().unwrap(),
        "the document's title"
    );
    assert_eq!(
        text_of_all(&s, "article.doc-text mark.hl-focus"),
        event["sentence"].as_str().unwrap(),
        "the event's sentence is marked in the text"
    );
    assert!(
        !text_of_all(&s, "article.doc-text mark.hl-focus.hl-trigger").is_empty(),
        "its trigger is marked inside it"
    );

    // Claims: each claim links to its document, focused on the claim's sentence.
    s.goto(&format!("{base}#/claims"));
    s.wait_for(
        "the claims page",
        &rendered("claims", "a[href*=\"#text-\"]"),
        30,
    );
    s.screenshot(&shots.join("claims.png"));
    let claim_link = s.find("a[href*=\"#text-\"]");
    let href = s.attribute(&claim_link, "href").unwrap();
    let doc_id: i64 = href
        .strip_prefix("#/document/")
        .and_then(|r| r.split('#').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a document link: {href}"));
    let claims: Vec<Value> = api(port, "/api/claims")
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["members"].as_array().unwrap().clone())
        .filter(|c| c["document_id"] == doc_id)
        .collect();
    assert!(!claims.is_empty(), "{href} names a document of a claim");
    s.click(&claim_link);
    s.wait_for(
        "the claim's document",
        &rendered("document", "article.doc-text mark.hl-focus"),
        30,
    );
    s.screenshot(&shots.join("claim-document.png"));
    let focused = text_of_all(&s, "article.doc-text mark.hl-focus");
    assert!(
        claims.iter().any(|c| c["sentence"] == focused.as_str()),
        "the focus {focused:?} is the sentence of a claim of document {doc_id}"
    );
}
