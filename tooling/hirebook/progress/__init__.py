"""The weekly progress report the client receives (招聘進度報告): ``hirebook progress``.

- :mod:`hirebook.progress.model`: the report's content, computed from the records for one
  client, its plans and one period — a pure function of the repository and the period;
- :mod:`hirebook.progress.render`: that content as Markdown or as a printable, self-contained
  HTML page, in the handbook's three languages.

Candidates appear by id; only the command's ``--names`` puts a name beside an id, and the
handbook never does.
"""
