from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.models import Post, PostQuerySet

from .video_urls import VIMEO, YOUTUBE, embed_url, parse_video_url, watch_url

NOT_A_VIDEO_MESSAGE = _(
    "This is not the address of a YouTube or Vimeo video. Copy the address from the video's page, "
    "for example https://www.youtube.com/watch?v=… or https://vimeo.com/…"
)


class VideoPostManager(models.Manager.from_queryset(PostQuerySet)):
    pass


class VideoPost(Post):
    """A post built around one YouTube or Vimeo video.

    The post's image is the video's poster: it is what visitors see until they press
    play, so that nothing is requested from the provider before they choose to.
    """

    post_kind = "video"
    post_kind_label = _("Video")
    detail_url_name = "media_library:video_detail"
    player_template = "media_library/includes/player.html"

    class Provider(models.TextChoices):
        YOUTUBE = YOUTUBE, "YouTube"
        VIMEO = VIMEO, "Vimeo"

    video_url = models.URLField(
        _("video address"),
        max_length=300,
        help_text=_("The address of the video on YouTube or Vimeo, copied from the browser's address bar."),
    )
    provider = models.CharField(_("provider"), max_length=20, choices=Provider.choices, editable=False)
    provider_video_id = models.CharField(_("video id"), max_length=40, editable=False)
    privacy_hash = models.CharField(
        _("privacy hash"),
        max_length=40,
        blank=True,
        editable=False,
        help_text=_("Part of an unlisted Vimeo video's address: Vimeo plays the video only with it."),
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("For example 4:35 or 1:02:10.")
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("What is said in the video, for people who cannot listen to it. Shown under the player."),
    )

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
        if not self.video_url:
            return  # the field's own "required" or "invalid address" error says it already
        reference = parse_video_url(self.video_url)
        if reference is None:
            raise ValidationError({"video_url": ValidationError(NOT_A_VIDEO_MESSAGE, code="not_a_video")})
        self._take_reference(reference)

    def save(self, *args, **kwargs):
        # Always derived from the address: an address that is not a video leaves the
        # provider empty, which the database constraint refuses.
        self._take_reference(parse_video_url(self.video_url))
        super().save(*args, **kwargs)

    def _take_reference(self, reference):
        self.provider, self.provider_video_id, self.privacy_hash = (
            (reference.provider, reference.video_id, reference.privacy_hash) if reference else ("", "", "")
        )

    @property
    def embed_url(self):
        return embed_url(self.provider, self.provider_video_id, self.privacy_hash)

    @property
    def watch_url(self):
        return watch_url(self.provider, self.provider_video_id, self.privacy_hash)

    @property
    def duration_display(self):
        """The duration as people write it: "4:35", or "1:02:10" past the hour."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"

    @property
    def duration_iso(self):
        """The duration in ISO 8601 (PT4M35S), for the machine-readable <time datetime>."""
        if self.duration is None:
            return ""
        return f"PT{int(self.duration.total_seconds())}S"
