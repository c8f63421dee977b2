/* voisinage: keep the first view light on prepaid data.
 * Material fetches the search index on every page load, and the sitemap of every other language
 * to keep the switcher on the same page. Our switcher links already lead to the same page, so the
 * sitemaps are never fetched, and the search index only when the reader opens the search. */
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var waiting = [], searchOpened = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__voisinageUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var url = this.__voisinageUrl || "", request = this;
    if (/\/sitemap\.xml$/.test(url)) {
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); });
      return;
    }
    if (!searchOpened && /\/search\/search_index\.json$/.test(url)) {
      waiting.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    waiting.splice(0).forEach(function (w) { send.apply(w[0], w[1]); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("__search");
    if (toggle) toggle.addEventListener("change", openSearch);
    document.addEventListener("focusin", function (e) {
      if (e.target && e.target.matches && e.target.matches(".md-search__input")) openSearch();
    });
  });
})();

/* Offline: register the service worker at the site root, and ask it to keep this territory. */
(function () {
  if (!("serviceWorker" in navigator)) return;
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector('meta[name="voisinage:root"]');
    var territory = document.querySelector('meta[name="voisinage:territory"]');
    if (!root) return;
    var rootUrl = new URL(root.content, location.href).href;
    navigator.serviceWorker.register(rootUrl + "sw.js", {scope: rootUrl}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (!territory || !registration.active) return;
      var assets = Array.prototype.map.call(
        document.querySelectorAll('link[rel="stylesheet"][href], script[src]'),
        function (el) { return new URL(el.getAttribute("href") || el.getAttribute("src"), location.href).href; });
      registration.active.postMessage({type: "territory", url: new URL(territory.content, location.href).href, assets: assets});
    }).catch(function () {});
  });
})();

/* At the door and at the counter. Progressive enhancement: without JavaScript, or without the
 * phone's share sheet or clipboard, the buttons stay hidden and the page works as it is.
 * - Share: the phone's own share sheet (Web Share API), else copy the link; no third party.
 * - Counter box: shown alone on the screen in larger type, to hold up to the staff. */
(function () {
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  document.addEventListener("DOMContentLoaded", function () {
    each(".v-share", function (box) {
      var button = box.querySelector("button"), status = box.querySelector("[role=status]");
      var url = location.href.split("#")[0];
      var title = button.getAttribute("data-title") || document.title;
      if (navigator.share) {
        button.textContent = button.getAttribute("data-share");
        button.addEventListener("click", function () {
          navigator.share({title: title, url: url}).catch(function () {});
        });
      } else if (navigator.clipboard && window.isSecureContext) {
        button.textContent = button.getAttribute("data-copy");
        button.addEventListener("click", function () {
          navigator.clipboard.writeText(url).then(function () {
            status.textContent = button.getAttribute("data-copied");
          }, function () {});
        });
      } else {
        return;
      }
      box.hidden = false;
    });
    each(".v-counter .v-enlarge", function (button) {
      var box = button.closest(".v-counter"), label = button.textContent;
      function show(large) {
        box.classList.toggle("v-counter--large", large);
        document.documentElement.classList.toggle("v-counter-open", large);
        button.textContent = large ? button.getAttribute("data-close") : label;
        if (large) box.scrollTop = 0; else box.scrollIntoView({block: "start"});
        button.focus();
      }
      button.addEventListener("click", function () { show(!box.classList.contains("v-counter--large")); });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && box.classList.contains("v-counter--large")) show(false);
      });
      button.hidden = false;
    });
  });
})();

/* Figures that expire: a page built (or kept offline) before a service's valid_until still says,
 * once that day has passed, that its figures no longer hold. Built after it, the notice is shown
 * without JavaScript. */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("[data-valid-until]").forEach(function (el) {
      if (el.getAttribute("data-valid-until") < today) el.hidden = false;
    });
  });
})();
