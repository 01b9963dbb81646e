// Workspace behaviour that needs script; every page also works without it.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // The map beside the match list: the list stays the main way to read the results.
  var holder = document.getElementById("match-map");
  var source = document.getElementById("match-map-data");
  if (!holder || !source || !window.L) { return; }
  var data = JSON.parse(source.textContent);
  var map = window.L.map(holder, { scrollWheelZoom: false });
  window.L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  var bounds = [[data.home.lat, data.home.lon]];
  window.L.circleMarker([data.home.lat, data.home.lon], { radius: 8, color: "#8a3b00" })
    .addTo(map).bindPopup(data.home.label);
  data.posts.forEach(function (post) {
    bounds.push([post.lat, post.lon]);
    window.L.marker([post.lat, post.lon], { alt: post.name, title: post.name })
      .addTo(map).bindPopup(post.rank + ". " + post.name);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
})();
