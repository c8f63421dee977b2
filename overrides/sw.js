/* voisinage service worker: a territory opened once stays readable without network.
 * Pages: network first, cache as fallback. Assets: cache first. When a page of a territory is
 * opened, the territory's pages in that language are fetched once into the cache. */
var PAGES = "voisinage-pages-v1", ASSETS = "voisinage-assets-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
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
        return hit || new Response("Offline", {status: 503, headers: {"Content-Type": "text/plain"}});
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

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "territory" || !data.url) return;
  event.waitUntil(keepTerritory(data.url, data.assets || []).then(function (count) {
    if (event.source) event.source.postMessage({type: "territory-kept", url: data.url, pages: count});
  }));
});

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
        }).then(function () {
          return caches.open(ASSETS).then(function (assetCache) {
            return Promise.all(assets.map(function (a) {
              return assetCache.match(a).then(function (hit) { return hit || assetCache.add(a).catch(function () {}); });
            }));
          });
        }).then(function () { return urls.length; });
      });
    });
  }).catch(function () { return 0; });
}
