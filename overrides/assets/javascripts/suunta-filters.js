// Suunta: filters for the measures index. Progressive enhancement only: without JavaScript the
// form stays hidden (the stylesheet shows it on pages marked `suunta-js` by the script in the
// head, so it is in place from the first paint) and every measure is listed. UI texts come from the page (data attributes),
// never from this file. Filter choices are kept in the URL so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.querySelector("form.suunta-filters");
  if (!form) return;
  var table = document.getElementById(form.getAttribute("data-table"));
  var count = document.getElementById(form.getAttribute("data-status"));
  if (!table || !count) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

  function matches(row, select) {
    if (!select.value) return true;
    var values = (row.getAttribute("data-" + select.name) || "").split("|");
    return values.indexOf(select.value) !== -1;
  }

  function apply(updateUrl) {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) { return matches(row, select); });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = form.getAttribute("data-shown-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    if (updateUrl) {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    }
  }

  var initial = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = initial.get(select.name);
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
    if (wanted && known) select.value = wanted;
    select.addEventListener("change", function () { apply(true); });
  });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(false);
})();
