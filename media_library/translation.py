"""Video posts in Russian and Kazakh: the post fields (inherited from publishing's Post) and
the transcript."""

from modeltranslation.translator import TranslationOptions, register

from .models import VideoPost


@register(VideoPost)
class VideoPostTranslation(TranslationOptions):
    fields = ("transcript",)
