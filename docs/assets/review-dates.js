// Show the overdue warning once a page's next review date has passed, in the
// reader's own browser: a page built before that date still warns.
(function () {
  "use strict";

  function localIsoDate(now) {
    var month = String(now.getMonth() + 1).padStart(2, "0");
    var day = String(now.getDate()).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + day;
  }

  function markOverdue() {
    var today = localIsoDate(new Date());
    document.querySelectorAll("[data-next-review-due]").forEach(function (banner) {
      if (banner.getAttribute("data-next-review-due") < today) {
        banner.classList.add("review-banner--overdue");
        var warning = banner.querySelector(".review-banner__warning");
        if (warning) {
          warning.hidden = false;
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markOverdue);
  } else {
    markOverdue();
  }
})();
