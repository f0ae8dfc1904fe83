/* The picture of the gaps (pathway explorer): a Vega-Lite bar chart of the data the page also shows as a
   table. Without JavaScript, the table alone. */
(function () {
  "use strict";
  var el = document.getElementById("gap-chart");
  var source = document.getElementById("gap-chart-data");
  if (!el || !source || typeof window.vegaEmbed !== "function") return;
  var data = JSON.parse(source.textContent);
  var spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: data.description,
    width: "container",
    data: { values: data.values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "descriptor", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
      yOffset: { field: "who", type: "nominal", sort: data.order },
      x: { field: "share", type: "quantitative", title: data.axis, scale: { domain: [0, 100] } },
      color: {
        field: "who", type: "nominal", sort: data.order,
        scale: { range: ["#4d4d4d", "#1a5a96"] },
        legend: { orient: "bottom", title: null, labelLimit: 500 }
      }
    },
    config: { font: "Open Sans, Arial, sans-serif", axis: { labelFontSize: 13, titleFontSize: 13 } }
  };
  window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
    el.setAttribute("data-rendered", "true");
  }).catch(function () {
    el.hidden = true;  // the table below carries the same data
  });
})();
