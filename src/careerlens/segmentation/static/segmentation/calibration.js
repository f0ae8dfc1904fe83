/* The calibration plot of a model version: predicted against observed risk by tenth of predicted risk,
   with the diagonal of perfect calibration. The table below the chart carries the same data. */
(function () {
  "use strict";
  var el = document.getElementById("calibration-chart");
  var source = document.getElementById("calibration-data");
  if (!el || !source || typeof window.vegaEmbed !== "function") return;
  var data = JSON.parse(source.textContent);
  var spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: data.description,
    width: "container",
    height: 280,
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: "line", color: "#4d4d4d", strokeDash: [4, 4] },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } },
      { data: { values: data.points }, mark: { type: "line", point: true, color: "#1a5a96", tooltip: true },
        encoding: {
          x: { field: "predicted", type: "quantitative", title: data.x, scale: { domain: [0, 1] } },
          y: { field: "observed", type: "quantitative", title: data.y, scale: { domain: [0, 1] } } } }
    ],
    config: { font: "Open Sans, Arial, sans-serif", axis: { labelFontSize: 13, titleFontSize: 13 } }
  };
  window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
    el.setAttribute("data-rendered", "true");
  }).catch(function () { el.hidden = true; });
})();
