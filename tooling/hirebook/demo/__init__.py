"""The demo agency, shipped with the package: the one source of the demo.

``hirebook demo --out DIR`` writes it into a project folder; hirebook's own tests, benchmarks
and ``make demo`` read it from here, never from a project's ``records/``, so an agency can put
anything in its own ``records/`` and hirebook's tests stay green. The repository's top-level
``records/`` is a copy written by ``hirebook demo --out .``, there to be read.

The demo's story is told as of :data:`AS_OF`: its planted open clocks are open then. Its
``policy.yaml`` says so (``demo_as_of``), so every command and the handbook judge it as of that
instant when no ``--as-of`` is given (:mod:`hirebook.now`): the demo never ages.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

DEMO_RECORDS = Path(__file__).resolve().parent / "records"
"""The demo's records folder (read it; never write into it)."""

AS_OF = datetime(2026, 11, 20, 17, 0, tzinfo=timezone(timedelta(hours=8)))
"""The instant the demo is dated: Friday 2026-11-20, 17:00 in Shanghai."""
