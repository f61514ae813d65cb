"""Old addresses that lead to new ones: redirects kept in the database, edited in the admin.

Links to a page live on in other sites, e-mails, feed readers and search engines. When a page
moves (an import from the old WordPress site, an editor changing a slug) its old address is
kept here, and a visitor who follows it gets a permanent redirect in one request: the request
handling (campaign/redirects.py) looks the address up with one indexed query, and only for
addresses nothing else answers.

Every address is stored as a *key* (`redirect_key`): decoded, lower case, without the
trailing slash, so that `/Index.php/2013/06/28/Slug/` and `/index.php/2013/06/28/slug` are one
address. WordPress's numeric addresses (`/?p=123`, `/?page_id=7`, `/?cat=3`) are keys of their
own (`?p=123`), whatever path they came on.

Redirects never loop and never chain: adding old → new first points every redirect that led to
`old` at `new`, and drops a redirect *from* `new` (that address is alive again).
"""

import copy
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

# WordPress's addresses by number, in the order they are tried when several are given.
NUMBERED_ADDRESSES = ("p", "page_id", "attachment_id", "cat", "tag", "author")
MAX_ADDRESS_LENGTH = 500


def redirect_key(address):
    """The form an address is stored and looked up in (see the module's docstring).

    Takes a path (`/index.php/2013/06/28/slug/`), a path with a query (`/?p=123`) or a full
    address (`http://old.example.org/?p=123`); only the path and WordPress's numbered query
    parameters count.
    """
    parts = urlsplit((address or "").strip())
    path = unquote(parts.path).lower()
    while "//" in path:
        path = path.replace("//", "/")
    path = "/" + path.strip("/") if path.strip("/") else "/"
    if path in ("/", "/index.php"):
        numbered = dict(parse_qsl(parts.query))
        for name in NUMBERED_ADDRESSES:
            value = numbered.get(name, "").strip().lower()
            if value:
                return f"?{name}={value}"
    return path


def query_keys(query_dict):
    """The numbered-address keys a request's query (a QueryDict or dict) carries, in order."""
    return [
        f"?{name}={query_dict[name].strip().lower()}" for name in NUMBERED_ADDRESSES if query_dict.get(name)
    ]


class RedirectQuerySet(models.QuerySet):
    def target_for(self, keys):
        """Where the first of `keys` that has a redirect leads, or None: one indexed query."""
        found = dict(self.filter(old_path__in=keys).values_list("old_path", "new_path"))
        return next((found[key] for key in keys if key in found), None)

    @transaction.atomic
    def add(self, old, new, *, source, note=""):
        """Make `old` lead to `new` and return the redirect (None when they are the same address).

        Idempotent: adding the same pair again changes nothing. Redirects that led to `old` now
        lead to `new` (never a chain of two), a redirect from `new` is removed (never a loop),
        and an existing redirect from `old` is pointed at `new`.
        """
        old_key = redirect_key(old)
        if old_key == redirect_key(new):
            return None
        self.filter(old_path=redirect_key(new)).delete()
        self.filter(new_path=old).update(new_path=new)
        redirect, created = self.get_or_create(
            old_path=old_key, defaults={"new_path": new, "source": source, "note": note}
        )
        if not created and redirect.new_path != new:
            redirect.new_path = new
            redirect.save(update_fields=["new_path", "updated_at"])
        return redirect


class Redirect(models.Model):
    """An old address and the address it now leads to."""

    class Source(models.TextChoices):
        EDITOR = "editor", _("Added by an editor")
        SLUG_CHANGE = "slug", _("Address changed in the admin")
        IMPORT = "import", _("WordPress import")

    old_path = models.CharField(
        _("old address"),
        max_length=MAX_ADDRESS_LENGTH,
        unique=True,
        help_text=_(
            "The address that should keep working, as it appears after the site's name: "
            "/index.php/2013/06/28/old-title/ or /?p=123. Case and the last slash do not matter."
        ),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=MAX_ADDRESS_LENGTH,
        help_text=_("Where visitors go instead: an address on this site such as /posts/new-title/."),
    )
    source = models.CharField(_("made by"), max_length=20, choices=Source.choices, default=Source.EDITOR)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(old_path=models.F("new_path")), name="redirect_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        super().clean()
        self.old_path = redirect_key(self.old_path)
        self.new_path = (self.new_path or "").strip()
        if not self.new_path.startswith("/") or self.new_path.startswith("//"):
            raise ValidationError(
                {"new_path": _("Give an address on this site, starting with a slash: /posts/new-title/.")}
            )
        new_key = redirect_key(self.new_path)
        if new_key == self.old_path:
            raise ValidationError(
                {"new_path": _("The new address is the old one: visitors would go round in a circle.")}
            )
        onward = Redirect.objects.exclude(pk=self.pk).filter(old_path=new_key).first()
        if onward is not None:
            if redirect_key(onward.new_path) == self.old_path:
                message = _("%(new)s already leads back to %(old)s: visitors would go round in a circle.")
            else:
                message = _(
                    "%(new)s is itself redirected (to %(onward)s): give the final address, so that "
                    "visitors arrive in one step."
                )
            raise ValidationError(
                {
                    "new_path": ValidationError(
                        message,
                        params={"new": self.new_path, "old": self.old_path, "onward": onward.new_path},
                    )
                }
            )


class KeepsOldAddresses(models.Model):
    """Something with a page whose address is made from its slug: when an editor changes the
    slug of a public one, its old address is kept as a redirect to the new one."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_slug = instance.__dict__.get("slug")
        return instance

    def was_public(self):
        """Whether the old address may have been seen; content with a status only when published."""
        status = getattr(self, "status", None)
        return status is None or status == "published"

    def save(self, *args, **kwargs):
        stored_slug = getattr(self, "_stored_slug", None)
        super().save(*args, **kwargs)
        if stored_slug and stored_slug != self.slug and self.was_public():
            before = copy.copy(self)
            before.slug = stored_slug
            Redirect.objects.add(
                before.get_absolute_url(), self.get_absolute_url(), source=Redirect.Source.SLUG_CHANGE
            )
        self._stored_slug = self.slug
