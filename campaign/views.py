from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from appeals.models import Appeal
from prisoners.models import Prisoner
from publishing.models import Post, SiteSettings


class HomeView(TemplateView):
    """The post editors feature (or the newest open appeal), their featured video, the latest
    posts (featured ones first) and the prisoners."""

    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = SiteSettings.current()
        featured = None
        if site.featured_post_id:
            featured = Post.objects.published().for_listing().filter(pk=site.featured_post_id).first()
        if featured is None:
            featured = Appeal.objects.published().open().for_listing().first()
        context["featured"] = featured.specific if featured else None
        context["featured_is_appeal"] = isinstance(context["featured"], Appeal)
        if site.featured_video_id:
            video = Post.objects.published().for_listing().filter(pk=site.featured_video_id).first()
            context["featured_video"] = video.specific if video and video.specific.player_template else None
        context["latest_posts"] = (
            Post.objects.published().for_listing().order_by("-is_featured", "-published_at", "-id")[:6]
        )
        context["share_url"] = settings.SITE_URL + "/"
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
