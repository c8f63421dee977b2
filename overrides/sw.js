/* voisinage service worker: a territory opened once stays readable without network.
 * Pages: network first, cache as fallback. Assets: cache first. When a page of a territory is
 * opened, the territory's pages in that language are fetched once into the cache; a mission page
 * (where a leaflet's QR code leads) keeps itself, its featured services and its territory page.
 * A page that was not kept is answered with a notice in the reader's language (offline.json). */
var PAGES = "voisinage-pages-v1", ASSETS = "voisinage-assets-v1";
var NOTES = new URL("offline.json", self.location.href).href;

self.addEventListener("install", function (event) {
  self.skipWaiting();
  event.waitUntil(caches.open(ASSETS).then(function (cache) { return cache.add(NOTES); }).catch(function () {}));
});
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.href.indexOf(self.registration.scope + "admin/") === 0) return;  // the editors' tool: always fresh
  if (request.mode === "navigate" || url.pathname.endsWith("/")) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request, {ignoreSearch: true}).then(function (hit) {
        return hit || offlineNotice(url);
      });
    }));
    return;
  }
  if (/\/assets\/|\.(css|js|png|svg|ico)$/.test(url.pathname)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(ASSETS).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
    }));
  }
});

/* The notice of the page's language: the first folder under the site root names it. */
function offlineNotice(url) {
  return caches.match(NOTES).then(function (hit) { return hit ? hit.json() : null; }).then(function (notes) {
    var scope = self.registration.scope, rest = url.href.indexOf(scope) === 0 ? url.href.slice(scope.length) : "";
    var code = rest.split("/")[0], langs = (notes && notes.languages) || {};
    var say = langs[code] || langs[notes && notes.default] || {title: "Offline", text: "", back: "", home: "", lang: "en", dir: "ltr"};
    var html = "<!doctype html><html lang=\"" + esc(say.lang) + "\" dir=\"" + esc(say.dir) + "\"><head><meta charset=\"utf-8\">" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(say.title) + "</title></head>" +
      "<body style=\"font: 1.2rem/1.5 system-ui, sans-serif; padding: 1rem; max-width: 40rem\"><h1>" + esc(say.title) + "</h1><p>" +
      esc(say.text) + "</p><p><a href=\"" + esc(new URL(say.home, scope).href) + "\">" + esc(say.back) + "</a></p></body></html>";
    return new Response(html, {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}});
  });
}

function esc(text) {
  return String(text).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "keep" && data.urls) {
    event.waitUntil(keepPages(data.urls, data.assets || []).then(function (count) {
      if (event.source) event.source.postMessage({type: "pages-kept", pages: count});
    }));
    return;
  }
  if (data.type !== "territory" || !data.url) return;
  event.waitUntil(keepTerritory(data.url, data.assets || []).then(function (count) {
    if (event.source) event.source.postMessage({type: "territory-kept", url: data.url, pages: count});
  }));
});

/* Fetch these pages (fresh: a mission's services may have changed) and the assets. */
function keepPages(urls, assets) {
  return caches.open(PAGES).then(function (cache) {
    return Promise.all(urls.map(function (u) { return cache.add(u).then(function () { return 1; }, function () { return 0; }); }));
  }).then(function (done) {
    return keepAssets(assets).then(function () { return done.reduce(function (a, b) { return a + b; }, 0); });
  }).catch(function () { return 0; });
}

function keepAssets(assets) {
  return caches.open(ASSETS).then(function (assetCache) {
    return Promise.all(assets.map(function (a) {
      return assetCache.match(a).then(function (hit) { return hit || assetCache.add(a).catch(function () {}); });
    }));
  });
}

/* Fetch the territory page, then every page it links to below it, into the cache. */
function keepTerritory(territoryUrl, assets) {
  return caches.open(PAGES).then(function (cache) {
    return fetch(territoryUrl).then(function (response) {
      if (!response.ok) return 0;
      return response.clone().text().then(function (html) {
        var urls = [territoryUrl], seen = {}, re = /href="([^"#?]+\/)"/g, m;
        seen[territoryUrl] = true;
        while ((m = re.exec(html))) {
          var target = new URL(m[1], territoryUrl).href;
          if (target.indexOf(territoryUrl) === 0 && !seen[target]) { seen[target] = true; urls.push(target); }
        }
        return cache.put(territoryUrl, response).then(function () {
          return Promise.all(urls.slice(1).map(function (u) {
            return cache.match(u).then(function (hit) { return hit || cache.add(u).catch(function () {}); });
          }));
        }).then(function () { return keepAssets(assets); }).then(function () { return urls.length; });
      });
    });
  }).catch(function () { return 0; });
}
