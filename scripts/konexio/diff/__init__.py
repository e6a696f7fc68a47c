"""``konexio diff``: what a change of the data does to sessions and shifts.

``git`` reads the data of a git revision into a temporary folder (the only I/O);
``compare`` is pure: the expanded occurrences (and shifts) of two checkouts in, a
``Comparison`` out; ``render`` lays it out as Markdown (pull-request comment) or text.
Nothing here reads YAML text: both sides go through the same load -> validate -> expand.
"""
