"""This app's share of the demo content (`manage.py load_demo_content`): the campaign's own
words, categories and articles. Safe to run again: nothing is duplicated."""

from datetime import datetime

from django.utils import timezone

from .models import Article, Category, Page, Post, SiteSettings

# The campaign's own words: in the admin (Site settings), never in templates.
SITE_WORDS = {
    "tagline": "Solidarity with workers and political prisoners in Kazakhstan",
    "introduction": "We publish appeals, news and the stories of people jailed for defending workers' "
    "rights, and we organise protests, letters and petitions to free them.",
    "footer_text": "Solidarity with workers, trade unionists and political prisoners in Kazakhstan.",
}

CATEGORIES = [
    ("Appeals", "appeals", "Calls to act now: letters, protests and pickets that supporters can join."),
    ("Articles", "articles", "News and reports from the workers' movement in Kazakhstan."),
    ("Press release", "press-release", "Statements from the campaign for journalists."),
    ("Video", "video", "Solidarity messages, parliament exchanges and events on film."),
]


ARTICLES = [
    {
        "slug": "free-vadim-kuramshin-roza-tuleteva-and-vladimir-kozlov",
        "title": "Free Vadim Kuramshin, Roza Tuleteva and Vladimir Kozlov!",
        "categories": ["press-release", "articles"],
        "published_at": datetime(2013, 6, 20, 9, 0),
        "byline": "Campaign Kazakhstan",
        "standfirst": "The campaign calls for the release of a human-rights lawyer, a striking oil worker "
        "and an opposition leader, all jailed for standing with Kazakhstan's workers.",
        "body": "<p>Three people sit in Kazakh prisons today because they stood up for working people.</p>"
        "<ul><li><strong>Vadim Kuramshin</strong>, a human-rights lawyer who exposed abuses in the prison "
        "system, was locked up after a trial that barely deserved the name.</li>"
        "<li><strong>Roza Tuleteva</strong>, one of the voices of the 2011 oil workers' strike in Zhanaozen, "
        "was given a long sentence and has been denied proper medical care.</li>"
        "<li><strong>Vladimir Kozlov</strong>, leader of the opposition party Alga!, was convicted of "
        "'inciting social discord' for supporting the strikers.</li></ul>"
        "<p>We call on trade unionists, parliamentarians and everyone who values free speech to write to "
        "the Kazakhstan embassy in their country and demand their release.</p>",
    },
    {
        "slug": "member-of-european-parliament-speaks-out-on-human-rights",
        "title": "Member of European Parliament speaks out on human rights",
        "categories": ["articles"],
        "published_at": datetime(2013, 4, 19, 12, 0),
        "byline": "Campaign Kazakhstan",
        "standfirst": "At a debate in Brussels, an MEP told the European Parliament that trade deals "
        "must not "
        "buy silence about Kazakhstan's political prisoners.",
        "body": "<p>Speaking in a debate on relations with Kazakhstan, the MEP listed the names of workers "
        "and activists jailed since the Zhanaozen massacre of December 2011 and asked why European "
        "leaders were visiting Astana without raising a single case.</p>"
        "<blockquote><p>Human rights cannot be a footnote to oil and metal contracts.</p></blockquote>"
        "<p>The campaign is asking supporters to write to their own MEPs to ask what they are doing "
        "for Kazakhstan's political prisoners.</p>",
    },
]


PAGES_PUBLISHED_AT = timezone.make_aware(datetime(2013, 1, 1, 9, 0), timezone.get_fixed_timezone(0))
# Static pages, with their place in the navigation (editors move them in the admin).
PAGES = [
    {
        "slug": "about",
        "title": "About the campaign",
        "navigation": Page.Navigation.HEADER,
        "navigation_order": 1,
        "body": "<p>Campaign Kazakhstan is a solidarity campaign of trade unionists, socialists and human-"
        "rights activists across Europe, founded after the massacre of striking oil workers in Zhanaozen "
        "in December 2011.</p><p>We publicise the cases of political prisoners, organise protests and "
        "letters to the embassies, and support independent trade unions in Kazakhstan.</p>",
    },
    {
        "slug": "donate",
        "title": "Donate",
        "navigation": Page.Navigation.HEADER,
        "navigation_order": 2,
        "body": "<p>The campaign has no paid staff: every donation pays for lawyers, parcels for "
        "prisoners and the costs of delegations.</p>",
    },
    {
        "slug": "contact",
        "title": "Contact",
        "navigation": Page.Navigation.FOOTER,
        "navigation_order": 1,
        "body": "<p>Write to the campaign at the address of your local group.</p>",
    },
]


def load_content():
    site = SiteSettings.current()
    for field, words in SITE_WORDS.items():
        setattr(site, field, words)
    site.save()
    for order, (name, slug, description) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "navigation_order": order}
        )
    for spec in PAGES:
        Page.objects.update_or_create(
            slug=spec["slug"],
            defaults={**spec, "status": Page.Status.PUBLISHED, "published_at": PAGES_PUBLISHED_AT},
        )
    for spec in ARTICLES:
        fields = {key: value for key, value in spec.items() if key not in ("slug", "categories")}
        fields["published_at"] = timezone.make_aware(fields["published_at"], timezone.get_fixed_timezone(0))
        article, _ = Article.objects.update_or_create(
            slug=spec["slug"], defaults={**fields, "status": Post.Status.PUBLISHED}
        )
        article.categories.set(Category.objects.filter(slug__in=spec["categories"]))
