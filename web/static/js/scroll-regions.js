// A table too wide for the screen scrolls inside its own box (.table-scroll). Keyboard users
// must be able to scroll it too, so such a box becomes a focusable region named after its
// table (its caption, or the heading above it); a box that fits stays out of the tab order.
// Inside a section that is already a region it is a named group, so that regions never nest.
(function () {
  "use strict";
  var count = 0;

  function nameOf(box) {
    var table = box.querySelector("table");
    var caption = table && table.querySelector("caption");
    if (caption) {
      if (!caption.id) { caption.id = "table-caption-" + (++count); }
      return { labelledby: caption.id };
    }
    if (table && table.getAttribute("aria-label")) {
      return { label: table.getAttribute("aria-label") };
    }
    var node = box;
    while (node && node !== document.body) {
      var before = node.previousElementSibling;
      while (before) {
        var heading = before.matches("h1, h2, h3, h4, legend") ? before
          : before.querySelector("h1, h2, h3, h4, legend");
        if (heading) {
          if (!heading.id) { heading.id = "table-heading-" + (++count); }
          return { labelledby: heading.id };
        }
        before = before.previousElementSibling;
      }
      node = node.parentElement;
    }
    return { label: document.title };
  }

  function update(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      var name = nameOf(box);
      box.setAttribute("tabindex", "0");
      var outer = box.parentElement.closest(
        "section[aria-labelledby], section[aria-label], [role=region]");
      box.setAttribute("role", outer ? "group" : "region");
      if (name.labelledby) { box.setAttribute("aria-labelledby", name.labelledby); }
      else { box.setAttribute("aria-label", name.label); }
    } else if (!scrolls && box.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-labelledby", "aria-label"].forEach(function (attribute) {
        box.removeAttribute(attribute);
      });
    }
  }

  var boxes = document.querySelectorAll(".table-scroll");
  boxes.forEach(update);
  if (boxes.length && window.ResizeObserver) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    });
    boxes.forEach(function (box) { observer.observe(box); });
  }
}());
