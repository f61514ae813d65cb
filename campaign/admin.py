from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article, Category, Post
from .widgets import RichTextWidget


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "navigation_order", "show_in_navigation"]
    list_editable = ["navigation_order", "show_in_navigation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PostAdminBase(admin.ModelAdmin):
    """What every kind of post shares in the admin; each app's admin extends it."""

    list_display = ["title", "kind", "status_label", "published_at", "category_list"]
    list_filter = ["status", "categories", "published_at"]
    search_fields = ["title", "standfirst", "body", "byline"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["categories", "prisoners", "featured_video", "petition"]
    actions = ["publish", "unpublish"]
    list_select_related = ["author"]
    save_on_top = True
    publishing_fieldset = (
        _("Publishing"),
        {
            "fields": ["status", "published_at", "slug", "categories"],
            "description": _(
                "Published posts appear on the site from their publish date; a date in the future "
                "schedules them. Drafts are visible only to editors (use 'View on site' to preview)."
            ),
        },
    )
    content_fieldset = (None, {"fields": ["title", "standfirst", "byline", "body"]})
    image_fieldset = (_("Image"), {"fields": ["image", "image_alt", "image_caption"]})
    links_fieldset = (
        _("Linked content"),
        {"fields": ["featured_video", "prisoners", "petition"], "classes": ["collapse"]},
    )

    def get_fieldsets(self, request, obj=None):
        return [self.content_fieldset, self.publishing_fieldset, self.image_fieldset, self.links_fieldset]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["widget"] = RichTextWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # A published address is shared and linked to: it must not change under readers.
        if obj is not None and obj.status == Post.Status.PUBLISHED:
            return ["slug"]
        return []

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.status == Post.Status.PUBLISHED:
            return {}
        return self.prepopulated_fields

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, post):
        if post.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Scheduled"),
                timezone.localtime(post.published_at).strftime("%d %b %H:%M"),
            )
        return post.get_status_display()

    @admin.display(description=_("categories"))
    def category_list(self, post):
        return ", ".join(category.name for category in post.categories.all())

    @admin.action(description=_("Publish selected posts"), permissions=["change"])
    def publish(self, request, queryset):
        changed = 0
        for post in queryset.exclude(status=Post.Status.PUBLISHED):
            post.status = Post.Status.PUBLISHED
            post.save(update_fields=["status", "updated_at"])
            self.log_change(request, post, [{"changed": {"fields": ["status"]}}])
            changed += 1
        self.message_user(
            request,
            ngettext("%d post published.", "%d posts published.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected posts (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        changed = 0
        for post in queryset.filter(status=Post.Status.PUBLISHED):
            post.status = Post.Status.DRAFT
            post.save(update_fields=["status", "updated_at"])
            self.log_change(request, post, [{"changed": {"fields": ["status"]}}])
            changed += 1
        self.message_user(
            request,
            ngettext("%d post unpublished.", "%d posts unpublished.", changed) % changed,
            messages.SUCCESS,
        )


@admin.register(Article)
class ArticleAdmin(PostAdminBase):
    list_display = ["title", "status_label", "published_at", "byline", "category_list"]


@admin.register(Post)
class PostAdmin(PostAdminBase):
    """All posts of every kind in one list; each row opens the kind's own form."""

    list_filter = ["kind", "status", "categories", "published_at"]

    def has_add_permission(self, request):
        return False  # new posts are added as an article, appeal or video post
