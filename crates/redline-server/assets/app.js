// Redline's dashboard: a hash router over the JSON API of `redline serve`.
// Every text from the store reaches the page through text nodes (never as HTML).

const main = document.getElementById("main");

// ---------------------------------------------------------------- helpers

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A link inside the dashboard. */
function link(hash, ...children) {
  return el("a", { href: hash }, ...children);
}

class ApiFailure extends Error {}

/** GET a JSON answer of the API; errors carry the API's message. */
async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiFailure(`${path}: ${res.status} ${res.statusText}`);
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.statusText;
    throw new ApiFailure(`${path}: ${msg}`);
  }
  return body;
}

const enc = (s) => encodeURIComponent(s);
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "–" : Number(v).toFixed(digits));
const signed = (v) => (v > 0 ? "+" : "") + fmt(v);

/** The events explorer's address for these filters. */
function eventsHash(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `#/events?${s}` : "#/events";
}

/** Explorer filters for one real-world event: its dyad, code and day. */
function eventFilters(e) {
  const p = { cameo: e.cameo, from: e.date, to: e.date };
  if (e.target && e.target !== "-") p.dyad = `${e.source}:${e.target}`;
  else p.source = e.source;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date || "")) {
    delete p.from;
    delete p.to;
  }
  return p;
}

// ------------------------------------------------- byte offsets and highlights

/**
 * A function from UTF-8 byte offsets in `text` (how the store's spans count) to JS string
 * (UTF-16) indices. Offsets inside a character map to its start.
 */
function byteIndex(text) {
  const bytes = new TextEncoder().encode(text);
  const map = new Uint32Array(bytes.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n && b + k <= bytes.length; k++) map[b + k] = i;
    b += n;
    i += units;
  }
  map[Math.min(b, bytes.length)] = text.length;
  return (offset) => map[Math.max(0, Math.min(offset, bytes.length))];
}

/** The byte length of a string in UTF-8. */
const byteLength = (s) => new TextEncoder().encode(s).length;

/** The highlight spans (byte offsets in the document) of an event: source, target, trigger. */
function eventSpans(e) {
  const out = [];
  if (e.source && e.source.span) out.push({ span: e.source.span, cls: "hl-source", label: `source ${e.source.code}` });
  if (e.target && e.target.span) out.push({ span: e.target.span, cls: "hl-target", label: `target ${e.target.code}` });
  if (e.evidence && e.evidence.trigger) out.push({ span: e.evidence.trigger, cls: "hl-trigger", label: `trigger (${e.cameo})` });
  return out;
}

/**
 * `text` with marks over ranges {start, end, cls, label} in JS indices. Overlapping ranges split
 * into segments carrying every class that covers them.
 */
function highlighted(text, ranges) {
  const cuts = new Set([0, text.length]);
  const rs = ranges.filter((r) => r.end > r.start && r.start >= 0 && r.end <= text.length);
  for (const r of rs) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const piece = text.slice(s, e);
    const over = rs.filter((r) => r.start <= s && r.end >= e);
    if (over.length === 0) {
      frag.append(document.createTextNode(piece));
    } else {
      const classes = [...new Set(over.map((r) => r.cls))];
      const labels = [...new Set(over.map((r) => r.label))];
      frag.append(el("mark", { class: classes.join(" "), title: labels.join("; ") }, piece));
    }
  }
  return frag;
}

/**
 * Where `e.sentence` lies in the document text (JS indices), chosen so that it holds the
 * event's source span; null when it is not found.
 */
function sentenceRange(doc, toIndex, e) {
  const anchor = e.source && e.source.span ? toIndex(e.source.span[0]) : -1;
  let first = null;
  for (let at = doc.indexOf(e.sentence); at >= 0; at = doc.indexOf(e.sentence, at + 1)) {
    if (first === null) first = at;
    if (anchor >= at && anchor < at + e.sentence.length) return [at, at + e.sentence.length];
  }
  return first === null ? null : [first, first + e.sentence.length];
}

/** An event's evidence sentence with source, target and trigger marked. */
function evidenceSentence(e, doc) {
  const span = el("span", { class: "evidence" });
  if (!doc) {
    span.append(e.sentence);
    return span;
  }
  const toIndex = doc.toIndex;
  const range = sentenceRange(doc.text, toIndex, e);
  if (!range) {
    span.append(e.sentence);
    return span;
  }
  const ranges = eventSpans(e).map((h) => ({
    start: toIndex(h.span[0]) - range[0],
    end: toIndex(h.span[1]) - range[0],
    cls: h.cls,
    label: h.label,
  }));
  span.append(highlighted(e.sentence, ranges));
  return span;
}

