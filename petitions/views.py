import math

from django.conf import settings
from django.contrib import messages
from django.db.models import Case, When
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.generic import ListView, TemplateView

from publishing.crossorigin import public_form
from publishing.models import SiteSettings
from publishing.net import client_ip

from . import charts, services, tokens
from .forms import SignatureForm
from .models import Petition, Signature, SignatureCountByCountry, SignatureCountByDay

RECENT_SIGNERS_SHOWN = 10


class PetitionListView(ListView):
    template_name = "petitions/petition_list.html"
    context_object_name = "petitions"
    paginate_by = 20

    def get_queryset(self):
        open_first = Case(When(action_status=Petition.ActionStatus.OPEN, then=0), default=1)
        return Petition.objects.published().with_signature_count().order_by(open_first, "-created_at")


def _render_petition(request, petition, form):
    """The petition page: everything on it is read from a fixed number of small queries."""
    context = {
        "petition": petition,
        "form": form,
        "prisoners": [prisoner for prisoner in petition.prisoners.all() if prisoner.is_published],
        "related_posts": petition.posts.published().order_by("-published_at")[:3],
        "country_rows": charts.country_rows(SignatureCountByCountry.objects.totals_for(petition.pk)),
        "growth_chart": charts.growth_chart(
            SignatureCountByDay.objects.totals_for(petition.pk), petition.last_day
        ),
        "recent_signers": Signature.objects.filter(petition=petition).shown_publicly()[:RECENT_SIGNERS_SHOWN],
        "share_url": request.build_absolute_uri(petition.get_absolute_url()),
        "is_preview": not petition.is_published,
        "previewed": petition,
    }
    return render(request, "petitions/petition_detail.html", context)


@require_GET
def petition_detail(request, slug):
    petitions = Petition.objects.visible_to(request.user).with_signature_count().prefetch_related("prisoners")
    petition = get_object_or_404(petitions, slug=slug)
    return _render_petition(request, petition, SignatureForm() if petition.is_open else None)


@public_form
@require_http_methods(["GET", "POST"])
def sign(request, slug):
    """Take a signature. New, repeated, flagged and bot signings all get the same answer."""
    # Only the petition's own row: its count and prisoners are read if the page is shown again.
    petition = get_object_or_404(Petition.objects.published(), slug=slug)
    if request.method == "GET" or not petition.is_open:
        return redirect(petition)
    form = SignatureForm(request.POST)
    if not form.is_valid():
        petitions = Petition.objects.with_signature_count().prefetch_related("prisoners")
        return _render_petition(request, petitions.get(pk=petition.pk), form)
    if not form.is_from_bot:
        try:
            services.sign(petition, client_ip=client_ip(request), **form.signature_fields())
        except services.PetitionClosed:  # closed between the check above and now
            return redirect(petition)
    return redirect("petitions:check_email", slug=petition.slug)


def _framable(response):
    """Let the partner sites editors list (SiteSettings, any site when none) show this page in
    an iframe. Only the widget's pages are framable; every other page refuses
    (X-Frame-Options: DENY, frame-ancestors 'none')."""
    response._csp_config = {
        **settings.SECURE_CSP,
        "frame-ancestors": SiteSettings.current().widget_frame_ancestors(),
    }
    return response


@public_form
@xframe_options_exempt
@require_http_methods(["GET", "POST"])
def embed(request, slug):
    """The petition widget partners put in an iframe: title, count, goal bar and the signing
    form, with no JavaScript, nothing from a third party and no cookie. Signing here is the
    same double opt-in as on the petition page. The form posts from our own document inside
    the frame, so the browser says same-origin (publishing/crossorigin.py)."""
    petition = get_object_or_404(Petition.objects.published().with_signature_count(), slug=slug)
    form = None
    if petition.is_open:
        form = SignatureForm(request.POST) if request.method == "POST" else SignatureForm()
        if form.is_bound and form.is_valid():
            if not form.is_from_bot:
                try:
                    services.sign(petition, client_ip=client_ip(request), **form.signature_fields())
                except services.PetitionClosed:  # closed between the check above and now
                    return redirect("petitions:embed", slug=petition.slug)
            # The thank-you stays inside the frame, as compact as the widget.
            return redirect("petitions:embed_thanks", slug=petition.slug)
    context = {"petition": petition, "form": form, "site": SiteSettings.current()}
    return _framable(render(request, "petitions/embed.html", context))


@xframe_options_exempt
@require_GET
def embed_thanks(request, slug):
    petition = get_object_or_404(Petition.objects.published(), slug=slug)
    context = {"petition": petition, "site": SiteSettings.current()}
    return _framable(render(request, "petitions/embed_thanks.html", context))


