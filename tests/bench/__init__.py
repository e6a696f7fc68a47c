"""``make bench``: synthetic networks of growing size, timed through the real pipeline."""
