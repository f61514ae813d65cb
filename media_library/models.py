from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.models import Post, PostQuerySet

from .video_urls import VIMEO, YOUTUBE, embed_url, parse_video_url, watch_url


class VideoPostManager(models.Manager.from_queryset(PostQuerySet)):
    pass


class VideoPost(Post):
    """A post built around one YouTube or Vimeo video.

    The post's image is the video's poster: it is what visitors see until they press
    play, so that nothing is requested from the provider before they choose to.
    """

    class Provider(models.TextChoices):
        YOUTUBE = YOUTUBE, "YouTube"
        VIMEO = VIMEO, "Vimeo"

    video_url = models.URLField(
        _("video address"), max_length=300, help_text=_("The YouTube or Vimeo address of the video.")
    )
    provider = models.CharField(_("provider"), max_length=20, choices=Provider.choices, editable=False)
    provider_video_id = models.CharField(_("video id"), max_length=40, editable=False)
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("For example 4:35 or 1:02:10.")
    )
    transcript = models.TextField(_("transcript"), blank=True)

    objects = VideoPostManager()

    class Meta:
        verbose_name = _("video post")
        verbose_name_plural = _("video posts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(provider__in=[YOUTUBE, VIMEO]), name="videopost_known_provider"
            ),
        ]

    def clean(self):
        super().clean()
        reference = parse_video_url(self.video_url)
        if reference is None:
            raise ValidationError(
                {
                    "video_url": _(
                        "Enter the address of a YouTube or Vimeo video, for example https://youtu.be/…"
                    )
                }
            )
        self.provider, self.provider_video_id = reference.provider, reference.video_id

    def save(self, *args, **kwargs):
        self.kind = Post.Kind.VIDEO
        reference = parse_video_url(self.video_url)
        if reference is not None:
            self.provider, self.provider_video_id = reference.provider, reference.video_id
        super().save(*args, **kwargs)

    @property
    def embed_url(self):
        return embed_url(self.provider, self.provider_video_id)

    @property
    def watch_url(self):
        return watch_url(self.provider, self.provider_video_id)
