"""Seed the bench database with a campaign's worth of content.

Run by bench/run.py as `python -m bench.seed --posts N --signatures N` with the bench
settings; prints one line of JSON naming the pages to measure.

Posts, prisoners and petitions go through the models (so their save() rules, slugs and
inheritance tables are real); the million signatures are generated inside PostgreSQL
with one INSERT ... SELECT generate_series, which takes seconds rather than an hour,
and the petition's counts are then rebuilt by the service that owns them.
"""

import argparse
import json
import math
import os
import random
from datetime import date, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from appeals.models import Appeal, Recipient  # noqa: E402
from media_library.models import VideoPost  # noqa: E402
from petitions import services  # noqa: E402
from petitions.models import Petition  # noqa: E402
from prisoners.models import Prisoner, PrisonerEvent  # noqa: E402
from publishing.models import Article, Category, Post  # noqa: E402
from publishing.views import POSTS_PER_PAGE  # noqa: E402

CATEGORIES = [
    ("News", "news"),
    ("Workers' struggles", "workers-struggles"),
    ("Political prisoners", "political-prisoners"),
    ("Appeals", "appeals"),
    ("Videos", "videos"),
    ("Press releases", "press-releases"),
]
# Post number modulo 10 → its main category: half of all posts are news, so the news
# category has page 40 with 1,000 posts. Appeals and videos live in their own category.
MAIN_CATEGORY = ["news"] * 5 + [
    "workers-struggles",
    "political-prisoners",
    "appeals",
    "videos",
    "press-releases",
]
DEEP_CATEGORY = "news"

SENTENCES = [
    "Oil workers in Zhanaozen walked out again this week, demanding the wages they were promised.",
    "The trade union's leaders have been held without trial for more than four months.",
    "Independent observers were refused entry to the courtroom for the third day running.",
    "Supporters gathered outside the embassy with placards and the names of those detained.",
    "The prosecutor asked for a sentence of seven years on charges of 'inciting social discord'.",
    "Letters from supporters abroad reach the prison, and the guards know that they do.",
    "Families of the detained say they have not been allowed to visit since the spring.",
    "The campaign has written to members of parliament asking them to raise the case.",
    "Copper miners in Zhezkazgan stopped work over unpaid overtime and unsafe shafts.",
    "A court in Almaty upheld the verdict in a hearing that lasted less than an hour.",
    "The journalist was detained at the airport on her way back from a conference.",
    "Human-rights organisations have called the trial a travesty of justice.",
]
FIRST_NAMES = ["Aigerim", "Nurlan", "Dana", "Yerlan", "Asel", "Marat", "Laura", "Ben", "Ines", "Tomasz"]
LAST_NAMES = ["Akhmetova", "Bekov", "Smith", "Clarke", "Costa", "Virtanen", "Green", "Omarov", "Kim"]


def paragraphs(rng, count):
    return "".join(f"<p>{' '.join(rng.sample(SENTENCES, 4))}</p>" for _ in range(count))


def create_categories():
    return {
        slug: Category.objects.create(name=name, slug=slug, navigation_order=order)
        for order, (name, slug) in enumerate(CATEGORIES)
    }


def create_prisoners(rng, count):
    prisoners = []
    situations = list(Prisoner.Situation.values)
    for number in range(1, count + 1):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}"
        prisoner = Prisoner.objects.create(
            name=name,
            slug=f"prisoner-{number}",
            status=Prisoner.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1),
            situation=situations[number % len(situations)],
            summary=rng.choice(SENTENCES),
            detained_on=date(2015, 1, 1) + timedelta(days=number * 37),
            charges="Inciting social discord (Article 174 of the Criminal Code).",
            sentence="Seven years in a general-regime colony.",
            place_of_detention="Penal colony UG-157/12, Petropavlovsk",
            postal_address=f"{name}\nUG-157/12\nPetropavlovsk\nKazakhstan",
            biography=paragraphs(rng, 4),
        )
        PrisonerEvent.objects.bulk_create(
            PrisonerEvent(
                prisoner=prisoner,
                date=date(2015, 1, 1) + timedelta(days=number * 37 + step * 90),
                title=rng.choice(["Arrested", "Trial opened", "Sentenced", "Transferred", "Hunger strike"]),
                description=rng.choice(SENTENCES),
            )
            for step in range(rng.randint(3, 6))
        )
        prisoners.append(prisoner)
    return prisoners


def create_posts(rng, count, categories, prisoners):
    """Articles, appeals and video posts, one every few days back from today."""
    administration = Recipient.objects.create(
        kind=Recipient.Kind.CENTRAL, name="Administration of the President", salutation="Dear Mr President,"
    )
    Recipient.objects.create(kind=Recipient.Kind.EMBASSY, name="Embassy of Kazakhstan", country="GB")
    now = timezone.now()
    for number in range(1, count + 1):
        main = MAIN_CATEGORY[number % 10]
        fields = {
            "title": f"{rng.choice(SENTENCES)[:80].rstrip('.')} ({number})",
            "slug": f"post-{number}",
            "status": Post.Status.PUBLISHED,
            "published_at": now - timedelta(days=number * 3, hours=number % 24),
            "standfirst": rng.choice(SENTENCES),
            "byline": "Campaign Kazakhstan",
            "body": paragraphs(rng, rng.randint(4, 8)),
        }
        if number % 2:  # half the posts have a picture (the file itself is never served here)
            fields.update(image=f"posts/bench/{number}.jpg", image_alt="Workers on strike outside the plant.")
        if main == "appeals":
            post = Appeal.objects.create(
                **fields,
                letter_subject="Release the detained trade unionists",
                letter_salutation="Your Excellency,",
                letter_body="\n\n".join(rng.sample(SENTENCES, 5)),
            )
            post.addressees.add(administration)
        elif main == "videos":
            video_id = "".join(
                rng.choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", k=11)
            )
            post = VideoPost.objects.create(**fields, video_url=f"https://www.youtube.com/watch?v={video_id}")
        else:
            post = Article.objects.create(**fields)
        extra = [CATEGORIES[(number % 5) + 1][1]] if number % 3 == 0 else []
        post.categories.set([categories[slug] for slug in {main, *extra}])
        if number % 4 == 0:
            post.prisoners.set(rng.sample(prisoners, 2))