const docCache = new Map();

/** A document with its byte-offset map, fetched once. */
function loadDocument(id) {
  if (!docCache.has(id)) {
    docCache.set(
      id,
      api(`/api/documents/${enc(id)}`).then((d) => ({ ...d, toIndex: byteIndex(d.text) })),
    );
  }
  return docCache.get(id);
}

function legend() {
  return el(
    "p",
    { class: "legend" },
    el("mark", { class: "hl-source" }, "source actor"),
    el("mark", { class: "hl-target" }, "target actor"),
    el("mark", { class: "hl-trigger" }, "trigger"),
  );
}

function attributionText(a) {
  if (!a) return "";
  const who = [a.speaker, a.channel].filter(Boolean);
  return who.join(" via ");
}

function modalityTags(e) {
  return [
    e.polarity && e.polarity !== "asserted" ? el("span", { class: "tag neg" }, e.polarity) : null,
    e.modality && e.modality !== "actual" ? el("span", { class: "tag neg" }, e.modality) : null,
    e.background ? el("span", { class: "tag" }, "background") : null,
  ];
}

function table(headers, rows) {
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col", class: h.num ? "num" : null }, h.label || h)))),
    el("tbody", {}, rows),
  );
}

// ---------------------------------------------------------------- pages

async function overview() {
  document.title = "Redline — overview";
  const [stats, dyads, alerts] = await Promise.all([
    api("/api/stats"),
    api("/api/dyads?top=10"),
    api("/api/alerts"),
  ]);
  const counts = ["documents", "events", "clusters", "claims", "sources", "sentences", "mentions"];
  return [
    el("h1", {}, "Overview"),
    el(
      "dl",
      { class: "stats", "aria-label": "Store counts" },
      counts.filter((k) => k in stats).map((k) => el("div", {}, el("dt", {}, k), el("dd", {}, Number(stats[k]).toLocaleString("en")))),
    ),
    el(
      "div",
      { class: "grid" },
      el(
        "section",
        { "aria-labelledby": "h-dyads" },
        el("h2", { id: "h-dyads" }, "Busiest dyads"),
        el("p", { class: "muted" }, "By real-world conflict events (QuadClass 3 and 4), both directions together."),
        dyads.length === 0
          ? el("p", {}, "No conflict events in the store.")
          : el(
              "ol",
              { class: "dyads" },
              dyads.map((d) =>
                el(
                  "li",
                  {},
                  link(`#/dyad/${enc(d.a)}/${enc(d.b)}`, `${d.a} ↔ ${d.b}`),
                  " · events ",
                  link(eventsHash({ dyad: `${d.a}:${d.b}` }), `${d.a} → ${d.b}`),
                  ", ",
                  link(eventsHash({ dyad: `${d.b}:${d.a}` }), `${d.b} → ${d.a}`),
                ),
              ),
            ),
      ),
      el(
        "section",
        { "aria-labelledby": "h-alerts" },
        el("h2", { id: "h-alerts" }, `Recent alerts (${alerts.length})`),
        alerts.length === 0 ? el("p", {}, "No red-line rule fired.") : alertList(alerts.slice(-10).reverse()),
      ),
    ),
  ];
}

function alertList(alerts) {
  return el(
    "ul",
    { class: "plain" },
    alerts.map((a) =>
      el(
        "li",
        {},
        el("strong", {}, a.title),
        " ",
        el("span", { class: "tag code" }, a.rule),
        el(
          "ul",
          {},
          a.events.map((e) =>
            el(
              "li",
              {},
              `${e.date} ${e.source} → ${e.target || "–"} `,
              el("span", { class: "code" }, e.cameo),
              ": ",
              el("q", {}, e.evidence),
              " ",
              link(eventsHash(eventFilters(e)), "reports"),
            ),
          ),
        ),
      ),
    ),
  );
}

