"""The actions for a prisoner (appeals, petitions), and closing them when their story changes.

Prisoners know nothing of appeals or petitions: those apps register here, in their
`AppConfig.ready()`, how to list the open actions for a prisoner and how to close some of
them with an outcome, as publishing/sections.py does for parts of pages:

    outcomes.register(
        "petitions",
        label=_("Petitions"),
        permission="petitions.change_petition",
        open_for=lambda prisoner: Petition.objects.filter(prisoners=prisoner).open(),
        close=services.close_with_outcome,
    )

The admin's confirmation page after a release (prisoners/admin.py) lists them and closes
what the editor ticks, in one transaction.

Drafting an update to the signers of what was closed is one more hook (`register_update_drafter`):
the app that writes updates registers a function, and the confirmation page then offers it.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction


@dataclass(frozen=True)
class ActionKind:
    name: str
    label: Any
    # The permission an editor needs to close this kind ("app_label.codename").
    permission: str
    # open_for(prisoner) -> a queryset of the open actions for them.
    open_for: Any
    # close(queryset, *, outcome, outcome_on, message) -> the actions it closed, in a list.
    close: Any


@dataclass(frozen=True)
class Outcome:
    """What happened, as the closed actions will tell it: a change of status (a key of
    prisoners.models.OUTCOME_HEADLINES), its day and the editor's words."""

    change: str
    on: Any
    message: str


_kinds = {}
_update_drafters = []


def register(name, *, label, permission, open_for, close):
    """Make the actions of kind `name` closable from a prisoner's change of status.
    Registering a name again replaces it."""
    _kinds[name] = ActionKind(name, label, permission, open_for, close)


def register_update_drafter(draft):
    """`draft(closed, *, prisoner, outcome, user)` drafts (never sends) an update to the
    supporters of the actions just closed; `closed` is {kind name: [actions]}."""
    if draft not in _update_drafters:
        _update_drafters.append(draft)


def can_draft_updates():
    return bool(_update_drafters)


def kinds_for(user):
    """The registered kinds `user` may close, in the order they were registered."""
    return [kind for kind in _kinds.values() if user.has_perm(kind.permission)]


def open_actions_for(prisoner, user):
    """[(kind, [open actions])] for each kind `user` may close that has any."""
    found = []
    for kind in kinds_for(user):
        actions = list(kind.open_for(prisoner))
        if actions:
            found.append((kind, actions))
    return found


def close_linked_actions(prisoner, *, selected, outcome, user, draft_update=False):
    """Close the open actions for `prisoner` whose ids are in `selected` ({kind name: [ids]}),
    with `outcome`, in one transaction; then draft an update to their supporters if asked and
    a drafter is registered. Ids of actions that are not open and for this prisoner (closed
    meanwhile, or never theirs) are ignored. Returns {kind name: [closed actions]}."""
    closed = {}
    with transaction.atomic():
        for kind in kinds_for(user):
            ids = selected.get(kind.name) or []
            if not ids:
                continue
            actions = kind.open_for(prisoner).filter(pk__in=ids)
            done = kind.close(actions, outcome=outcome.change, outcome_on=outcome.on, message=outcome.message)
            if done:
                closed[kind.name] = done
        if draft_update and closed:
            for draft in _update_drafters:
                draft(closed, prisoner=prisoner, outcome=outcome, user=user)
    return closed
