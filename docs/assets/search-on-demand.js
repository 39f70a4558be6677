// Search loads when it is used, not with every page.
//
// The theme fetches the search index (about 18 KB) as soon as a page loads,
// whether or not anyone searches. Loaded before the theme's script (overrides/
// main.html), this holds that one request back until the reader opens search:
// taps the search icon, focuses the search box (the theme's "/", "s" and "f"
// keys do), or arrives with a search in the address (?q=). The theme's worker is
// held back too (assets/search-worker.js loads it with the index). Nothing else
// changes: the results are the theme's, as good as before.
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var opened = new URLSearchParams(location.search).has("q");
  // Index requests held back, each a function that sends it
  var waiting = [];

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.isSearchIndex && !opened) {
      var request = this;
      var args = arguments;
      waiting.push(function () {
        send.apply(request, args);
      });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function searchOpened() {
    if (opened) {
      return;
    }
    opened = true;
    waiting.splice(0).forEach(function (sendIt) {
      sendIt();
    });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) {
      searchOpened();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      searchOpened();
    }
  });
})();
