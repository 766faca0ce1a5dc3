/* site-builder: "Embed this timeline" shows the copy-paste snippet for the
 * current filters.  The site's absolute URL is base_url when configured
 * (data-base-url), else it is computed from this page's own location.
 * A year page (data-page="years/2017/") embeds embed/years/2017/.
 * Keep the snippet's form in step with site_builder/embed.py. */
(function () {
  "use strict";
  var box = document.querySelector(".embed-box");
  if (!box) return;
  var code = box.querySelector(".embed-code");

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  function siteBase() {
    var base = box.getAttribute("data-base-url");
    if (base) return base;
    if (location.protocol !== "http:" && location.protocol !== "https:") return null;
    var url = new URL(box.getAttribute("data-root") || "./", location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  function snippet(base, title, q, page) {
    var suffix = q ? "?" + q : "";
    return '<div data-site-builder-timeline="' + escapeHtml(base + "embed/" + page + suffix) + '">' +
      '<a href="' + escapeHtml(base + page + suffix) + '">' + escapeHtml(title) + "</a></div>\n" +
      '<script src="' + escapeHtml(base + "embed.js") + '" async></' + "script>";
  }

  function update() {
    var base = siteBase();
    if (!base) return;
    var query = new URLSearchParams(location.search).toString();
    code.value = snippet(base, box.getAttribute("data-title") || "", query,
                         box.getAttribute("data-page") || "");
    box.hidden = false;
  }

  function copy() {
    update();
    code.select();
    var done = function () {
      button.textContent = box.getAttribute("data-copied");
      window.setTimeout(function () { button.textContent = box.getAttribute("data-copy"); }, 2000);
    };
    var fallback = function () { if (document.execCommand("copy")) done(); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "embed-copy";
  button.textContent = box.getAttribute("data-copy");
  button.addEventListener("click", copy);
  code.insertAdjacentElement("afterend", button);

  // The filters change the URL without reloading: refresh when the box opens
  // and whenever the history changes.
  box.addEventListener("toggle", update);
  window.addEventListener("popstate", update);
  document.addEventListener("site-builder:filters", update);
  update();
})();
