"""Superusers check on delivery in the admin; nobody else sees the e-mails, which hold addresses and links."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType

from outbox.models import OutgoingEmail

from .delivery import write_email

pytestmark = pytest.mark.django_db(transaction=True)

CHANGELIST = "/admin/outbox/outgoingemail/"


def test_the_admin_shows_the_outbox_to_superusers_only(client, immediate_tasks, editor, superuser):
    email = write_email("private@example.org")
    client.force_login(editor)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{email.pk}/change/").status_code == 403

    client.force_login(superuser)
    assert "private@example.org" in client.get(CHANGELIST).content.decode()
    page = client.get(f"{CHANGELIST}{email.pk}/change/").content.decode()
    assert email.message_id.strip("<>") in page
    assert 'name="_save"' not in page  # read-only


def test_deleting_an_email_in_the_admin_leaves_its_address_out_of_the_admin_log(client, superuser):
    email = write_email("private@example.org")
    client.force_login(superuser)

    assert client.post(f"{CHANGELIST}{email.pk}/delete/", {"post": "yes"}).status_code == 302

    entry = LogEntry.objects.get(object_id=str(email.pk))
    assert entry.action_flag == DELETION
    assert "private@example.org" not in f"{entry.object_repr} {entry.change_message}"


def test_addresses_logged_before_are_taken_out_of_the_admin_log(superuser):
    """The admin's log of an older release named e-mails by their address; the migration renames them."""
    email_type = ContentType.objects.get_for_model(OutgoingEmail)
    old = LogEntry.objects.create(
        user=superuser,
        content_type=email_type,
        object_id="41",
        object_repr="Please confirm your signature (private@example.org)",
        action_flag=DELETION,
    )
    migration = import_module("outbox.migrations.0002_no_addresses_in_admin_log")

    migration.forget_addresses(django_apps, None)

    old.refresh_from_db()
    assert old.object_repr == "E-mail #41"