async function dyadPage(a, b, params) {
  document.title = `Redline — ${a} ↔ ${b}`;
  const by = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "week";
  const view = await api(`/api/dyads/${enc(a)}/${enc(b)}?by=${by}`);
  const title = el("h1", {}, `${view.a} ${view.arrow === "<->" ? "↔" : "→"} ${view.b}`);
  const periodNav = el(
    "p",
    {},
    "Period: ",
    ["day", "week", "month"].map((p) => [
      p === by ? el("strong", { "aria-current": "true" }, p) : link(`#/dyad/${enc(a)}/${enc(b)}?by=${p}`, p),
      " ",
    ]),
    " · ",
    "Reports in the explorer: ",
    link(eventsHash({ dyad: `${view.a}:${view.b}` }), `${view.a} → ${view.b}`),
    ", ",
    link(eventsHash({ dyad: `${view.b}:${view.a}` }), `${view.b} → ${view.a}`),
  );
  const body = view.body;
  if (!body) return [title, periodNav, el("p", {}, "This dyad has no dated events.")];
  const out = [
    title,
    el("p", { class: "doc-meta" }, `${body.from} to ${body.to} · ${body.events} dated real-world events · ${body.conflict_events} conflict events`),
    periodNav,
    el("h2", {}, "Series"),
  ];
  const charts = el("div", { class: "charts" });
  out.push(charts);
  out.push(episodesSection(body, view));
  out.push(hawkesSection(body));
  out.push(seriesTable(body, by));
  // Charts need the container's width: draw once the page is in the document.
  setTimeout(() => drawCharts(charts, body, by), 0);
  return out;
}

function bucketTimes(body) {
  return body.buckets.map((bk) => Date.parse(`${bk.start}T00:00:00Z`) / 1000);
}

function conflictPer100(bk) {
  return bk.documents > 0 ? ((bk.counts[2] + bk.counts[3]) * 100) / bk.documents : null;
}

function goldsteinMean(bk) {
  const n = bk.counts.reduce((s, c) => s + c, 0);
  return n > 0 ? bk.goldstein_sum / n : null;
}

function rungLevel(r) {
  return r.top ? r.top[0].level : 0;
}

function drawCharts(container, body, by) {
  if (typeof uPlot === "undefined") {
    container.append(el("p", { class: "error" }, "uPlot did not load; the values are in the table below."));
    return;
  }
  const xs = bucketTimes(body);
  const width = Math.max(480, Math.min(1200, container.clientWidth || 1000));
  const episodes = body.episodes.map((ep) => [Date.parse(`${ep.start}T00:00:00Z`) / 1000, Date.parse(`${ep.end}T00:00:00Z`) / 1000, ep.direction]);
  const shade = {
    drawClear: [
      (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const [s, e, dir] of episodes) {
          const x0 = u.valToPos(s, "x", true);
          const x1 = u.valToPos(e, "x", true);
          ctx.fillStyle = dir === "escalation" ? "rgba(179,38,30,0.10)" : "rgba(30,107,52,0.10)";
          ctx.fillRect(x0, bbox.top, Math.max(2, x1 - x0), bbox.height);
        }
        ctx.restore();
      },
    ],
  };
  const common = (title, height) => ({
    title,
    width,
    height,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    hooks: shade,
  });
  const add = (label, opts, data) => {
    const box = el("figure", { class: "chart", role: "img", "aria-label": label });
    container.append(box);
    new uPlot(opts, data, box);
  };
  add(
    `Conflict events per 100 documents per ${by}, with the third-party component dashed; shaded: change-point episodes`,
    {
      ...common(`Conflict events per 100 documents (per ${by}); shaded: episodes`, 190),
      series: [
        {},
        { label: "conflict per 100 docs", stroke: "#b3261e", width: 2, value: (u, v) => fmt(v) },
        { label: "third party per 100 docs", stroke: "#6a3fb5", width: 2, dash: [6, 5], value: (u, v) => fmt(v) },
      ],
    },
    [xs, body.buckets.map(conflictPer100), body.buckets.map((bk, i) => (bk.documents > 0 ? ((body.third[i] || 0) * 100) / bk.documents : null))],
  );
  add(
    `Goldstein mean per ${by}`,
    {
      ...common(`Goldstein mean (−10 conflict to +10 cooperation) per ${by}`, 150),
      scales: { x: { time: true }, y: { range: [-10, 10] } },
      series: [{}, { label: "Goldstein mean", stroke: "#0b57b0", width: 2, points: { show: true }, value: (u, v) => (v === null ? "–" : signed(v)) }],
    },
    [xs, body.buckets.map(goldsteinMean)],
  );
  add(
    `Highest escalation-ladder rung per ${by}`,
    {
      ...common(`Highest ladder rung per ${by}`, 140),
      series: [
        {},
        {
          label: "rung",
          stroke: "#e8853a",
          width: 2,
          paths: uPlot.paths.stepped({ align: 1 }),
          value: (u, v, si, i) => {
            const r = i === null || i === undefined ? null : body.ladder[i];
            return r && r.top ? `${r.top[0].level} ${r.top[0].title || r.top[0].id}` : "–";
          },
        },
      ],
    },
    [xs, body.ladder.map(rungLevel)],
  );
}

