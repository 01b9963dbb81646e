/* A small, reusable Leaflet map. The list next to it stays the main, fully accessible way to
   read the same data; the map is an extra for people who think in places.

   Markup:
     <div class="map" data-map="ID-OF-DATA" data-tile-url="{{ config.MAP_TILE_URL }}"
          data-tile-attribution="{{ config.MAP_TILE_ATTRIBUTION }}"
          role="region" aria-label="..."></div>
     <script type="application/json" id="ID-OF-DATA">{"markers": [...], "home": {...}}</script>

   Data: markers: [{lat, lon, title, url?, text?, precise?}] (precise false: drawn as a circle,
   "about here"); home (optional): {lat, lon, label, radius_km?}; approximate (optional): the
   popup line for circles. Every map on the page is started; WerkpostMap.start(element) starts
   one that is added later. */
(function () {
  "use strict";

  function popup(marker, approximateText) {
    var box = document.createElement("div");
    var title = document.createElement(marker.url ? "a" : "strong");
    title.textContent = marker.title;
    if (marker.url) { title.href = marker.url; }
    box.appendChild(title);
    [marker.text, marker.precise === false ? approximateText : null].forEach(function (line) {
      if (!line) { return; }
      var p = document.createElement("p");
      p.textContent = line;
      box.appendChild(p);
    });
    return box;
  }

  function start(element) {
    if (!window.L || element.dataset.mapStarted) { return null; }
    var source = document.getElementById(element.dataset.map);
    if (!source) { return null; }
    var data = JSON.parse(source.textContent);
    var L = window.L;
    element.dataset.mapStarted = "1";
    var map = L.map(element, { scrollWheelZoom: false });
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.tileAttribution || "", maxZoom: 18
      }).addTo(map);
    }
    var bounds = [];
    (data.markers || []).forEach(function (marker) {
      var point = [marker.lat, marker.lon];
      var shape = marker.precise === false
        ? L.circle(point, { radius: 700, color: "#0b5c55", weight: 2, dashArray: "4 4" })
        : L.marker(point, { alt: marker.title, title: marker.title, keyboard: true });
      shape.addTo(map).bindPopup(popup(marker, data.approximate));
      bounds.push(point);
    });
    if (data.home) {
      var home = [data.home.lat, data.home.lon];
      L.circleMarker(home, { radius: 9, color: "#8a3b00", weight: 3 })
        .addTo(map).bindPopup(popup({ title: data.home.label }));
      if (data.home.radius_km) {
        var km = data.home.radius_km;
        L.circle(home, { radius: km * 1000, color: "#8a3b00", weight: 1, fill: false,
                         interactive: false }).addTo(map);
        // The circle's own getBounds needs a map view, which is set only below.
        var dLat = km / 111, dLon = km / (111 * Math.cos(home[0] * Math.PI / 180));
        bounds.push([home[0] - dLat, home[1] - dLon], [home[0] + dLat, home[1] + dLon]);
      }
      bounds.push(home);
    }
    if (bounds.length === 1) {
      map.setView(bounds[0], 13);
    } else if (bounds.length) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    } else {
      map.setView([50.85, 4.35], 8);
    }
    return map;
  }

  window.WerkpostMap = { start: start };
  document.querySelectorAll("[data-map]").forEach(start);
})();
