// The site's search worker: the theme's, loaded when first used, with English stemming.
//
// The theme runs its search in a worker, which it starts on every page load. The
// build points the theme at this file instead (src/medinfo/site/search_worker.py).
// - It loads the theme's worker only with the first message, which comes when the
//   reader opens search (docs/assets/search-on-demand.js holds the index back till
//   then), so a page that is only read costs this small file, not the search.
// - It adds each typed word's stem to the query before the theme sees it: "tests"
//   also searches "test", "infections" "infect", "vaccines" "vaccin". The theme
//   searches every word as a prefix, so a stem finds every form of a word. The
//   index itself is not stemmed, so search-as-you-type still finds a word from its
//   first letters. A query with search syntax (quotes, +, -, ~, ^, *, :) is left as typed.
(function () {
  "use strict";

  // The theme's message types: a query (SearchMessageType.QUERY), then its result (QUERY + 1)
  var QUERY = 2;
  var THEME_WORKER = /^search\.[0-9a-f]+\.min\.js$/;
  var SYNTAX = /["~^*:]|(^|\s)[+-]/;

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
  }

  // The last query's stems: stem -> the typed word it came from
  var added = {};

  function withStems(query) {
    added = {};
    if (SYNTAX.test(query)) {
      return query;
    }
    var words = query.trim().split(/\s+/).filter(Boolean);
    var lower = words.map(function (word) {
      return word.toLowerCase();
    });
    var stems = [];
    words.forEach(function (word) {
      var root = stem(word);
      // A stem shorter than 3 letters would match far too much as a prefix.
      if (root.length >= 3 && lower.indexOf(root) < 0 && stems.indexOf(root) < 0) {
        stems.push(root);
        added[root] = word.toLowerCase();
      }
    });
    return stems.length ? query + " " + stems.join(" ") : query;
  }

  var theme = new URL(self.location.href).searchParams.get("theme");
  var themeLoaded = false;

  // Registered before the theme's worker loads, so it runs first on each message.
  self.addEventListener("message", function (event) {
    if (!themeLoaded) {
      // The theme's listener, added now, would miss this message: send it again, to both.
      themeLoaded = true;
      if (!theme || !THEME_WORKER.test(theme)) {
        throw new Error("search-worker.js: no theme worker named in ?theme=");
      }
      self.importScripts("javascripts/workers/" + theme);
      event.stopImmediatePropagation();
      self.dispatchEvent(new MessageEvent("message", { data: event.data }));
      return;
    }
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = withStems(message.data);
    }
  });

  // A result found by a word's stem found that word: the theme would otherwise mark the
  // typed word "not found" under it, and list the stem as a word of its own.
  function foundByStems(message) {
    var items = message && message.type === QUERY + 1 && message.data && message.data.items;
    (items || []).forEach(function (group) {
      group.forEach(function (item) {
        Object.keys(added).forEach(function (root) {
          var word = added[root];
          if (item.terms && root in item.terms) {
            item.terms[word] = Boolean(item.terms[word] || item.terms[root]);
            delete item.terms[root];
          }
        });
      });
    });
    return message;
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    post(foundByStems(message));
  };
})();
