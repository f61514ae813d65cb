"""Superusers check on delivery in the admin; nobody else sees the e-mails, which hold addresses and links."""

import pytest

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
