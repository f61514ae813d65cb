import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.urls import resolve
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


# How long to tell browsers and bots to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30
# The forms whose refusal must say plainly that the signature was not recorded.
SIGNING_VIEWS = frozenset({"petitions:sign", "petitions:embed"})


def _view_name(request):
    try:
        return resolve(request.path_info).view_name
    except Http404:
        return None


def server_error(request):
    """The 500 page; or, when the database cannot be reached (stopped, restarting, the network
    to it cut), the 503 page with Retry-After, which tells a signer that their signature was
    not recorded. Neither touches the database. The page cache serves its last copy of a page
    instead of either, when it has one (campaign/page_cache.py)."""
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return HttpResponseServerError(render_to_string("500.html"))
    context = {
        "posted": request.method == "POST",
        "signing": request.method == "POST" and _view_name(request) in SIGNING_VIEWS,
    }
    response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # An answer for this moment only: no cache may keep it in place of the page.
    response["Cache-Control"] = "no-store"
    return response
