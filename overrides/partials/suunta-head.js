// Suunta, run in <head> before the page is painted (inline, allowed by the page's CSP hash).
// 1. Marks the page as scripted, so enhancements (the filters) take their place in the first
//    layout instead of moving the page when they appear.
// 2. Holds back the search index until the reader starts to search: Material asks for it as
//    the page opens, and on a large strategy it is the heaviest thing a page would load.
(function () {
  "use strict";
  document.documentElement.classList.add("suunta-js");
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send;
  var held = [], started = false;
  function start() {
    if (started) return;
    started = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  proto.open = function (method, url) {
    this.suuntaSearchIndex = /(^|\/)search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.suuntaSearchIndex && !started) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function wantsSearch(event) {
    var target = event.target;
    if (!target || !target.closest) return;
    if (target.closest(".md-search, label[for='__search'], #__search")) start();
  }
  document.addEventListener("focusin", wantsSearch, true);
  document.addEventListener("pointerdown", wantsSearch, true);
  document.addEventListener("change", wantsSearch, true);
})();
