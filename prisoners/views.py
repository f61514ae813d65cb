from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.views.generic import DetailView, ListView

from publishing.models import Post
from publishing.views import PreviewMixin

from .models import Prisoner


class PrisonerListView(ListView):
    template_name = "prisoners/prisoner_list.html"
    context_object_name = "prisoners"
    paginate_by = 24

    def get_queryset(self):
        # `?status=` in the address, as shared links have it since the first release.
        self.situation = self.request.GET.get("status", "")
        if self.situation not in Prisoner.Situation.values:
            self.situation = ""
        return Prisoner.objects.published().in_situation(self.situation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = {}
        if self.situation:
            query["status"] = self.situation
        if context["page_obj"].number > 1:
            query["page"] = context["page_obj"].number
        list_url = settings.SITE_URL + reverse("prisoners:prisoner_list")
        return {
            **context,
            "situations": Prisoner.Situation.choices,
            "current_situation": self.situation,
            "current_situation_label": Prisoner.Situation(self.situation).label if self.situation else "",
            "canonical_url": f"{list_url}?{urlencode(query)}" if query else list_url,
        }


class PrisonerDetailView(PreviewMixin, DetailView):
    """A prisoner's profile. Visitors see published profiles; editors also preview the others.

    Appeals and petitions for them are added by those apps (the "prisoner_detail" sections).
    """

    model = Prisoner
    template_name = "prisoners/prisoner_detail.html"
    context_object_name = "prisoner"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("events")

    def get_context_data(self, **kwargs):
        prisoner = self.object
        # From the prefetched timeline: the change of status the profile's badge follows.
        changes = [event for event in prisoner.events.all() if event.status_change]
        return super().get_context_data(
            status_event=max(changes, key=lambda event: (event.date, event.pk), default=None),
            posts=Post.objects.published().filter(prisoners=prisoner).for_listing(),
            share_url=self.request.build_absolute_uri(prisoner.get_absolute_url()),
            **kwargs,
        )
