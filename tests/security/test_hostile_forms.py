"""Whatever a visitor or a script sends to any public form (the signature form, the letter
tool, "I sent it", the confirmation, new-link and withdrawal links; search has its own module,
test_hostile_search.py), in any charset, the answer is a normal page or a clear refusal: never a
500, never half a signature, never a count that drifts, never a redirect to another site."""

from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from appeals.models import Appeal
from outbox.models import OutgoingEmail
from petitions import tokens
from petitions.addresses import normalise_email
from petitions.forms import SignatureForm
from petitions.models import Petition, Signature
from tests import factories

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
CONTROL_CHARACTERS = st.text(
    alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), max_size=50
)
HUGE = st.sampled_from(["x" * 100_000, "Ж" * 100_000, "\x00" * 100_000, "a@" + "b" * 100_000 + ".org"])
# What a form field may carry: nothing sensible, control characters, a huge value, or several values.
HOSTILE_VALUE = st.one_of(
    ANY_TEXT,
    CONTROL_CHARACTERS,
    HUGE,
    st.lists(ANY_TEXT, min_size=2, max_size=3),
    st.just(""),
)
MISSING = st.none()
REFUSALS = {400, 403, 404, 405, 413}
SIGNATURE_FIELDS = list(SignatureForm.base_fields)  # the trap field for bots included
SENSIBLE = {
    "first_name": st.just("Aigerim"),
    "last_name": st.just("Bekova"),
    "email": st.builds(
        "{} Aigerim.{}@{} ".format,
        st.sampled_from(["", " "]),
        st.integers(0, 10**9),
        st.sampled_from(["example.org", "Example.ORG", "пример.рф"]),
    ),
    "country": st.sampled_from(["KZ", "GB"]),
    "city_or_postcode": st.just(""),
    "comment": st.just(""),
    "show_name_publicly": st.sampled_from(["on", ""]),
    "wants_updates": st.sampled_from(["on", ""]),
    "website": st.just(""),
}


@st.composite
def signing_forms(draw):
    """A sensible form with a few fields hostile or missing: a share of them is valid, and stored."""
    spoiled = draw(st.sets(st.sampled_from(SIGNATURE_FIELDS), max_size=len(SIGNATURE_FIELDS)))
    form = {}
    for name in SIGNATURE_FIELDS:
        value = draw(st.one_of(HOSTILE_VALUE, MISSING) if name in spoiled else SENSIBLE[name])
        if value is not None:
            form[name] = value
    return form


@pytest.fixture
def petition():
    return factories.petition(title="Free the Zhanaozen oil workers")


@pytest.fixture
def appeal():
    factories.embassy("DE")
    return factories.appeal("No closure in Zhezkazgan", addressees=[factories.central_addressee()])


def sign_url(petition):
    return f"/petitions/{petition.slug}/sign/"


def sent_url(appeal):
    return f"{appeal.get_absolute_url()}sent/"


def assert_stays_on_this_site(response):
    location = urlsplit(response["Location"])
    assert location.scheme in ("", "http") and location.netloc in ("", "testserver"), response["Location"]
    assert location.path.startswith("/") and not location.path.startswith("//"), response["Location"]


def assert_signatures_are_whole(petition):
    for signature in Signature.objects.filter(petition=petition):
        assert signature.first_name and signature.last_name and signature.country
        assert signature.email_normalised == normalise_email(signature.email) != ""
        assert (
            "\x00" not in f"{signature.first_name}{signature.last_name}{signature.email}{signature.comment}"
        )


# --- The signature form ----------------------------------------------------------------------


@FUZZ
@given(form=signing_forms())
@example(form={})
@example(form={"first_name": "\x00", "last_name": "\x00", "email": "a\x00@example.org", "country": "KZ"})
@example(form={"first_name": "x" * 100_000, "last_name": "Bekova", "email": "a@example.org", "country": "KZ"})
@example(form={"first_name": "Aigerim", "last_name": "Bekova", "email": "a@example.org", "country": "\x00"})
@example(form={"first_name": ["A", "B"], "last_name": "Bekova", "email": ["a@example.org", "b@example.org"]})
@example(form={"first_name": " ", "last_name": "\u200b", "email": "a@xn--.org", "country": "KZ"})
def test_any_signing_post_gets_a_page_or_a_refusal_and_stores_nothing_half_way(petition, form):
    before = Signature.objects.count()
    response = Client().post(sign_url(petition), form)
    stored = Signature.objects.count() - before
    assert response.status_code in {200, 302} | REFUSALS
    if response.status_code == 302:
        assert response["Location"] == f"/petitions/{petition.slug}/check-your-email/"
        assert stored in (0, 1)  # 0: the same mailbox again, or a bot that filled the trap field
    else:
        assert stored == 0, "a refused signing left a signature behind"
    if response.status_code == 200:
        assert "<form" in response.content.decode(), "the form is shown again, with what was wrong"
    assert_signatures_are_whole(petition)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain; charset=utf-16",
            "application/x-www-form-urlencoded; charset=no-such-charset",
        ]
    ),
)
@example(body=b"first_name=%00&email=%FF%FE", content_type="application/x-www-form-urlencoded")
@example(
    body=b"--xyz\r\nContent-Disposition: form-data; name=\r\n\r\n",
    content_type="multipart/form-data; boundary=xyz",
)
@example(body=b"&".join(b"f%d=1" % n for n in range(2000)), content_type="application/x-www-form-urlencoded")
def test_a_malformed_body_is_refused_cleanly(petition, body, content_type):
    before = Signature.objects.count()
    response = Client().generic("POST", sign_url(petition), body, content_type=content_type)
    assert response.status_code in {200, 302} | REFUSALS
    assert Signature.objects.count() - before <= (1 if response.status_code == 302 else 0)


