/* site-builder: filters for the timeline pages (progressive enhancement).
 *
 * The page is complete without this script.  With it, the filter form is
 * shown; its state lives in the URL query (?tag=…&source=…&lang=…&from=YYYY-MM
 * &to=YYYY-MM&q=…) so a filtered view can be shared, reloaded and embedded.
 * Items carry what the filters need as data attributes: data-first/data-last
 * (months, YYYY-MM), data-tags and data-sources ("|"-separated), data-lang(s).
 */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams || !history.replaceState) return;

  var FIELDS = ["tag", "source", "lang", "from", "to", "q"];
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  var YEAR = /^\d{4}$/;
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event, li.year-summary"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".timeline section"));
  var keepQuery = Array.prototype.slice.call(document.querySelectorAll("a[data-keep-query]"));
  var status = form.querySelector(".filter-status");
  var titles = items.map(function (li) {
    var title = li.querySelector(".event-title");
    return title ? fold(title.textContent) : null;
  });
  keepQuery.forEach(function (a) { a.setAttribute("data-href", a.getAttribute("href")); });

  function fold(text) {
    // Case- and accent-insensitive: "Gipfel" finds "gipfel", "Munchen" finds "München".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function month(value, end) {
    if (MONTH.test(value)) return value;
    if (YEAR.test(value)) return value + (end ? "-12" : "-01");
    return "";
  }

  function fromQuery(search) {
    var params = new URLSearchParams(search);
    var state = {};
    FIELDS.forEach(function (name) { state[name] = (params.get(name) || "").trim(); });
    state.from = month(state.from, false);
    state.to = month(state.to, true);
    return state;
  }

  function fromForm() {
    var state = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      state[name] = field ? field.value.trim() : "";
    });
    // Browsers without a month picker show a text field: accept "2017" there too.
    state.from = month(state.from, false);
    state.to = month(state.to, true);
    return state;
  }

  function toForm(state) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      field.value = state[name];
      if (field.value !== state[name]) { field.value = ""; state[name] = ""; }  // not a choice here
    });
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function has(list, value) {
    return (list || "").split("|").indexOf(value) >= 0;
  }

  function matches(li, index, state) {
    var d = li.dataset;
    if (state.from && d.last < state.from) return false;
    if (state.to && d.first > state.to) return false;
    if (state.tag && !has(d.tags, state.tag)) return false;
    if (state.source && !has(d.sources, state.source)) return false;
    if (state.lang && !has(d.lang || d.langs, state.lang)) return false;
    if (state.q && titles[index] !== null && titles[index].indexOf(fold(state.q)) < 0) return false;
    return true;
  }

  function apply(state) {
    var shown = 0;
    items.forEach(function (li, index) {
      var ok = matches(li, index, state);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    // Hide a month or year left without visible events (inner sections first).
    sections.slice().reverse().forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    var query = toQuery(state);
    keepQuery.forEach(function (a) {
      var href = a.getAttribute("data-href");
      var hash = href.indexOf("#");
      a.setAttribute("href", hash < 0 ? href + query : href.slice(0, hash) + query + href.slice(hash));
    });
    var filtered = query !== "";
    status.textContent = !filtered ? "" : shown === 0 ? form.getAttribute("data-none") :
      form.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", items.length);
  }

  function update() {
    var state = fromForm();
    apply(state);
    history.replaceState(history.state, "", location.pathname + toQuery(state) + location.hash);
    // Others on the page (the embed snippet) follow the filters.
    document.dispatchEvent(new CustomEvent("site-builder:filters"));
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.addEventListener("reset", function () {
    // The reset event fires before the fields are cleared.
    window.setTimeout(update, 0);
  });

  var initial = fromQuery(location.search);
  toForm(initial);
  form.hidden = false;
  apply(initial);
})();
