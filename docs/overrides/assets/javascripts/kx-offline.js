/* Offline reading (README, "Offline"): registers the site's service worker (sw.js at the
   site's root, written by the build), and, on a page it served from the copy saved on
   this device, says so at the top of the page, with the day and hour of the copy, in the
   page's language (the words come from the konexio catalog through this script's
   data-saved, "%(date)s" standing for the date). */
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script) return;
  const saved = document.documentElement.dataset.kxSaved;
  if (saved) {
    const when = new Date(saved);
    const tag = script.dataset.tag || document.documentElement.lang;
    let date = saved;
    try {
      date = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short",
                                            calendar: "gregory" }).format(when);
    } catch (error) { date = when.toLocaleString(); }
    const note = document.createElement("div");
    note.className = "admonition info kx-saved";
    note.setAttribute("role", "note");
    const text = document.createElement("p");
    text.textContent = script.dataset.saved.replace("%(date)s", date);
    note.appendChild(text);
    const article = document.querySelector("article.md-content__inner") || document.body;
    article.prepend(note);
  }
  if (!("serviceWorker" in navigator) || !script.dataset.worker) return;
  const worker = new URL(script.dataset.worker, document.baseURI);
  // After the page has loaded: the worker never competes with what the reader waits for.
  function register() {
    navigator.serviceWorker.register(worker.href, { scope: new URL("./", worker).href })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        // This page, what it loaded and its calendar feeds on this site: the worker keeps
        // them (on a first visit it started after they were fetched).
        const keep = [location.href.split("#")[0]];
        for (const entry of performance.getEntriesByType("resource")) keep.push(entry.name);
        for (const link of document.querySelectorAll('a[href$=".ics"]')) keep.push(link.href);
        if (registration.active) registration.active.postMessage({ keep });
      })
      .catch(() => {});
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
})();