@require_GET
def check_email(request, slug):
    petition = get_object_or_404(Petition.objects.published(), slug=slug)
    return render(
        request,
        "petitions/check_email.html",
        {"petition": petition, "share_url": request.build_absolute_uri(petition.get_absolute_url())},
    )


def _link_page(request, template, context, status=200):
    response = render(request, template, context, status=status)
    # The address carries a private link: never pass it on to another site. ("no-referrer"
    # would also make browsers send "Origin: null" with the button's POST, which the origin
    # check refuses: publishing/crossorigin.py.)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _petition_signed(public_id):
    """The petition the signature with `public_id` is on (None once it is gone). Its title is
    all a link's page shows: nothing about the signer."""
    return Petition.objects.filter(signatures__public_id=public_id).first()


@public_form
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The page behind the link in the e-mail. Only pressing its button (a POST) confirms,
    so mail scanners that open links confirm nothing."""
    template = "petitions/confirm.html"
    try:
        if request.method == "GET":
            petition = _petition_signed(tokens.read_confirmation_token(token))
            if petition is None:
                return _link_page(request, template, {"state": "not_found"}, status=404)
            return _link_page(request, template, {"state": "ask", "token": token, "petition": petition})
        result = services.confirm(token)
    except tokens.ExpiredLink as expired:
        context = {"state": "expired", "token": token, "petition": _petition_signed(expired.public_id)}
        return _link_page(request, template, context, status=410)
    except tokens.InvalidLink:
        return _link_page(request, template, {"state": "invalid"}, status=404)
    outcome = result.outcome
    if outcome is services.ConfirmationOutcome.NOT_FOUND:
        return _link_page(request, template, {"state": "not_found"}, status=404)
    if outcome is services.ConfirmationOutcome.PETITION_CLOSED:
        return _link_page(request, template, {"state": "closed", "petition": result.petition}, status=409)
    if outcome is services.ConfirmationOutcome.CONFIRMED:
        messages.success(request, _("Thank you: your signature is confirmed and counted."))
    else:
        messages.info(request, _("Your signature was already confirmed. Thank you."))
    return redirect(f"{result.petition.get_absolute_url()}#petition-count")


@public_form
@never_cache
@require_POST
def new_link(request, token):
    """Send a fresh confirmation e-mail for an expired link. Answers the same whatever happens."""
    try:
        public_id = tokens.read_confirmation_token(token)
    except tokens.ExpiredLink as expired:
        public_id = expired.public_id
    except tokens.InvalidLink:
        raise Http404 from None
    services.resend_confirmation(public_id)
    return _link_page(request, "petitions/confirm.html", {"state": "new_link_sent"})


@public_form
@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    """The page behind the withdrawal link: a button, and only the button (a POST) withdraws."""
    template = "petitions/withdraw.html"
    try:
        petition = _petition_signed(tokens.read_withdrawal_token(token))
        if petition is not None and request.method == "GET":
            return _link_page(request, template, {"state": "ask", "token": token, "petition": petition})
        withdrawn = petition is not None and services.withdraw(token)
    except tokens.InvalidLink:
        return _link_page(request, template, {"state": "invalid"}, status=404)
    return _link_page(
        request, template, {"state": "withdrawn" if withdrawn else "not_found", "petition": petition}
    )


@require_GET
def petition_json(request, slug):
    """The public count for partners' sites: any origin may read it."""
    petition = get_object_or_404(Petition.objects.published().with_signature_count(), slug=slug)
    response = JsonResponse(
        {
            "title": petition.title,
            "slug": petition.slug,
            "url": request.build_absolute_uri(petition.get_absolute_url()),
            "count": petition.signature_count,
            "goal": petition.goal,
            "status": petition.action_status,
            "is_open": petition.is_open,
            "deadline": petition.deadline.isoformat() if petition.deadline else None,
        }
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=5"
    return response


class PrivacyView(TemplateView):
    """The privacy notice. Every period it states is read from the setting the code applies
    (tests/petitions/test_privacy_notice.py checks each against what the code does)."""

    template_name = "petitions/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            link_days=settings.PETITIONS_CONFIRMATION_LINK_DAYS,
            unconfirmed_days=settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS,
            anonymise_days=settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS,
            outbox_days=settings.EMAIL_OUTBOX_RETENTION_DAYS,
            login_record_days=settings.ADMIN_LOGIN_LOG_RETENTION_DAYS,
            # Whole hours, rounded up: "at most".
            session_hours=math.ceil(settings.SESSION_COOKIE_AGE / 3600),
            **kwargs,
        )
