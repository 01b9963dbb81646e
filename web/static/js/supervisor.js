// Workspace behaviour that needs script; every page also works without it.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // The map beside the match list is static/js/map.js, as in the directory.
})();
