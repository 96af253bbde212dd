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

/** A CAMEO name as a sentence: the table writes root codes in capitals ("MAKE PUBLIC STATEMENT"). */
const sentenceCase = (s) => (s && s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);

const QUAD_CLASSES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

/** The address of a document page, focused on an element of it (`event-12`, `text-40-95`). */
function documentHash(id, focus) {
  return focus ? `#/document/${id}#${focus}` : `#/document/${id}`;
}

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

function legend(withFocus) {
  return el(
    "p",
    { class: "legend" },
    el("mark", { class: "hl-source" }, "source actor"),
    el("mark", { class: "hl-target" }, "target actor"),
    el("mark", { class: "hl-trigger" }, "trigger"),
    withFocus ? el("mark", { class: "hl-focus" }, "the sentence linked to") : null,
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

async function overview(params) {
  document.title = "Redline — overview";
  const by = ["day", "week", "month"].includes(params.get("by")) ? params.get("by") : "week";
  const [stats, dyads, answer, volume, movers] = await Promise.all([
    api("/api/stats"),
    api("/api/dyads?top=10"),
    api(`/api/alerts?limit=${ALERTS_SHOWN}`),
    api(`/api/volume?by=${by}`),
    api(`/api/movers?days=${MOVERS_DAYS}&top=10`),
  ]);
  const alerts = recentAlerts(answer);
  const counts = ["documents", "events", "clusters", "claims", "sources", "sentences", "mentions"];
  return [
    el("h1", {}, "Overview"),
    el(
      "dl",
      { class: "stats", "aria-label": "Store counts" },
      counts.filter((k) => k in stats).map((k) => el("div", {}, el("dt", {}, k), el("dd", {}, Number(stats[k]).toLocaleString("en")))),
    ),
    volumeSection(volume, by),
    el(
      "div",
      { class: "grid" },
      moversSection(movers),
      el(
        "section",
        { "aria-labelledby": "h-alerts" },
        el("h2", { id: "h-alerts" }, alerts.items.length < alerts.total ? `Recent alerts (the latest ${alerts.items.length} of ${alerts.total})` : `Recent alerts (${alerts.total})`),
        alerts.items.length === 0 ? el("p", {}, "No red-line rule fired.") : alertList(alerts.items),
      ),
    ),
    el(
      "section",
      { "aria-labelledby": "h-dyads" },
      el("h2", { id: "h-dyads" }, "Busiest dyads"),
      el("p", { class: "muted" }, "By real-world conflict events (QuadClass 3 and 4) over the whole store, both directions together."),
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
  ];
}

/** "1 document", "3 documents". */
const plural = (n, noun) => `${Number(n).toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

/** The window, in days, over which the overview compares dyads' escalation. */
const MOVERS_DAYS = 30;

/** The dyads whose escalation index moved most between the last two windows of the store. */
function moversSection(m) {
  const sec = el("section", { "aria-labelledby": "h-movers" }, el("h2", { id: "h-movers" }, "Escalation moved most"));
  if (!m.recent) {
    sec.append(el("p", {}, "No document has a publication date, so there is no recent window to compare."));
    return sec;
  }
  sec.append(
    el(
      "p",
      { class: "muted" },
      `Conflict events per 100 documents (the dyad page's index), ${m.recent.from} to ${m.recent.to} (${plural(m.recent.documents, "document")}) against the ${m.days} days before (${plural(m.previous.documents, "document")}). Both directions together; the largest moves either way first. A window without documents has no index: its dyads are ranked by the change in events.`,
    ),
  );
  if (m.items.length === 0) {
    sec.append(el("p", {}, "No dyad had conflict events in either window."));
    return sec;
  }
  const num = (v) => el("td", { class: "num" }, v);
  sec.append(
    table(
      ["Dyad", { label: "before", num: true }, { label: "recent", num: true }, { label: "change", num: true }],
      m.items.map((d) => {
        const up = (d.change ?? d.recent - d.previous) > 0;
        return el(
          "tr",
          {},
          el("td", {}, link(`#/dyad/${enc(d.a)}/${enc(d.b)}`, `${d.a} ↔ ${d.b}`)),
          num(el("span", { title: `${d.previous} conflict events` }, fmt(d.previous_per_100, 2))),
          num(el("span", { title: `${d.recent} conflict events` }, fmt(d.recent_per_100, 2))),
          num(el("span", { class: `tag ${up ? "esc" : "deesc"}` }, `${up ? "▲" : "▼"} ${d.change === null ? (d.recent === d.previous ? "±" : d.recent > d.previous ? "+" : "−") + plural(Math.abs(d.recent - d.previous), "event") : (d.change > 0 ? "+" : "") + fmt(d.change, 2)}`)),
        );
      }),
    ),
  );
  if (m.total > m.items.length) sec.append(el("p", { class: "muted" }, `The top ${m.items.length} of ${m.total} dyads with conflict events in either window.`));
  return sec;
}

/** The periods a chart can be drawn by: the current one in bold, the others linked. */
function periodChoice(by, hrefOf) {
  return ["day", "week", "month"].map((p) => [p === by ? el("strong", { "aria-current": "true" }, p) : link(hrefOf(p), p), " "]);
}

/** News volume over time: documents published and coded reports per period. */
function volumeSection(v, by) {
  const sec = el(
    "section",
    { "aria-labelledby": "h-volume" },
    el("h2", { id: "h-volume" }, "News volume"),
    el(
      "p",
      {},
      "Period: ",
      periodChoice(by, (p) => `#/?by=${p}`),
    ),
  );
  if (v.buckets.length === 0) {
    sec.append(el("p", {}, "Nothing dated in the store yet."));
    return sec;
  }
  const outside = [];
  if (v.reports_before > 0) outside.push(`${v.reports_before.toLocaleString("en")} reports dated before ${v.buckets[0].start} (history the news mentions)`);
  if (v.reports_after > 0) outside.push(`${v.reports_after.toLocaleString("en")} dated after the last document`);
  sec.append(
    el(
      "p",
      { class: "muted" },
      `Documents by publication day and coded reports by the date of what they report, per ${by}, from the first published document to the last.`,
      outside.length ? ` Not in the chart: ${outside.join("; ")}.` : "",
    ),
  );
  const charts = el("div", { class: "charts" });
  sec.append(charts);
  sec.append(
    el(
      "details",
      {},
      el("summary", {}, `The volume as a table (${v.buckets.length} periods)`),
      table(
        ["Period", { label: "documents", num: true }, { label: "reports", num: true }, { label: "conflict reports", num: true }],
        v.buckets.map((b) => el("tr", {}, el("td", {}, b.start), el("td", { class: "num" }, b.documents), el("td", { class: "num" }, b.reports), el("td", { class: "num" }, b.conflict))),
      ),
    ),
  );
  setTimeout(() => drawVolume(charts, v, by), 0);
  return sec;
}

/** A y range from zero to the largest value (at least 1). */
const fromZero = (u, min, max) => [0, Math.max(1, max)];

/** Axis labels for counts: fractions of a document are not labelled. */
const wholeNumbers = (u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString("en") : ""));

