/* The site's search, with Pagefind (README, "Search").

   The header's button opens a dialog (partials/kx-search.html) in the page's language and
   direction. Nothing is fetched before the reader searches: the dialog's stylesheet when it
   first opens, then, at the first word typed, Pagefind's script (which picks this
   language's index from <html lang>) and this language's synonyms
   (pagefind/kx-synonyms.<lang>.json, from locale/<lang>/search-synonyms.yml).

   Forgiving queries: Pagefind itself ignores accents and apostrophe variants and matches
   the start of words; here, Arabic and Persian letters are written as the page's language
   writes them (ي/ی, ك/ک), and each word typed that a translator listed as a synonym is also
   searched as the word the pages use ("باریس" -> "Paris", "Лілль" -> "Lille"). Each
   variant of the query is one Pagefind search; results are merged, best score first. */
(function () {
  "use strict";
  const dialog = document.querySelector("[data-kx-search]");
  const opener = document.querySelector("[data-kx-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  const input = dialog.querySelector("input");
  const status = dialog.querySelector(".kx-search__status");
  const list = dialog.querySelector(".kx-search__results");
  const more = dialog.querySelector("[data-kx-search-more]");
  const lang = dialog.dataset.lang;
  const bundle = new URL(dialog.dataset.bundle, document.baseURI);
  const PAGE = 8;
  let styled = null;
  let engine = null;
  let shown = [];
  let asked = 0;

  // The letters a reader's keyboard may give for the ones the pages use.
  const LETTERS = {
    fa: { "ي": "ی", "ى": "ی", "ك": "ک" },
    ar: { "ی": "ي", "ک": "ك" },
  };
  function letters(text) {
    const map = LETTERS[lang];
    // One apostrophe, the one the pages type (Pagefind splits a word at ’ but not at ').
    const typed = text.replace(/[’ʼ‘`´]/g, "'");
    return map ? typed.replace(/[يىكیک]/g, (c) => map[c] || c) : typed;
  }
  // How two spellings are compared with the synonyms: no case, no accents or Arabic
  // vowel marks, one apostrophe, one way to write each Arabic or Persian letter.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .toLowerCase().replace(/[’ʼ‘`´]/g, "'")
      .replace(/[يى]/g, "ی").replace(/ك/g, "ک").replace(/[أإآ]/g, "ا").trim();
  }

  function style() {
    if (!styled) {
      styled = new Promise((resolve) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = dialog.dataset.style;
        link.onload = link.onerror = resolve;
        document.head.appendChild(link);
      });
    }
    return styled;
  }

  function load() {
    if (!engine) {
      engine = (async () => {
        const pagefind = await import(new URL("pagefind.js", bundle).href);
        await pagefind.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24 });
        let synonyms = new Map();
        try {
          const answer = await fetch(new URL(`kx-synonyms.${lang}.json`, bundle));
          for (const [head, variants] of answer.ok ? await answer.json() : []) {
            for (const variant of variants) {
              const key = fold(variant);
              synonyms.set(key, [...(synonyms.get(key) || []), head]);
            }
          }
        } catch (error) { synonyms = new Map(); }
        return { pagefind, synonyms };
      })();
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // The query as typed (letters made the page's), and each word the synonyms name.
  function variants(query, synonyms) {
    const typed = letters(query.trim());
    const found = new Set([typed]);
    const words = typed.split(/\s+/);
    const joined = fold(typed);
    for (const head of synonyms.get(joined) || []) found.add(head);
    words.forEach((word, i) => {
      for (const head of synonyms.get(fold(word)) || []) {
        found.add([...words.slice(0, i), head, ...words.slice(i + 1)].join(" "));
      }
    });
    return [...found].filter(Boolean);
  }

  async function search(query) {
    const ask = ++asked;
    if (!query.trim()) {
      status.textContent = "";
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = dialog.dataset.busy;
    let found;
    try {
      const { pagefind, synonyms } = await load();
      const answers = await Promise.all(
        variants(query, synonyms).map((text) => pagefind.search(text)));
      const best = new Map();
      for (const answer of answers) {
        for (const result of answer ? answer.results : []) {
          const known = best.get(result.id);
          if (!known || known.score < result.score) best.set(result.id, result);
        }
      }
      found = [...best.values()].sort((a, b) => b.score - a.score);
    } catch (error) {
      if (ask === asked) status.textContent = dialog.dataset.failed;
      return;
    }
    if (ask !== asked) return;
    shown = found;
    list.replaceChildren();
    await showMore(ask);
  }

  async function showMore(ask) {
    const next = shown.slice(list.children.length, list.children.length + PAGE);
    const pages = await Promise.all(next.map((result) => result.data()));
    if (ask !== asked) return;
    for (const page of pages) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.className = "kx-search__title";
      link.textContent = (page.meta && page.meta.title) || page.url;
      const excerpt = document.createElement("p");
      excerpt.className = "kx-search__excerpt";
      excerpt.innerHTML = page.excerpt;  // Pagefind's text of our own page, <mark> added
      item.append(link, excerpt);
      list.appendChild(item);
    }
    status.textContent = shown.length ? "" : dialog.dataset.none;
    more.hidden = list.children.length >= shown.length;
  }

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Said at once: the results below are the last query's until this one's arrive.
    status.textContent = input.value.trim() ? dialog.dataset.busy : "";
    timer = setTimeout(() => search(input.value), 150);
  });
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  more.addEventListener("click", () => showMore(asked));
  dialog.querySelector("[data-kx-search-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener("close", () => opener.focus());

  async function open() {
    await style();
    if (!dialog.open) dialog.showModal();
    input.focus();
  }
  opener.hidden = false;
  opener.addEventListener("click", open);
  // "/" opens the search, as on many sites (not while typing in a field).
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "/" || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    open();
  });
})();
