/* site-builder: progressive enhancement for the timeline pages. */
(function () {
  "use strict";
  // Inside an iframe, tell the host page how tall we are so it can size the frame.
  if (window.parent !== window && document.body.classList.contains("page-embed")) {
    var last = 0;
    var send = function () {
      var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) {
        last = h;
        window.parent.postMessage({ type: "site-builder:height", height: h }, "*");
      }
    };
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.documentElement);
    window.addEventListener("load", send);
    send();
  }
})();
