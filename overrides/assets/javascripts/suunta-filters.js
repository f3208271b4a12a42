// Suunta: filters for the measures index. Progressive enhancement only: without JavaScript the
// form stays hidden (the stylesheet shows it on pages marked `suunta-js` by the script in the
// head, so it is in place from the first paint) and every measure is listed, on one page or on
// numbered pages. UI texts come from the page (data attributes), never from this file. Filter
// choices are kept in the URL so a filtered view can be shared.
//
// A list over several pages is filtered as a whole: on first use the script loads every row
// (`data-all`: rows rendered by the same template as the pages, links relative to the first
// page, which `data-rows-base` points to, and the header row for the whole list's columns) and
// shows the matches in place of the page's rows, hiding the page links and the page's row
// range; clearing the filters brings the page back.
(function () {
  "use strict";
  var form = document.querySelector("form.suunta-filters");
  if (!form) return;
  var table = document.getElementById(form.getAttribute("data-table"));
  var count = document.getElementById(form.getAttribute("data-status"));
  if (!table || !count) return;
  var body = table.tBodies[0];
  var pageRows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var allUrl = form.getAttribute("data-all");
  var pageLinks = document.getElementById(form.getAttribute("data-pages") || "");
  var pageRange = document.getElementById(form.getAttribute("data-range") || "");
  var caption = table.caption;
  var pageCaption = caption ? caption.textContent : "";
  var total = Number(form.getAttribute("data-total")) || pageRows.length;
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var pageHead = table.tHead ? table.tHead.rows[0] : null;
  var allRows = null; // every row of the list, once loaded
  var allHead = null; // its header row: the whole list may fill columns this page does not
  var failed = false;
  var loading = null;

  function matches(row, select) {
    if (!select.value) return true;
    var values = (row.getAttribute("data-" + select.name) || "").split("|");
    return values.indexOf(select.value) !== -1;
  }

  function filtering() {
    return selects.some(function (select) { return select.value; });
  }

  function parseRows(html, base) {
    var holder = document.createElement("tbody");
    holder.innerHTML = html; // rows this site rendered and escaped, as on its pages
    Array.prototype.forEach.call(holder.querySelectorAll("a[href]"), function (link) {
      link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
    });
    return Array.prototype.slice.call(holder.rows);
  }

  function loadAll() {
    if (!loading) {
      loading = fetch(new URL(allUrl, window.location.href).href)
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          var base = new URL(form.getAttribute("data-rows-base"), window.location.href);
          var head = document.createElement("thead");
          head.innerHTML = data.head; // rendered by the same template as the pages' header
          allHead = head.rows[0];
          allRows = parseRows(data.rows.join(""), base);
        })
        .catch(function () { failed = true; });
    }
    return loading;
  }

  function show(rows) {
    if (body.rows.length === rows.length && body.rows[0] === rows[0]) return;
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(fragment);
  }

  function apply(updateUrl) {
    var whole = allUrl && filtering() && allRows;
    var rows = whole ? allRows : pageRows;
    var head = whole ? allHead : pageHead;
    if (head && table.tHead && table.tHead.rows[0] !== head) {
      table.tHead.replaceChild(head, table.tHead.rows[0]);
    }
    show(rows);
    // The whole list's matches are shown: the page's links, row range and caption say
    // nothing about them until the filters are cleared.
    if (pageLinks) pageLinks.hidden = Boolean(whole);
    if (pageRange) pageRange.hidden = Boolean(whole);
    if (caption && allUrl) caption.textContent = whole ? form.getAttribute("data-caption") : pageCaption;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) { return matches(row, select); });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var template = form.getAttribute(failed && filtering() ? "data-failed" : "data-shown-template");
    count.textContent = template
      .replace("{shown}", numbers.format(shown))
      .replace("{total}", numbers.format(allUrl ? total : rows.length));
    if (updateUrl) {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    }
  }

  function update(updateUrl) {
    if (allUrl && filtering() && !allRows && !failed) {
      loadAll().then(function () { apply(updateUrl); });
    } else {
      apply(updateUrl);
    }
  }

  var initial = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = initial.get(select.name);
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
    if (wanted && known) select.value = wanted;
    select.addEventListener("change", function () { update(true); });
  });
  form.addEventListener("reset", function () { window.setTimeout(function () { update(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  update(false);
})();
