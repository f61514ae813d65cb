"""Realistic objects in one line each, for every model the tests need. The one place tests build data.

Every builder makes a published, ready-to-show object unless told otherwise, with a fresh
slug or address each call; any field may be given as a keyword.
"""

from datetime import timedelta
from io import BytesIO
from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from appeals.models import Appeal, Recipient
from media_library.models import VideoPost
from petitions import services
from petitions.models import Petition, Signature
from prisoners.models import Prisoner, PrisonerEvent
from publishing.models import Article, Author, Category, Page, Publishable, Tag
from publishing.roles import EDITORS, MANAGERS

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT
PASSWORD = "correct horse battery staple"

_sequence = count(1)


def _next():
    return next(_sequence)


def _ago(days=0, hours=0):
    return timezone.now() - timedelta(days=days, hours=hours)


# --- People who work on the site ------------------------------------------------


def staff_user(username=None, *, groups=(), password=PASSWORD, **fields):
    """A staff account in the given admin groups (the groups get their permissions first)."""
    if groups:
        call_command("setup_groups", verbosity=0)
    user = get_user_model().objects.create_user(
        username or f"staff{_next()}", password=password, is_staff=True, **fields
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def editor(username=None, **fields):
    return staff_user(username or f"editor{_next()}", groups=[EDITORS], **fields)


def manager(username=None, **fields):
    return staff_user(username or f"manager{_next()}", groups=[MANAGERS], **fields)


def superuser(username=None, password=PASSWORD):
    username = username or f"admin{_next()}"
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", password)


# --- Images ---------------------------------------------------------------------


def image_upload(name="photo.jpg", size=(320, 180), colour="#9b1c1c", image_format="JPEG", **save_options):
    """A small real image, as an editor's upload."""
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


# --- Publishing -------------------------------------------------------------------


def category(name="Appeals", slug=None, **fields):
    return Category.objects.get_or_create(
        slug=slug or name.lower().replace(" ", "-"), defaults={"name": name, **fields}
    )[0]


def tag(name="Zhanaozen", slug=None, **fields):
    return Tag.objects.get_or_create(
        slug=slug or name.lower().replace(" ", "-"), defaults={"name": name, **fields}
    )[0]


def author(name="Aigerim Bekova", slug=None, **fields):
    return Author.objects.get_or_create(
        slug=slug or name.lower().replace(" ", "-"), defaults={"name": name, **fields}
    )[0]


def page(title="About us", slug=None, **fields):
    """A published static page."""
    return Page.objects.create(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        status=fields.pop("status", PUBLISHED),
        published_at=fields.pop("published_at", None) or _ago(hours=1),
        body=fields.pop("body", "<p>We are a solidarity campaign.</p>"),
        **fields,
    )


def _post_fields(model, title, fields, days_ago):
    number = _next()
    return {
        "title": title or f"Workers in Zhezkazgan protest, report {number}",
        "slug": fields.pop("slug", None) or f"{model.post_kind}-{number}",
        "status": fields.pop("status", PUBLISHED),
        "published_at": fields.pop("published_at", None) or _ago(days=days_ago),
        "standfirst": fields.pop("standfirst", "Hundreds gathered outside the foundry."),
        "body": fields.pop("body", "<p>The workers demand nationalisation.</p>"),
        **fields,
    }


def _linked(post, categories=(), prisoners=()):
    post.categories.set(categories)
    post.prisoners.set(prisoners)
    return post


def article(title=None, *, categories=(), prisoners=(), days_ago=1, **fields):
    return _linked(
        Article.objects.create(**_post_fields(Article, title, fields, days_ago)), categories, prisoners
    )


def video_post(title=None, *, categories=(), prisoners=(), days_ago=1, **fields):
    """A published video post with a poster."""
    fields.setdefault("video_url", "https://youtu.be/dQw4w9WgXcQ")
    fields.setdefault("standfirst", "Hundreds of miners in Limpopo backed a message of support.")
    fields.setdefault("image", image_upload("poster.jpg"))
    fields.setdefault("image_alt", "Miners raise their hands in a packed hall")
    post = VideoPost.objects.create(**_post_fields(VideoPost, title, fields, days_ago))
    return _linked(post, categories, prisoners)


LETTER_BODY = (
    "I am writing to protest against the closure of the KazakhMys plants in Zhezkazgan.\n\n"
    "I support the workers' demand that the plants be nationalised."
)


def appeal(title=None, *, addressees=(), categories=(), prisoners=(), days_ago=1, **fields):
    """A published, open appeal with a model letter."""
    fields.setdefault("standfirst", "Send the model letter to the embassy in your country.")
    fields.setdefault("letter_subject", "Protest: no closure of the KazakhMys plants")
    fields.setdefault("letter_salutation", "Dear Sir or Madam,")
    fields.setdefault("letter_body", LETTER_BODY)
    title = title or f"No closure in Zhezkazgan, appeal {_next()}"
    new = Appeal.objects.create(**_post_fields(Appeal, title, fields, days_ago))
    new.addressees.set(addressees)
    return _linked(new, categories, prisoners)


# --- Appeals' recipients ----------------------------------------------------------


def embassy(code="DE", name=None, **fields):
    return Recipient.objects.create(
        kind=Recipient.Kind.EMBASSY,
        country=code,
        name=name or f"Embassy of Kazakhstan ({code})",
        postal_address=fields.pop("postal_address", f"1 Example Street\nCapital of {code}"),
        email=fields.pop("email", f"embassy-{code.lower()}@example.org"),
        salutation=fields.pop("salutation", "Your Excellency,"),
        is_example=fields.pop("is_example", True),
        **fields,
    )


def central_addressee(name="Presidential Administration of the Republic of Kazakhstan", **fields):
    return Recipient.objects.create(
        kind=Recipient.Kind.CENTRAL,
        name=name,
        postal_address=fields.pop("postal_address", "1 Example Avenue\nAstana\nKazakhstan"),
        email=fields.pop("email", "presidential-administration@example.org"),
        **fields,
    )


# --- Prisoners ------------------------------------------------------------------------


def prisoner(name="Roza Tuleteva", **fields):
    """A published prisoner profile."""
    return Prisoner.objects.create(
        name=name,
        slug=fields.pop("slug", None) or f"prisoner-{_next()}",
        status=fields.pop("status", PUBLISHED),
        published_at=fields.pop("published_at", None) or _ago(hours=1),
        situation=fields.pop("situation", Prisoner.Situation.SENTENCED),
        summary=fields.pop("summary", "Oil worker jailed after the Zhanaozen strike."),
        **fields,
    )


def timeline_event(prisoner, title="Arrested in Zhanaozen", date=None, **fields):
    return PrisonerEvent.objects.create(
        prisoner=prisoner, title=title, date=date or timezone.localdate() - timedelta(days=400), **fields
    )


# --- Petitions and signatures ------------------------------------------------------------


def petition(**fields):
    """A published petition open for signatures; any field may be given."""
    number = _next()
    defaults = {
        "title": f"Free the Zhanaozen oil workers, appeal {number}",
        "slug": f"free-the-oil-workers-{number}",
        "summary": "Release the strikers jailed after December 2011.",
        "text": "<p>We call for the release of the striking oil workers.</p>",
        "addressee": "The President of the Republic of Kazakhstan",
        "goal": 1000,
        "status": PUBLISHED,
        "published_at": _ago(hours=1),
    }
    featured = fields.pop("is_featured", False)
    new = Petition.objects.create(**{**defaults, **fields})
    if featured:
        services.feature(new)
    return new


def supporter(number=None, **fields):
    """What one supporter types into the signature form (as `services.sign` takes it)."""
    number = number if number is not None else _next()
    return {
        "first_name": "Aigerim",
        "last_name": "Bekova",
        "email": f"aigerim.{number}@example.org",
        "country": "KZ",
        **fields,
    }


def signing_form_data(**fields):
    """What a browser posts from the signature form."""
    data = {**supporter(), "city_or_postcode": "", "comment": "", "website": "", **fields}
    # A ticked box is posted as "on"; an unticked one is not posted at all.
    return {key: "on" if value is True else value for key, value in data.items() if value is not False}


def sign(petition, **fields):
    """Sign through the service, as the view does, from a different address each time unless told."""
    fields = {**supporter(), **fields}
    fields.setdefault("client_ip", f"198.51.100.{_next() % 250}")
    return services.sign(petition, **fields)


def confirmed_signatures(petition, how_many, *, batch_size=5000, **fields):
    """Many confirmed signatures at once (bulk insert), then an exact recount as the worker does.

    Returns the petition's exact count.
    """
    start = _next() * 1_000_000
    now = timezone.now()
    countries = ["KZ", "GB", "DE", "FR", "RU"]
    for first in range(0, how_many, batch_size):
        Signature.objects.bulk_create(
            [
                Signature(
                    **{
                        "petition": petition,
                        "first_name": "Signer",
                        "last_name": f"Number {number}",
                        "email": f"signer{start + number}@example.org",
                        "email_normalised": f"signer{start + number}@example.org",
                        "country": countries[number % len(countries)],
                        "show_name_publicly": number % 2 == 0,
                        "status": Signature.Status.CONFIRMED,
                        "created_at": now - timedelta(minutes=number),
                        "confirmed_at": now - timedelta(minutes=number),
                        **fields,
                    }
                )
                for number in range(first, min(first + batch_size, how_many))
            ]
        )
    return services.reconcile_counts(petition)


# What a current browser says when it posts a form from one of the site's own pages
# (publishing/crossorigin.py checks it on the public forms).
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}
CROSS_SITE = {"Sec-Fetch-Site": "cross-site", "Origin": "https://attacker.example"}


def browser(*, headers=SAME_ORIGIN):
    """A test client with CSRF checks on, as in production, posting as a browser does from the
    site's own pages (or from elsewhere, with `headers=CROSS_SITE`)."""
    return Client(enforce_csrf_checks=True, headers=headers)
