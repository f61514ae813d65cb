import copy

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin, TranslationTabularInline

from .forms import KeepsUploadsForm
from .languages import missing_translations
from .models import Article, Author, Category, Page, Post, Redirect, SiteSettings, Tag
from .redirects import KeepsOldAddresses

# Inlines that apps higher up add to every post's form (the prisoners a post is about, the
# petitions it supports): the links are stored in their tables, so they register them here.
_post_inlines = []


def register_post_inline(inline_class):
    """Add `inline_class` (a PostLinkInline) to the form of every kind of post."""
    if inline_class not in _post_inlines:
        _post_inlines.append(inline_class)
    return inline_class


class PostLinkInline(admin.TabularInline):
    """Rows of a link table between posts and another app's items (its `through` model), on
    every post's form: one autocomplete per linked item. Subclasses name the model and the
    field to pick with (`autocomplete_fields`)."""

    fk_name = "post"
    extra = 0


class TranslationMissingFilter(admin.SimpleListFilter):
    """Items whose main field (title, name) has no version in a language yet."""

    title = _("translation")
    parameter_name = "untranslated"

    def lookups(self, request, model_admin):
        return [
            (code, _("Not translated into %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
            if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        ]

    def queryset(self, request, queryset):
        codes = [code for code, _name in settings.LANGUAGES]
        if self.value() not in codes:
            return queryset
        column = f"{self.model_admin_key_field}_{self.value()}"
        return queryset.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""}))

    def __init__(self, request, params, model, model_admin):
        self.model_admin_key_field = model_admin.translation_key_field
        super().__init__(request, params, model, model_admin)


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """The admin of anything editors translate (django-modeltranslation): each translated field
    as one tab per language (English, Русский, Қазақша), a list column naming the languages an
    item still lacks and a filter for them.

    Admins that build their fieldsets in code name the fields as the model does ("title") in
    `get_untranslated_fieldsets`; they are given here the tabs' fields (title_en, title_ru...).
    """

    # The field whose translation decides whether an item counts as translated in the filter.
    translation_key_field = "title"

    def get_untranslated_fieldsets(self, request, obj=None):
        return None

    def get_fieldsets(self, request, obj=None):
        declared = self.get_untranslated_fieldsets(request, obj)
        if declared is None:
            return super().get_fieldsets(request, obj)
        # Copied: the patch rewrites the field lists in place, and these are class attributes.
        return self._patch_fieldsets(copy.deepcopy(declared))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_translations_label"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationMissingFilter]

    @admin.display(description=_("translation missing"))
    def missing_translations_label(self, item):
        names = dict(settings.LANGUAGES)
        return ", ".join(names[code] for code in missing_translations(item)) or "–"


class TranslatedTabularInline(TranslationTabularInline):
    """Rows of a translated model on another's form (a prisoner's timeline)."""


