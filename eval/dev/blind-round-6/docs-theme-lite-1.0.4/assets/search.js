(function () {
  var q = document.getElementById("q"); if (!q) return;
  var idx = null;
  function load() { return idx ? Promise.resolve(idx) : fetch("/search-index.json").then(function (r) { return r.json(); }).then(function (j) { return (idx = j); }); }
  q.addEventListener("input", function () {
    var term = q.value.trim().toLowerCase(); if (term.length < 2) return;
    load().then(function (pages) {
      var hits = pages.filter(function (p) { return (p.title + " " + p.text).toLowerCase().indexOf(term) >= 0; }).slice(0, 8);
      var list = document.getElementById("q-results") || document.body.appendChild(Object.assign(document.createElement("ul"), { id: "q-results" }));
      list.innerHTML = hits.map(function (h) { return '<li><a href="' + h.url + '">' + h.title + "</a></li>"; }).join("");
    });
  });
})();
