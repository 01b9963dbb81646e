// After a failed submit, bring keyboard and screen-reader users to the list of problems,
// on every page with a form; each item links to its field.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) { summary.setAttribute("tabindex", "-1"); }
    summary.focus();
  }
}());