function episodesSection(body, view) {
  const sec = el("section", { "aria-labelledby": "h-episodes" }, el("h2", { id: "h-episodes" }, `Change-point episodes (${body.episodes.length})`));
  if (body.episodes.length === 0) {
    sec.append(el("p", {}, "The change-point detector flagged no episode."));
    return sec;
  }
  for (const ep of body.episodes) {
    const cls = ep.direction === "escalation" ? "esc" : "deesc";
    sec.append(
      el(
        "div",
        { class: `episode ${ep.direction}` },
        el(
          "h3",
          {},
          el("span", { class: `tag ${cls}` }, ep.direction),
          ` ${ep.start} to ${ep.end} `,
          el("span", { class: "muted" }, `(flagged ${ep.flagged}, score ${fmt(ep.score, 2)})`),
        ),
        el(
          "ol",
          {},
          ep.top.map((t) =>
            el(
              "li",
              {},
              `${t.date} ${t.source} → ${t.target} `,
              el("span", { class: "code" }, t.cameo),
              ` (Goldstein ${signed(t.goldstein)}): `,
              el("q", {}, t.evidence),
              t.article ? el("span", { class: "muted" }, ` — ${t.article}`) : null,
              " ",
              t.document !== undefined ? link(`#/document/${t.document}`, "document") : null,
              " · ",
              link(eventsHash(eventFilters(t)), "reports in the explorer"),
            ),
          ),
        ),
      ),
    );
  }
  return sec;
}

function hawkesSection(body) {
  const sec = el("section", { "aria-labelledby": "h-hawkes" }, el("h2", { id: "h-hawkes" }, "Self-exciting model (Hawkes)"));
  const h = body.hawkes;
  if (!h || h.unavailable) {
    sec.append(el("p", {}, "Unavailable: ", el("em", {}, h ? h.unavailable : "no answer")));
    return sec;
  }
  const [fit, forecasts] = h;
  const p = fit.params || {};
  sec.append(
    el(
      "p",
      {},
      `Baseline μ = ${fmt(p.mu, 4)} per day, excitation α = ${fmt(p.alpha, 3)}, decay β = ${fmt(p.beta, 3)}; ` +
        `${fit.events} events over ${fmt(fit.horizon, 0)} days; log-likelihood ${fmt(fit.log_likelihood, 1)} ` +
        `(Poisson ${fmt(fit.poisson_log_likelihood, 1)}).`,
    ),
  );
  if (forecasts && forecasts.length) {
    sec.append(
      table(
        [{ label: "next days", num: true }, { label: "expected events", num: true }, "likely range"],
        forecasts.map((f) => el("tr", {}, el("td", { class: "num" }, fmt(f.days, 0)), el("td", { class: "num" }, fmt(f.expected, 1)), el("td", {}, `${f.low} to ${f.high}`))),
      ),
    );
  }
  return sec;
}

function seriesTable(body, by) {
  return el(
    "details",
    {},
    el("summary", {}, `The values per ${by}`),
    table(
      ["start", { label: "conflict /100 docs", num: true }, { label: "third party", num: true }, { label: "documents", num: true }, { label: "Goldstein mean", num: true }, "highest rung"],
      body.buckets.map((bk, i) =>
        el(
          "tr",
          {},
          el("td", {}, bk.start),
          el("td", { class: "num" }, fmt(conflictPer100(bk))),
          el("td", { class: "num" }, String(body.third[i] ?? 0)),
          el("td", { class: "num" }, String(bk.documents)),
          el("td", { class: "num" }, goldsteinMean(bk) === null ? "–" : signed(goldsteinMean(bk))),
          el("td", {}, body.ladder[i] && body.ladder[i].top ? `${body.ladder[i].top[0].level} ${body.ladder[i].top[0].title || body.ladder[i].top[0].id}` : "–"),
        ),
      ),
    ),
  );
}

