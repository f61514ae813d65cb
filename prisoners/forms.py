from django import forms
from django.utils.translation import gettext_lazy as _

from . import outcomes
from .models import RELEASES


class CloseLinkedActionsForm(forms.Form):
    """The admin's question after a release: which open actions for them to close, and what
    to tell supporters. One field of checkboxes per kind of action (appeals, petitions)."""

    message = forms.CharField(
        label=_("Message to supporters"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Shown on each closed page after the outcome, e.g. 'Released on 12 March 2014: thank you "
            "to everyone who signed and wrote.'"
        ),
    )
    draft_update = forms.BooleanField(
        label=_("Draft an update to their supporters (it is not sent until you send it)"),
        required=False,
    )

    def __init__(self, *args, found, event, **kwargs):
        self.found = found
        self.event = event
        release = event.status_change in RELEASES
        initial = {
            # A release answers what they asked for: everything ticked, and thanks. After a
            # death nothing is ticked or written for the editor: some campaigns go on.
            "message": str(_("Thank you to everyone who took part.")) if release else "",
            "draft_update": release,
        }
        super().__init__(*args, initial=initial, **kwargs)
        for kind, actions in found:
            self.fields[f"close_{kind.name}"] = forms.TypedMultipleChoiceField(
                label=kind.label,
                required=False,
                coerce=int,
                choices=[(action.pk, str(action)) for action in actions],
                initial=[action.pk for action in actions] if release else [],
                widget=forms.CheckboxSelectMultiple,
            )
        if not outcomes.can_draft_updates():
            del self.fields["draft_update"]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"close_{kind.name}") for kind, _actions in self.found):
            raise forms.ValidationError(
                _("Tick what to close, or choose 'No, keep them open'."), code="nothing_chosen"
            )
        return cleaned

    def selected(self):
        return {kind.name: self.cleaned_data.get(f"close_{kind.name}", []) for kind, _actions in self.found}

    def outcome(self):
        return outcomes.Outcome(
            change=self.event.status_change, on=self.event.date, message=self.cleaned_data["message"].strip()
        )

    def rows(self):
        """(kind, bound field, [(checkbox, action)]) for the template, which links each action."""
        rows = []
        for kind, actions in self.found:
            field = self[f"close_{kind.name}"]
            rows.append((kind, field, list(zip(field, actions, strict=True))))
        return rows
