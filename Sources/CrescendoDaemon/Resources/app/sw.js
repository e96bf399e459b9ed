// Crescendo's service worker: keeps the record form, its script and its styles, so the form
// opens without a network once it has been opened with one. Pages are fetched from the
// network first (they are always fresh when online) and kept; offline, the kept copy is
// served. Nothing else is touched: writes go to the network, and wait in IndexedDB (app.js).
"use strict";
var CACHE = "crescendo-app-v1";
var KEPT = ["/app/record", "/app/app.js", "/app/app.css", "/style.css"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(KEPT.map(function (url) {
      return fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (r.ok && !r.redirected) { return cache.put(url, r); }
      }).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches["delete"](k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== location.origin || KEPT.indexOf(url.pathname) < 0) { return; }
  event.respondWith(fetch(request).then(function (r) {
    if (r.ok && !r.redirected) {
      var copy = r.clone();
      caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
    }
    return r;
  }, function () {
    return caches.match(url.pathname).then(function (kept) { return kept || Response.error(); });
  }));
});