class PublishableAdmin(TranslatedAdmin):
    """What the admin of anything that is published shares (posts, prisoner profiles, petitions):
    the status with its schedule, publish and unpublish actions, and an address that stays
    fixed once published."""

    actions = ["publish", "unpublish"]
    form = KeepsUploadsForm  # a validation error elsewhere never loses an uploaded image
    publishing_fields = ["status", "published_at"]
    publishing_help = _(
        "Published items appear on the site from their publish date; a date in the future schedules "
        "them. Drafts are visible only to editors (use 'View on site' to preview)."
    )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # A published address is shared and linked to: it may change only where the old one
        # is kept as a redirect (KeepsOldAddresses).
        if (
            obj is not None
            and obj.status == obj.Status.PUBLISHED
            and not isinstance(obj, KeepsOldAddresses)
            and "slug" not in readonly
        ):
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        # Retyping the title of a published item must not move its address by itself.
        if obj is not None and obj.status == obj.Status.PUBLISHED:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if hasattr(form, "discard_kept_uploads"):
            form.discard_kept_uploads()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and issubclass(self.model, KeepsOldAddresses):
            field.help_text = _(
                "The end of the page's address. Changing it keeps the old address working: a redirect "
                "to the new one is added by itself (see Redirects)."
            )
        return field

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, item):
        if item.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Scheduled"),
                date_format(timezone.localtime(item.published_at), "DATETIME_FORMAT"),
            )
        return item.get_status_display()

    def _change_status(self, request, queryset, status):
        changed = 0
        for item in queryset.exclude(status=status):
            item.status = status
            item.save()
            self.log_change(request, item, [{"changed": {"fields": ["status"]}}])
            changed += 1
        return changed

    @admin.action(description=_("Publish selected %(verbose_name_plural)s"), permissions=["change"])
    def publish(self, request, queryset):
        changed = self._change_status(request, queryset, queryset.model.Status.PUBLISHED)
        message = ngettext("%(count)d item published.", "%(count)d items published.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        changed = self._change_status(request, queryset, queryset.model.Status.DRAFT)
        message = ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    translation_key_field = "name"

    list_display = ["name", "slug", "parent", "navigation_order", "show_in_navigation"]
    list_editable = ["navigation_order", "show_in_navigation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Tag)
class TagAdmin(TranslatedAdmin):
    translation_key_field = "name"

    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    """The people posts are credited to: names on bylines with a page of their posts, not accounts."""

    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    """Static pages, and their place in the header or footer navigation."""

    list_display = ["title", "status_label", "navigation", "navigation_order", "slug"]
    list_editable = ["navigation", "navigation_order"]
    list_filter = ["status", "navigation"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "standfirst", "body"]}),
        (
            _("Publishing"),
            {
                "fields": ["status", "published_at", "slug", "navigation", "navigation_order"],
                "description": PublishableAdmin.publishing_help,
            },
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
    ]


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses that keep working. Added by the WordPress import, by changing a slug, or here
    when an editor moves something by hand."""

    list_display = ["old_path", "new_path", "source", "updated_at"]
    list_filter = ["source"]
    search_fields = ["old_path", "new_path", "note"]
    fields = ["old_path", "new_path", "note", "source"]
    readonly_fields = ["source"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Whatever led to the old address now leads straight to the new one: one hop, never two.
        Redirect.objects.exclude(pk=obj.pk).filter(new_path__in=[obj.old_path, f"{obj.old_path}/"]).update(
            new_path=obj.new_path
        )


class PostKindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind, model.post_kind_label) for kind, model in sorted(Post.kinds().items())]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class PostAdminBase(PublishableAdmin):
    """What every kind of post shares in the admin; each app's admin extends it."""

    list_display = ["title", "kind_label", "status_label", "published_at", "category_list"]
    list_filter = ["status", "categories", "published_at"]
    search_fields = ["title", "standfirst", "body", "byline"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "tags", "writer", "featured_video"]
    list_select_related = ["author"]
    save_on_top = True
    content_fieldset = (None, {"fields": ["title", "standfirst", "byline", "writer", "body"]})
    image_fieldset = (_("Image"), {"fields": ["image", "image_alt", "image_caption"]})
    links_fieldset = (_("Linked content"), {"fields": ["featured_video"], "classes": ["collapse"]})

    @property
    def publishing_fieldset(self):
        return (
            _("Publishing"),
            {
                "fields": [*self.publishing_fields, "is_featured", "slug", "categories", "tags"],
                "description": self.publishing_help,
            },
        )

    def get_untranslated_fieldsets(self, request, obj=None):
        return [self.content_fieldset, self.publishing_fieldset, self.image_fieldset, self.links_fieldset]

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *_post_inlines]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("kind"), ordering="kind")
    def kind_label(self, post):
        return post.kind_label

    @admin.display(description=_("categories"))
    def category_list(self, post):
        return ", ".join(category.name for category in post.categories.all())


@admin.register(Article)
class ArticleAdmin(PostAdminBase):
    list_display = ["title", "status_label", "published_at", "byline", "category_list"]


@admin.register(Post)
class PostAdmin(PostAdminBase):
    """All posts of every kind in one list; each row opens the kind's own form."""

    list_filter = [PostKindFilter, "status", "categories", "published_at"]

    def has_add_permission(self, request):
        return False  # new posts are added as an article, appeal or video post


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedDjangoJqueryTranslationAdmin):
    """The campaign's name and the sentences that present it, and who answers for supporters'
    data on the privacy notice: one row, never added or deleted."""

    fieldsets = [
        (None, {"fields": ["name", "tagline", "introduction", "footer_text"]}),
        (_("Home page"), {"fields": ["featured_post", "featured_video"]}),
        (_("Petition widget for partner sites"), {"fields": ["widget_allowed_origins"]}),
        (
            _("Privacy notice"),
            {
                "fields": ["data_controller", "data_controller_address", "privacy_contact_email"],
                "description": _(
                    "The privacy notice names who is responsible for supporters' data and where to "
                    "write about it. Until these are filled in, it says that they are not stated yet."
                ),
            },
        ),
    ]
    autocomplete_fields = ["featured_post", "featured_video"]

    def has_add_permission(self, request):
        return False  # the one row is made by the migration that made the table

    def has_delete_permission(self, request, obj=None):
        return False
