"""Reports: the metrics of ``reports.md`` computed from the records and the SLA clocks."""
