"""Charts drawn as static SVG at build time: the site needs no script and no network to show
them, they print, and they follow the light and dark palettes through CSS variables.

Every chart is a ``<figure>`` with an ``<svg role="img">`` that has a ``<title>`` and a
``<desc>`` (the numbers in words, for screen readers), a caption, and — from the page — a data
table with the same numbers as the text alternative.
"""
