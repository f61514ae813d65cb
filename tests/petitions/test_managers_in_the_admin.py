"""Campaign managers do their two jobs with signers in the admin: they let signatures held for
review count, and they erase a signature when its signer asks, with the counts kept exact and
no signer's name or address left behind in the admin's log."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from petitions import services, tokens
from petitions.models import Petition, Signature
from tests import factories
from tests.factories import sign
from tests.mail import confirm_by_email, last_email_to, links_in

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/admin/petitions/signature/"


def count_of(petition):
    return Petition.objects.with_signature_count().get(pk=petition.pk).signature_count


def confirmed(petition, email, **fields):
    sign(petition, email=email, **fields)
    signature = Signature.objects.get(email=email)
    services.confirm(tokens.confirmation_token(signature))
    return signature


def admin_log_text():
    return " ".join(
        f"{entry.object_repr} {entry.change_message} {entry.get_change_message()}"
        for entry in LogEntry.objects.all()
    )


def test_a_manager_lets_signatures_held_for_review_count(client, manager, petition, settings):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 0
    sign(petition, first_name="Shared", last_name="Office", email="shared-office@example.org")
    held = Signature.objects.get()
    assert held.is_flagged and mail.outbox == []
    client.force_login(manager)

    response = client.post(LIST, {"action": "accept_flagged", "_selected_action": [held.pk]}, follow=True)

    assert "1 signature accepted." in response.content.decode()
    assert not Signature.objects.get().is_flagged
    # Its signer is sent the confirmation e-mail now, and counts once they confirm.
    confirm_by_email(client, "shared-office@example.org")
    assert count_of(petition) == 1
    assert "Shared" not in admin_log_text() and "shared-office" not in admin_log_text()
    assert LogEntry.objects.filter(user=manager, object_id=str(held.pk)).exists()


def test_a_manager_erases_a_signature_on_request_and_the_count_stays_exact(client, manager, petition):
    for number in range(3):
        confirmed(petition, f"person{number}@example.org", first_name="Aigerim", last_name=f"Number{number}")
    doomed = Signature.objects.get(email="person1@example.org")
    client.force_login(manager)

    # The signer writes in with their address; the manager finds the signature by it.
    listing = client.get(LIST, {"q": "Person1@example.org"})
    assert [signature.pk for signature in listing.context["cl"].result_list] == [doomed.pk]
    confirmation = client.get(f"{LIST}{doomed.pk}/delete/")
    assert confirmation.status_code == 200
    assert "Yes, I’m sure" in confirmation.content.decode()
    response = client.post(f"{LIST}{doomed.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Signature.objects.filter(pk=doomed.pk).exists()
    assert count_of(petition) == 2 == services.reconcile_counts(petition)
    assert "Number1" not in admin_log_text() and "person1@" not in admin_log_text()


def test_a_manager_erases_several_signatures_at_once_with_exact_counts(client, manager, petition):
    for number in range(4):
        confirmed(petition, f"person{number}@example.org", last_name=f"Number{number}")
    doomed = list(Signature.objects.filter(email__in=["person0@example.org", "person3@example.org"]))
    client.force_login(manager)

    page = client.post(
        LIST, {"action": "delete_selected", "_selected_action": [signature.pk for signature in doomed]}
    )
    assert "Are you sure you want to delete the selected signatures?" in page.content.decode()
    client.post(
        LIST,
        {"action": "delete_selected", "post": "yes", "_selected_action": [item.pk for item in doomed]},
    )

    assert Signature.objects.count() == 2
    assert count_of(petition) == 2
    assert "Number0" not in admin_log_text() and "Number3" not in admin_log_text()


def test_no_signers_name_is_left_in_the_admin_log_however_the_signature_goes(
    client, manager, superuser, settings
):
    settings.PETITIONS_SIGNATURES_PER_IP_PER_HOUR = 0
    settings.PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = 0
    settings.PETITIONS_UNCONFIRMED_RETENTION_DAYS = 30
    settings.PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = 10
    petition, closing = factories.petition(), factories.petition()
    # Each signer passes through the admin (a manager accepts them), then leaves in one way.
    for email, target in [
        ("withdraws@example.org", petition),
        ("never-confirms@example.org", petition),
        ("anonymised@example.org", closing),
        ("erased-by-superuser@example.org", petition),
    ]:
        sign(target, first_name="Zhanar", last_name=f"Leaves-{email.split('@')[0]}", email=email)
    client.force_login(manager)
    client.post(
        LIST,
        {
            "action": "accept_flagged",
            "_selected_action": list(Signature.objects.values_list("pk", flat=True)),
        },
    )
    for email in ["withdraws@example.org", "anonymised@example.org", "erased-by-superuser@example.org"]:
        confirm_by_email(client, email)

    client.post(links_in(last_email_to("withdraws@example.org"))["withdraw"])
    Signature.objects.filter(email="never-confirms@example.org").update(
        created_at=timezone.now() - timedelta(days=31)
    )
    closing.action_status = Petition.ActionStatus.DELIVERED
    closing.save()
    Petition.objects.filter(pk=closing.pk).update(closed_at=timezone.now() - timedelta(days=11))
    services.apply_retention()
    client.force_login(superuser)
    erased = Signature.objects.get(email="erased-by-superuser@example.org")
    client.post(f"{LIST}{erased.pk}/delete/", {"post": "yes"})

    assert Signature.objects.count() == 1 and Signature.objects.get().anonymised_at
    log = admin_log_text()
    assert LogEntry.objects.count() >= 5
    assert "Zhanar" not in log and "Leaves-" not in log and "@example.org" not in log


def test_signers_names_logged_before_are_taken_out_of_the_admin_log(manager):
    """The admin's log of an older release named a deleted signature by its signer; the
    migration renames them by number."""
    old = LogEntry.objects.create(
        user=manager,
        content_type=ContentType.objects.get_for_model(Signature),
        object_id="7",
        object_repr="Aigerim Bekova",
        action_flag=DELETION,
    )
    migration = import_module("petitions.migrations.0007_no_signer_names_in_admin_log")

    migration.forget_signer_names(django_apps, None)

    old.refresh_from_db()
    assert old.object_repr == "Signature #7"
