"""Migrations: none is missing, and the restructure of 2026-12 keeps every row a campaign had.

The restructure moved posts and categories from `campaign` to `publishing`, prisoner profiles
from `appeals` to `prisoners` and the e-mail outbox from `petitions` to `outbox`. A site that
ran the release before it must come out of `manage.py migrate` with all its content, every
signature and count, its unsent e-mails and its editors' permissions.
"""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django_test_migrations import sql
from django_test_migrations.signals import mute_migrate_signals

# The leaf migrations of the release before the restructure (commit dd0aa7a).
BEFORE_THE_RESTRUCTURE = [
    ("campaign", "0004_post_petition"),
    ("appeals", "0002_prisoner_event_date_precision"),
    ("media_library", "0002_video_help_texts"),
    ("petitions", "0002_outgoing_email"),
    ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("sessions", "0001_initial"),
]


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    # Exits with status 1 (SystemExit) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def latest_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader.graph.leaf_nodes()


def build_the_old_site(apps):
    """A small but complete campaign as the old release stored it, through its own models."""
    now = timezone.now()
    user_model = apps.get_model("auth", "User")
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    category_model = apps.get_model("campaign", "Category")
    post_model = apps.get_model("campaign", "Post")
    video_model = apps.get_model("media_library", "VideoPost")
    appeal_model = apps.get_model("appeals", "Appeal")
    recipient_model = apps.get_model("appeals", "Recipient")
    prisoner_model = apps.get_model("appeals", "Prisoner")
    event_model = apps.get_model("appeals", "PrisonerEvent")
    petition_model = apps.get_model("petitions", "Petition")
    signature_model = apps.get_model("petitions", "Signature")
    counter_model = apps.get_model("petitions", "PetitionCounter")
    country_count_model = apps.get_model("petitions", "SignatureCountByCountry")
    email_model = apps.get_model("petitions", "OutgoingEmail")
    task_model = apps.get_model("django_tasks_database", "DBTaskResult")
    log_model = apps.get_model("admin", "LogEntry")

    editor = user_model.objects.create(username="aliya", is_staff=True)
    post_type = content_type_model.objects.get_or_create(app_label="campaign", model="post")[0]
    content_type_model.objects.get_or_create(app_label="campaign", model="category")
    prisoner_type = content_type_model.objects.get_or_create(app_label="appeals", model="prisoner")[0]
    change_post = permission_model.objects.create(content_type=post_type, codename="change_post", name="x")
    change_prisoner = permission_model.objects.create(
        content_type=prisoner_type, codename="change_prisoner", name="x"
    )
    editors = group_model.objects.create(name="Editors")
    editors.permissions.set([change_post, change_prisoner])

    appeals = category_model.objects.create(name="Appeals", slug="appeals", navigation_order=1)
    kuramshin = prisoner_model.objects.create(
        name="Vadim Kuramshin",
        slug="vadim-kuramshin",
        is_published=True,
        status="sentenced",
        photo="prisoners/kuramshin.jpg",
        photo_alt="Vadim Kuramshin in court",
        biography="<p>A human-rights lawyer.</p>",
    )
    draft_profile = prisoner_model.objects.create(
        name="Not yet public", slug="not-yet-public", status="detained"
    )
    event_model.objects.create(
        prisoner=kuramshin, date="2012-08-01", date_precision="month", title="Acquitted"
    )

    video = video_model.objects.create(
        kind="video",
        title="Irish foreign minister challenged",
        slug="irish-foreign-minister-challenged",
        status="published",
        published_at=now - timedelta(days=3),
        video_url="https://www.youtube.com/watch?v=KuramshinTD",
        provider="youtube",
        provider_video_id="KuramshinTD",
    )
    administration = recipient_model.objects.create(kind="central", name="Presidential Administration")
    appeal = appeal_model.objects.create(
        kind="appeal",
        title="No closure in Zhezkazgan",
        slug="no-closure-in-zhezkazgan",
        status="published",
        published_at=now - timedelta(days=2),
        body="<p>Write to the embassy.</p>",
        letter_body="I protest.",
        action_status="won",
        letters_sent=42,
        featured_video_id=video.pk,
        author=editor,
    )
    appeal.categories.add(appeals)
    appeal.prisoners.add(kuramshin)
    appeal.addressees.add(administration)
    petition = petition_model.objects.create(
        title="Free Vadim Kuramshin",
        slug="free-vadim-kuramshin",
        text="<p>Free him.</p>",
        addressee="The President",
        status="open",
        is_published=True,
        is_featured=True,
    )
    draft_petition = petition_model.objects.create(
        title="Draft petition", slug="draft-petition", text="<p>Soon.</p>", addressee="X", status="closed"
    )
    petition.prisoners.add(kuramshin)
    article = post_model.objects.create(
        kind="article", title="Angry protests", slug="angry-protests", status="published", petition=petition
    )
    confirmed = signature_model.objects.create(
        petition=petition,
        first_name="Aigerim",
        last_name="Bekova",
        email="aigerim@example.org",
        email_normalised="aigerim@example.org",
        country="KZ",
        status="confirmed",
        confirmed_at=now,
    )
    pending = signature_model.objects.create(
        petition=petition,
        first_name="Laura",
        last_name="Smith",
        email="Laura@Example.org",
        email_normalised="laura@example.org",
        country="GB",
    )
    for shard in range(4):
        counter_model.objects.create(petition=petition, shard=shard, confirmed_count=1 if shard == 0 else 0)
    country_count_model.objects.create(petition=petition, country="KZ", shard=0, confirmed_count=1)
    unsent = email_model.objects.create(
        signature=pending,
        to=pending.email,
        subject="Please confirm your signature",
        body="https://example.org/signatures/confirm/abc/",
        message_id="<outbox.unsent@example.org>",
    )
    email_model.objects.create(
        signature=confirmed,
        to=confirmed.email,
        subject="Your signature",
        body="Thank you",
        message_id="<outbox.sent@example.org>",
        attempts=1,
        sent_at=now,
    )
    task_model.objects.create(
        task_path="petitions.tasks.deliver_email",
        args_kwargs={"args": [unsent.pk], "kwargs": {}},
        backend_name="default",
        run_after=now,
    )
    log_model.objects.create(
        user=editor,
        content_type=post_type,
        object_id=str(article.pk),
        object_repr=article.title,
        action_flag=CHANGE,
        change_message="[]",
    )
    return {
        "appeal": appeal.pk,
        "article": article.pk,
        "video": video.pk,
        "petition": petition.pk,
        "draft_petition": draft_petition.pk,
        "kuramshin": kuramshin.pk,
        "draft_profile": draft_profile.pk,
        "confirmed": confirmed.pk,
        "pending": pending.pk,
        "unsent": unsent.pk,
    }


