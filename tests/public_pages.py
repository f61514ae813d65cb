"""One page of every public type, filled with realistic content, for the site-wide checks of
accessibility (tests/browser/test_accessibility.py, axe-core in Chromium) and markup
(tests/campaign/test_markup.py, the Nu HTML Checker and the heading outline).

`build_public_pages(client)` creates the content with tests/factories.py and returns the
pages. Most are a plain GET of their address; the few that a visitor reaches only by posting
a form or through an error (the petition form with errors, the admin lockout, the 500 page)
carry the HTML the site answered with, so that a browser can be shown it at their address.
A page type added to the site belongs here too.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from django.views import defaults
from django.views.csrf import csrf_failure

from appeals.models import Appeal
from campaign.views import server_error
from petitions import tokens
from petitions.models import Petition, Signature
from prisoners.models import Prisoner, PrisonerEvent
from publishing.models import SiteSettings
from tests import factories


@dataclass(frozen=True)
class PublicPage:
    name: str  # what the page is, in a failure message
    path: str  # its address on the site
    status: int = 200
    html: str | None = None  # what the site answered to a POST or an error, when a GET cannot reach it

    @property
    def file_name(self):
        return f"{self.name.replace(' ', '-').replace(',', '')}.html"


RICH_BODY = """
<p>More than <strong>two thousand</strong> copper workers stopped work on Monday. <em>Nobody</em>
expected the night shift to join them, but it did.</p>
<h2>What the workers demand</h2>
<ol>
  <li>No closure of the plants.</li>
  <li>Nationalisation under workers' control.</li>
</ol>
<h3>In their own words</h3>
<blockquote><p>We built these plants. They will not be shut behind our backs.</p></blockquote>
<figure><img src="{image_url}" alt="Workers with a banner at the foundry gate" width="320" height="180">
<figcaption>The foundry gate on Monday morning.</figcaption></figure>
<h3>How to help</h3>
<ul>
  <li>Send the <a href="/appeals/">model letter</a> to the embassy.</li>
  <li>Share this report.</li>
