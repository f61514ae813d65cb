from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CategoryQuerySet(models.QuerySet):
    def in_navigation(self):
        return self.filter(show_in_navigation=True)


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    navigation_order = models.PositiveSmallIntegerField(
        _("order in navigation"), default=0, help_text=_("Lower numbers come first.")
    )
    show_in_navigation = models.BooleanField(_("show in navigation"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["navigation_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("category", kwargs={"slug": self.slug})
