"""`manage.py setup_groups`: editors get the content they publish, managers the signatures."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CONTENT_ADD_PAGES = [
    "/admin/campaign/article/add/",
    "/admin/appeals/appeal/add/",
    "/admin/media_library/videopost/add/",
    "/admin/appeals/prisoner/add/",
    "/admin/appeals/recipient/add/",
    "/admin/campaign/category/add/",
    "/admin/petitions/petition/add/",
]


def staff_in(client, group_name):
    call_command("setup_groups", verbosity=0)
    user = get_user_model().objects.create_user(
        group_name.replace(" ", "-"), password="x" * 20, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def test_setup_groups_can_run_again_without_changing_anything():
    call_command("setup_groups", verbosity=0)
    before = {
        group.name: set(group.permissions.values_list("codename", flat=True)) for group in Group.objects.all()
    }
    call_command("setup_groups", verbosity=0)
    after = {
        group.name: set(group.permissions.values_list("codename", flat=True)) for group in Group.objects.all()
    }
    assert before == after and set(after) == {"Editors", "Campaign managers"}


@pytest.mark.parametrize("url", CONTENT_ADD_PAGES)
def test_editors_can_publish_every_kind_of_content(client, url):
    staff_in(client, "Editors")
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/admin/petitions/signature/", "/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"],
)
def test_editors_never_see_signers_or_accounts(client, url):
    staff_in(client, "Editors")
    assert client.get(url).status_code == 403


def test_campaign_managers_see_signatures_but_cannot_edit_content(client):
    staff_in(client, "Campaign managers")
    assert client.get("/admin/petitions/signature/").status_code == 200
    assert client.get("/admin/petitions/petition/").status_code == 200
    assert client.get("/admin/campaign/article/add/").status_code == 403
    assert client.get("/admin/petitions/petition/add/").status_code == 403
