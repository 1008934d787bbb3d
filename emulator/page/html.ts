/**
 * The emulator page: one self-contained HTML document (no external assets, so it works offline) whose script polls
 * {@link STATE_PATH} and redraws. Data is written with textContent only: request bodies are shown, never run.
 */

/** Where the page is served. */
export const PAGE_PATH = "/_emulator/page";

/** The JSON document the page polls. */
export const STATE_PATH = "/_emulator/page/state";

/** How often the page polls, in milliseconds. */
export const REFRESH_MS = 1000;

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f5f6f8; }
header { background: #1d2330; color: #fff; padding: 10px 20px; display: flex; gap: 20px; align-items: baseline; }
header h1 { font-size: 18px; margin: 0; }
header .live { font-size: 13px; opacity: .85; }
main { padding: 10px 20px 40px; }
section { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; margin: 14px 0; padding: 6px 14px 12px; }
h2 { font-size: 15px; margin: 8px 0; }
h2 .count { color: #6b7385; font-weight: normal; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
th { font-weight: 600; color: #4a5263; font-size: 12px; text-transform: uppercase; }
td.mono, td .mono { font-family: ui-monospace, monospace; font-size: 12.5px; }
.empty { color: #8a91a0; font-style: italic; }
.status { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; background: #e6e8ec; }
.status.COMPLETE, .status.Inservice, .status.ok { background: #d8f3df; color: #14632b; }
.status.RECEIVED, .status.BACKORDERED, .status.Aging { background: #fff1c7; color: #7a5600; }
.status.PARTIAL, .status.Disconnected { background: #ffe1c2; color: #8a3c00; }
.status.FAILED, .status.err { background: #fddcdc; color: #9b1c1c; }
.errors { color: #9b1c1c; font-size: 12.5px; }
details summary { cursor: pointer; color: #3d63b5; }
pre { white-space: pre-wrap; word-break: break-all; margin: 4px 0; font-size: 12px; }
`;

// The browser side. Plain ES2017, no template literals (this file is one).
const SCRIPT = `
(function () {
  var paused = false;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function badge(status) { return el("span", status, "status " + status); }
  function httpBadge(code) { return el("span", code, "status " + (code >= 200 && code < 400 ? "ok" : "err")); }
  function errorsText(errors) {
    return errors.map(function (e) {
      return e.code + ": " + e.description + (e.telephoneNumber ? " (" + e.telephoneNumber + ")" : "");
    }).join("; ");
  }
  function table(id, rows, columns, rowKey) {
    var section = document.querySelector('[data-section="' + id + '"]');
    section.querySelector(".count").textContent = "(" + rows.length + ")";
    var body = section.querySelector("tbody");
    body.replaceChildren();
    if (rows.length === 0) {
      var tr = el("tr"); var td = el("td", "none yet", "empty"); td.colSpan = columns.length; tr.appendChild(td);
      body.appendChild(tr); return;
    }
    rows.forEach(function (row) {
      var tr = el("tr");
      if (rowKey) tr.dataset.key = rowKey(row);
      columns.forEach(function (col) {
        var value = col(row);
        var td = el("td");
        if (value instanceof Node) td.appendChild(value); else td.textContent = value === undefined ? "" : String(value);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }
  function mono(text) { return el("span", text, "mono"); }
  function settingsText(s) {
    if (!s) return "";
    var parts = [];
    if (s.sms) parts.push("SMS " + s.sms);
    if (s.callingNameDisplay) parts.push("calling name " + s.callingNameDisplay);
    if (s.a2pState === "OFF") parts.push("A2P off");
    if (s.campaignId) parts.push("campaign " + s.campaignId + (s.messageClass ? " (" + s.messageClass + ")" : ""));
    if (s.portOutPasscode) parts.push("port-out passcode " + s.portOutPasscode);
    return parts.join(" · ");
  }
  function render(s) {
    table("accounts", s.accounts, [
      function (a) { return mono(a.accountId); }, function (a) { return a.username; }, function (a) { return mono(a.userId); },
      function (a) { return a.sites.map(function (x) { return x.siteId + (x.peerIds.length ? " (peers " + x.peerIds.join(", ") + ")" : ""); }).join("; "); },
      function (a) { return a.summary.inService; }, function (a) { return a.summary.imported; },
      function (a) { return a.summary.orders; }, function (a) { return a.summary.disconnects; }
    ], function (a) { return a.accountId; });
    var apps = [], locations = [];
    s.accounts.forEach(function (a) {
      a.v2.applications.forEach(function (x) { apps.push(Object.assign({ accountId: a.accountId }, x)); });
      a.v2.sites.forEach(function (site) {
        site.locations.forEach(function (l) { locations.push(Object.assign({ accountId: a.accountId, site: site }, l)); });
      });
    });
    table("applications", apps, [
      function (x) { return mono(x.applicationId); }, function (x) { return x.serviceType; },
      function (x) { return x.appName; }, function (x) { return x.accountId; }
    ], function (x) { return x.applicationId; });
    table("locations", locations, [
      function (l) { return mono(l.peerId); }, function (l) { return l.peerName; },
      function (l) { return l.site.siteId + " " + l.site.name; }, function (l) { return l.isDefaultPeer ? "yes" : ""; },
      function (l) { return l.voice ? mono(l.voice) : "SIP"; }, function (l) { return l.sms ? "on" : ""; },
      function (l) { return l.messaging ? mono(l.messaging) : ""; }
    ], function (l) { return l.accountId + "/" + l.peerId; });
    table("numbers", s.numbers, [
      function (n) { return mono(n.telephoneNumber); }, function (n) { return badge(n.status); },
      function (n) { return n.accountId; }, function (n) { return n.orderId ? mono(n.orderId) : ""; },
      function (n) { return n.voiceNumberId ? mono(n.voiceNumberId) : ""; },
      function (n) { return n.voiceConfigurationPackageId ? mono(n.voiceConfigurationPackageId) : ""; },
      function (n) { return settingsText(n.settings); }, function (n) { return n.lastModifiedDate; }
    ], function (n) { return n.telephoneNumber; });
    table("packages", s.packages, [
      function (p) { return mono(p.voiceConfigurationPackageId); }, function (p) { return p.name; },
      function (p) { return p.description; }, function (p) { return p.httpVoiceV2ApplicationId ? mono(p.httpVoiceV2ApplicationId) : ""; },
      function (p) { return p.accountId; }, function (p) { return mono(p.phoneNumbers.join(" ")); }
    ], function (p) { return p.voiceConfigurationPackageId; });
    var orderColumns = [
      function (o) { return mono(o.id); }, function (o) { return badge(o.status); }, function (o) { return o.orderCreateDate; },
      function (o) { return o.name; }, function (o) { return o.customerOrderId; }, function (o) { return o.requested; },
      function (o) { return mono(o.completed.join(" ")); }, function (o) { return mono(o.failed.join(" ")); },
      function (o) { return el("span", errorsText(o.errors), "errors"); }
    ];
    table("orders", s.orders, orderColumns, function (o) { return o.id; });
    table("disconnects", s.disconnects, orderColumns, function (o) { return o.id; });
    table("tnoptions", s.tnOptionOrders, orderColumns, function (o) { return o.id; });
    table("imports", s.imports, [
      function (v) { return mono(v.id); }, function (v) { return mono(v.number); }, function (v) { return v.name; },
      function (v) { return v.applicationId; }, function (v) { return v.numberState; }, function (v) { return v.createdTime; }
    ], function (v) { return v.id; });
    table("requests", s.requests, [
      function (r) { return r.seq; }, function (r) { return r.at; }, function (r) { return r.api; },
      function (r) { return mono(r.method + " " + r.path + (r.query ? "?" + r.query : "")); },
      function (r) { return httpBadge(r.status); }, function (r) { return r.fault; },
      function (r) {
        if (!r.body) return "";
        var d = el("details"); d.appendChild(el("summary", r.body.length + " chars")); d.appendChild(el("pre", r.body));
        return d;
      }
    ], function (r) { return String(r.seq); });
    document.querySelector('[data-section="requests"] .count').textContent =
      "(latest " + s.requests.length + " of " + s.requestCount + ")";
    document.getElementById("updated").textContent = "updated " + new Date(s.generatedAt).toLocaleTimeString();
  }
  function poll() {
    if (paused) { setTimeout(poll, REFRESH_MS); return; }
    fetch(STATE_PATH, { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (s) { render(s); document.getElementById("problem").textContent = ""; })
      .catch(function (e) { document.getElementById("problem").textContent = "emulator unreachable: " + e.message; })
      .then(function () { setTimeout(poll, REFRESH_MS); });
  }
  document.getElementById("pause").addEventListener("change", function (e) { paused = e.target.checked; });
  poll();
})();
`;

function section(id: string, title: string, columns: string[]): string {
  const head = columns.map((c) => `<th>${c}</th>`).join("");
  return `<section data-section="${id}"><h2>${title} <span class="count"></span></h2>
<table><thead><tr>${head}</tr></thead><tbody></tbody></table></section>`;
}

const ORDER_COLUMNS = [
  "id",
  "status",
  "created",
  "name",
  "CustomerOrderId",
  "requested",
  "completed",
  "failed",
  "errors",
];

/** The page's HTML. */
export function pageHtml(): string {
  const script = SCRIPT.replace(/\bSTATE_PATH\b/g, JSON.stringify(STATE_PATH)).replace(
    /\bREFRESH_MS\b/g,
    String(REFRESH_MS),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bandwidth emulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><header><h1>Bandwidth emulator</h1>
<span class="live"><span id="updated">loading…</span> · refreshes every ${REFRESH_MS / 1000} s ·
<label><input type="checkbox" id="pause"> pause</label> <span id="problem"></span></span></header>
<main>
${section("accounts", "Accounts", ["account", "API user", "v1 user", "sites", "in service", "v1 imports", "orders", "disconnects"])}
${section("numbers", "Numbers", ["number", "state", "account", "order", "v1 id", "voice package", "settings", "last change"])}
${section("orders", "Orders", ORDER_COLUMNS)}
${section("disconnects", "Disconnects", ORDER_COLUMNS)}
${section("imports", "Voice v1 imports", ["id", "number", "name", "application", "state", "imported"])}
${section("packages", "Voice configuration packages", ["id", "name", "description", "voice application", "account", "numbers"])}
${section("tnoptions", "TN option orders", ORDER_COLUMNS)}
${section("applications", "Applications (v2)", ["id", "service type", "name", "account"])}
${section("locations", "Locations (v2)", ["location", "name", "site", "default", "voice", "SMS", "messaging"])}
${section("requests", "Request log (credentials redacted)", ["#", "at", "API", "request", "status", "fault", "body"])}
</main><script>${script}</script></body></html>
`;
}
