/* A small, reusable Leaflet map for the directory and the supervisors' match page. The list
   next to it stays the main, fully accessible way to read the same data; the map is an extra
   for people who think in places. So its markers stay out of the tab order (the list already
   holds every link), and nothing on it speaks another language than the page.

   Markup (macros/map.html makes it):
     <div class="map" data-map="ID-OF-DATA" data-tile-url="..." data-tile-attribution="..."
          data-zoom-in="..." data-zoom-out="..." data-close="..." role="group" aria-label="...">
     </div>
     <script type="application/json" id="ID-OF-DATA">{"markers": [...], "home": {...}}</script>

   Data: markers: [{lat, lon, title, url?, text?, precise?}] (precise false: drawn as a circle,
   "about here"); home (optional): {lat, lon, label, radius_km?}; approximate (optional): the
   popup line for circles. Every map on the page is started; WerkpostMap.start(element) starts
   one that is added later.

   Popups are built from DOM text nodes, never from an HTML string: names and texts come from
   businesses and organisations. */
(function () {
  "use strict";

  var reducedMotion = window.matchMedia &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches;

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

  function speakThePageLanguage(map, element) {
    var L = window.L;
    L.control.zoom({
      zoomInTitle: element.dataset.zoomIn || "+",
      zoomOutTitle: element.dataset.zoomOut || "-"
    }).addTo(map);
    // Leaflet's own prefix carries an English title; the name of the library is enough.
    var prefix = document.createElement("a");
    prefix.href = "https://leafletjs.com";
    prefix.hreflang = "en";
    prefix.textContent = "Leaflet";
    map.attributionControl.setPrefix(prefix.outerHTML);
    // The popup's close button is labelled "Close popup" by Leaflet itself.
    map.on("popupopen", function (event) {
      var close = event.popup.getElement() &&
        event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close && element.dataset.close) {
        close.setAttribute("aria-label", element.dataset.close);
        close.setAttribute("title", element.dataset.close);
      }
    });
  }

  function start(element) {
    if (!window.L || element.dataset.mapStarted) { return null; }
    var source = document.getElementById(element.dataset.map);
    if (!source) { return null; }
    var data = JSON.parse(source.textContent);
    var L = window.L;
    element.dataset.mapStarted = "1";
    var map = L.map(element, {
      scrollWheelZoom: false, zoomControl: false,
      // prefers-reduced-motion: jump instead of gliding and fading.
      zoomAnimation: !reducedMotion, fadeAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion, inertia: !reducedMotion
    });
    speakThePageLanguage(map, element);
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
        : L.marker(point, { alt: marker.title, title: marker.title, keyboard: false });
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
      map.setView(bounds[0], 13, { animate: false });
    } else if (bounds.length) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14, animate: false });
    } else {
      map.setView([50.85, 4.35], 8, { animate: false });
    }
    map.on("popupopen", function (event) { map.werkpostPopup = event.popup; });
    map.on("popupclose", function () { map.werkpostPopup = null; });
    maps.push(map);
    return map;
  }

  var maps = [];
  // Escape closes an open popup wherever the focus is (Leaflet only listens while the map
  // itself has the focus), and the focus goes back to the map, not to the top of the page.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    maps.forEach(function (map) {
      if (!map.werkpostPopup) { return; }
      var inside = map.getContainer().contains(document.activeElement);
      map.closePopup();
      if (inside) { map.getContainer().focus({ preventScroll: true }); }
    });
  });

  window.WerkpostMap = { start: start };
  document.querySelectorAll("[data-map]").forEach(start);
})();
