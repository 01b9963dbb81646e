// Directory behaviour that needs script; every page also works without it.
(function () {
  "use strict";

  // Print buttons on the leaflets (the browser's own print menu works too).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Copy buttons on the widget page (hidden until script can make them work).
  var status = document.getElementById("copy-status");
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source.textContent).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied"); }
      });
    });
  });

  // Inside the widget frame: tell the embedding page how tall we are.
  if (document.body.classList.contains("widget-body") && window.parent !== window) {
    var report = function () {
      // The content's own height (scrollHeight would never be less than the frame).
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      window.parent.postMessage({ type: "werkpostwijzer-height", height: height }, "*");
    };
    window.addEventListener("load", report);
    window.addEventListener("resize", report);
    report();
  }
})();
