"""A list of work shared by two processes that take it from its two ends until they meet.

The build process goes through the list in order, as MkDocs does; a helper process forked
from it takes items from the end. Each take is one step under a lock, so every item is taken
exactly once, and the work splits evenly however busy either core is: whoever is faster takes
more. :mod:`.page_reading` and :mod:`.page_sharing` share the handbook's generated pages this
way.
"""

from __future__ import annotations

MINIMUM = 2
"""Fewer items than this are not worth a second process."""


class TwoEnds:
    """``count`` items, numbered from 0, taken from the front by the build process (in order)
    and from the back by a helper. Made before the fork; both processes hold it."""

    def __init__(self, context, count: int) -> None:
        self.count = count
        self.bounds = context.RawArray("q", [0, count])
        """``[next item the front may take, first item the back took]``, in shared memory."""
        self.lock = context.Lock()

    def take_front(self, number: int) -> bool:
        """Take item ``number`` for the front, if the back has not taken it. The front takes
        items in order, so once this is False the rest are the back's."""
        with self.lock:
            if number < self.bounds[1]:
                self.bounds[0] = number + 1
                return True
        return False

    def take_back(self) -> int | None:
        """The last item nobody has taken, now the back's; None when the two ends have met."""
        with self.lock:
            if self.bounds[1] <= self.bounds[0]:
                return None
            self.bounds[1] -= 1
            return self.bounds[1]

    @property
    def taken_by_back(self) -> int:
        """How many items the back has taken so far."""
        return self.count - self.bounds[1]
