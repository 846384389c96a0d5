"""Lists cut to their first items: a page that shows part of a list says so.

A summary page (home) shows the first few items of a long list. Shown silently, the cut reads
as the whole: "13 overdue" above fifteen rows, nine of which are missing. So every cut list
carries one line, "15 of 24 shown", with a link to the page that holds the whole list; a list
short enough to show whole carries none.
"""

from __future__ import annotations

from hirebook.handbook import blocks, paths
from hirebook.handbook.context import Context


def shown_note(ctx: Context, from_page: str, shown: int, total: int, whole: str) -> str:
    """ "N of M shown · all M →" when the list was cut, else nothing.

    ``whole`` is the source path of the page that holds all ``total`` items.
    """
    if shown >= total:
        return ""
    note = ctx.labels("cut.shown", shown=shown, total=total)
    link = blocks.link(ctx.labels("cut.all", total=total), paths.link(from_page, whole))
    return f"{note} · {link}"