function drawVolume(container, v, by) {
  if (typeof uPlot === "undefined") {
    container.append(el("p", { class: "error" }, "uPlot did not load; the values are in the table below."));
    return;
  }
  if (!container.isConnected) return;
  const xs = v.buckets.map((b) => Date.parse(`${b.start}T00:00:00Z`) / 1000);
  const box = el("figure", { class: "chart", role: "img", "aria-label": `Documents, coded reports and conflict reports per ${by}` });
  container.append(box);
  const count = (u, val) => (val === null ? "–" : Number(val).toLocaleString("en"));
  const opts = {
    title: `Documents and coded reports per ${by}`,
    width: chartWidth(container),
    height: 200,
    cursor: { drag: { x: false, y: false } },
    // Counts start at zero on both axes, so the two lines can be compared by eye.
    scales: { x: { time: true }, docs: { range: fromZero }, reports: { range: fromZero } },
    axes: [{}, { scale: "docs", label: "documents", values: wholeNumbers }, { scale: "reports", side: 1, label: "reports", grid: { show: false }, values: wholeNumbers }],
    series: [
      {},
      { label: "documents", scale: "docs", stroke: "#0b57b0", width: 2, value: count },
      { label: "reports", scale: "reports", stroke: "#5f6368", width: 2, value: count },
      { label: "conflict reports", scale: "reports", stroke: "#b3261e", width: 2, dash: [6, 4], value: count },
    ],
  };
  plots.push({ plot: new uPlot(opts, [xs, v.buckets.map((b) => b.documents), v.buckets.map((b) => b.reports), v.buckets.map((b) => b.conflict)], box), container });
}

