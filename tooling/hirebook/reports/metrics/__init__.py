"""One module per metric (the handbook's ``reference/metrics.md``); registered in
:mod:`hirebook.reports.registry`."""
