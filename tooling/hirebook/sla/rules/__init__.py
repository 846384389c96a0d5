"""One module per SLA rule of ``sla.md``; :mod:`hirebook.sla.registry` lists them."""