/** How many alerts the overview asks for. */
const ALERTS_SHOWN = 20;

/**
 * `/api/alerts` as `{total, items}`, newest first. The API answers that shape; a server of an
 * earlier version answered the whole list, oldest first, which is read the same way here.
 */
function recentAlerts(answer) {
  if (Array.isArray(answer)) return { total: answer.length, items: answer.slice(-ALERTS_SHOWN).reverse() };
  const items = Array.isArray(answer && answer.items) ? answer.items : [];
  return { total: answer && typeof answer.total === "number" ? answer.total : items.length, items };
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
              el("a", { href: `#/cluster/${e.id}`, class: "event-link", title: "the event: its coding, cluster and reports" }, `${e.date} ${e.source} → ${e.target || "–"}`),
              " ",
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
    periodChoice(by, (p) => `#/dyad/${enc(a)}/${enc(b)}?by=${p}`),
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
  out.push(backtestSection(body));
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

/** The charts of the page shown, each with the element it was drawn in. */
let plots = [];

/** The width a chart drawn in `container` gets. */
function chartWidth(container) {
  return Math.max(280, Math.min(1240, container.clientWidth || 1000));
}

/** Forgets the charts of the page left. */
function dropPlots() {
  for (const { plot } of plots) plot.destroy();
  plots = [];
}

/** Redraws every chart to its container's width, once the window has stopped resizing. */
let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const { plot, container } of plots) {
      if (!container.isConnected) continue;
      const width = chartWidth(container);
      if (width !== plot.width) plot.setSize({ width, height: plot.height });
    }
  }, 150);
});

