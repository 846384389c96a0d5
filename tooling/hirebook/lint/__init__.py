"""``hirebook lint``: problems in the records, one small rule module per code."""
