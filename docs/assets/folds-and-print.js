// Folded sections and printing, in one file (one request fewer on a slow phone).
//
// Folded sections (<details>: the answers on the questions page, each page's
// source list) open by themselves when they are needed:
// - a link leads into one (a citation mark pointing at its source), so the
//   reader lands on the source, not on a closed box;
// - the page is printed, because paper cannot be unfolded.
//
// "Print this page": the button is in the HTML but hidden, because it needs
// this script; shown here, it opens the browser's print dialog.
(function () {
  "use strict";

  function openAround(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") {
        node.open = true;
      }
    }
  }

  function openTarget() {
    if (!location.hash) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.closest("details:not([open])")) {
      openAround(target);
      target.scrollIntoView();
    }
  }

  function openAll() {
    document.querySelectorAll("details").forEach(function (section) {
      section.open = true;
    });
  }

  // Opened before the browser follows the link, so it scrolls to the right place.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    var target = link && document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (target) {
      openAround(target);
    }
  });
  window.addEventListener("hashchange", openTarget);
  window.addEventListener("beforeprint", openAll);
  window.matchMedia("print").addEventListener("change", function (query) {
    if (query.matches) {
      openAll();
    }
  });

  function setUp() {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  function ready() {
    setUp();
    openTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
