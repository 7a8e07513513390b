/* accord dashboard charts. Every chart reads its numbers from a <script type="application/json"> block the
   server rendered (the same numbers are in a table beside it), so the pages read without JavaScript.
   Everything here is loaded from this server: ECharts and the world-atlas TopoJSON are vendored. */
(function () {
  "use strict";
  var QUAD = { 1: "#4c9be8", 2: "#1f6f3f", 3: "#f0a030", 4: "#c8362e" };
  var QUAD_NAME = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var charts = {};
  window.accordCharts = charts; // for tests and the console

  function readData(el) {
    var node = document.getElementById(el.getAttribute("data-source"));
    return node ? JSON.parse(node.textContent) : null;
  }

  // The URL with some filter parameters changed (null removes one); the page reloads with it.
  function withParams(changes) {
    var u = new URL(window.location.href);
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null || changes[k] === "") u.searchParams.delete(k); else u.searchParams.set(k, changes[k]);
    });
    u.searchParams.delete("after");
    return u.pathname + "?" + u.searchParams.toString();
  }

  function periodEnd(period, unit) {
    var d = new Date(period + "T00:00:00Z");
    if (unit === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (unit === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function base(el) {
    el.style.height = (el.getAttribute("data-height") || 280) + "px";
    return echarts.init(el, null, { renderer: "canvas" });
  }

  function quadSeries(periods) {
    return [1, 2, 3, 4].map(function (q) {
      return { name: QUAD_NAME[q], type: "bar", stack: "q", itemStyle: { color: QUAD[q] },
               data: periods.map(function (p) { return p["quad" + q]; }) };
    });
  }

  var draw = {
    timeline: function (el, data) {
      var periods = data.periods.map(function (p) { return p.period; });
      var chart = base(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", renderMode: "richText" },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 30, bottom: 30 },
        brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single", throttleType: "debounce" },
        toolbox: { show: false },
        xAxis: { type: "category", data: periods },
        yAxis: { type: "value", minInterval: 1 },
        series: quadSeries(data.periods)
      });
      // the brush is on from the start: dragging across the chart selects a date range
      chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
      chart.on("brushEnd", function (params) {
        var area = params.areas && params.areas[0];
        if (!area || !area.coordRange) return;
        var lo = Math.max(0, area.coordRange[0]), hi = Math.min(periods.length - 1, area.coordRange[1]);
        if (hi < lo) return;
        window.location.assign(withParams({ from: periods[lo], to: periodEnd(periods[hi], data.unit) }));
      });
      return chart;
    },

    choropleth: function (el, rows) { return worldChart(el, rows, []); },

    map: function (el, data) {
      var chart = worldChart(el, data.countries, data.points);
      var dates = data.points.map(function (p) { return p.date; }).filter(Boolean).sort();
      var slider = document.getElementById("map-slider"), out = document.getElementById("map-date");
      if (slider && dates.length) {
        slider.parentNode.parentNode.hidden = false;
        slider.max = dates.length - 1; slider.value = dates.length - 1; out.textContent = dates[dates.length - 1];
        slider.addEventListener("input", function () {
          var upto = dates[+slider.value];
          out.textContent = upto;
          chart.setOption({ series: [{}, { data: pointData(data.points.filter(function (p) { return !p.date || p.date <= upto; })) }] });
        });
      }
      return chart;
    },

    "dyad-ab": dyadChart, "dyad-ba": dyadChart,

    roots: function (el, data) {
      // the chart's span is the server's (events off it are counted on the page); without one, the rows'
      var periods = data.periods.slice(), roots = [];
      if (!periods.length) data.rows.forEach(function (r) { if (periods.indexOf(r.period) < 0) periods.push(r.period); });
      var rows = data.rows.filter(function (r) { return periods.indexOf(r.period) >= 0; });
      rows.forEach(function (r) { if (roots.indexOf(r.root) < 0) roots.push(r.root); });
      periods.sort(); roots.sort();
      var chart = base(el);
      chart.setOption({
        animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0, type: "scroll" },
        grid: { left: 40, right: 16, top: 30, bottom: 30 },
        xAxis: { type: "category", data: periods }, yAxis: { type: "value", minInterval: 1 },
        series: roots.map(function (root) {
          return { name: root, type: "bar", stack: "r", data: periods.map(function (p) {
            var hit = rows.filter(function (r) { return r.period === p && r.root === root; })[0];
            return hit ? hit.events : 0; }) };
        })
      });
      return chart;
    },

    partners: function (el, rows) { return barChart(el, rows, "partner", "events"); },
    types: function (el, rows) { return barChart(el, rows, "type", "events"); },

    network: function (el, data) {
      var max = Math.max.apply(null, data.nodes.map(function (n) { return n.events; }).concat([1]));
      var chart = base(el);
      chart.setOption({
        animation: false, tooltip: { renderMode: "richText" },
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          force: { repulsion: 110, edgeLength: [30, 90], gravity: 0.25 },
          label: { show: true, position: "right", fontSize: 11 },
          edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
          lineStyle: { color: "source", opacity: 0.5, curveness: 0.15 },
          data: data.nodes.map(function (n) { return { id: n.id, name: n.id, value: n.events, symbolSize: 6 + 28 * Math.sqrt(n.events / max) }; }),
          links: data.edges.map(function (e) {
            return { source: e.source, target: e.target, value: e.events,
                     lineStyle: { width: 1 + Math.log(1 + e.events), color: e.goldstein < 0 ? "#c8362e" : "#4c9be8" } };
          })
        }]
      });
      chart.on("click", function (p) { if (p.dataType === "node") window.location.assign("/actor/" + encodeURIComponent(p.data.id)); });
      return chart;
    }
  };

  function dyadChart(el, periods) {
    var chart = base(el);
    var series = quadSeries(periods);
    series.push({ name: "mean Goldstein", type: "line", yAxisIndex: 1, connectNulls: true, itemStyle: { color: "#333" },
                  data: periods.map(function (p) { return p.goldstein; }) });
    chart.setOption({
      animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0, type: "scroll" },
      grid: { left: 40, right: 40, top: 30, bottom: 30 },
      xAxis: { type: "category", data: periods.map(function (p) { return p.period; }) },
      yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: -10, max: 10, splitLine: { show: false } }],
      series: series
    });
    return chart;
  }

  function barChart(el, rows, key, value) {
    var top = rows.slice(0, 12).reverse();
    var chart = base(el);
    chart.setOption({
      animation: false, tooltip: { renderMode: "richText" }, grid: { left: 90, right: 20, top: 10, bottom: 20 },
      xAxis: { type: "value", minInterval: 1 }, yAxis: { type: "category", data: top.map(function (r) { return r[key]; }) },
      series: [{ type: "bar", itemStyle: { color: "#1f4e79" }, data: top.map(function (r) { return r[value]; }) }]
    });
    return chart;
  }

  // ------------------------------------------------------------------ the world map (TopoJSON → GeoJSON)

  var world = null;

  function decodeArcs(topo) {
    var t = topo.transform, out = [];
    topo.arcs.forEach(function (arc) {
      var x = 0, y = 0;
      out.push(arc.map(function (p) {
        if (!t) return p.slice();
        x += p[0]; y += p[1];
        return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
      }));
    });
    return out;
  }

  // world-atlas 2 is unprojected: rings of Russia or Fiji cross the antimeridian. Unwrapping their
  // longitudes keeps them whole on a flat map (Chukotka then lies just east of 180°).
  function ring(arcs, indexes) {
    var pts = [], shift = 0, prev = null;
    indexes.forEach(function (i) {
      var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      a.forEach(function (p, k) {
        if (k === 0 && pts.length) return;
        if (prev !== null && Math.abs(p[0] + shift - prev) > 180) shift += p[0] + shift > prev ? -360 : 360;
        prev = p[0] + shift;
        pts.push([prev, p[1]]);
      });
    });
    return pts;
  }

  function toGeoJSON(topo) {
    var arcs = decodeArcs(topo), features = [];
    topo.objects.countries.geometries.forEach(function (g) {
      var coords;
      if (g.id === "010") return; // Antarctica: no events, and a ring around the pole
      if (g.type === "Polygon") coords = { type: "Polygon", coordinates: g.arcs.map(function (r) { return ring(arcs, r); }) };
      else if (g.type === "MultiPolygon") coords = { type: "MultiPolygon", coordinates: g.arcs.map(function (p) { return p.map(function (r) { return ring(arcs, r); }); }) };
      else return;
      features.push({ type: "Feature", id: g.id, properties: { name: String(g.id), label: (g.properties || {}).name }, geometry: coords });
    });
    return { type: "FeatureCollection", features: features };
  }

  function loadWorld() {
    if (!world) {
      world = fetch("/static/vendor/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
        echarts.registerMap("world", toGeoJSON(topo));
        return true;
      });
    }
    return world;
  }

  function pointData(points) {
    return points.map(function (p) { return { name: p.name, value: [p.lon, p.lat, p.mentions], itemStyle: { color: QUAD[p.quad] || "#555" }, id: p.happening_id }; });
  }

  function worldChart(el, rows, points) {
    var chart = base(el);
    chart.showLoading();
    var max = Math.max.apply(null, rows.map(function (r) { return r.events; }).concat([1]));
    var byId = {};
    rows.forEach(function (r) { if (r.id) byId[r.id] = r; });
    loadWorld().then(function () {
      chart.hideLoading();
      chart.setOption({
        animation: false,
        tooltip: { renderMode: "richText", formatter: function (p) {
          if (p.seriesType === "scatter") return p.name + ": " + p.value[2] + " mention(s)";
          var r = byId[p.name]; return r ? r.name + ": " + r.events + " events" : "";
        } },
        visualMap: { min: 0, max: max, left: 10, bottom: 10, calculable: false, inRange: { color: ["#e3eef9", "#1f4e79"] }, seriesIndex: 0 },
        geo: { map: "world", roam: true, itemStyle: { areaColor: "#f2f2f2", borderColor: "#bbb" }, emphasis: { disabled: true } },
        series: [
          { type: "map", geoIndex: 0, data: rows.filter(function (r) { return r.id; }).map(function (r) { return { name: r.id, value: r.events }; }) },
          { type: "scatter", coordinateSystem: "geo", symbolSize: function (v) { return 5 + 3 * Math.sqrt(v[2]); }, data: pointData(points) }
        ]
      });
      chart.on("click", function (p) {
        if (p.seriesType === "map" && byId[p.name]) window.location.assign("/country/" + byId[p.name].iso3);
      });
      el.setAttribute("data-ready", "1");
    });
    return chart;
  }

  function init() {
    document.documentElement.classList.remove("no-js");
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var name = el.getAttribute("data-chart"), fn = draw[name], data = readData(el);
      if (!fn || data === null) return;
      charts[name] = fn(el, data);
      if (!el.hasAttribute("data-ready") && name !== "choropleth" && name !== "map") el.setAttribute("data-ready", "1");
    });
    window.addEventListener("resize", function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
