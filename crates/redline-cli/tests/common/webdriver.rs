//! A small W3C WebDriver client over plain HTTP, enough for the dashboard's browser tests: it
//! starts `chromedriver`, opens a headless Chromium session and drives it (open a page, run a
//! script, find, click, press a key, resize, take a screenshot). Every command is one HTTP/1.1
//! request on loopback with a JSON body; every answer is `{"value": ...}`.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// Debian's Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's `chromium-driver`, of the same version.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The key under which WebDriver names an element.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Why the browser tests cannot run here, or `None` when they can.
pub fn missing() -> Option<&'static str> {
    [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .find(|p| !Path::new(p).exists())
}

/// One request to the driver: the HTTP status and the answer's `value`.
fn request(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<(u16, Value), String> {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut s = TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| format!("chromedriver on port {port}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    // chromedriver says `Connection: close` but keeps the connection open: read the head,
    // then as many bytes as it announces.
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = s
            .read(&mut buf)
            .map_err(|e| format!("{method} {path}: {e}"))?;
        if n == 0 {
            return Err(format!("{method} {path}: no HTTP answer"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut payload = raw[split + 4..].to_vec();
    let length = head.lines().find_map(|l| {
        l.strip_prefix("content-length:")
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    let chunked =
        head.contains("transfer-encoding: chunked") || head.contains("transfer-encoding:chunked");
    loop {
        let complete = match length {
            Some(n) => payload.len() >= n,
            None if chunked => payload.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            break;
        }
        let n = s
            .read(&mut buf)
            .map_err(|e| format!("{method} {path}: {e}"))?;
        if n == 0 {
            break;
        }
        payload.extend_from_slice(&buf[..n]);
    }
    if chunked {
        payload = unchunk(&payload)?;
    }
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let answer: Value = serde_json::from_slice(&payload).map_err(|e| {
        format!(
            "{method} {path}: {e}: {}",
            String::from_utf8_lossy(&payload)
        )
    })?;
    Ok((status, answer["value"].clone()))
}

/// One request to the driver; the answer's `value`. Panics with the driver's message when the
/// request fails or the driver answers an error.
fn call(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    match request(port, method, path, body) {
        Ok((200..=299, value)) => value,
        Ok((status, value)) => panic!(
            "{method} {path}: {status}: {} {}",
            value["error"], value["message"]
        ),
        Err(e) => panic!("{e}"),
    }
}

/// The body of a chunked HTTP answer.
fn unchunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_line = String::from_utf8_lossy(&data[..eol]).to_string();
        let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("not a chunk size: {size_line:?}"))?;
        data = &data[eol + 2..];
        if size == 0 {
            break;
        }
        let chunk = data
            .get(..size)
            .ok_or_else(|| format!("a chunk of {size} bytes is cut short"))?;
        out.extend_from_slice(chunk);
        data = &data[(size + 2).min(data.len())..];
    }
    Ok(out)
}

/// A running `chromedriver`, killed when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it is ready.
    pub fn start() -> Driver {
        let port = super::free_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{CHROMEDRIVER}: {e}"));
        let driver = Driver { child, port };
        let start = Instant::now();
        loop {
            let ready = request(port, "GET", "/status", None)
                .is_ok_and(|(status, value)| status == 200 && value["ready"] == true);
            if ready {
                return driver;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not get ready on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A headless Chromium session with a window of `width` x `height` and its profile in
    /// `profile` (a folder of its own).
    pub fn session(&self, profile: &Path, width: u32, height: u32) -> Session<'_> {
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": CHROMIUM,
                        "args": [
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--disable-background-networking",
                            format!("--user-data-dir={}", profile.display()),
                            format!("--window-size={width},{height}"),
                        ],
                    },
                },
            },
        });
        let answer = call(self.port, "POST", "/session", Some(&capabilities));
        let id = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        Session { driver: self, id }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session, closed (its browser ended) when dropped.
pub struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl Session<'_> {
    fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        call(
            self.driver.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    /// Opens `url` (the call returns once the page has loaded).
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Runs `script` (a function body: `return ...`) in the page, with `args` as `arguments`.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Polls `script` until it returns something other than `null` or `false` and returns that;
    /// panics naming `what` after `secs` seconds.
    pub fn wait_for(&self, what: &str, script: &str, secs: u64) -> Value {
        let start = Instant::now();
        loop {
            let v = self.run(script, json!([]));
            if !v.is_null() && v != false {
                return v;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                let text = self.run(
                    "return document.getElementById('main').innerText.slice(0, 2000)",
                    json!([]),
                );
                panic!("waited {secs} s for {what}; the page says: {text}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The first element matching the CSS selector `css`.
    pub fn find(&self, css: &str) -> Element {
        let v = self.cmd(
            "POST",
            "/element",
            Some(&json!({ "using": "css selector", "value": css })),
        );
        match v[ELEMENT].as_str() {
            Some(id) => Element(id.to_string()),
            None => panic!("no element matches {css}: {v}"),
        }
    }

    /// An attribute of an element as the page has it (`href` as written, not resolved).
    pub fn attribute(&self, e: &Element, name: &str) -> Option<String> {
        self.cmd("GET", &format!("/element/{}/attribute/{name}", e.0), None)
            .as_str()
            .map(str::to_string)
    }

    /// Clicks an element as a user does (scrolled into view, at its centre).
    pub fn click(&self, e: &Element) {
        self.cmd("POST", &format!("/element/{}/click", e.0), Some(&json!({})));
    }

    /// Presses and releases one key (`"\u{E004}"` is Tab, `"\u{E007}"` Enter).
    pub fn press(&self, key: &str) {
        let actions = json!({ "actions": [{
            "type": "key",
            "id": "keyboard",
            "actions": [{ "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }],
        }]});
        self.cmd("POST", "/actions", Some(&actions));
    }

    /// Resizes the browser window.
    pub fn resize(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(&json!({ "width": width, "height": height })),
        );
    }

    /// Writes a PNG of the visible page to `path` (its folder is created).
    pub fn screenshot(&self, path: &Path) {
        let data = self.cmd("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        // Ends the browser; a failure here (the driver gone) must not hide the test's own.
        let _ = request(
            self.driver.port,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}

/// An element of the page, as WebDriver names it.
pub struct Element(String);
