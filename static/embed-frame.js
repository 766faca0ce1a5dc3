/* site-builder: the embedded timeline tells its host page (embed.js) how tall
 * it is, on load, on resize and whenever its content changes, and where a
 * #event target is, so the host can scroll to it. */
(function () {
  "use strict";
  if (window.parent === window) return; // opened on its own: nothing to tell
  var last = -1;

  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "site-builder:height", height: height }, "*");
    }
  }

  function revealTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; } // "#%zz"
    var target = id && document.getElementById(id);
    if (!target) return;
    send(); // the host must know the full height before it can scroll to the target
    var top = Math.max(0, Math.round(target.getBoundingClientRect().top + window.pageYOffset));
    window.parent.postMessage({ type: "site-builder:scroll", top: top }, "*");
  }

  // The link to the full timeline keeps the embed's filters.
  var home = document.querySelector("a.embed-home");
  if (home) {
    var root = home.getAttribute("href");
    var keepQuery = function () { home.setAttribute("href", root + location.search); };
    keepQuery();
    home.addEventListener("click", keepQuery); // the filters may have changed since
  }

  if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("resize", send);
  window.addEventListener("load", function () { send(); revealTarget(); });
  window.addEventListener("hashchange", revealTarget);
  send();
})();