const FILTERS = [
  ["actor", "Actor", "RUS or USAGOV"],
  ["dyad", "Dyad", "RUS:MDA"],
  ["cameo", "CAMEO", "19, 0832"],
  ["from", "From", "YYYY-MM-DD"],
  ["to", "To", "YYYY-MM-DD"],
  ["text", "Text", "words in the sentence"],
];

async function eventsPage(params) {
  document.title = "Redline — events";
  const form = el(
    "form",
    {
      class: "filters",
      role: "search",
      onsubmit: (ev) => {
        ev.preventDefault();
        const data = new FormData(ev.target);
        const p = {};
        for (const [k] of FILTERS) p[k] = String(data.get(k) || "").trim();
        location.hash = eventsHash(p);
      },
    },
    FILTERS.map(([name, label, hint]) =>
      el("label", {}, label, el("input", { name, type: name === "from" || name === "to" ? "date" : "text", placeholder: hint, value: params.get(name) || "" })),
    ),
    el("button", { type: "submit" }, "Filter"),
    el("a", { href: "#/events", class: "button secondary" }, "Clear"),
  );
  const q = new URLSearchParams();
  for (const [k, v] of params) if (v !== "") q.set(k, v);
  if (!q.has("limit")) q.set("limit", "25");
  const out = [el("h1", {}, "Events"), form];
  let page;
  try {
    page = await api(`/api/events?${q}`);
  } catch (e) {
    out.push(el("p", { class: "error", role: "alert" }, e.message));
    return out;
  }
  const docs = new Map();
  await Promise.all(
    [...new Set(page.items.map((e) => e.document_id))].map((id) =>
      loadDocument(id)
        .then((d) => docs.set(id, d))
        .catch(() => {}),
    ),
  );
  out.push(legend());
  if (page.items.length === 0) out.push(el("p", {}, "No events match."));
  else
    out.push(
      table(
        ["date", "event", "evidence", "rule", "attribution", { label: "cluster", num: true }, "document"],
        page.items.map((e) =>
          el(
            "tr",
            {},
            el("td", {}, e.date || "undated"),
            el(
              "td",
              {},
              `${e.source.code} → ${e.target ? e.target.code : "–"} `,
              el("br"),
              el("span", { class: "code" }, e.cameo),
              ` Q${e.quad_class} `,
              modalityTags(e),
            ),
            el("td", {}, evidenceSentence(e, docs.get(e.document_id))),
            el("td", {}, el("span", { class: "code" }, e.rule)),
            el("td", {}, attributionText(e.attribution) || el("span", { class: "muted" }, "the article")),
            el("td", { class: "num" }, e.cluster_id ?? "–"),
            el("td", {}, link(`#/document/${e.document_id}#event-${e.id}`, e.title || `document ${e.document_id}`), e.publisher ? el("div", { class: "muted" }, e.publisher) : null),
          ),
        ),
      ),
    );
  const pager = el("nav", { class: "pager", "aria-label": "Pages" });
  if (params.has("cursor")) {
    const first = new URLSearchParams(params);
    first.delete("cursor");
    pager.append(el("a", { href: `#/events${first.toString() ? "?" + first : ""}`, class: "button secondary" }, "First page"));
  }
  if (page.next) {
    const next = new URLSearchParams(params);
    next.set("cursor", page.next);
    pager.append(el("a", { href: `#/events?${next}`, class: "button", rel: "next" }, "Next page"));
  } else {
    pager.append(el("span", { class: "muted" }, "Last page."));
  }
  out.push(pager);
  return out;
}

