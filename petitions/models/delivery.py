"""Hand-ins: when a petition was delivered, to whom and where, and what came back."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.models import ImageWithAltText
from publishing.validators import validate_one_line, validate_plain_text

from ..documents import DocumentField


class DeliveryQuerySet(models.QuerySet):
    def for_page(self):
        """With their photos, in two queries whatever their number."""
        return self.prefetch_related("photos")


class Delivery(models.Model):
    """One hand-in of a petition, as its public delivery log shows it."""

    document_folder = "deliveries/responses"

    petition = models.ForeignKey(
        "petitions.Petition", on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("petition")
    )
    delivered_on = models.DateField(_("handed in on"))
    recipient = models.CharField(
        _("handed to"),
        max_length=300,
        validators=[validate_one_line],
        help_text=_("Who received it, e.g. 'The Ambassador of Kazakhstan in Berlin'."),
    )
    place = models.CharField(_("where"), max_length=300, blank=True, validators=[validate_one_line])
    signatures_handed_in = models.PositiveIntegerField(_("signatures handed in"))
    response = models.TextField(
        _("response received"),
        blank=True,
        validators=[validate_plain_text],
        help_text=_("What they answered, if anything. Shown on the petition page."),
    )
    response_document = DocumentField(
        _("response (document)"),
        blank=True,
        help_text=_("Their written answer: a PDF, a Word document (.docx) or a photo of it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-delivered_on", "-id"]
        verbose_name = _("hand-in")
        verbose_name_plural = _("hand-ins")

    def __str__(self):
        return f"{self.petition} → {self.recipient} ({self.delivered_on:%Y-%m-%d})"

    def get_absolute_url(self):
        return f"{self.petition.get_absolute_url()}#hand-in-{self.pk}"

    @property
    def response_document_kind(self):
        """ "PDF", "DOCX", "JPG"...: what a visitor will open."""
        return self.response_document.name.rsplit(".", 1)[-1].upper() if self.response_document else ""


class DeliveryPhoto(ImageWithAltText):
    """A photo of a hand-in, never without its description."""

    image_folder = "deliveries"

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="photos")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta(ImageWithAltText.Meta):
        ordering = ["position", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            *ImageWithAltText.Meta.constraints,
            models.CheckConstraint(condition=~models.Q(image=""), name="delivery_photo_has_image"),
        ]

    def __str__(self):
        return self.image_alt or str(self.pk)

    def clean(self):
        super().clean()
        if not self.image:
            raise ValidationError({"image": _("Choose the photo to upload.")})
