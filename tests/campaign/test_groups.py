"""`manage.py setup_groups`: each app says what its groups may do; editors get the content they
publish, managers the signatures."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from campaign import site
from publishing.roles import EDITORS, MANAGERS

pytestmark = pytest.mark.django_db

CONTENT_ADD_PAGES = [
    "/admin/publishing/article/add/",
    "/admin/appeals/appeal/add/",
    "/admin/media_library/videopost/add/",
    "/admin/prisoners/prisoner/add/",
    "/admin/appeals/recipient/add/",
    "/admin/publishing/category/add/",
    "/admin/petitions/petition/add/",
]
# Signers' names and addresses, the e-mails sent to them, and the accounts of the site:
# managers see the first (to hand signatures in), editors none.
PEOPLES_DATA_PAGES = [
    "/admin/petitions/signature/",
    "/admin/outbox/outgoingemail/",
    "/admin/auth/user/",
    "/admin/auth/group/",
    "/admin/axes/accessattempt/",
]


def permissions_by_group():
    return {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }


def test_each_group_gets_exactly_the_permissions_its_apps_declare():
    call_command("setup_groups", verbosity=0)
    declared = {group: set(permissions) for group, permissions in site.group_permissions().items()}
    assert permissions_by_group() == declared
    # Every app that publishes something gives it to the editors.
    assert {app for app, _codename in declared[EDITORS]} >= {
        "publishing",
        "prisoners",
        "appeals",
        "media_library",
        "petitions",
    }


def test_setup_groups_can_run_again_without_changing_anything():
    call_command("setup_groups", verbosity=0)
    before = permissions_by_group()
    call_command("setup_groups", verbosity=0)
    after = permissions_by_group()
    assert before == after and set(after) == {EDITORS, MANAGERS}


@pytest.mark.parametrize("url", CONTENT_ADD_PAGES)
def test_editors_can_publish_every_kind_of_content(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_editors_can_edit_the_sites_own_words(client, editor):
    client.force_login(editor)
    assert client.get("/admin/publishing/sitesettings/1/change/").status_code == 200


@pytest.mark.parametrize("url", PEOPLES_DATA_PAGES)
def test_editors_never_see_signers_or_accounts(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


def test_campaign_managers_see_signatures_only_and_cannot_edit_content(client, manager):
    client.force_login(manager)
    assert client.get("/admin/petitions/signature/").status_code == 200
    assert client.get("/admin/petitions/petition/").status_code == 200
    assert client.get("/admin/publishing/article/add/").status_code == 403
    assert client.get("/admin/petitions/petition/add/").status_code == 403
    for url in PEOPLES_DATA_PAGES[1:]:
        assert client.get(url).status_code == 403, url
