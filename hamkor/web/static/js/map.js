// The map: regions of Russia and, enlarged in an inset, of Uzbekistan, coloured by activity.
// Boundaries: static/geo/regions.json (Natural Earth admin-1, see PROVENANCE.txt there).
// Click a region for its dossier.
(function () {
  "use strict";
  var el = document.getElementById("geo-map");
  if (!el || !window.echarts) { return; }
  var regions = JSON.parse(el.getAttribute("data-regions") || "[]");
  var byCode = {};
  regions.forEach(function (r) { byCode[r.code] = r; });
  var colours = ["#eef1f5", "#cfe1f4", "#9ec5e8", "#5d9bd3", "#2f7dc0", "#0b3f7a"];
  var chart = echarts.init(el, null, {renderer: "svg"});
  window.hamkorMap = chart;

  fetch(el.getAttribute("data-geo"), {credentials: "same-origin"})
    .then(function (r) { return r.json(); })
    .then(draw);

  function part(geo, country) {
    return {type: "FeatureCollection", features: geo.features.filter(function (f) {
      return f.properties.code.slice(0, 2) === country;
    })};
  }

  function series(country, box) {
    var s = {
      type: "map", map: "hamkor-" + country, nameProperty: "code", aspectScale: 1,
      roam: false, selectedMode: false, showLegendSymbol: false,
      data: regions.filter(function (r) { return r.country === country; }).map(function (r) {
        return {name: r.code, value: r.level, count: r.count};
      }),
      label: {show: false},
      itemStyle: {borderColor: "#ffffff", borderWidth: 0.6},
      emphasis: {itemStyle: {areaColor: "#ffd46b"}, label: {show: true, color: "#1b2333",
        formatter: function (p) { return (byCode[p.name] || {}).short || p.name; }}}
    };
    Object.keys(box).forEach(function (k) { s[k] = box[k]; });
    return s;
  }

  // The levels in use (geo.levels: 1…5 by the square root of a region's share of the top
  // count) with the counts each covers.
  function pieces(top) {
    var used = {};
    regions.forEach(function (r) { used[r.level] = used[r.level] || [r.count, r.count];
      used[r.level] = [Math.min(used[r.level][0], r.count), Math.max(used[r.level][1], r.count)]; });
    return colours.map(function (c, i) {
      var span = used[i];
      var label = i === 0 ? "нет связей" : !span ? null :
        (span[0] === span[1] ? String(span[0]) : span[0] + "–" + span[1]) + " сообщ.";
      return label && {value: i, color: c, label: label};
    }).filter(Boolean).reverse();
  }

  function draw(geo) {
    echarts.registerMap("hamkor-RU", part(geo, "RU"));
    echarts.registerMap("hamkor-UZ", part(geo, "UZ"));
    var top = Math.max.apply(null, regions.map(function (r) { return r.count; }).concat([0]));
    chart.setOption({
      tooltip: {trigger: "item", formatter: function (p) {
        var r = byCode[p.name];
        return r ? echarts.format.encodeHTML(r.name) + ": " + r.count + " сообщ." : "";
      }},
      visualMap: {type: "piecewise", seriesIndex: [0, 1], right: 10, bottom: 10,
        itemWidth: 14, itemHeight: 10, textStyle: {fontSize: 11},
        pieces: pieces(top)},
      title: [{text: "Россия", left: "center", top: 0, textStyle: {fontSize: 14, color: "#1f5fa8"}},
              {text: "Узбекистан (крупнее)", left: "34%", bottom: "31%",
               textStyle: {fontSize: 13, color: "#1b7a4c"}}],
      series: [series("RU", {left: "1%", right: "1%", top: 28, bottom: "30%"}),
               series("UZ", {left: "30%", bottom: "1%", width: "36%", height: "29%"})]
    });
    chart.on("click", function (p) {
      if (p.name && byCode[p.name]) { window.location.href = "/regions/" + encodeURIComponent(p.name); }
    });
    window.addEventListener("resize", function () { chart.resize(); });
    el.setAttribute("data-ready", "1");
  }
})();
