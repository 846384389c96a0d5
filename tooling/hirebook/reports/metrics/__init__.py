"""One module per metric of ``reports.md``; registered in :mod:`hirebook.reports.registry`."""
