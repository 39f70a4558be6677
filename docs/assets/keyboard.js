// Keyboard access to the menu on small screens.
// Material opens its side menu with a <label> for a hidden checkbox: a mouse
// or finger can use it, a keyboard cannot reach it. Put a real button in its
// place (same look, same checkbox) that says whether the menu is open. The
// open menu covers the page, so focus moves into it, Escape closes it, and
// moving focus out of it (Tab past its last link) closes it too. Without this
// script the label still works for a mouse.
(function () {
  "use strict";

  function upgradeMenu() {
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (!drawer || !label) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " site-menu-button";
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.replaceWith(button);

    var menu = document.querySelector(".md-sidebar--primary");

    function showState() {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
    showState();
    // Clicking the checkbox fires "change", which Material listens to as well.
    button.addEventListener("click", function () {
      // Open at the top of the menu, its groups in view: a group opened on top of
      // it would cover links that keyboard focus could still reach.
      if (!drawer.checked && menu) {
        menu.querySelectorAll("input.md-nav__toggle:checked").forEach(function (toggle) {
          toggle.checked = false;
        });
      }
      drawer.click();
      var first = drawer.checked && menu ? menu.querySelector("a[href]") : null;
      if (first) {
        first.focus();
      }
    });
    drawer.addEventListener("change", showState);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
    document.addEventListener("focusin", function (event) {
      if (drawer.checked && menu && !menu.contains(event.target) && event.target !== button) {
        drawer.click();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", upgradeMenu);
  } else {
    upgradeMenu();
  }
})();
