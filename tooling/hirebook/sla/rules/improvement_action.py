"""improvement-action — improvement actions and follow-ups are done by their due dates.

Each action of a feedback record (反饋與改進) and each follow-up of a touchpoint is due at the end
of its `due` day and stops on `done_on`. The action's `owner` must act. At risk when less than a
day remains.
"""

from hirebook.sla.context import SlaContext

RULE = "improvement-action"
TITLE = "Improvement action or follow-up"
STARTS = "action `due` (feedback actions and touchpoint follow-ups)"
STOPS = "`done_on`"
OWNER = "the action's `owner`"
DEFAULT_GOALS = {"all": "0"}


def clocks(ctx: SlaContext):
    for client in ctx.clients():
        for kind, field, label in (
            ("feedback", "actions", "action"),
            ("touchpoint", "follow_ups", "follow-up"),
        ):
            for record in ctx.records(client, kind):
                for index, item in enumerate(getattr(record, field), start=1):
                    if item.due is None:
                        continue
                    yield ctx.due_date_clock(
                        RULE,
                        record,
                        client,
                        f"{record.id}#{label}-{index}",
                        f'{label.capitalize()} "{item.action}" ({record.id})',
                        item.due,
                        item.done_on,
                        (field, index - 1),
                        owner=item.owner or client.account_manager,
                    )
