"""A tiny page with a token-protected form (as the admin has), to test the page cache in isolation."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

FORM = engines["django"].from_string('<form method="post">{% csrf_token %}<button>Sign</button></form>')


def form_page(request):
    if request.method == "POST":
        return HttpResponse("signed")
    return HttpResponse(FORM.render({}, request))


urlpatterns = [path("form/", form_page)]
