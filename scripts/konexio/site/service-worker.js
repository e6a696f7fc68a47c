/* Konexio's service worker: the pages a reader opened stay readable without a connection.

   Written to the site's root as sw.js by the build (scripts/konexio/site/offline.py), which
   fills in VERSION from the site's own files: a new build is a new cache, and the old ones
   are deleted when it takes over.

   - Network first: when the network answers, the reader gets the page it sends (and the
     copy is refreshed); the saved copy is only for when it does not.
   - Only what the reader opened is kept (pages, and what they load: styles, scripts,
     pictures), from this site and under this worker's folder, and the calendar feeds
     (.ics) a kept page links to on this site (the cohort's, its antenna's...).
   - Never kept: anything with a query string (a token or a key could be in it), the
     volunteers' personal calendars (PERSONAL/, served from another host anyway), the
     worker itself.
   - A page served from the saved copy carries data-kx-saved="<when it was saved>" on its
     <html>, so the page's script (kx-offline.js) says so, in the page's language. */
"use strict";

const VERSION = "__VERSION__";
const PERSONAL = "__PERSONAL__";
const CACHE = "kx-pages-" + VERSION;
const SAVED = "X-Kx-Saved";
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kx-pages-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

function keepable(request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return false;
  if (!url.pathname.startsWith(SCOPE.pathname) || url.search) return false;
  const inside = url.pathname.slice(SCOPE.pathname.length).split("/");
  if (inside.includes(PERSONAL) || inside[0] === "sw.js") return false;
  return !/token|secret|key=/i.test(url.href);
}

async function save(request, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  const copy = new Response(await response.clone().blob(),
    { status: response.status, statusText: response.statusText, headers });
  const cache = await caches.open(CACHE);
  await cache.put(request, copy);
}

async function marked(saved) {
  // The saved page says when it was saved: the script of the page shows the note.
  const when = saved.headers.get(SAVED) || "";
  const html = await saved.text();
  const body = html.replace(/<html(\s|>)/i, `<html data-kx-saved="${when}"$1`);
  const headers = new Headers(saved.headers);
  headers.delete("Content-Length");
  return new Response(body, { status: 200, headers });
}

// The page the reader opened before this worker ran (their first visit) and what it
// loaded, which the page's script lists: kept now, so they open again without a network.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const url of urls) {
      const request = new Request(url);
      if (!keepable(request) || await cache.match(request)) continue;
      try {
        const response = await fetch(request);
        if (response.ok && response.type === "basic") await save(request, response);
      } catch (offline) { /* kept at the next visit */ }
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!keepable(request)) return;
  event.respondWith((async () => {
    try {
      // A page is asked of the server each time (no-cache: a 304 when it has not changed),
      // never taken from the browser's HTTP cache, which could be older than the network's.
      const response = await (request.mode === "navigate"
        ? fetch(request.url, { cache: "no-cache", credentials: "same-origin" })
        : fetch(request));
      // A page that moved (a folder asked without its "/"): the browser follows it itself.
      if (response.redirected && request.mode === "navigate") {
        return Response.redirect(response.url, 302);
      }
      if (response.ok && response.type === "basic") {
        event.waitUntil(save(request, response.clone()));
      }
      return response;
    } catch (offline) {
      const cache = await caches.open(CACHE);
      const saved = await cache.match(request);
      if (!saved) throw offline;
      return request.mode === "navigate" ? marked(saved) : saved;
    }
  })());
});
