// On a narrow screen the site menu (and the supervisors' menu) fold behind one button, so that
// the page's own content starts near the top. Without this script the button stays hidden
// and every menu stays open: nothing depends on it.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  if (!button) { return; }
  var menus = button.getAttribute("aria-controls").split(/\s+/)
    .map(function (id) { return document.getElementById(id); })
    .filter(Boolean);
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menus.forEach(function (menu) { menu.classList.toggle("is-closed", !open); });
  }

  function fit() {
    // Wide: the menus are always open and the button is not needed.
    button.hidden = !narrow.matches;
    show(!narrow.matches);
  }

  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || button.hidden || button.getAttribute("aria-expanded") !== "true") {
      return;
    }
    var inside = menus.some(function (menu) { return menu.contains(document.activeElement); });
    show(false);
    if (inside || document.activeElement === button) { button.focus(); }
  });
  if (narrow.addEventListener) { narrow.addEventListener("change", fit); }
  fit();
}());
