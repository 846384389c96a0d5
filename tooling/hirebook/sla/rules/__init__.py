"""One module per SLA rule (the handbook's ``reference/sla-rules.md``); listed in
:mod:`hirebook.sla.registry`."""
