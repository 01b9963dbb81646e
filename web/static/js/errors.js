// After a failed submit, bring keyboard and screen-reader users to the list of problems,
// on every page with a form; each item links to its field (a group's first option).
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) { return; }
  if (!summary.hasAttribute("tabindex")) { summary.setAttribute("tabindex", "-1"); }
  summary.focus();

  // As in the GOV.UK design system: put the focus on the field and show its question (the
  // legend of a group, or the label) above it, not just the input at the edge of the screen.
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!input) { return; }
    event.preventDefault();
    var group = input.closest("fieldset");
    var question = group ? group.querySelector("legend")
      : document.querySelector("label[for='" + input.id + "']");
    (question || input).scrollIntoView();
    input.focus({ preventScroll: true });
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", link.hash);
    }
  });
}());