def migrate_a_clean_database_to(targets):
    """Exactly the migrations `targets` need, on an empty database (django-test-migrations'
    own initial step also applies unrelated newer migrations that sort before the targets)."""
    sql.drop_models_tables(DEFAULT_DB_ALIAS, no_style())
    sql.flush_django_migrations_table(DEFAULT_DB_ALIAS, no_style())
    executor = MigrationExecutor(connection)
    with mute_migrate_signals():
        state = executor.migrate(targets, plan=executor.migration_plan(targets, clean_start=True))
    state.clear_delayed_apps_cache()
    return state


@pytest.mark.django_db(transaction=True)
def test_migrating_a_site_from_before_the_restructure_keeps_every_row(migrator_factory):
    migrator = migrator_factory()  # brings the database back to the newest schema afterwards
    old = migrate_a_clean_database_to(BEFORE_THE_RESTRUCTURE)
    ids = build_the_old_site(old.apps)

    migrator.apply_tested_migration(latest_migrations())
    ContentType.objects.clear_cache()

    # Read with today's models: the database is at the newest schema now.
    from appeals.models import Appeal
    from outbox.models import OutgoingEmail
    from petitions.models import Petition, Signature
    from prisoners.models import Prisoner
    from publishing.models import Post
    from publishing.roles import EDITORS

    appeal = Appeal.objects.get(pk=ids["appeal"])
    assert appeal.title == "No closure in Zhezkazgan"
    assert appeal.is_published and appeal.kind == "appeal"
    assert appeal.letters_sent == 42
    assert appeal.action_status == Appeal.ActionStatus.WON
    assert appeal.closed_message == "This appeal was won. Thank you to everyone who wrote."
    assert list(appeal.categories.values_list("slug", flat=True)) == ["appeals"]
    assert list(appeal.addressees.values_list("name", flat=True)) == ["Presidential Administration"]
    assert appeal.author.username == "aliya"
    # The featured video is the same video, now reached as a post.
    assert appeal.featured_video_id == ids["video"]
    assert appeal.featured_video.specific.provider_video_id == "KuramshinTD"
    assert appeal.get_absolute_url() == "/appeals/no-closure-in-zhezkazgan/"
    assert Post.objects.count() == 3

    kuramshin = Prisoner.objects.get(pk=ids["kuramshin"])
    assert kuramshin.is_published
    assert kuramshin.situation == Prisoner.Situation.SENTENCED
    assert (kuramshin.image.name, kuramshin.image_alt) == (
        "prisoners/kuramshin.jpg",
        "Vadim Kuramshin in court",
    )
    assert kuramshin.biography == "<p>A human-rights lawyer.</p>"
    assert [event.get_date_precision_display() for event in kuramshin.events.all()] == ["Month only"]
    assert list(kuramshin.posts.values_list("pk", flat=True)) == [ids["appeal"]]
    assert list(appeal.prisoners.values_list("pk", flat=True)) == [ids["kuramshin"]]
    assert not Prisoner.objects.get(pk=ids["draft_profile"]).is_published

    petition = Petition.objects.get(pk=ids["petition"])
    assert petition.is_published and petition.is_open and petition.is_featured
    assert petition.confirmed_count == 1
    assert list(petition.prisoners.values_list("pk", flat=True)) == [ids["kuramshin"]]
    # The article's link to the petition it supports became the petition's link to the post.
    assert list(petition.posts.values_list("pk", flat=True)) == [ids["article"]]
    draft = Petition.objects.get(pk=ids["draft_petition"])
    assert not draft.is_published
    assert draft.action_status == Petition.ActionStatus.CLOSED

    assert Signature.objects.count() == 2
    pending = Signature.objects.get(pk=ids["pending"])
    assert (pending.email, pending.status) == ("Laura@Example.org", Signature.Status.PENDING)

    # The outbox kept both e-mails, with their ids and Message-IDs, tied to their signatures.
    assert OutgoingEmail.objects.count() == 2
    unsent = OutgoingEmail.objects.get(pk=ids["unsent"])
    assert unsent.message_id == "<outbox.unsent@example.org>"
    assert not unsent.is_sent
    assert unsent.about == pending
    assert list(pending.emails.all()) == [unsent]
    # A new e-mail gets an id after the copied ones (PostgreSQL's sequence was moved on).
    new = OutgoingEmail.objects.create(to="new@example.org", subject="s", body="b")
    assert new.pk > ids["unsent"]
    # Erasing a signature still takes its e-mails with it.
    pending.delete()
    assert not OutgoingEmail.objects.filter(pk=ids["unsent"]).exists()

    # The delivery queued before the upgrade now runs the outbox's task.
    from django_tasks_db.models import DBTaskResult

    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["outbox.tasks.deliver_email"]

    # Editors keep their permissions, and the admin's history still points at the post.
    assert set(
        Group.objects.get(name=EDITORS).permissions.values_list("content_type__app_label", "codename")
    ) == {
        ("publishing", "change_post"),
        ("prisoners", "change_prisoner"),
    }
    entry = LogEntry.objects.get()
    assert entry.get_edited_object() == Post.objects.get(pk=ids["article"])
