// "Print this page": the button is in the HTML but hidden, because it needs
// this script; shown here, it opens the browser's print dialog.
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
