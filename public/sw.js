// The pavilion's service worker. It keeps the app shell (the offline page in each language
// and the build's hashed /pkg files) and the public pages a visitor opened, so that a repeat
// visit starts from the phone and a lost connection shows a page instead of an error.
// Nothing personal is kept: an answer marked `private` or `no-store` (every page of a
// signed-in visitor, every account, cart, checkout, order, seller and console page) never
// enters a cache, and server functions, forms and uploads pass by untouched.
const VERSION = "1";
const SHELL = `pavilion-shell-${VERSION}`;
const PAGES = `pavilion-pages-${VERSION}`;
const LANGS = ["en", "zh"];
const MAX_PAGES = 60;

const offlinePage = (lang) => `/${lang}/offline`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const files = new Set(["/favicon.svg"]);
      for (const lang of LANGS) {
        // Without cookies: the offline page must not carry a signed-in visitor's name.
        const response = await fetch(offlinePage(lang), { credentials: "omit", cache: "no-store" });
        if (!response.ok) continue;
        const html = await response.clone().text();
        await cache.put(offlinePage(lang), response);
        for (const match of html.matchAll(/\/pkg\/[A-Za-z0-9._-]+/g)) files.add(match[0]);
      }
      await cache.addAll([...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL && name !== PAGES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/// Whether an answer may be kept: a whole, successful, same-origin answer for everyone.
function keepable(response) {
  const control = response.headers.get("cache-control") || "";
  return response.status === 200 && response.type === "basic" && !/no-store|private/i.test(control);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/pkg/")) {
    event.respondWith(fromCacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(fromNetworkFirst(request, url));
  }
});

/// `/pkg` files never change under their hashed names: the cache answers once it has them.
async function fromCacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (keepable(response)) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

/// Pages come from the network while there is one; without it, the copy kept from an
/// earlier visit, or the offline page in the page's language.
async function fromNetworkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (keepable(response)) {
      const cache = await caches.open(PAGES);
      await cache.put(request, response.clone());
      const kept = await cache.keys();
      for (const old of kept.slice(0, Math.max(0, kept.length - MAX_PAGES))) await cache.delete(old);
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request);
    if (kept) return kept;
    const lang = url.pathname.startsWith("/zh") ? "zh" : "en";
    return (await offlineAnswer(lang)) || Response.error();
  }
}

/// The offline page, answered at the address the visitor asked for. Its scripts are left
/// out: the app would find another page's content at this address, and there is nothing to
/// make live without a connection; its links still work.
async function offlineAnswer(lang) {
  const page = await caches.match(offlinePage(lang));
  if (!page) return null;
  const html = (await page.text())
    .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
  return new Response(html, { status: 200, headers: page.headers });
}
