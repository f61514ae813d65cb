"""The assembly's own records: what the WordPress import made, by WordPress ID, so that a later
import finds it again (campaign/wordpress/)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One WordPress item (post, page, attachment, category, tag, author) and what it became here.

    `source_hash` fingerprints the item as the export gave it: an unchanged item is skipped.
    `local_hash` fingerprints what the import stored: if the object differs from it now, an
    editor has changed it since, and a newer export does not overwrite their work.
    """

    source = models.CharField(_("WordPress site"), max_length=300)
    wp_type = models.CharField(_("WordPress type"), max_length=30)
    # A number, a slug or login, or (for an image used in a body but not exported) its upload path.
    wp_id = models.CharField(_("WordPress ID"), max_length=400)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    source_hash = models.CharField(max_length=64)
    local_hash = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "wp_type", "wp_id"], name="wordpress_item_once_per_site"
            ),
        ]

    def __str__(self):
        return f"{self.wp_type} {self.wp_id} ({self.source})"
