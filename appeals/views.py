from django.views.generic import DetailView, ListView

from campaign.views import PublishedPostDetailView

from .models import Appeal, Prisoner


class AppealDetailView(PublishedPostDetailView):
    model = Appeal
    template_name = "appeals/appeal_detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("addressees")


class PrisonerListView(ListView):
    template_name = "appeals/prisoner_list.html"
    context_object_name = "prisoners"
    paginate_by = 24

    def get_queryset(self):
        self.status = self.request.GET.get("status", "")
        if self.status not in Prisoner.Status.values:
            self.status = ""
        return Prisoner.objects.published().with_status(self.status)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=Prisoner.Status.choices, current_status=self.status, **kwargs
        )


class PrisonerDetailView(DetailView):
    template_name = "appeals/prisoner_detail.html"
    context_object_name = "prisoner"

    def get_queryset(self):
        prisoners = Prisoner.objects.prefetch_related("events")
        if self.request.user.is_staff:
            return prisoners
        return prisoners.published()
