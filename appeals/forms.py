from django import forms
from django.utils.translation import gettext_lazy as _

from publishing.validators import validate_one_line, validate_plain_text

OTHER_COUNTRY = "other"


class SendLetterForm(forms.Form):
    """What a supporter fills in to see their letter: a GET form, so it works without JavaScript.

    Nothing entered here is stored. Invalid parts are left out of the letter (and shown
    as errors); the rest of the letter is still composed.
    """

    FIELD_NAMES = ("country", "name", "town", "personal")
    PERSONAL_FIELD_NAMES = ("name", "town", "personal")

    country = forms.ChoiceField(
        label=_("Your country"),
        required=False,
        help_text=_("We address your letter to the embassy in your country."),
        error_messages={
            "invalid_choice": _(
                "We have no embassy address for that country. Choose your country from the list, "
                "or “Another country”."
            )
        },
        widget=forms.Select(attrs={"class": "form-select js-letter-country"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        validators=[validate_one_line],
        widget=forms.TextInput(
            attrs={"class": "form-control js-letter-input", "autocomplete": "name", "data-field": "name"}
        ),
    )
    town = forms.CharField(
        label=_("Your town or city"),
        max_length=100,
        required=False,
        validators=[validate_one_line],
        widget=forms.TextInput(
            attrs={
                "class": "form-control js-letter-input",
                "autocomplete": "address-level2",
                "data-field": "town",
            }
        ),
    )
    personal = forms.CharField(
        label=_("Your own paragraph (optional)"),
        max_length=2000,
        required=False,
        validators=[validate_plain_text],
        help_text=_(
            "A few sentences in your own words: who you are, and why this matters to you. "
            "Personal letters carry far more weight than copies of the same text."
        ),
        widget=forms.Textarea(
            attrs={"class": "form-control js-letter-input", "rows": 4, "data-field": "personal"}
        ),
    )

    def __init__(self, data=None, *, embassies=(), write_to_embassies=True, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.embassies = {embassy.country.code: embassy for embassy in embassies}
        if write_to_embassies:
            by_name = sorted(self.embassies.values(), key=lambda embassy: str(embassy.country.name))
            self.fields["country"].choices = [
                ("", _("Choose your country")),
                *((embassy.country.code, embassy.country.name) for embassy in by_name),
                (OTHER_COUNTRY, _("Another country")),
            ]
        else:
            del self.fields["country"]

    @classmethod
    def from_query(cls, query, **kwargs):
        """Bound to the query string when it carries the form's fields, unbound otherwise
        (so that a link with only tracking parameters shows a fresh form)."""
        data = query if any(name in query for name in cls.FIELD_NAMES) else None
        return cls(data, **kwargs)

    @property
    def has_personal_details(self):
        """Whether the request carries something the supporter typed about themselves."""
        return self.is_bound and any(self.data.get(name, "").strip() for name in self.PERSONAL_FIELD_NAMES)

    @property
    def chosen_country(self):
        """The chosen country code, "other", or "" (not chosen, or not valid)."""
        if not self.is_bound or "country" not in self.fields:
            return ""
        self.is_valid()
        return self.cleaned_data.get("country", "")

    def letter_details(self):
        """Keyword arguments for `compose_letter`: the valid parts of what was entered."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = self.cleaned_data
        return {
            "embassy": self.embassies.get(cleaned.get("country", "")),
            "name": cleaned.get("name", ""),
            "town": cleaned.get("town", ""),
            "personal": cleaned.get("personal", ""),
        }