</ul>
<hr>
<p>Read the union's statement on <a href="https://example.org/statement">its website</a>.</p>
"""


# What editors write: headings chosen by look, so a "Subheading" alone, or a "Heading" in a
# prisoner's story that sits under the page's own "Their story".
SUBHEADINGS_ONLY = (
    "<p>We call for the release of the striking oil workers.</p><h3>Why now</h3><p>The appeal is due.</p>"
)
BIOGRAPHY = (
    "<p>She spoke for the striking oil workers of Zhanaozen.</p>"
    "<h2>The strike</h2><p>Seven months in 2011.</p><h3>The shooting</h3><p>16 December.</p>"
    "<h2>The trial</h2><p>In Aktau, in 2012.</p>"
)
Precision = PrisonerEvent.DatePrecision


def build_public_pages(client):
    """Create the content and return the list of PublicPage, one per public page type."""
    SiteSettings.objects.update_or_create(
        pk=1,
        defaults={
            "name": settings.SITE_NAME,
            "tagline": "Solidarity with workers and political prisoners in Kazakhstan",
            "introduction": "We support the workers' movement and defend those jailed for it.",
            "footer_text": "An international solidarity campaign, independent of any government.",
        },
    )
    appeals_category = factories.category("Appeals")
    news = factories.category("News", description="Reports from the strikes and the courts.")
    videos = factories.category("Videos")

    tuleteva = factories.prisoner(
        "Roza Tuleteva",
        slug="roza-tuleteva",
        image=factories.image_upload("tuleteva.jpg", size=(360, 360)),
        image_alt="Roza Tuleteva smiling, in a red headscarf",
        detained_on=date(2012, 1, 25),
        sentenced_on=date(2012, 6, 4),
        release_expected_on=date(2030, 1, 25),
        charges="Organising mass disorder\nIncitement",
        sentence="Seven years",
        place_of_detention="Women's penal colony (example)",
        postal_address="Roza Tuleteva\nInstitution EX-000/0\nExample Town\nKazakhstan",
        biography=BIOGRAPHY,
    )
    for when, precision, title in (
        (date(2011, 5, 1), Precision.MONTH, "Strike begins in Zhanaozen"),
        (date(2011, 12, 16), Precision.DAY, "Police fire on strikers"),
        (date(2014, 1, 1), Precision.YEAR, "Transferred to another colony"),
    ):
        factories.timeline_event(tuleteva, title, date=when, date_precision=precision, description="Details.")
    kozlov = factories.prisoner(
        "Vladimir Kozlov",
        slug="vladimir-kozlov",
        situation=Prisoner.Situation.RELEASED,
        released_on=date(2016, 8, 1),
        place_of_detention="Colony in Pavlodar (example)",
    )
    factories.prisoner("Aset Abishev", situation=Prisoner.Situation.DETAINED, detained_on=date(2024, 2, 2))

    administration = factories.central_addressee()
    factories.embassy("GB", name="Embassy of Kazakhstan in the United Kingdom")
    factories.embassy(
        "DE",
        name="Embassy of Kazakhstan in Germany",
        postal_address="1 Beispielstraße\nBerlin",
        phone="+49 30 000 000",
        website="https://example.org/embassy",
    )
    appeal = factories.appeal(
        "No closure in Zhezkazgan",
        slug="no-closure-in-zhezkazgan",
        addressees=[administration],
        categories=[appeals_category],
        prisoners=[tuleteva],
        deadline=timezone.localdate() + timedelta(days=30),
        image=factories.image_upload("gate.jpg"),
        image_alt="Workers with a banner at the foundry gate",
        image_caption="Zhezkazgan, March",
        days_ago=0,
        title_kk="Жезқазғанда зауытты жабуға жол жоқ",
        standfirst_kk="Үлгі хатты еліңіздегі елшілікке жіберіңіз.",
        body_kk="<p>Жұмысшылар зауытты ұлттандыруды талап етеді.</p>",
        letter_subject_kk="Наразылық: зауыттарды жабуға жол бермеу",
        letter_salutation_kk="Құрметті ханымдар мен мырзалар!",
        letter_body_kk="Зауыттарды жабу жоспарына наразылығымды білдіремін.",
        letter_closing_kk="Құрметпен,",
    )
    closed_appeal = factories.appeal(
        "Free the Zhanaozen oil workers",
        slug="free-the-zhanaozen-oil-workers",
        categories=[appeals_category],
        action_status=Appeal.ActionStatus.WON,
        days_ago=400,
    )

    # An uploaded image for the body of the article (a draft nobody sees).
    photo = factories.article(status=factories.DRAFT, image=factories.image_upload(), image_alt="A photo")
    article = factories.article(
        "Copper workers strike in Zhezkazgan",
        slug="copper-workers-strike",
        categories=[news],
        prisoners=[tuleteva, kozlov],
        byline="Our correspondent",
        image=factories.image_upload("strike.jpg"),
        image_alt="Strikers in helmets in front of the plant",
        image_caption="The night shift joins the strike.",
        body=RICH_BODY.format(image_url=photo.image.url),
        days_ago=2,
    )
    video = factories.video_post(
        "Miners in Limpopo send their support",
        slug="miners-in-limpopo",
        categories=[videos],
        prisoners=[tuleteva],
        duration=timedelta(minutes=4, seconds=35),
        transcript="We stand with the workers of Zhanaozen.\n\nAn injury to one is an injury to all.",
        image_caption="Recorded at the union meeting.",
        body=SUBHEADINGS_ONLY,
        days_ago=3,
    )
    # What the WordPress import brings: tags, authors with a page, a video alone on a line in a
    # body (the player without a poster), static pages in the navigation.
    strike_tag = factories.tag("Strike")
    correspondent = factories.author("Aigerim Bekova", biography="Reports from Zhezkazgan.")
    report = factories.article(
        "Video report from parliament",
        slug="video-report-from-parliament",
        categories=[news],
        writer=correspondent,
        byline="",
        body="<p>The exchange in parliament:</p>"
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">'
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>"
        '<figure><a href="https://vimeo.com/123456789">Video</a>'
        "<figcaption>The London commemoration</figcaption></figure>",
        days_ago=4,
    )
    report.tags.add(strike_tag)
    article.tags.add(strike_tag)
    about = factories.page(
        "About the campaign",
        slug="about",
        navigation="header",
        body=SUBHEADINGS_ONLY,
        standfirst="Who we are.",
    )
    factories.page("Contact", navigation="footer")
    for number in range(1, 13):  # enough for a second page of posts
        factories.article(
            f"Report from the strike committee, day {number}", categories=[news], days_ago=9 + number
        )

    petition = factories.petition(
        title="Free Roza Tuleteva",
        slug="free-roza-tuleteva",
        text=SUBHEADINGS_ONLY,
        goal=500,
        deadline=timezone.localdate() + timedelta(days=60),
        is_featured=True,
    )
    petition.prisoners.add(tuleteva)
    petition.posts.add(article)
    # The petition in Russian and Kazakh; the article has no version in either (the note).
    petition.title_ru, petition.title_kk = "Свободу Розе Тулетаевой", "Роза Төлетаеваға бостандық"
    petition.summary_ru = "Освободите нефтяницу из Жанаозена."
    petition.text_ru = "<p>Мы требуем освободить Розу Тулетаеву.</p><h2>Почему</h2><p>Она невиновна.</p>"
    petition.save()
    for days_ago, how_many in ((9, 40), (5, 25), (1, 12)):  # signers, a chart and a table of countries
        moment = timezone.now() - timedelta(days=days_ago)
        factories.confirmed_signatures(petition, how_many, created_at=moment, confirmed_at=moment)
    closed_petition = factories.petition(
        title="Reinstate the sacked teachers",
        slug="reinstate-the-teachers",
        action_status=Petition.ActionStatus.DELIVERED,
    )
    factories.confirmed_signatures(closed_petition, 30)

    factories.sign(petition, email="asks@example.org")
    pending = Signature.objects.get(email="asks@example.org")

    pages = [
        PublicPage("home page", "/"),
        PublicPage("all posts", "/posts/"),
        PublicPage("all posts, page 2", "/posts/?page=2"),
        PublicPage("category", news.get_absolute_url()),
        PublicPage("article", article.get_absolute_url()),
        PublicPage("video post", video.get_absolute_url()),
        PublicPage("article with videos in its text", report.get_absolute_url()),
        PublicPage("tag", strike_tag.get_absolute_url()),
        PublicPage("author", correspondent.get_absolute_url()),
        PublicPage("static page", about.get_absolute_url()),
        PublicPage("appeal", appeal.get_absolute_url()),
        PublicPage(
            "appeal with a country chosen",
            appeal.get_absolute_url() + "?country=DE&name=Maria+M%C3%BCller&town=K%C3%B6ln&personal=Hello",
        ),
        PublicPage(
            "appeal with a mistake in the letter form", appeal.get_absolute_url() + "?country=XX&name="
        ),
        PublicPage("closed appeal", closed_appeal.get_absolute_url()),
        PublicPage("petition", petition.get_absolute_url()),
        PublicPage("closed petition", closed_petition.get_absolute_url()),
        PublicPage("petitions", "/petitions/"),
        PublicPage("check your e-mail", f"/petitions/{petition.slug}/check-your-email/"),
        PublicPage("confirm signature", f"/signatures/confirm/{tokens.confirmation_token(pending)}/"),
        PublicPage("confirmation link broken", "/signatures/confirm/not-a-token/", status=404),
        PublicPage("withdraw signature", f"/signatures/withdraw/{tokens.withdrawal_token(pending)}/"),
        PublicPage("prisoners", "/prisoners/"),
        PublicPage("prisoner profile", tuleteva.get_absolute_url()),
        PublicPage("released prisoner profile", kozlov.get_absolute_url()),
        PublicPage("search", "/search/"),
        PublicPage("search with results", "/search/?q=strike"),
        PublicPage("search without results", "/search/?q=xylophone"),
        PublicPage("privacy notice", "/privacy/"),
        PublicPage("page not found", "/no-such-page/", status=404),
        PublicPage("petition widget", f"/petitions/{petition.slug}/embed/"),
        PublicPage("closed petition widget", f"/petitions/{closed_petition.slug}/embed/"),
        PublicPage("petition widget thank-you", f"/petitions/{petition.slug}/embed/thanks/"),
        # Russian and Kazakh: the same layout with the other switcher state, translated content,
        # and content shown in the original with its note.
        PublicPage("home page in Russian", "/ru/"),
        PublicPage("petition in Russian", f"/ru{petition.get_absolute_url()}"),
        PublicPage("appeal in Kazakh", f"/kk{appeal.get_absolute_url()}?country=DE"),
        PublicPage("untranslated article in Kazakh", f"/kk{article.get_absolute_url()}"),
        PublicPage("search in Russian", "/ru/search/?q=strike"),
        PublicPage("page not found in Kazakh", "/kk/no-such-page/", status=404),
    ]

    # Reached only by posting a form, or through an error: keep what the site answered.
    sign_path = f"/petitions/{petition.slug}/sign/"
    response = client.post(sign_path, {"first_name": "", "email": "not an address", "country": ""})
    pages.append(PublicPage("petition form with mistakes", sign_path, response.status_code, response.text))

    embed_path = f"/petitions/{petition.slug}/embed/"
    response = client.post(embed_path, {"first_name": "", "email": "not an address", "country": ""})
    pages.append(PublicPage("petition widget with mistakes", embed_path, response.status_code, response.text))

    confirm_path = f"/signatures/confirm/{tokens.confirmation_token(pending)}/"
    response = client.post(confirm_path, follow=True)  # back on the petition, with a thank-you message
    pages.append(
        PublicPage(
            "petition just confirmed", petition.get_absolute_url(), response.status_code, response.text
        )
    )

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    pages.append(PublicPage("admin lockout", "/admin/login/", response.status_code, response.text))

    response = defaults.server_error(RequestFactory().get("/"))  # as Django's handler renders it
    pages.append(PublicPage("server error", "/server-error/", response.status_code, response.text))

    # While the database is away (campaign.views.server_error), for a reader and for a signer.
    for name, request in [
        ("database unavailable", RequestFactory().get("/petitions/")),
        ("signature not recorded", RequestFactory().post(sign_path)),
    ]:
        try:
            raise OperationalError("the database is away")
        except OperationalError:
            response = server_error(request)
        pages.append(PublicPage(name, request.path, response.status_code, response.content.decode()))

    response = csrf_failure(RequestFactory().post(sign_path), reason="cross-site")
    pages.append(PublicPage("form from another site refused", sign_path, response.status_code, response.text))
    return pages


def fetch(client, page):
    """The HTML of `page` as the site serves it, checking the status is the expected one."""
    if page.html is not None:
        return page.html
    response = client.get(page.path)
    assert response.status_code == page.status, f"{page.name}: {page.path} answered {response.status_code}"
    return response.text
