import { LIVE_PATH } from "./protocol.ts";

export interface ClientConfig {
  /** The output file this page was served from (`docs/index.html`, `404.html`). */
  readonly page: string;
}

/**
 * The browser half of live reload, as one inline `<script>`: keeps a WebSocket open
 * (reconnecting with backoff, and reloading once it is back, since the server restarted),
 * reloads when this page or a file it may use changed, swaps stylesheets for CSS-only
 * changes, and shows build errors in an overlay. Plain ES2017, no dependencies.
 */
export function clientScript(config: ClientConfig): string {
  const json = JSON.stringify({ page: config.page, ws: LIVE_PATH }).replace(/</g, "\\u003c");
  return `<script data-bengal-live>(${CLIENT_SOURCE})(${json});</script>`;
}

// Kept as text: it runs in the browser, never in Bun. Error text is set with textContent only.
const CLIENT_SOURCE = String.raw`function (cfg) {
  if (window.__bengalLive) return;
  // Read by tests and curious users: whether the live-reload socket is open right now.
  var state = (window.__bengalLive = { connected: false });
  var attempt = 0, lost = false, leaving = false;
  addEventListener("pagehide", function () { leaving = true; });

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(proto + location.host + cfg.ws);
    socket.onopen = function () {
      attempt = 0;
      state.connected = true;
      if (lost) location.reload();
    };
    socket.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (msg.type === "hello" || msg.type === "errors") showErrors(msg.errors);
      else if (msg.type === "css") swapStylesheets();
      else if (msg.type === "reload" && affectsPage(msg.paths)) location.reload();
    };
    socket.onclose = function () {
      state.connected = false;
      if (leaving) return;
      lost = true;
      setTimeout(connect, Math.min(5000, 100 * Math.pow(2, attempt++)));
    };
  }

  // Feeds, sitemaps and manifests never change what a page shows; anything else non-HTML may.
  function affectsPage(paths) {
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i];
      if (p === cfg.page || !/\.(html|xml|txt|json)$/i.test(p)) return true;
    }
    return false;
  }

  // A fingerprinted name (style.1a2b3c4d.css) changes with its content: match on the name without it.
  function baseName(href) {
    return new URL(href, location.href).pathname.replace(/\.[0-9a-f]{8}(?=\.css$)/i, "");
  }

  function swapStylesheets() {
    fetch(location.href, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); }, function () { return null; })
      .then(function (doc) {
        var fresh = [];
        if (doc) doc.querySelectorAll('link[rel~="stylesheet"][href]').forEach(function (l) {
          fresh.push(new URL(l.getAttribute("href"), location.href).href);
        });
        document.querySelectorAll('link[rel~="stylesheet"][href]').forEach(function (link) {
          var current = new URL(link.href);
          if (current.origin !== location.origin) return;
          var match = null;
          for (var i = 0; i < fresh.length; i++) if (baseName(fresh[i]) === baseName(current.href)) match = fresh[i];
          var next = new URL(match || current.href);
          if (next.pathname === current.pathname) next.searchParams.set("bengal", String(Date.now()));
          var clone = link.cloneNode();
          clone.href = next.href;
          // The old sheet stays until the new one has loaded, so the page never flashes unstyled.
          clone.onload = clone.onerror = function () { link.remove(); };
          link.after(clone);
        });
      });
  }

  var host = null;
  function showErrors(errors) {
    if (host) { host.remove(); host = null; }
    if (!errors || errors.length === 0) return;
    host = document.createElement("bengal-error-overlay");
    host.id = "__bengal-overlay";
    var root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = ":host{position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.66);overflow:auto;font:14px/1.5 system-ui,sans-serif}" +
      ".panel{max-width:960px;margin:40px auto;background:#1e1e1e;color:#eee;border-top:6px solid #e5484d;border-radius:6px;padding:20px 24px;box-shadow:0 8px 40px rgba(0,0,0,.5)}" +
      "h1{margin:0 0 12px;font-size:18px;color:#ff8b8b}.err{margin:16px 0;padding-top:12px;border-top:1px solid #333}" +
      ".where{font-family:ui-monospace,monospace;color:#9cdcfe}.code{color:#888;margin-left:8px}" +
      "pre{background:#111;padding:10px 12px;border-radius:4px;overflow:auto;font:13px/1.45 ui-monospace,monospace;color:#ddd}" +
      ".hint{color:#7fd1b9}.close{float:right;background:none;border:0;color:#aaa;font-size:20px;cursor:pointer}";
    root.appendChild(style);
    var panel = el("div", "panel");
    var close = el("button", "close", "×");
    close.title = "Hide (the overlay returns while the build still fails)";
    close.onclick = function () { host.remove(); host = null; };
    panel.appendChild(close);
    panel.appendChild(el("h1", null, errors.length === 1 ? "Build failed: 1 error" : "Build failed: " + errors.length + " errors"));
    errors.forEach(function (e) {
      var item = el("div", "err");
      item.appendChild(el("span", "where", e.file ? e.file + ":" + e.line + ":" + e.column : "bengal"));
      item.appendChild(el("span", "code", "[" + e.code + "]"));
      item.appendChild(el("div", "message", e.message));
      if (e.frame) item.appendChild(el("pre", null, e.frame));
      if (e.hint) item.appendChild(el("div", "hint", "hint: " + e.hint));
      panel.appendChild(item);
    });
    root.appendChild(panel);
    (document.body || document.documentElement).appendChild(host);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  connect();
}`;
