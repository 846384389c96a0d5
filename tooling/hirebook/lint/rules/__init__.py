"""One module per lint code; :mod:`hirebook.lint.registry` lists them all."""
