"""Reports: the metrics (``reference/metrics.md``) computed from the records and the SLA clocks."""
