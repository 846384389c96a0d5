"""What an SLA rule is: a module declaring its id, its clock's start and stop, its default goals
and who must act, and a ``clocks(context)`` function yielding one clock per item it times.

Each module's docstring is its user documentation (the handbook's reference/sla-rules.md).
A rule module defines:

``RULE``           the id used in ``policy.yaml``, ``client.yaml``, filters and output;
``TITLE``          a short name for people;
``STARTS``, ``STOPS``, ``OWNER``  one line each, for the rule table;
``DEFAULT_GOALS``  goals per tier (``strategic``/``key``/``ordinary``) or ``all``;
``clocks``         ``clocks(context) -> Iterable[Clock]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from hirebook.sla.clock import Clock


@dataclass(frozen=True)
class SlaRule:
    id: str
    title: str
    starts: str
    stops: str
    owner: str
    default_goals: dict[str, str]
    doc: str
    clocks: Callable[..., Iterable[Clock | None]]

    @classmethod
    def from_module(cls, module: ModuleType) -> SlaRule:
        return cls(
            id=module.RULE,
            title=module.TITLE,
            starts=module.STARTS,
            stops=module.STOPS,
            owner=module.OWNER,
            default_goals=module.DEFAULT_GOALS,
            doc=(module.__doc__ or "").strip(),
            clocks=module.clocks,
        )

    def goal_text(self) -> str:
        goals = self.default_goals
        if "all" in goals:
            return f"{goals['all']} (all tiers)"
        return " / ".join(goals[tier] for tier in ("strategic", "key", "ordinary"))
