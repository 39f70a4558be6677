// Search loads when it is used, not with every page.
//
// The theme fetches the search index (about 18 KB) as soon as a page loads,
// whether or not anyone searches. Loaded before the theme's script (overrides/
// main.html), this holds that one request back until the reader opens search:
// taps the search icon, focuses the search box (the theme's "/", "s" and "f"
// keys do), or arrives with a search in the address (?q=). The theme also starts
// its search worker with every page: that is held back too, so a page that is only
// read makes no search request at all. Nothing else changes: the results are the
// theme's, as good as before.
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  // The site's worker (src/medinfo/site/search_worker.py), or the theme's if that swap is off
  var WORKER = /\/assets\/(?:search-worker\.js|javascripts\/workers\/search\.[0-9a-f]+\.min\.js)(?:[?#]|$)/;
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

  // The theme listens to its worker and posts to it, first when the index has come.
  // This stands in for the worker till then, and starts the real one with the first message.
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!WORKER.test(new URL(String(url), location.href).pathname)) {
        return new RealWorker(url, options);
      }
      var standIn = new EventTarget();
      var worker = null;
      standIn.postMessage = function (message, transfer) {
        if (!worker) {
          worker = new RealWorker(url, options);
          ["message", "messageerror", "error"].forEach(function (type) {
            worker.addEventListener(type, function (event) {
              var copy = type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data });
              standIn.dispatchEvent(copy);
            });
          });
        }
        worker.postMessage(message, transfer);
      };
      standIn.terminate = function () {
        if (worker) {
          worker.terminate();
        }
      };
      return standIn;
    };
  }

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
