"""Tests of the handbook: escaping, charts, page generation, strict builds, the browser."""
