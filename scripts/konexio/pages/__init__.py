"""Step 5a: the site's pages, made from the dataset and the expanded schedule (pure).

``views`` picks what each page shows, ``formatting`` writes dates and times the way each
language does (Babel), ``words`` holds the fixed words in fr/en/ar, and ``render`` fills
the Jinja templates of ``templates/`` into one Markdown page per page and language.
``konexio.site`` hands those pages to mkdocs.
"""
