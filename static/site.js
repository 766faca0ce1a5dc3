/* site-builder: progressive enhancement for the timeline pages. */
(function () {
  "use strict";
})();
