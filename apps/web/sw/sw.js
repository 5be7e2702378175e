/*
 * The service worker: the farmer opens the app and fills in the monitor without a connection.
 * Built by build/serviceWorker.ts, which fills in the build's version and the files to keep (the app
 * shell and the farmer's chunks). Pages load from the network first and from the cache offline; hashed
 * assets never change, so they come from the cache; of the API, only the answers a farmer needs to
 * open the monitor are kept (network first, so they are never stale online), and a login or logout
 * forgets them. Every other request is left to the browser.
 */
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const SHELL = `shell-${VERSION}`;
const DATA = "farmer-data";
const OFFLINE_API = [
  /^\/api\/me$/,
  /^\/api\/farms\/\d+$/,
  /^\/api\/farms\/\d+\/monitors$/,
  /^\/api\/farms\/\d+\/monitor(\/\d+)?$/,
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(["/", ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  try {
    const response = await fetch(request);
    // Only the app's page is kept as the shell, never a file download answering a navigation.
    const keep = fallbackKey ? response.headers.get("content-type")?.startsWith("text/html") : true;
    if (response.ok && keep) {
      const cache = await caches.open(cacheName);
      await cache.put(fallbackKey ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackKey ?? request, { cacheName });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Another user may log in next on this device: forget the last one's answers.
    if (url.pathname === "/api/auth/login" || url.pathname === "/api/auth/logout")
      event.waitUntil(caches.delete(DATA));
    return;
  }
  if (url.pathname.startsWith("/api/") && !OFFLINE_API.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL, "/"));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith("/api/") && !url.search) {
    event.respondWith(networkFirst(request, DATA));
  }
});
