"""The handbook: the site MkDocs publishes from the records.

Page generation is a plain library function (:func:`hirebook.handbook.site.generate`) with two
front ends: the MkDocs plugin (:mod:`hirebook.handbook.plugin`) and ``hirebook handbook --out``.
Every value that comes from a record goes through :mod:`hirebook.handbook.escape` or
:mod:`hirebook.handbook.richtext` on its way to a page; nothing else may put record text there.
"""
