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
    document.querySelectorAll("[data-next-review-due]").forEach(function (box) {
      if (box.getAttribute("data-next-review-due") < today) {
        // The review details at the foot, and the one-line note under the title.
        box.classList.add(box.classList.contains("review-note") ? "review-note--overdue" : "review-banner--overdue");
        box.querySelectorAll(".review-banner__warning, [data-when-overdue]").forEach(function (shown) {
          shown.hidden = false;
        });
        box.querySelectorAll("[data-until-overdue]").forEach(function (gone) {
          gone.hidden = true;
        });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markOverdue);
  } else {
    markOverdue();
  }
})();
