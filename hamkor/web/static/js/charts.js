// Small charts whose data comes in data- attributes: links per month, a region's trade.
(function () {
  "use strict";
  if (!window.echarts) { return; }

  function json(el, name) {
    try { return JSON.parse(el.getAttribute(name) || "null"); } catch (e) { return null; }
  }

  var perMonth = document.getElementById("per-month");
  if (perMonth) {
    var series = json(perMonth, "data-series") || [];
    var chart = echarts.init(perMonth, null, {renderer: "svg"});
    chart.setOption({
      grid: {left: 40, right: 16, top: 20, bottom: 40},
      tooltip: {trigger: "axis"},
      xAxis: {type: "category", data: series.map(function (x) { return x[0]; })},
      yAxis: {type: "value", minInterval: 1},
      series: [{type: "bar", name: "связей", data: series.map(function (x) { return x[1]; }),
                itemStyle: {color: "#1f5fa8"}}]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  var trade = document.getElementById("trade");
  if (trade) {
    var names = {trade_turnover: "Товарооборот", "export": "Экспорт", "import": "Импорт"};
    var rows = (json(trade, "data-metrics") || []).filter(function (m) { return m.unit !== "%"; });
    var periods = Array.from(new Set(rows.map(function (m) { return m.period; }))).sort();
    var groups = {};
    rows.forEach(function (m) {
      var key = (names[m.indicator] || m.indicator) + ", " + m.unit;
      groups[key] = groups[key] || {};
      groups[key][m.period] = m.value;
    });
    var tc = echarts.init(trade, null, {renderer: "svg"});
    tc.setOption({
      grid: {left: 70, right: 16, top: 30, bottom: 30},
      legend: {top: 0},
      tooltip: {trigger: "axis"},
      xAxis: {type: "category", data: periods},
      yAxis: {type: "value"},
      series: Object.keys(groups).map(function (key) {
        return {type: "bar", name: key, data: periods.map(function (p) {
          return groups[key][p] === undefined ? null : groups[key][p];
        })};
      })
    });
    window.addEventListener("resize", function () { tc.resize(); });
  }
})();
