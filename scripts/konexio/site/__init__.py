"""The edge where the data meets the engine: staged pages, then a plain engine run per language.

- ``stage.py``: per language, ``<stage>/<lang>/mkdocs.yml`` (from mkdocs.yml) and
  ``<stage>/<lang>/docs/`` (hand-written + generated pages); writes only what changed.
- ``build.py``: ``build_site(root, out)`` for ``konexio build``: validate and expand once,
  stage, run the engine on each staged language, write the feeds, swap in whole.
- ``serve.py``: ``konexio serve``: re-stage on every edit, ``mkdocs serve`` of one language.
- ``run.py``: the validated, expanded data of one run, passed as a value.
- ``languages.py``: what differs between the languages.
- ``translations.py``: the build-time report of hand-written pages missing a translation.
- ``engines.py``: MkDocs (default) or Zensical builds one staged language.
- ``finish.py``: our step over each language's built HTML (``<html lang dir>``, sitemaps),
  the same after either engine; ``lastmod.py`` dates the sitemaps' pages from git.

No engine hook reads the data or changes a page; the one MkDocs hook left
(``template_cache.py``) only keeps the theme compiled between the language builds.
"""