def create_petitions(rng, prisoners, big_signatures, small_signatures):
    """Five petitions; the featured one (in every page's sidebar) has `big_signatures`."""
    specs = [
        ("free-the-zhanaozen-oil-workers", Petition.ActionStatus.OPEN, True, big_signatures),
        ("stop-the-persecution-of-independent-unions", Petition.ActionStatus.OPEN, False, small_signatures),
        ("release-the-journalists", Petition.ActionStatus.OPEN, False, small_signatures),
        ("close-the-penal-colony", Petition.ActionStatus.CLOSED, False, small_signatures),
        ("justice-for-the-miners", Petition.ActionStatus.WON, False, small_signatures),
    ]
    petitions = []
    for slug, action_status, featured, signatures in specs:
        petition = Petition.objects.create(
            title=slug.replace("-", " ").capitalize(),
            slug=slug,
            summary=rng.choice(SENTENCES),
            text=paragraphs(rng, 3),
            addressee="The President of the Republic of Kazakhstan",
            goal=max(1000, int(signatures * 1.5)),
            action_status=action_status,
            status=Petition.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=70),
        )
        if featured:
            services.feature(petition)
        petition.prisoners.set(rng.sample(prisoners, 3))
        insert_signatures(petition.pk, signatures)
        services.reconcile_counts(petition)
        petitions.append(petition)
    return petitions


def insert_signatures(petition_id, count, days=60, first=1):
    """`count` confirmed signatures spread over the last `days` days, made inside PostgreSQL.

    Signers are numbered from `first`; their e-mail addresses derive from the number.

    Names, countries and choices cycle through small lists so that the country table,
    the growth chart and the list of public signers all have realistic content.
    """
    countries = ["KZ"] * 6 + ["RU", "GB", "DE", "FR", "US", "PL", "UA", "KG", "UZ", "SE"]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO petitions_signature (
                petition_id, public_id, first_name, last_name, email, email_normalised, country,
                city_or_postcode, comment, show_name_publicly, wants_updates, status, flag_reason,
                created_at, confirmed_at, language
            )
            SELECT %(petition)s, gen_random_uuid(),
                   (%(first_names)s::text[])[1 + i %% %(first_name_count)s],
                   (%(last_names)s::text[])[1 + (i / 7) %% %(last_name_count)s],
                   'p' || %(petition)s || '-signer' || i || '@example.org',
                   'p' || %(petition)s || '-signer' || i || '@example.org',
                   (%(countries)s::text[])[1 + (i * 7) %% %(country_count)s],
                   CASE WHEN i %% 3 = 0 THEN 'Almaty' ELSE '' END,
                   CASE WHEN i %% 50 = 0 THEN 'Free them all!' ELSE '' END,
                   i %% 5 = 0, i %% 3 = 0, 'confirmed', '',
                   signed_at, signed_at + interval '7 minutes',
                   (ARRAY['en', 'ru', 'kk'])[1 + i %% 3]
            FROM (
                SELECT i, now() - interval '1 hour'
                          - %(days)s * interval '1 day' * (1 - (i - %(first)s)::float8 / %(count)s)
                          AS signed_at
                FROM generate_series(%(first)s, %(first)s + %(count)s - 1) AS i
            ) AS generated
            """,
            {
                "petition": petition_id,
                "count": count,
                "first": first,
                "days": days,
                "first_names": FIRST_NAMES,
                "first_name_count": len(FIRST_NAMES),
                "last_names": LAST_NAMES,
                "last_name_count": len(LAST_NAMES),
                "countries": countries,
                "country_count": len(countries),
            },
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--prisoners", type=int, default=50)
    parser.add_argument("--signatures", type=int, default=1_000_000)
    parser.add_argument("--small-signatures", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(2019)  # the same content every run

    with transaction.atomic():
        categories = create_categories()
        prisoners = create_prisoners(rng, args.prisoners)
        create_posts(rng, args.posts, categories, prisoners)
        petitions = create_petitions(rng, prisoners, args.signatures, args.small_signatures)
    with connection.cursor() as cursor:
        # Fresh statistics and visibility maps, as autovacuum would give a live site.
        cursor.execute("VACUUM ANALYZE")

    news_posts = Post.objects.published().in_category(categories[DEEP_CATEGORY]).count()
    articles = list(Article.objects.published().order_by("-published_at").values_list("slug", flat=True)[:10])
    big = petitions[0]
    print(
        json.dumps(
            {
                "category": DEEP_CATEGORY,
                "category_pages": math.ceil(news_posts / POSTS_PER_PAGE),
                "posts": articles,
                "appeal": Appeal.objects.published().values_list("slug", flat=True).first(),
                "video": VideoPost.objects.published().values_list("slug", flat=True).first(),
                "prisoners": list(Prisoner.objects.values_list("slug", flat=True)[:5]),
                "petition": big.slug,
                "petition_id": big.pk,
                "petition_count": big.confirmed_count,
                "posts_total": Post.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
