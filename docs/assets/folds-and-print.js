// Citation marks, folded sections and printing, in one file (one request fewer on a slow phone).
//
// A citation mark ([3]) shows its source where the reader is: a box fixed to the
// foot of the screen, so the page neither jumps nor grows. It holds the source's
// entry from the page's list and a link to the full list. Escape, the close
// button or a tap elsewhere closes it and puts focus back on the mark. Without
// this script the mark is a plain link to the list, which still works.
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

  // The open source box, with the mark that opened it
  var popup = null;
  var popupMark = null;

  function closePopup(returnFocus) {
    if (!popup) {
      return;
    }
    popup.remove();
    if (returnFocus && popupMark) {
      popupMark.focus();
    }
    popup = null;
    popupMark = null;
  }

  function showSource(mark, entry) {
    closePopup(false);
    var number = mark.textContent.replace(/[^0-9]/g, "");
    popup = document.createElement("div");
    popup.className = "source-popup";
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", "Source " + number);
    popup.tabIndex = -1;
    var heading = document.createElement("p");
    heading.className = "source-popup__heading";
    heading.textContent = "Source " + number;
    var text = document.createElement("div");
    text.className = "source-popup__text";
    // The page's own list entry: made by the site's build
    text.innerHTML = entry.innerHTML;
    text.querySelectorAll(".citation-backs, [id]").forEach(function (node) {
      if (node.classList.contains("citation-backs")) {
        node.remove();
      } else {
        // Ids stay unique on the page
        node.removeAttribute("id");
      }
    });
    var all = document.createElement("a");
    all.href = mark.getAttribute("href");
    all.textContent = "All the sources of this page";
    all.addEventListener("click", function () {
      closePopup(false);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "source-popup__close";
    close.textContent = "Close";
    close.addEventListener("click", function () {
      closePopup(true);
    });
    var foot = document.createElement("p");
    foot.className = "source-popup__foot";
    foot.append(all, close);
    popup.append(heading, text, foot);
    document.body.append(popup);
    popupMark = mark;
    popup.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popup) {
      closePopup(true);
    }
  });

  // A mark shows its source in place; any other link into a fold opens the fold first,
  // before the browser follows the link, so it scrolls to the right place.
  document.addEventListener("click", function (event) {
    if (popup && !popup.contains(event.target)) {
      closePopup(false);
    }
    var mark = event.target.closest && event.target.closest("a.citation");
    var plainClick = !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (mark && plainClick) {
      var entry = document.getElementById(decodeURIComponent(mark.getAttribute("href").slice(1)));
      if (entry) {
        event.preventDefault();
        showSource(mark, entry);
        return;
      }
    }
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