def test_a_body_over_the_upload_limit_is_refused_with_a_4xx(petition):
    response = Client().post(sign_url(petition), {"first_name": "x" * 3_000_000, "email": "a@example.org"})
    assert response.status_code in REFUSALS
    assert not Signature.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_methods_on_the_signing_url_are_refused(petition, method):
    for client in (Client(), Client(enforce_csrf_checks=True)):
        response = getattr(client, method)(sign_url(petition), "email=a%40example.org")
        assert response.status_code in (403, 405)
    assert not Signature.objects.exists()


def test_signing_from_another_site_is_refused(petition):
    form = {"first_name": "Aigerim", "last_name": "Bekova", "email": "a@example.org", "country": "KZ"}
    response = factories.browser(headers=factories.CROSS_SITE).post(sign_url(petition), form)
    assert response.status_code == 403
    assert not Signature.objects.exists()


# --- The letter tool -------------------------------------------------------------------------


LETTER_QUERIES = st.fixed_dictionaries(
    {
        name: st.one_of(HOSTILE_VALUE, MISSING)
        for name in ["country", "name", "town", "personal", "utm_source"]
    }
).map(lambda query: {name: value for name, value in query.items() if value is not None})


@FUZZ
@given(query=LETTER_QUERIES)
@example(query={"name": "\x00", "town": "\x00", "personal": "\x00", "country": "\x00"})
@example(query={"name": "<script>alert(1)</script>", "personal": "x" * 100_000, "country": "DE"})
@example(query={"country": ["DE", "GB"], "name": ["a", "b"]})
def test_any_letter_details_give_the_letter_page(appeal, query):
    response = Client().get(appeal.get_absolute_url(), query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    # Of a repeated field, the last value counts (as QueryDict.get gives it).
    typed = [query.get(name, "") for name in ("name", "town", "personal")]
    if any((value[-1] if isinstance(value, list) else value).strip() for value in typed):
        assert "no-store" in response["Cache-Control"], "a page with a supporter's details is not cached"


@FUZZ
@given(
    form=st.dictionaries(st.sampled_from(["next", "redirect_to", "return", "url", "x"]), HOSTILE_VALUE),
    referer=st.one_of(
        st.sampled_from(["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]), ANY_TEXT
    ),
)
@example(form={"next": "https://evil.example/"}, referer="https://evil.example/")
@example(form={"next": "//evil.example"}, referer="//evil.example")
def test_saying_i_sent_it_always_lands_back_on_the_appeal(appeal, form, referer):
    referer = referer.encode("latin-1", "replace").decode("latin-1")  # what an HTTP header can carry
    response = Client().post(sent_url(appeal), form, HTTP_REFERER=referer)
    assert response.status_code == 302
    assert_stays_on_this_site(response)
    assert response["Location"] == f"{appeal.get_absolute_url()}#send-letter"


def test_a_letter_from_an_evil_host_header_is_refused_not_redirected(appeal):
    response = Client().post(sent_url(appeal), {"next": "https://evil.example/"}, HTTP_HOST="evil.example")
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_wrong_methods_on_the_letter_sent_url_are_refused(appeal, method):
    for client in (Client(), Client(enforce_csrf_checks=True)):
        response = getattr(client, method)(sent_url(appeal))
        assert response.status_code in (403, 405)
    appeal.refresh_from_db()
    assert appeal.letters_sent == 0


def test_letter_sent_from_another_site_is_refused(appeal):
    response = factories.browser(headers=factories.CROSS_SITE).post(sent_url(appeal))
    assert response.status_code == 403
    appeal.refresh_from_db()
    assert appeal.letters_sent == 0


# --- The links in signers' e-mails -----------------------------------------------------------


def mutations_of(token):
    """A real link's token cut short, with a character changed, or with something added."""
    return st.one_of(
        st.integers(0, len(token) - 1).map(lambda end: token[:end]),
        st.tuples(st.integers(0, len(token) - 1), st.characters(codec="utf-8")).map(
            lambda change: token[: change[0]] + change[1] + token[change[0] + 1 :]
        ),
        ANY_TEXT.map(lambda extra: token + extra),
    )


def assert_counts_match_signatures(petition):
    """The public count is exactly the confirmed, unflagged signatures: nothing counted half-way."""
    counted = Petition.objects.with_signature_count().get(pk=petition.pk).signature_count
    assert counted == Signature.objects.filter(petition=petition).counted().count()
    assert not OutgoingEmail.objects.exclude(about_id__in=Signature.objects.values("pk")).exists()


LINK_PAGES = {
    "confirm": "/signatures/confirm/{}/",
    "new link": "/signatures/confirm/{}/new-link/",
    "withdraw": "/signatures/withdraw/{}/",
}


@FUZZ
@given(data=st.data(), page=st.sampled_from(list(LINK_PAGES)), method=st.sampled_from(["get", "post"]))
def test_any_link_and_body_gets_a_page_or_a_refusal_and_does_only_what_the_real_link_does(
    petition, data, page, method
):
    factories.sign(petition, email=f"signer{Signature.objects.count()}@example.org")
    signature = Signature.objects.latest("pk")
    real = {"confirm": tokens.confirmation_token(signature), "withdraw": tokens.withdrawal_token(signature)}
    token = data.draw(
        st.one_of(st.sampled_from(list(real.values())), *map(mutations_of, real.values()), ANY_TEXT),
        label="token",
    )
    form = data.draw(st.dictionaries(st.sampled_from(["csrfmiddlewaretoken", "token", "x"]), HOSTILE_VALUE))
    path = LINK_PAGES[page].format(quote(token, safe=""))

    response = getattr(Client(), method)(path, form)

    assert response.status_code in {200, 302, 400, 404, 405, 409, 410}
    stored = Signature.objects.filter(pk=signature.pk).first()
    withdrawn = page == "withdraw" and method == "post" and token == real["withdraw"]
    confirmed = page == "confirm" and method == "post" and token == real["confirm"]
    assert (stored is None) == withdrawn
    if stored is not None:
        assert stored.is_confirmed == confirmed
    assert_signatures_are_whole(petition)
    assert_counts_match_signatures(petition)


# --- Every public form, with its token, in any charset and any shape -------------------------


CHARSETS = st.sampled_from(["", "utf-8", "UTF8", "utf-16", "latin-1", "koi8-r", "no-such-charset"])


@st.composite
def public_posts(draw, petition, appeal):
    """(where, body, content type): a form a browser could have loaded, filled with anything."""
    factories.sign(petition, email=f"signer{Signature.objects.count()}@example.org")
    signature = Signature.objects.latest("pk")
    confirm = f"/signatures/confirm/{tokens.confirmation_token(signature)}/"
    where = draw(
        st.sampled_from(
            [
                sign_url(petition),
                sent_url(appeal),
                confirm,
                f"{confirm}new-link/",
                f"/signatures/withdraw/{tokens.withdrawal_token(signature)}/",
            ]
        ),
        label="where",
    )
    fields = draw(
        st.one_of(signing_forms(), st.dictionaries(st.sampled_from(SIGNATURE_FIELDS), HOSTILE_VALUE))
    )
    charset = draw(CHARSETS, label="charset")
    parameter = f"; charset={charset}" if charset else ""
    if draw(st.booleans(), label="multipart"):
        return where, fields, f"{MULTIPART_CONTENT}{parameter}"
    return where, fields, f"application/x-www-form-urlencoded{parameter}"


@FUZZ
@given(data=st.data())
def test_any_public_form_sent_in_any_shape_and_charset_gets_a_page_or_a_refusal(petition, appeal, data):
    """As in production: the CSRF check on, the form sent from the site's own page."""
    browser = factories.browser()
    browser.get(petition.get_absolute_url())
    where, fields, content_type = data.draw(public_posts(petition, appeal))
    if content_type.startswith(MULTIPART_CONTENT):
        body = encode_multipart(BOUNDARY, fields)
    else:
        body = urlencode(fields, doseq=True).encode()
    letters_before = Appeal.objects.get(pk=appeal.pk).letters_sent
    signatures_before = Signature.objects.count()

    response = browser.generic("POST", where, body, content_type=content_type)

    assert response.status_code in {200, 302} | REFUSALS | {409, 410}
    if response.status_code >= 400:
        assert Signature.objects.count() <= signatures_before  # a refusal stores nothing
    assert Appeal.objects.get(pk=appeal.pk).letters_sent - letters_before in (0, 1)
    assert_signatures_are_whole(petition)
    assert_counts_match_signatures(petition)
