/* site-builder embed.js: turns every
 *   <div data-site-builder-timeline="https://…/embed/?tag=…"><a href="…">Title</a></div>
 * on the host page into an iframe of that URL which sizes itself to its content.
 * The embedded page posts {type: "site-builder:height", height: N} (and
 * {type: "site-builder:scroll", top: N} for a #event link); a message counts only
 * when it comes from that iframe's window and origin and has exactly that shape.
 * Without JavaScript the link inside the div stays. No globals, no dependencies. */
(function () {
  "use strict";
  var MAX = 1000000; // px: anything taller is not a timeline but an attack on the layout
  // Keep in step with site_builder/embed.py (SANDBOX).
  var SANDBOX =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation allow-forms";
  var frames = [];

  function embedUrl(raw) {
    var url;
    try { url = new URL(raw, document.baseURI); } catch (e) { return null; }
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  }

  function makeFrame(div) {
    var url = embedUrl(div.getAttribute("data-site-builder-timeline") || "");
    if (!url) return;
    var link = div.querySelector("a");
    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = (link && link.textContent.trim()) || "Timeline";
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.setAttribute("data-site-builder-frame", "");
    iframe.style.cssText = "display:block;width:100%;height:400px;border:0";
    while (div.firstChild) div.removeChild(div.firstChild);
    div.appendChild(iframe);
  }

  function wire(iframe) {
    if (iframe.hasAttribute("data-site-builder-wired")) return;
    var url = embedUrl(iframe.getAttribute("src") || "");
    if (!url) return;
    iframe.setAttribute("data-site-builder-wired", "");
    frames.push({ iframe: iframe, origin: url.origin });
  }

  function scan() {
    var divs = document.querySelectorAll("div[data-site-builder-timeline]");
    for (var i = 0; i < divs.length; i++) {
      if (!divs[i].querySelector("iframe")) makeFrame(divs[i]);
    }
    var iframes = document.querySelectorAll("iframe[data-site-builder-frame]");
    for (var j = 0; j < iframes.length; j++) wire(iframes[j]);
  }

  // The number under `key` of a message of exactly {type: kind, [key]: number}, or null.
  function field(data, kind, key) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    var keys = Object.keys(data);
    if (keys.length !== 2 || data.type !== kind || !Object.prototype.hasOwnProperty.call(data, key)) {
      return null;
    }
    var n = data[key];
    return typeof n === "number" && isFinite(n) && n >= 0 && n <= MAX ? n : null;
  }

  function onMessage(event) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.iframe.contentWindow || event.origin !== f.origin) continue;
      var height = field(event.data, "site-builder:height", "height");
      if (height !== null) f.iframe.style.height = Math.ceil(height) + "px";
      var top = field(event.data, "site-builder:scroll", "top");
      if (top !== null) {
        window.scrollTo(0, f.iframe.getBoundingClientRect().top + window.pageYOffset + top);
      }
      return;
    }
  }

  window.addEventListener("message", onMessage);
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
