"""Skeletons of new data files for ``konexio new``: a cohort, an antenna, a closure.

``drafts`` decides the values (from the data already there), ``templates/`` lays them out
as commented YAML, ``closures`` inserts a closure into an antenna file as text (so the
coordinators' comments survive), ``writer`` puts files in place and never overwrites one.
"""
