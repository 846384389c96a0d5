"""Service-level clocks: which clocks the records start, and where each stands as of an instant.

One module per rule (``rules/``, listed in :mod:`.registry`; what a rule declares:
:mod:`.rule`), what the rules share (:mod:`.context`), a clock and its states (:mod:`.clock`),
goal durations and the work calendar's business-time arithmetic (:mod:`.duration`,
:mod:`.calendar`), and every rule evaluated into one board (:mod:`.engine`).
"""
