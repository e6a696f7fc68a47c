"""Step 5a: the site's pages, made from the dataset and the expanded schedule (pure).

``views`` picks what each page shows, ``formatting`` writes dates and times the way each
language does (Babel), ``words`` marks the fixed words picked by a value (their French
msgids; every site language's words are in the gettext catalogs), and ``render`` fills
the Jinja templates of ``templates/`` into one Markdown page per page and language.
``konexio.site`` hands those pages to mkdocs.
"""
