/* dossier search: runs from disk (file://) and from any host; the index is
   loaded by a <script> tag that sets window.DOSSIER_SEARCH. */
(function () {
  "use strict";
  var items = window.DOSSIER_SEARCH || [];
  var me = document.currentScript;
  var root = (me && me.getAttribute("data-root")) || "";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  function fold(s) {
    return (s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var hay = items.map(function (it) { return fold(it.t + " " + it.s + " " + it.x); });
  function run() {
    var q = fold(input.value).trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { status.textContent = items.length + " items indexed."; return; }
    var words = q.split(/\s+/);
    var hits = [];
    for (var i = 0; i < items.length && hits.length < 100; i++) {
      var ok = true;
      for (var w = 0; w < words.length; w++) { if (hay[i].indexOf(words[w]) < 0) { ok = false; break; } }
      if (ok) { hits.push(items[i]); }
    }
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + (hits.length === 100 ? " (first 100)" : "") + ".";
    hits.forEach(function (it) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "badge";
      kind.textContent = it.k;
      var a = document.createElement("a");
      a.href = root + it.h;
      a.textContent = it.t;
      var sub = document.createElement("span");
      sub.className = "muted";
      sub.textContent = " " + it.s;
      li.appendChild(kind); li.appendChild(document.createTextNode(" ")); li.appendChild(a); li.appendChild(sub);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  input.addEventListener("input", run);
  input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  run();
})();
