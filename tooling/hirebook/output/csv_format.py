"""``csv``: the report as one tidy table, for spreadsheets and data frames.

Long format, one row per number: ``metric,group,key,label,measure,value`` (see
:mod:`hirebook.reports.tidy`). One metric or all of them, the layout is the same, so every
output is a single well-formed CSV file that any spreadsheet or ``pandas.read_csv`` opens;
filter on ``metric`` and pivot on ``measure``.

A spreadsheet would run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so
such text is written behind a single quote (``'=1+1``); numbers stay numbers
(:func:`~hirebook.output.inert.csv_cell`).
"""

from __future__ import annotations

import csv
import io

from hirebook.output.base import Reporter
from hirebook.output.inert import csv_cell


class CsvReporter(Reporter):
    name = "csv"
    description = "one tidy CSV table (metric,group,key,label,measure,value), for spreadsheets"

    def report(self, result: dict) -> str:
        from hirebook.reports.tidy import COLUMNS, tidy_rows  # only the report command needs it

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([csv_cell(c) for c in row.as_tuple()] for row in tidy_rows(result))
        return buffer.getvalue().rstrip("\n")
