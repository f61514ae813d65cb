from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from publishing.crossorigin import public_form
from publishing.net import client_ip
from publishing.views import PostDetailView

from .cookies import letters_sent, remember_letters_sent
from .forms import OTHER_COUNTRY, SendLetterForm
from .letters import MAILTO_MAX_LENGTH, compose_letter
from .models import Appeal, Recipient
from .services import SENT_SESSION_KEY, LetterSent, has_recorded_letter, record_letter_sent


class AppealDetailView(PostDetailView):
    """An appeal, and on open appeals the letter tool: the letter is composed from the query
    string (`?country=DE&name=...#send-letter`), so it works without JavaScript."""

    model = Appeal
    template_name = "appeals/appeal_detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("addressees")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appeal = self.object
        if appeal.is_open and appeal.letter_body:
            embassies = list(Recipient.objects.embassies()) if appeal.write_to_embassies else []
            form = SendLetterForm.from_query(
                self.request.GET, embassies=embassies, write_to_embassies=appeal.write_to_embassies
            )
            context.update(
                letter_form=form,
                letter=compose_letter(appeal, **form.letter_details()),
                letter_country=form.chosen_country,
                other_country=OTHER_COUNTRY,
                mailto_max_length=MAILTO_MAX_LENGTH,
                letter_already_counted=has_recorded_letter(appeal, browser_memory(self.request)),
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        form = context.get("letter_form")
        if form is not None and form.has_personal_details:
            # A page with a supporter's name in it is theirs alone: no shared cache keeps it.
            patch_cache_control(response, private=True, no_store=True)
        return response


def browser_memory(request):
    """What the services read and write as "the session": here the browser's own cookie
    (appeals/cookies.py), so that no session is kept on the server for an anonymous visitor."""
    return {SENT_SESSION_KEY: letters_sent(request)}


@public_form
@require_POST
def letter_sent(request, slug):
    """The supporter's "I sent it": one more letter on the appeal's count, once per browser.
    Counted or over the limit for one address, the answer is the same."""
    appeal = get_object_or_404(Appeal.objects.published(), slug=slug)
    memory = browser_memory(request)
    result = record_letter_sent(appeal, memory, client_ip=client_ip(request))
    if result in (LetterSent.COUNTED, LetterSent.OVER_LIMIT):
        messages.success(request, _("Thank you for writing! Your letter has been added to the count."))
    elif result is LetterSent.ALREADY_COUNTED:
        messages.info(request, _("Your letter is already counted. Thank you!"))
    else:
        messages.info(
            request, _("This appeal is closed, so letters are no longer counted. Thank you all the same.")
        )
    response = redirect(f"{appeal.get_absolute_url()}#send-letter")
    if result in (LetterSent.COUNTED, LetterSent.OVER_LIMIT):
        remember_letters_sent(response, memory[SENT_SESSION_KEY])
    return response
