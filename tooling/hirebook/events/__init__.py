"""``hirebook log``: one event of the process written into the record it belongs to.

- :mod:`~hirebook.events.typed` reads what a person types (text, an amount) as a record keeps it;
- :mod:`~hirebook.events.locate` finds the record by its id alone;
- :mod:`~hirebook.events.changes` says what an event writes (put a field, add an item) and
  applies that to a tree of data;
- :mod:`~hirebook.events.definitions` holds the events: what each checks in the record (a
  contradiction is refused, saying what is already there) and what it writes;
- :mod:`~hirebook.events.roundtrip` writes the change into the text with ruamel.yaml's round
  trip, keeping every other line as the person wrote it;
- :mod:`~hirebook.events.clocks` compares the SLA clocks before and after the event;
- :mod:`~hirebook.events.recording` ties them together: lint, refuse or write atomically.
"""
