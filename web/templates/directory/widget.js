/* Werkpostwijzer widget: shows the AMA workposts of one municipality or province in a frame.
   Use: <script src="{{ absolute_url(url_for('directory.widget_script')) }}" data-provincie="limburg"
        data-gemeente="hasselt" data-activiteit="green" data-taal="nl" async></script>
   The frame tells this script its height, so that it never needs a scroll bar of its own. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.parentNode) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var titles = { nl: "Werkposten van Werkpostwijzer", en: "Workposts from Werkpostwijzer" };
  var query = new URLSearchParams();
  [["provincie", "provincie"], ["gemeente", "gemeente"], ["activiteit", "activiteit"],
   ["taal", "lang"]].forEach(function (pair) {
    var value = script.getAttribute("data-" + pair[0]);
    if (value) { query.set(pair[1], value); }
  });
  var frame = document.createElement("iframe");
  frame.src = origin + {{ url_for('directory.widget')|tojson }} + "?" + query.toString();
  frame.title = titles[query.get("lang")] || titles.nl;
  frame.setAttribute("loading", "lazy");
  frame.style.width = "100%";
  frame.style.height = "600px";
  frame.style.border = "0";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) { return; }
    var data = event.data;
    if (data && data.type === "werkpostwijzer-height" && typeof data.height === "number") {
      frame.style.height = Math.min(Math.max(Math.ceil(data.height), 150), 8000) + "px";
    }
  });
})();