function drawCharts(container, body, by) {
  if (typeof uPlot === "undefined") {
    container.append(el("p", { class: "error" }, "uPlot did not load; the values are in the table below."));
    return;
  }
  if (!container.isConnected) return;
  const xs = bucketTimes(body);
  const width = chartWidth(container);
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
    plots.push({ plot: new uPlot(opts, data, box), container });
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
              t.event !== undefined
                ? el("a", { href: `#/event/${t.event}`, class: "event-link", title: "the event: its coding, cluster and reports" }, `${t.date} ${t.source} → ${t.target}`)
                : `${t.date} ${t.source} → ${t.target}`,
              " ",
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

/** The model's error against a baseline's: -1 lower, 0 within half a percent, 1 higher. */
function versus(ours, theirs) {
  if (theirs === 0) return ours === 0 ? 0 : 1;
  const change = (ours - theirs) / theirs;
  return Math.abs(change) < 0.005 ? 0 : change < 0 ? -1 : 1;
}

/** `ours` against a baseline's error in words: "23% below", "5% above", "equal to". */
function relativeError(ours, theirs) {
  const v = versus(ours, theirs);
  if (v === 0) return "equal to";
  if (theirs === 0) return "above";
  const change = ((ours - theirs) / theirs) * 100;
  return v < 0 ? `${fmt(-change, 0)}% below` : `${fmt(change, 0)}% above`;
}

const VERSUS = { "-1": "beats", 0: "matches", 1: "loses to" };

/** Why a horizon of the backtest has no origins, in words. */
function shortfallText(s) {
  if (!s) return "no origins";
  if (s.ShortWindow) {
    const w = s.ShortWindow;
    return `the ${fmt(w.days, 0)} days of data are fewer than ${fmt(w.min_history, 0)} days of history plus the ${fmt(w.horizon, 0)}-day horizon`;
  }
  if (s.FewEvents) {
    const f = s.FewEvents;
    return `no origin has ${f.needed} events before it (the last possible one, day ${fmt(f.last_origin, 0)}, has ${f.found})`;
  }
  return typeof s === "string" ? s : JSON.stringify(s);
}

/** One verdict per horizon: whether the model's error beats each baseline's. */
function backtestVerdict(h, c) {
  const p = versus(c.mae, c.poisson_mae);
  const q = versus(c.mae, c.persistence_mae);
  return `${fmt(h, 0)} days: the model ${VERSUS[p]} the Poisson rate and ${VERSUS[q]} persistence; its error is ${relativeError(c.mae, c.poisson_mae)} the Poisson rate's and ${relativeError(c.mae, c.persistence_mae)} persistence's, and ${fmt(c.coverage * 100, 0)}% of actual counts fell inside its 90% interval.`;
}

/** A tag summing up the verdict: how many baselines the model beats. */
function verdictTag(c) {
  const results = [versus(c.mae, c.poisson_mae), versus(c.mae, c.persistence_mae)];
  const beaten = results.filter((v) => v < 0).length;
  if (beaten === 2) return el("span", { class: "tag deesc" }, "beats both");
  if (beaten === 1) return el("span", { class: "tag" }, "beats one");
  return el("span", { class: results.some((v) => v > 0) ? "tag esc" : "tag" }, "beats neither");
}

function backtestSection(body) {
  const sec = el(
    "section",
    { "aria-labelledby": "h-backtest" },
    el("h2", { id: "h-backtest" }, "Forecast backtest"),
    el(
      "p",
      { class: "muted" },
      "The self-exciting model's forecasts of conflict events, scored on this dyad's own past against two baselines: " +
        "the Poisson rate (the history's mean daily count) and persistence (the count of the last days before the origin). " +
        "Lower error is better; a calibrated 90% interval covers about 90% of actual counts.",
    ),
  );
  const b = body.backtest;
  const st = body.backtest_settings;
  if (st)
    sec.append(
      el(
        "p",
        { class: "settings" },
        `Origins every ${fmt(st.step, 0)} days after ${fmt(st.min_history, 0)} days of history and at least ${st.min_events} events; ` +
          `horizons ${st.horizons.map((h) => fmt(h, 0)).join(" and ")} days; ${st.runs} simulated continuations per forecast (seed ${st.seed}).`,
      ),
    );
  if (!b || b.unavailable) {
    sec.append(el("p", {}, "Unavailable: ", el("em", {}, b ? b.unavailable : "no answer")));
    return sec;
  }
  const summaries = b.summaries || [];
  const scored = summaries.filter((s) => s.scores);
  if (scored.length === 0) {
    sec.append(el("ul", { class: "verdicts" }, summaries.map((s) => el("li", {}, `${fmt(s.horizon, 0)} days: no origins: ${shortfallText(s.shortfall)}.`))));
    return sec;
  }
  sec.append(
    table(
      [
        { label: "horizon", num: true },
        { label: "origins", num: true },
        { label: "MAE", num: true },
        { label: "RMSE", num: true },
        { label: "Poisson MAE", num: true },
        { label: "persistence MAE", num: true },
        { label: "mean actual", num: true },
        { label: "90% coverage", num: true },
        { label: "mean width", num: true },
        "verdict",
      ],
      summaries.map((s) => {
        const c = s.scores;
        if (!c)
          return el(
            "tr",
            {},
            el("td", { class: "num" }, `${fmt(s.horizon, 0)} d`),
            el("td", { class: "num" }, String(s.origins)),
            el("td", { colspan: 8 }, `No origins: ${shortfallText(s.shortfall)}.`),
          );
        return el(
          "tr",
          {},
          el("td", { class: "num" }, `${fmt(s.horizon, 0)} d`),
          el("td", { class: "num" }, String(s.origins)),
          el("td", { class: "num" }, fmt(c.mae, 2)),
          el("td", { class: "num" }, fmt(c.rmse, 2)),
          el("td", { class: "num" }, fmt(c.poisson_mae, 2)),
          el("td", { class: "num" }, fmt(c.persistence_mae, 2)),
          el("td", { class: "num" }, fmt(c.mean_actual, 1)),
          el("td", { class: "num" }, `${fmt(c.coverage * 100, 0)}%`),
          el("td", { class: "num" }, fmt(c.mean_width, 1)),
          el("td", {}, verdictTag(c)),
        );
      }),
    ),
  );
  sec.append(el("ul", { class: "verdicts" }, scored.map((s) => el("li", {}, backtestVerdict(s.horizon, s.scores)))));
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
            el("td", { class: "date" }, e.date || "undated"),
            el(
              "td",
              {},
              el("a", { href: `#/event/${e.id}`, class: "event-link", title: `event ${e.id}: details, cluster and other reports` }, `${e.source.code} → ${e.target ? e.target.code : "–"}`),
              el("br"),
              el("span", { class: "code" }, e.cameo),
              ` Q${e.quad_class} `,
              modalityTags(e),
            ),
            el("td", {}, evidenceSentence(e, docs.get(e.document_id))),
            el("td", {}, el("span", { class: "code" }, e.rule)),
            el("td", {}, attributionText(e.attribution) || el("span", { class: "muted" }, "the article")),
            el("td", { class: "num" }, e.cluster_id === null || e.cluster_id === undefined ? "–" : link(`#/cluster/${e.cluster_id}`, String(e.cluster_id))),
            el("td", {}, link(documentHash(e.document_id, `event-${e.id}`), e.title || `document ${e.document_id}`), e.publisher ? el("div", { class: "muted" }, e.publisher) : null),
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

// ---------------------------------------------------------------- one event

/** A participant: its code, the words it was read from, and the dictionary entries. */
function participantText(p) {
  if (!p) return el("span", { class: "muted" }, "none");
  return [
    el("span", { class: "code" }, p.code),
    ` “${p.text}”`,
    p.rule && p.rule.length ? el("span", { class: "muted" }, ` (${p.rule.join(", ")})`) : null,
  ];
}

/** A term and its description in a `dl.facts`. */
function fact(term, ...desc) {
  return el("div", {}, el("dt", {}, term), el("dd", {}, ...desc));
}

function attributionFacts(a) {
  if (!a) return el("span", { class: "muted" }, "none: the article itself reports it");
  const part = (name, code) => (name ? [name, code ? el("span", { class: "muted" }, ` (${code})`) : null] : null);
  const speaker = part(a.speaker, a.speaker_code);
  const channel = part(a.channel, a.channel_code);
  return [speaker ? ["speaker: ", speaker] : null, speaker && channel ? " · " : null, channel ? ["channel: ", channel] : null];
}

/** A report of a real-world event as a row: when, where, what it says, and its pages. */
function reportRow(r, current) {
  return el(
    "tr",
    { class: r.id === current ? "current" : null },
    el("td", {}, r.published || "undated", r.date && r.date !== r.published ? el("div", { class: "muted" }, `event ${r.date}`) : null),
    el("td", {}, link(documentHash(r.document_id, `event-${r.id}`), r.title || `document ${r.document_id}`), el("div", { class: "muted" }, r.publisher || "no publisher")),
    el("td", {}, el("span", { class: "code" }, r.cameo), ` ${r.source.code} → ${r.target ? r.target.code : "–"} `, modalityTags(r)),
    el("td", { class: "evidence" }, r.sentence),
    el("td", {}, r.id === current ? el("strong", {}, "this report") : el("a", { href: `#/event/${r.id}`, class: "event-link" }, `event ${r.id}`)),
  );
}

function clusterSection(detail) {
  const c = detail.cluster;
  const e = detail.event;
  const names = detail.cameo_names || {};
  const sec = el("section", { class: "panel cluster", "aria-labelledby": "h-cluster" });
  if (!c) {
    sec.append(el("h2", { id: "h-cluster" }, "Real-world event"), el("p", {}, "This report belongs to no cluster."));
    return sec;
  }
  const dates = c.date_start === c.date_end ? c.date_start || "undated" : `${c.date_start || "?"} to ${c.date_end || "?"}`;
  sec.append(
    el("h2", { id: "h-cluster" }, `Real-world event (cluster ${c.id})`),
    el(
      "dl",
      { class: "facts" },
      fact("Reports", `${c.n_mentions} in ${c.n_articles} article${c.n_articles === 1 ? "" : "s"} from ${c.n_sources} source${c.n_sources === 1 ? "" : "s"}`),
      fact("First report", c.first_report || "undated", c.first && c.first.id !== e.id ? [" · ", el("a", { href: `#/event/${c.first.id}`, class: "event-link" }, `event ${c.first.id}`)] : " (this report)"),
      fact("Dates", `${dates} (${c.date_precision})`),
      fact("Dyad", `${c.source_base} → ${c.target_base || "–"}`),
      fact("Code", el("span", { class: "code" }, c.cameo), names[c.cameo] ? ` ${sentenceCase(names[c.cameo])}` : "", " (the most reported)"),
      fact("Why this report is in it", e.cluster_reason || "–"),
    ),
  );
  return sec;
}

/** The reports of the event's cluster, the event's own marked. */
function reportsSection(detail) {
  const e = detail.event;
  if (!detail.cluster) return null;
  const others = detail.reports.filter((r) => r.id !== e.id);
  const sec = el(
    "section",
    { class: "reports", "aria-labelledby": "h-reports" },
    el("h2", { id: "h-reports" }, others.length ? `Reports of this real-world event (${detail.reports_total})` : "No other report of this real-world event"),
  );
  if (!others.length) return sec;
  if (detail.reports.length < detail.reports_total)
    sec.append(el("p", { class: "muted" }, `Listing the first ${detail.reports.length} of ${detail.reports_total} reports, by publication date.`));
  sec.append(table(["published", "article", "event", "evidence", ""], detail.reports.map((r) => reportRow(r, e.id))));
  return sec;
}

function eventView(detail, doc) {
  const e = detail.event;
  const names = detail.cameo_names || {};
  const name = names[e.cameo] ? sentenceCase(names[e.cameo]) : null;
  document.title = `Redline — event ${e.id}`;
  const dyad = e.target ? `#/dyad/${enc(e.source.country || e.source.code)}/${enc(e.target.country || e.target.code)}` : null;
  const date = e.date ? (e.date_end && e.date_end !== e.date ? `${e.date} to ${e.date_end}` : e.date) : "undated";
  const tags = [
    el("span", { class: e.polarity === "asserted" ? "tag" : "tag neg" }, e.polarity),
    el("span", { class: e.modality === "actual" ? "tag" : "tag neg" }, e.modality),
    e.background ? el("span", { class: "tag" }, "background") : null,
    (e.signals || []).map((s) => el("span", { class: "tag esc" }, s.replaceAll("_", " "))),
  ];
  return [
    el("h1", {}, `${e.source.code} → ${e.target ? e.target.code : "–"}: `, name || `CAMEO ${e.cameo}`),
    el(
      "p",
      { class: "doc-meta" },
      `Event ${e.id} · ${date} · `,
      link(documentHash(e.document_id), e.title || `document ${e.document_id}`),
      e.publisher ? ` · ${e.publisher}` : "",
      e.published ? ` · published ${e.published}` : "",
    ),
    el("p", { class: "tags" }, tags),
    el("blockquote", { class: "evidence-quote" }, evidenceSentence(e, doc)),
    legend(),
    el(
      "p",
      { class: "actions" },
      el("a", { href: documentHash(e.document_id, `event-${e.id}`), class: "button doc-link" }, "Show in the document"),
      dyad ? el("a", { href: dyad, class: "button secondary" }, "Dyad page") : null,
      el("a", { href: eventsHash(e.target ? { dyad: `${e.source.code}:${e.target.code}` } : { source: e.source.code }), class: "button secondary" }, "Reports of this pair"),
    ),
    el(
      "div",
      { class: "event-layout" },
      el(
        "section",
        { class: "panel", "aria-labelledby": "h-coding" },
        el("h2", { id: "h-coding" }, "How it was coded"),
        el(
          "dl",
          { class: "facts" },
          fact("CAMEO", el("span", { class: "code" }, e.cameo), name ? ` ${name}` : el("span", { class: "muted" }, " (no name in the table)"), e.plover && e.plover.event ? el("span", { class: "muted" }, ` · PLOVER ${e.plover.event}${e.plover.mode ? " / " + e.plover.mode : ""}`) : null),
          fact("QuadClass", `${e.quad_class}`, QUAD_CLASSES[e.quad_class] ? ` · ${QUAD_CLASSES[e.quad_class]}` : ""),
          fact("Goldstein", signed(e.goldstein), el("span", { class: "muted" }, " (−10 conflict to +10 cooperation)")),
          fact("Source", participantText(e.source)),
          fact("Target", participantText(e.target)),
          fact("Rule", el("span", { class: "code" }, e.rule), e.evidence && e.evidence.pattern ? [" · pattern ", el("span", { class: "code" }, e.evidence.pattern)] : null),
          fact(
            "Reasons",
            e.evidence && e.evidence.reasons && e.evidence.reasons.length
              ? el("ul", { class: "reasons" }, e.evidence.reasons.map((r) => el("li", {}, r)))
              : el("span", { class: "muted" }, "none recorded beyond the rule"),
          ),
          fact("Attribution", attributionFacts(e.attribution)),
          fact("Date", date, ` · precision ${e.date_precision}`, e.evidence && e.evidence.date_rule ? el("div", { class: "muted" }, e.evidence.date_rule) : null),
        ),
      ),
      clusterSection(detail),
    ),
    reportsSection(detail),
  ];
}

async function eventPage(id) {
  const detail = await api(`/api/events/${enc(id)}`);
  const doc = await loadDocument(detail.event.document_id).catch(() => null);
  return eventView(detail, doc);
}

/** A real-world event: shown as its first report's page, under that page's address. */
async function clusterPage(id) {
  const c = await api(`/api/clusters/${enc(id)}`);
  const first = c.cluster.first;
  if (location.hash === `#/cluster/${id}`) history.replaceState(null, "", `#/event/${first.id}`);
  const doc = await loadDocument(first.document_id).catch(() => null);
  return eventView({ ...c, event: first }, doc);
}

// ---------------------------------------------------------------- documents

/** A `text-START-END` focus: UTF-8 byte offsets into the document text, or null. */
function textFocus(focus) {
  const m = /^text-(\d+)-(\d+)$/.exec(focus || "");
  return m && Number(m[2]) > Number(m[1]) ? [Number(m[1]), Number(m[2])] : null;
}

async function documentPage(id, focus) {
  const d = await loadDocument(id);
  document.title = `Redline — ${d.title || "document " + d.id}`;
  const ranges = [];
  for (const e of d.events_coded) {
    for (const h of eventSpans(e)) ranges.push({ start: d.toIndex(h.span[0]), end: d.toIndex(h.span[1]), cls: h.cls, label: `event ${e.id}: ${h.label}` });
  }
  // The focus: an event's sentence (`event-12`) or a range of the text (`text-40-95`, a claim's
  // sentence), marked in the text as well as named in the list.
  const focusedEvent = d.events_coded.find((e) => `event-${e.id}` === focus);
  if (focusedEvent) {
    const r = sentenceRange(d.text, d.toIndex, focusedEvent);
    if (r) ranges.push({ start: r[0], end: r[1], cls: "hl-focus", label: `the sentence of event ${focusedEvent.id}` });
  }
  const bytes = textFocus(focus);
  if (bytes) ranges.push({ start: d.toIndex(bytes[0]), end: d.toIndex(bytes[1]), cls: "hl-focus", label: "the sentence linked to" });
  const meta = [d.publisher, d.published, d.authors && d.authors.length ? d.authors.join(", ") : null, d.url].filter(Boolean).join(" · ");
  const events = d.events_coded.map((e) =>
    el(
      "div",
      { class: e === focusedEvent ? "event-card focused" : "event-card", id: `event-${e.id}` },
      el(
        "div",
        {},
        el("a", { href: `#/event/${e.id}`, class: "event-link", title: "details, cluster and other reports" }, `${e.source.code} → ${e.target ? e.target.code : "–"}`),
        " ",
        el("span", { class: "code" }, e.cameo),
        ` Q${e.quad_class} · ${e.date || "undated"} `,
        modalityTags(e),
      ),
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
    legend(Boolean(focusedEvent || bytes)),
    el(
      "div",
      { class: "doc-layout" },
      el("article", { class: "doc-text", "aria-label": "Cleaned text" }, highlighted(d.text, ranges)),
      el(
        "section",
        { class: "doc-events", "aria-labelledby": "h-doc-events" },
        el("h2", { id: "h-doc-events" }, `Events (${d.events_coded.length})`),
        events.length ? events : el("p", {}, "No event was coded from this document."),
      ),
    ),
  ];
  if (focusedEvent || bytes)
    setTimeout(() => {
      // The card first (within its own scrolling list), then the text, which decides where
      // the page itself scrolls.
      const card = focusedEvent ? document.getElementById(focus) : null;
      if (card) card.scrollIntoView({ block: "nearest" });
      const mark = main.querySelector("mark.hl-focus");
      if (mark) mark.scrollIntoView({ block: "center" });
      else if (card) card.scrollIntoView({ block: "center" });
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

/**
 * The focus of a claim's sentence in its document (`text-START-END`, UTF-8 bytes): the claim's
 * span is its figure, so the sentence starts as many bytes before it as precede the figure in
 * the sentence. Just the figure when the sentence does not show it.
 */
function claimFocus(c) {
  if (!c.span) return null;
  const at = c.number_text ? wordIndex(c.sentence, c.number_text) : -1;
  if (at < 0) return `text-${c.span[0]}-${c.span[1]}`;
  const start = c.span[0] - byteLength(c.sentence.slice(0, at));
  return start >= 0 ? `text-${start}-${start + byteLength(c.sentence)}` : `text-${c.span[0]}-${c.span[1]}`;
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
              el("td", { class: "date" }, c.date || "–"),
              el(
                "td",
                {},
                claimEvidence(c),
                c.document_id !== undefined
                  ? el("div", { class: "muted" }, link(documentHash(c.document_id, claimFocus(c)), c.title || `document ${c.document_id}`), c.publisher ? ` · ${c.publisher}` : "")
                  : null,
              ),
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

/** Renders the page the address names; `navigated` when the user went there from another. */
function route(navigated) {
  const raw = location.hash.replace(/^#/, "") || "/";
  // `#/document/7#event-12`: the second hash names an element to focus.
  const [pathAndQuery, focus] = raw.split("#");
  const [path, query] = pathAndQuery.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let section = null;
  let page = null;
  let render;
  if (parts.length === 0) {
    section = "overview";
    render = () => overview(params);
  } else if (parts[0] === "dyad" && parts.length === 3) {
    render = () => dyadPage(parts[1], parts[2], params);
  } else if (parts[0] === "events" && parts.length === 1) {
    section = "events";
    render = () => eventsPage(params);
  } else if (parts[0] === "event" && parts.length === 2) {
    render = () => eventPage(parts[1]);
  } else if (parts[0] === "cluster" && parts.length === 2) {
    // Shown as its first report's event page, under that page's address.
    page = "event";
    render = () => clusterPage(parts[1]);
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
  dropPlots();
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  render()
    .catch((e) => [el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, e.message || String(e))])
    .then((nodes) => {
      if (mine !== generation) return;
      main.replaceChildren();
      append(main, [nodes]);
      main.setAttribute("aria-busy", "false");
      document.body.dataset.page = page || section || parts[0] || "overview";
      if (navigated) {
        // A new page starts at its top (a focused document scrolls itself), and the next Tab
        // goes into it rather than back through the header.
        if (!focus) window.scrollTo(0, 0);
        main.focus({ preventScroll: true });
      }
    });
}

// The skip link moves the focus to the content without changing the address.
document.querySelector("a.skip")?.addEventListener("click", (ev) => {
  ev.preventDefault();
  main.focus();
});

window.addEventListener("hashchange", () => route(true));
route(false);
