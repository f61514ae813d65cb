"""Site search: posts of every kind and prisoner profiles, from the box in the header."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from campaign.middleware import CONTROL_CHARACTERS
from prisoners.models import Prisoner
from publishing.models import Post
from publishing.views import POSTS_PER_PAGE

MAX_QUERY_LENGTH = 200
PRISONERS_SHOWN = 12


class SearchQueryField(forms.CharField):
    """What a visitor typed, made safe to search with: control characters become
    spaces and runs of whitespace a single space. Any input cleans to some text."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(CONTROL_CHARACTERS.sub(" ", value).split())


class SearchForm(forms.Form):
    q = SearchQueryField(
        label=_("Search posts and prisoner profiles"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH, "class": "form-control"}),
    )

    def clean_q(self):
        """Keep the first MAX_QUERY_LENGTH characters of a longer query (`was_shortened` says so)."""
        query = self.cleaned_data["q"]
        self.was_shortened = len(query) > MAX_QUERY_LENGTH
        return query[:MAX_QUERY_LENGTH].rstrip()


class SearchView(ListView):
    """Published posts matching `?q=`, best first and paginated, with matching prisoner
    profiles above them on the first page."""

    template_name = "campaign/search.html"
    context_object_name = "posts"
    paginate_by = POSTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        # Never invalid: every input cleans to a query, perhaps an empty one.
        form.is_valid()
        self.query = form.cleaned_data.get("q", "")
        self.query_was_shortened = getattr(form, "was_shortened", False)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.query:
            return Post.objects.none()
        return Post.objects.published().search(self.query).for_listing()

    def matching_prisoners(self):
        return Prisoner.objects.published().search(self.query)[:PRISONERS_SHOWN]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        on_first_page = context["page_obj"].number == 1
        context.update(
            # The box shows the query as searched (cleaned and shortened), not as sent.
            form=SearchForm(initial={"q": self.query}),
            query=self.query,
            query_was_shortened=self.query_was_shortened,
            max_query_length=MAX_QUERY_LENGTH,
            prisoners=self.matching_prisoners() if self.query and on_first_page else [],
        )
        return context
