from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outbox.models import OutgoingEmail
from publishing.admin import PostLinkInline, PublishableAdmin, register_post_inline

from . import services, tasks
from .addresses import normalise_email
from .exports import signatures_csv_response
from .forms import PetitionAdminForm
from .models import Petition, Signature


def can_export_signatures(request):
    return request.user.has_perm("petitions.export_signatures")


@admin.register(Petition)
class PetitionAdmin(PublishableAdmin):
    """Editors write and run petitions here. Nothing on these pages shows a signer's data;
    campaign managers (with the export permission) also get the CSV export."""

    form = PetitionAdminForm
    list_display = [
        "title",
        "action_status",
        "status_label",
        "is_featured",
        "deadline",
        "confirmed_signatures",
        "goal",
    ]
    list_filter = ["action_status", "status", "is_featured"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["prisoners", "posts"]
    readonly_fields = ["confirmed_signatures", "closed_at", "widget_snippet"]
    actions = [*PublishableAdmin.actions, "feature", "export_signatures", "recount_signatures"]
    change_form_template = "admin/petitions/petition/change_form.html"
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "text", "addressee"]}),
        (
            _("Signing"),
            {
                "fields": [
                    "action_status",
                    "goal",
                    "deadline",
                    "closing_message",
                    "confirmed_signatures",
                    "closed_at",
                ],
                "description": _(
                    "Only open petitions before their deadline take signatures. Only confirmed "
                    "signatures are counted."
                ),
            },
        ),
        (
            _("On the site"),
            {
                "fields": [*PublishableAdmin.publishing_fields, "feature_in_sidebar", "prisoners", "posts"],
                "description": PublishableAdmin.publishing_help,
            },
        ),
        (
            _("Widget for partner sites"),
            {
                "fields": ["widget_snippet"],
                "description": _(
                    "Partner organisations can show this petition, with its count and signing form, on "
                    "their own pages. Which sites may do so is set in the site settings."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_signature_count()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Featuring goes through the service: it takes the place of the petition featured before.
        if form.cleaned_data.get("feature_in_sidebar") and not obj.is_featured:
            services.feature(obj)
        elif not form.cleaned_data.get("feature_in_sidebar") and obj.is_featured:
            services.stop_featuring(obj)

    @admin.action(
        description=_("Feature in the sidebar (in place of the one featured now)"), permissions=["change"]
    )
    def feature(self, request, queryset):
        chosen = queryset.order_by("-pk").first()
        if chosen is None:
            return
        services.feature(chosen)
        self.log_change(request, chosen, [{"changed": {"fields": ["is_featured"]}}])
        self.message_user(request, _("“%(title)s” is now featured in the sidebar.") % {"title": chosen.title})

    # Not named `signatures`: that is the relation to every signature, and the admin would sort
    # the list by it (one row per signature) instead of by this count.
    @admin.display(description=_("confirmed signatures"), ordering="signature_count")
    def confirmed_signatures(self, petition):
        return petition.confirmed_count if petition.pk else 0

    @admin.display(description=_("code to paste into a partner's page"))
    def widget_snippet(self, petition):
        """The iframe a partner pastes into their page (copy it from the box)."""
        if not petition.pk:
            return _("Save the petition first.")
        url = settings.SITE_URL + reverse("petitions:embed", kwargs={"slug": petition.slug})
        snippet = (
            f'<iframe src="{url}" title="{escape(petition.title)}" width="100%" height="640" '
            'style="border:0;max-width:480px" loading="lazy"></iframe>'
        )
        return format_html(
            '<textarea class="vLargeTextField" rows="3" readonly aria-label="{}">{}</textarea>'
            '<div class="help">{}</div>',
            _("Widget code"),
            snippet,
            _("Works without JavaScript; signers confirm by e-mail, as on this site."),
        )

    def has_export_permission(self, request):
        return can_export_signatures(request)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/export/",
                self.admin_site.admin_view(self.export_view),
                name="petitions_petition_export",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_export_signatures": can_export_signatures(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _export(self, request, petitions):
        for petition in petitions:
            self.log_change(request, petition, _("Exported the confirmed signatures as CSV."))
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        name = petitions[0].slug if len(petitions) == 1 else "petitions"
        return signatures_csv_response(
            [petition.pk for petition in petitions], f"signatures-{name}-{stamp}.csv"
        )

    def export_view(self, request, object_id):
        """The change page's "Export signatures" button: streams the CSV of one petition."""
        if not can_export_signatures(request):
            raise PermissionDenied
        petition = get_object_or_404(Petition, pk=object_id)
        return self._export(request, [petition])

    @admin.action(description=_("Export confirmed signatures as CSV"), permissions=["export"])
    def export_signatures(self, request, queryset):
        return self._export(request, list(queryset.order_by("pk")))

    @admin.action(description=_("Recount signatures exactly (in the background)"), permissions=["change"])
    def recount_signatures(self, request, queryset):
        petition_ids = list(queryset.values_list("pk", flat=True))
        for petition_id in petition_ids:
            tasks.reconcile_counts.enqueue(petition_id)
        self.message_user(
            request,
            ngettext(
                "%d petition will be recounted in a moment.",
                "%d petitions will be recounted in a moment.",
                len(petition_ids),
            )
            % len(petition_ids),
            messages.SUCCESS,
        )


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    """Signers' personal data, for campaign managers (the "view signature" permission).

    What the privacy notice says managers see, and all they can reach, through the list, its
    search and filters and the detail pages alike: confirmed signatures, with a signer's e-mail
    address only if they asked to be kept informed, and signatures held back for review without
    the signer's name, address, city or comment. Never a plain unconfirmed signature.
    Superusers, who run the site, see everything.

    Read-only: signatures change only through petitions.services, so counts stay exact.
    """

    list_display = [
        "name",
        "email",
        "country",
        "petition",
        "status",
        "flag_reason",
        "created_at",
        "confirmed_at",
    ]
    managers_list_display = [
        "name_if_confirmed",
        "email_if_consented",
        "country",
        "petition",
        "status",
        "flag_reason",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["status", "flag_reason", "wants_updates", "show_name_publicly", "petition"]
    list_select_related = ["petition"]
    search_fields = ["=email_normalised", "last_name", "first_name"]
    show_full_result_count = False
    actions = ["accept_flagged"]
    fields = [
        "petition",
        "first_name",
        "last_name",
        "email",
        "country",
        "city_or_postcode",
        "comment",
        "show_name_publicly",
        "wants_updates",
        "status",
        "flag_reason",
        "created_at",
        "confirmed_at",
        "anonymised_at",
    ]
    readonly_fields = fields
    # Shown to managers only on a confirmed signature; the e-mail address only with consent.
    personal_fields = ["first_name", "last_name", "email", "city_or_postcode", "comment"]

    @staticmethod
    def sees_everything(request):
        return request.user.is_active and request.user.is_superuser

    def get_queryset(self, request):
        signatures = super().get_queryset(request)
        return signatures if self.sees_everything(request) else signatures.seen_by_managers()

    def get_list_display(self, request):
        return self.list_display if self.sees_everything(request) else self.managers_list_display

    def get_fields(self, request, obj=None):
        if self.sees_everything(request) or obj is None:
            return self.fields
        hidden = set(self.personal_fields) if not obj.is_confirmed else set()
        if not obj.wants_updates:
            hidden.add("email")
        return [name for name in self.fields if name not in hidden]

    @admin.display(description=_("signer"), ordering="last_name")
    def name(self, signature):
        return signature.full_name or "—"

    @admin.display(description=_("signer"))
    def name_if_confirmed(self, signature):
        if not signature.is_confirmed:
            return _("(held for review: not shown)")
        return signature.full_name or "—"

    @admin.display(description=_("e-mail address"))
    def email_if_consented(self, signature):
        return signature.email if signature.is_confirmed and signature.wants_updates else "—"

    def get_search_results(self, request, queryset, search_term):
        # A manager's search reaches only what they may see in full: the confirmed signatures.
        # Anyone may still find one by the exact address its signer gives (an erasure request).
        if search_term.strip() and not self.sees_everything(request):
            queryset = queryset.confirmed()
        if "@" in search_term:
            return queryset.filter(email_normalised=normalise_email(search_term)), False
        return super().get_search_results(request, queryset, search_term)

    def lookup_allowed(self, lookup, value, request):
        # Only the list's own filters. Django also allows any lookup on the model's own fields
        # (?email_normalised__startswith=a), which would read hidden addresses a letter at a time.
        return lookup in {
            f"{name}__{suffix}" for name in self.list_filter for suffix in ("exact", "isnull", "id__exact")
        }

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("petitions.review_signatures")

    # Deleting (a signer's erasure request, or a flood held for review) goes through the
    # service, so that the counts stay exact.
    def delete_model(self, request, obj):
        services.erase_signatures(Signature.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        services.erase_signatures(queryset)

    def get_deleted_objects(self, objs, request):
        """The e-mails sent to a signer go with their signature (the outbox's rule, whoever
        deletes): deleting needs no permission on the outbox, which only superusers see."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        outbox_label = str(OutgoingEmail._meta.verbose_name)
        perms_needed = {label for label in perms_needed if str(label) != outbox_label}
        return deleted, model_count, perms_needed, protected

    @admin.action(description=_("Count selected flagged signatures (judged genuine)"), permissions=["review"])
    def accept_flagged(self, request, queryset):
        flagged = list(queryset.flagged())
        accepted = services.accept_flagged(Signature.objects.filter(pk__in=[item.pk for item in flagged]))
        for signature in flagged:
            self.log_change(
                request, signature, _("Judged genuine: counted, or sent its confirmation e-mail.")
            )
        self.message_user(
            request,
            ngettext("%d signature accepted.", "%d signatures accepted.", accepted) % accepted,
            messages.SUCCESS,
        )


@register_post_inline
class PetitionsOfPostInline(PostLinkInline):
    """On every post's form: the petitions the post asks its readers to sign."""

    model = Petition.posts.through
    autocomplete_fields = ["petition"]
    verbose_name = _("petition to sign")
    verbose_name_plural = _("petitions to sign")
