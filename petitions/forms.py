from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Row
from crispy_forms.utils import render_crispy_form
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from publishing.validators import validate_one_line, validate_plain_text

from .models import Petition

# The blank form's HTML by language. It is the same for every visitor, and rendering its
# select of 250 countries through the widget templates took about two thirds of the
# petition page's time; the code that makes it changes only with a deploy (a new process).
_BLANK_FORM_HTML = {}


class CountryChoiceField(type(CountryField().formfield())):
    """The country select, checked against the set of country codes made once per process.

    django-countries lists its 250 countries anew for each check, sorted by their names in the
    visitor's language: 2 ms of each signing's CPU for an answer that never depends on the
    language. The list a visitor sees is unchanged (and made once per language with the blank
    form's HTML above)."""

    _codes = None

    def valid_value(self, value):
        if CountryChoiceField._codes is None:
            from django_countries import countries

            CountryChoiceField._codes = frozenset(code for code, _name in countries)
        return str(value) in CountryChoiceField._codes


class SignatureForm(forms.Form):
    """What a supporter gives to sign. Both consents start unticked."""

    first_name = forms.CharField(label=_("First name"), max_length=100, validators=[validate_one_line])
    last_name = forms.CharField(label=_("Surname"), max_length=100, validators=[validate_one_line])
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        validators=[validate_one_line],
        help_text=_("We send you a link to confirm your signature. It is never shown on the site."),
    )
    country = CountryField(blank_label=_("(choose your country)")).formfield(
        label=_("Country"), choices_form_class=CountryChoiceField
    )
    city_or_postcode = forms.CharField(
        label=_("City or postcode (optional)"), max_length=100, required=False, validators=[validate_one_line]
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=500,
        required=False,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Handed in with the petition; never shown on the site."),
    )
    show_name_publicly = forms.BooleanField(
        label=_("Show my first name, the initial of my surname and my country on this page"),
        required=False,
        initial=False,
    )
    wants_updates = forms.BooleanField(
        label=_("Keep me informed about this campaign by e-mail"), required=False, initial=False
    )
    # A trap for bots that fill in every field; people never see it (petitions.css hides it).
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "email": "email",
            "country": "country",
            "city_or_postcode": "address-level2",
            "website": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["website"].widget.attrs["tabindex"] = "-1"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # checked by origin, not token: publishing/crossorigin.py
        self.helper.layout = Layout(
            Row(Div("first_name", css_class="col-sm-6"), Div("last_name", css_class="col-sm-6")),
            "email",
            Row(Div("country", css_class="col-sm-6"), Div("city_or_postcode", css_class="col-sm-6")),
            "comment",
            Field("show_name_publicly"),
            Field("wants_updates"),
            Div("website", css_class="petition-extra-field", aria_hidden="true"),
        )

    def rendered(self):
        """The form's fields as HTML (without the <form> tag and its token)."""
        if self.is_bound:  # values and errors of one visitor
            return render_crispy_form(self)
        language = translation.get_language()
        if language not in _BLANK_FORM_HTML:
            _BLANK_FORM_HTML[language] = render_crispy_form(self)
        return _BLANK_FORM_HTML[language]

    @property
    def is_from_bot(self):
        return bool(self.cleaned_data.get("website"))

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def signature_fields(self):
        """The cleaned values `services.sign` takes."""
        return {name: self.cleaned_data[name] for name in self.SIGNATURE_FIELDS}

    SIGNATURE_FIELDS = [
        "first_name",
        "last_name",
        "email",
        "country",
        "city_or_postcode",
        "comment",
        "show_name_publicly",
        "wants_updates",
    ]


class PetitionAdminForm(forms.ModelForm):
    """The admin's petition form. Featuring is a choice here, carried out by
    `services.feature` after saving: it takes the place of the petition featured before,
    where saving the flag itself would clash with it."""

    feature_in_sidebar = forms.BooleanField(
        label=_("Featured in the sidebar"),
        required=False,
        help_text=_(
            "Show this petition in the sidebar of every page. It takes the place of the petition "
            "featured before."
        ),
    )

    class Meta:
        model = Petition
        fields = [
            "title",
            "slug",
            "summary",
            "text",
            "addressee",
            "action_status",
            "goal",
            "deadline",
            "closing_message",
            "outcome_on",
            "outcome_message",
            "status",
            "published_at",
            "prisoners",
            "posts",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feature_in_sidebar"].initial = self.instance.is_featured


class UnsubscribeForm(forms.Form):
    """What the unsubscribe page asks: stop the news about this item, or all news."""

    ITEM = "item"
    EVERYTHING = "everything"

    scope = forms.ChoiceField(label=_("Which e-mails do you want to stop?"), widget=forms.RadioSelect)

    def __init__(self, *args, item_title=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(self.EVERYTHING, _("All updates from this campaign"))]
        if item_title:
            choices.insert(0, (self.ITEM, _("Updates about “%(title)s”") % {"title": item_title}))
        self.fields["scope"].choices = choices
        self.fields["scope"].initial = choices[0][0]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token

    @property
    def everything(self):
        return self.cleaned_data["scope"] == self.EVERYTHING
