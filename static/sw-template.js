// Follow-up's service worker. scripts/finish-build.mjs writes the real sw.js from this file in
// release builds, replacing the two lines marked below with the build's file list and version.
"use strict";
const FILES = []; // replaced: every file of this build
const VERSION = "dev"; // replaced: a hash of those files
const CACHE = "follow-up-" + VERSION;

self.addEventListener("install", (event) => {
  // Waits (no skipWaiting) so the open app keeps its files until the user chooses to reload.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("follow-up-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app is index.html (routes live after the #).
  const key = request.mode === "navigate" ? new URL("index.html", self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: request.mode === "navigate" }).then((hit) => hit || fetch(request)),
    ),
  );
});
