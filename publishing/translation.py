"""What editors can write in Russian and Kazakh (django-modeltranslation): every field a
visitor reads. Each listed field gets a column per language on the same table (title_en,
title_ru, title_kk), so pages read a translation with the same queries as before.

Apps register their own models' fields in their own translation.py; kinds of post inherit
these (a kind must be registered after Post, which INSTALLED_APPS' order ensures).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, Category, Page, Post, SiteSettings, Tag


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "standfirst", "body", "image_caption")


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ()


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "standfirst", "body")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name", "description")


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("tagline", "introduction", "footer_text")
