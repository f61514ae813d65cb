"""Editors write an update in the admin, preview it as a recipient sees it, send a test to
themselves, then send it after a page that states how many addresses it goes to; they follow
its progress and may pause and resume it. Only those with the permission may send."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from petitions.models import Update
from tests import factories

from .updating import drain, recipients_of, without_caps

# Committed for real: the tasks queued after commit run, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_caps(settings):
    without_caps(settings)


@pytest.fixture
def writer(db):
    return factories.editor(email="writer@campaign.example")


@pytest.fixture
def petition(db):
    petition = factories.petition(title="Free the Zhanaozen oil workers")
    for number in range(3):
        factories.signer(petition, email=f"signer{number}@example.org")
    factories.signer(petition, email="quiet@example.org", wants_updates=False)
    return petition


def admin_url(update, action=""):
    return f"/admin/petitions/update/{update.pk}/{action}"


def test_an_editor_writes_an_update_about_one_item(client, writer, petition):
    client.force_login(writer)
    data = {
        "petition": petition.pk,
        "subject_en": "Handed in",
        "body_en": "<p>Done.</p><script>x()</script>",
        "subject_ru": "Передана",
        "body_ru": "<p>Готово.</p>",
    }
    response = client.post("/admin/petitions/update/add/", data)
    assert response.status_code == 302
    update = Update.objects.get()
    assert (update.item, update.body, update.created_by, update.status) == (
        petition,
        "<p>Done.</p>",
        writer,
        "draft",
    )
    assert (update.subject_ru, update.body_ru, update.subject_kk) == ("Передана", "<p>Готово.</p>", None)


def test_an_update_about_two_items_or_none_is_refused_with_a_message(client, writer, petition):
    client.force_login(writer)
    prisoner = factories.prisoner()
    for extra in [{"prisoner": prisoner.pk}, {"petition": ""}]:
        data = {"petition": petition.pk, "subject_en": "Handed in", "body_en": "<p>Done.</p>", **extra}
        response = client.post("/admin/petitions/update/add/", data)
        assert response.status_code == 200
        assert "Choose exactly one of petition, appeal or prisoner." in response.text
    assert not Update.objects.exists()


def test_the_preview_shows_the_email_as_a_recipient_reading_the_chosen_language_gets_it(
    client, writer, petition
):
    update = factories.update(petition=petition)
    client.force_login(writer)
    response = client.get(admin_url(update, "preview/"), {"language": "ru"})
    assert response.status_code == 200
    assert "The petition was handed in" in response.text
    assert "We handed in 12,000 signatures. Read the report (https://example.org/report)." in response.text
    assert "lang=&quot;ru&quot;" in response.text  # the HTML version, shown in a sandboxed frame
    assert mail.outbox == []


def test_a_test_goes_to_the_editor_alone(client, writer, petition):
    update = factories.update(petition=petition)
    client.force_login(writer)
    response = client.post(admin_url(update, "send-test/"), {"language": "en"})
    assert response.status_code == 302
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["writer@campaign.example"], "[TEST] The petition was handed in")
    ]
    assert Update.objects.get(pk=update.pk).status == "draft"


def test_sending_asks_first_stating_the_number_of_addresses_then_sends(client, writer, petition):
    update = factories.update(petition=petition)
    client.force_login(writer)
    page = client.get(admin_url(update, "send/"))
    assert "will be sent to 3 addresses" in page.text
    assert Update.objects.get(pk=update.pk).status == "draft"

    assert client.post(admin_url(update, "send/")).status_code == 302
    drain()
    update.refresh_from_db()
    assert update.status in {"sending", "sent"} and update.sent_by == writer
    assert recipients_of() == [f"signer{number}@example.org" for number in range(3)]
    change_page = client.get(admin_url(update, "change/"))
    assert "<td>3</td><td>0</td><td>0</td><td>0</td><td>3</td>" in change_page.text.replace("\n", "")

    client.post(admin_url(update, "send/"))  # a second press sends nothing more
    drain()
    assert len(recipients_of()) == 3


def test_pause_and_resume_from_the_admin(client, writer, petition, settings):
    from tests.outbox.delivery import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    update = factories.update(petition=petition)
    client.force_login(writer)
    client.post(admin_url(update, "send/"))
    assert client.post(admin_url(update, "pause/")).status_code == 302
    assert Update.objects.get(pk=update.pk).status == "paused"
    assert "Resume sending" in client.get(admin_url(update, "change/")).text
    client.post(admin_url(update, "resume/"))
    assert Update.objects.get(pk=update.pk).status == "sending"


def test_without_the_send_permission_nobody_sends(client, petition):
    update = factories.update(petition=petition)
    writer_only = factories.staff_user()
    writer_only.user_permissions.set(
        Permission.objects.filter(codename__in=["view_update", "change_update", "add_update"])
    )
    for user in [writer_only, factories.manager()]:
        client.force_login(user)
        assert client.post(admin_url(update, "send/")).status_code == 403
        assert client.get(admin_url(update, "send/")).status_code == 403
    assert Update.objects.get(pk=update.pk).status == "draft"
    assert mail.outbox == []


def test_a_sent_update_can_no_longer_be_changed(client, writer, petition):
    update = factories.update(petition=petition)
    client.force_login(writer)
    client.post(admin_url(update, "send/"))
    client.post(admin_url(update, "change/"), {"subject_en": "Rewritten", "body_en": "<p>New.</p>"})
    assert Update.objects.get(pk=update.pk).subject == "The petition was handed in"


def test_the_stated_count_leaves_out_unsubscribed_and_suppressed_addresses(client, writer, petition):
    from outbox.addresses import address_key
    from outbox.models import SuppressedAddress
    from petitions.models import Unsubscription

    update = factories.update(petition=petition)
    Unsubscription.objects.create(address_key=address_key("signer0@example.org"), item_key="")
    Unsubscription.objects.create(address_key=address_key("signer1@example.org"), item_key="prisoner:999")
    SuppressedAddress.suppress("SIGNER2@example.org", reason=SuppressedAddress.Reason.COMPLAINT)
    client.force_login(writer)
    assert "will be sent to 1 address." in client.get(admin_url(update, "send/")).text
