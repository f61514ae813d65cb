from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from appeals.models import Appeal
from prisoners.models import Prisoner
from publishing.models import Post


class HomeView(TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured_appeal"] = Appeal.objects.published().open().for_listing().first()
        context["latest_posts"] = Post.objects.published().for_listing()[:6]
        context["prisoners"] = Prisoner.objects.published().order_by("situation", "name")[:6]
        return context


@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})