async function documentPage(id, focus) {
  const d = await loadDocument(id);
  document.title = `Redline — ${d.title || "document " + d.id}`;
  const ranges = [];
  for (const e of d.events_coded) {
    for (const h of eventSpans(e)) ranges.push({ start: d.toIndex(h.span[0]), end: d.toIndex(h.span[1]), cls: h.cls, label: `event ${e.id}: ${h.label}` });
  }
  const meta = [d.publisher, d.published, d.authors && d.authors.length ? d.authors.join(", ") : null, d.url].filter(Boolean).join(" · ");
  const events = d.events_coded.map((e) =>
    el(
      "div",
      { class: "event-card", id: `event-${e.id}` },
      el("div", {}, el("strong", {}, `${e.source.code} → ${e.target ? e.target.code : "–"}`), " ", el("span", { class: "code" }, e.cameo), ` Q${e.quad_class} · ${e.date || "undated"} `, modalityTags(e)),
      el("div", {}, evidenceSentence(e, d)),
      el(
        "div",
        { class: "muted" },
        "rule ",
        el("span", { class: "code" }, e.rule),
        ` · ${e.polarity}, ${e.modality}`,
        e.attribution ? ` · ${attributionText(e.attribution)}` : "",
        e.cluster_id !== null && e.cluster_id !== undefined ? ` · cluster ${e.cluster_id}` : "",
      ),
    ),
  );
  const page = [
    el("h1", {}, d.title || `Document ${d.id}`),
    el("p", { class: "doc-meta" }, meta),
    legend(),
    el(
      "div",
      { class: "doc-layout" },
      el("article", { class: "doc-text", "aria-label": "Cleaned text" }, highlighted(d.text, ranges)),
      el("section", { "aria-labelledby": "h-doc-events" }, el("h2", { id: "h-doc-events" }, `Events (${d.events_coded.length})`), events.length ? events : el("p", {}, "No event was coded from this document.")),
    ),
  ];
  if (focus)
    setTimeout(() => {
      const card = document.getElementById(focus);
      if (card) {
        card.classList.add("focused");
        card.scrollIntoView({ block: "center" });
      }
    }, 0);
  return page;
}

function figure(c) {
  const num = c.low === c.high ? `${c.low}` : `${c.low}–${c.high}`;
  return `${c.number_text} (${num}${c.unit ? " " + c.unit : ""})`;
}

/** Where `needle` first occurs in `text` as whole words (so "one" is not found in "someone"). */
function wordIndex(text, needle) {
  const word = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 ? text[at - 1] : " ";
    const after = text[at + needle.length] ?? " ";
    if (!word.test(before) && !word.test(after)) return at;
  }
  return text.indexOf(needle);
}

function claimEvidence(c) {
  const at = c.number_text ? wordIndex(c.sentence, c.number_text) : -1;
  if (at < 0) return el("span", {}, c.sentence);
  return el("span", {}, highlighted(c.sentence, [{ start: at, end: at + c.number_text.length, cls: "hl-figure", label: "the figure" }]));
}

