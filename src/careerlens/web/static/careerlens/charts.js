/* Vega-Lite charts of an evaluation report: each element with data-chart="ID" shows the spec in the JSON
   script #ID. The tables beside each chart carry the same data; without JavaScript, the tables alone. */
(function () {
  "use strict";
  if (typeof window.vegaEmbed !== "function") return;
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-chart"));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    spec.width = "container";
    window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
      el.setAttribute("data-rendered", "true");
    }).catch(function () { el.hidden = true; });
  });
})();
