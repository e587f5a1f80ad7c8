// The partnership graph: Russian regions in the left column, Uzbek ones in the right,
// edges as wide as the number of reports. Click an edge for the pair, a region for its dossier.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el || !window.echarts) { return; }
  var chart = echarts.init(el, null, {renderer: "svg"});
  window.hamkorGraph = chart;

  fetch(el.getAttribute("data-src"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(function (data) { draw(data.regions || [], data.links || []); });

  function draw(regions, links) {
    var weight = {};
    links.forEach(function (k) {
      weight[k.ru.code] = (weight[k.ru.code] || 0) + k.count;
      weight[k.uz.code] = (weight[k.uz.code] || 0) + k.count;
    });
    var shown = regions.filter(function (r) { return weight[r.code]; });
    var side = {RU: [], UZ: []};
    shown.forEach(function (r) { (side[r.country] || side.RU).push(r); });
    Object.keys(side).forEach(function (c) {
      side[c].sort(function (a, b) { return (weight[b.code] - weight[a.code]) || a.name.localeCompare(b.name); });
    });
    // Nodes are placed in pixels, in a layout box of the same size, so the view is not
    // stretched (ECharts fits the nodes' bounding box into the box).
    var rows = Math.max(side.RU.length, side.UZ.length, 1);
    var rowHeight = 36, pad = 24;
    el.style.height = Math.max(320, rows * rowHeight + 2 * pad) + "px";
    chart.resize();
    var width = el.clientWidth, height = el.clientHeight - 2 * pad;
    var span = Math.max(200, Math.round(width * 0.44));
    var maxCount = Math.max.apply(null, links.map(function (k) { return k.count; }).concat([1]));
    var maxWeight = Math.max.apply(null, Object.keys(weight).map(function (k) { return weight[k]; }).concat([1]));
    var nodes = [];
    ["RU", "UZ"].forEach(function (c) {
      var list = side[c], step = height / Math.max(list.length, 1);
      list.forEach(function (r, i) {
        nodes.push({
          id: r.code, name: r.name, value: weight[r.code],
          x: c === "RU" ? 0 : span, y: (i + 0.5) * step,
          symbolSize: 10 + 18 * Math.sqrt(weight[r.code] / maxWeight),
          itemStyle: {color: c === "RU" ? "#1f5fa8" : "#17845a"},
          label: {show: true, position: c === "RU" ? "left" : "right", fontSize: 13, color: "#1d2330"}
        });
      });
    });
    // Two anchors at the box's corners keep the scale at one pixel per unit.
    nodes.push({id: "_top", name: "", x: 0, y: 0, symbolSize: 0, label: {show: false}, tooltip: {show: false}, silent: true});
    nodes.push({id: "_bottom", name: "", x: span, y: height, symbolSize: 0, label: {show: false}, tooltip: {show: false}, silent: true});
    var edges = links.map(function (k) {
      return {source: k.ru.code, target: k.uz.code, value: k.count,
              basis: k.basis, ru: k.ru.name, uz: k.uz.name,
              lineStyle: {width: 1.5 + 10 * k.count / maxCount, opacity: 0.55, color: "#8795b0"}};
    });
    chart.setOption({
      tooltip: {formatter: function (p) {
        if (p.dataType === "edge") {
          return echarts.format.encodeHTML(p.data.ru + " — " + p.data.uz) + "<br>сообщений: " + p.data.value;
        }
        if (!p.data.name) { return ""; }
        return echarts.format.encodeHTML(p.data.name) + "<br>сообщений: " + p.data.value;
      }},
      series: [{
        type: "graph", layout: "none", roam: false, data: nodes, links: edges,
        left: Math.round((width - span) / 2), width: span, top: pad, height: height, nodeScaleRatio: 0,
        emphasis: {focus: "adjacency", lineStyle: {opacity: 0.95}},
        labelLayout: {hideOverlap: false}
      }]
    });
    // Ready once drawn and the entry animation is over, so the nodes are where they stay.
    chart.on("finished", function ready() {
      chart.off("finished", ready);
      el.setAttribute("data-ready", String(nodes.length - 2));
    });
  }

  chart.on("click", function (p) {
    if (p.dataType === "edge") {
      window.location.href = "/pairs/" + encodeURIComponent(p.data.source) + "/" + encodeURIComponent(p.data.target);
    } else if (p.dataType === "node" && p.data.id.charAt(0) !== "_") {
      window.location.href = "/regions/" + encodeURIComponent(p.data.id);
    }
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
