"""The edge where the data meets mkdocs: one mkdocs build per language, driven by a hook.

- ``hook.py``: registered under ``hooks:`` in mkdocs.yml; adds the generated pages, sets the
  language of each build and, after the French build, builds English and Arabic and writes
  the calendar feeds.
- ``languages.py``: what differs between the language builds.
- ``run.py``: the validated, expanded data of one build run, shared by its three builds.
- ``translations.py``: the build-time report of hand-written pages missing a translation.
- ``build.py``: ``build_site(root, out)`` for ``konexio build``: all or nothing.
"""