async function claimsPage(params) {
  document.title = "Redline — claims";
  const only = params.get("disagreements") === "true";
  const groups = await api(`/api/claims${only ? "?disagreements=true" : ""}`);
  // Groups where sources disagree first; otherwise in the API's order.
  groups.sort((x, y) => (y.disagreements.length > 0) - (x.disagreements.length > 0));
  const out = [
    el("h1", {}, "Claims"),
    el(
      "p",
      {},
      only ? link("#/claims", "Show every group") : link("#/claims?disagreements=true", "Only groups where sources disagree"),
      ` · ${groups.length} groups, ${groups.filter((g) => g.disagreements.length).length} with disagreements (listed first)`,
    ),
  ];
  if (groups.length === 0) out.push(el("p", {}, "No claims."));
  for (const g of groups) {
    out.push(
      el(
        "section",
        { class: g.disagreements.length ? "claim-group panel disputed" : "claim-group panel" },
        el("h2", {}, g.label),
        el("p", { class: "muted" }, `Asserted by ${g.asserters.join("; ")}`),
        g.disagreements.map((d) => el("p", { class: "explanation" }, el("strong", {}, "Disagreement: "), d.explanation)),
        table(
          ["figure", "measure", "whose", "asserted by", "date", "evidence"],
          g.members.map((c) =>
            el(
              "tr",
              {},
              el("td", {}, figure(c)),
              el("td", {}, c.measure),
              el("td", {}, (c.subjects || []).map((s) => s.code).join(", ") || "–"),
              el("td", {}, c.asserter),
              el("td", {}, c.date || "–"),
              el("td", {}, claimEvidence(c)),
            ),
          ),
        ),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------- network

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes (no children from the store but text nodes). */
function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Red for conflict, blue for cooperation, mixed by the share of conflict. */
function edgeColour(e) {
  const share = e.conflict / Math.max(1, e.conflict + e.cooperation);
  const r = Math.round(40 + 160 * share);
  const b = Math.round(200 - 160 * share);
  return `rgb(${r}, 60, ${b})`;
}

async function networkPage(params) {
  const top = params.get("top") || "40";
  const edges = await api(`/api/network?top=${enc(top)}`);
  const out = [
    el("h1", {}, "Actor network"),
    el("p", { class: "muted" },
      `The ${edges.length} busiest directed pairs by real-world events (facts). Colour: red for conflict, blue for cooperation, by their share; width: volume. Each edge links to its dyad page (both directions).`),
  ];
  if (edges.length === 0) {
    out.push(el("p", {}, "No pairs of actors with events yet."));
    return out;
  }
  // Nodes on a circle, the busiest first, so the layout is stable and readable without physics.
  const volume = new Map();
  for (const e of edges) {
    const n = e.cooperation + e.conflict;
    volume.set(e.source, (volume.get(e.source) || 0) + n);
    volume.set(e.target, (volume.get(e.target) || 0) + n);
  }
  const nodes = [...volume.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const size = 640, centre = size / 2, radius = size / 2 - 90;
  const at = new Map(nodes.map(([name], i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [name, [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)]];
  }));
  const maxTotal = Math.max(...edges.map((e) => e.cooperation + e.conflict));
  const svg = svgEl("svg", { viewBox: `0 0 ${size} ${size}`, class: "network", role: "img", "aria-label": "Actor network" });
  for (const e of edges) {
    const [x1, y1] = at.get(e.source), [x2, y2] = at.get(e.target);
    // A slight curve keeps A→B and B→A apart.
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
    const total = e.cooperation + e.conflict;
    const a = svgEl("a", { href: `#/dyad/${enc(e.source)}/${enc(e.target)}` },
      svgEl("path", {
        d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`,
        fill: "none",
        stroke: edgeColour(e),
        "stroke-width": (1 + 7 * Math.sqrt(total / maxTotal)).toFixed(1),
        "stroke-opacity": 0.75,
        class: "edge",
      }, svgEl("title", {}, `${e.source} → ${e.target}: ${e.conflict} conflict, ${e.cooperation} cooperation`)));
    svg.append(a);
  }
  for (const [name, n] of nodes) {
    const [x, y] = at.get(name);
    const label = svgEl("text", { x, y: y - 12, "text-anchor": "middle", class: "node-label" }, name);
    svg.append(svgEl("circle", { cx: x, cy: y, r: 4 + 6 * Math.sqrt(n / nodes[0][1]), class: "node" },
      svgEl("title", {}, `${name}: ${n} events`)), label);
  }
  out.push(el("div", { class: "network-wrap" }, svg));
  out.push(table(
    ["From", "To", { label: "Conflict", num: true }, { label: "Cooperation", num: true }, ""],
    edges.map((e) => el("tr", {},
      el("td", {}, e.source), el("td", {}, e.target),
      el("td", { class: "num" }, String(e.conflict)), el("td", { class: "num" }, String(e.cooperation)),
      el("td", {}, link(`#/dyad/${enc(e.source)}/${enc(e.target)}`, "dyad page")))),
  ));
  return out;
}

// ---------------------------------------------------------------- router

let generation = 0;

function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  // `#/document/7#event-12`: the second hash names an element to focus.
  const [pathAndQuery, focus] = raw.split("#");
  const [path, query] = pathAndQuery.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let section = null;
  let render;
  if (parts.length === 0) {
    section = "overview";
    render = () => overview();
  } else if (parts[0] === "dyad" && parts.length === 3) {
    render = () => dyadPage(parts[1], parts[2], params);
  } else if (parts[0] === "events" && parts.length === 1) {
    section = "events";
    render = () => eventsPage(params);
  } else if (parts[0] === "document" && parts.length === 2) {
    render = () => documentPage(parts[1], focus);
  } else if (parts[0] === "network" && parts.length === 1) {
    section = "network";
    render = () => networkPage(params);
  } else if (parts[0] === "claims" && parts.length === 1) {
    section = "claims";
    render = () => claimsPage(params);
  } else {
    render = async () => [el("h1", {}, "Not found"), el("p", {}, "No such page. "), link("#/", "Overview")];
  }
  for (const a of document.querySelectorAll("header nav a")) {
    if (a.dataset.section === section) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const mine = ++generation;
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  render()
    .catch((e) => [el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, e.message || String(e))])
    .then((nodes) => {
      if (mine !== generation) return;
      main.replaceChildren();
      append(main, [nodes]);
      main.setAttribute("aria-busy", "false");
      document.body.dataset.page = section || parts[0] || "overview";
    });
}

window.addEventListener("hashchange", route);
route();
