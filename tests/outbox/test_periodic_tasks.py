"""The worker's periodic tasks (the e-mail sweep, the purge, each app's own) keep exactly one run queued."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from outbox import periodic, tasks

from .delivery import queued, run_worker

pytestmark = pytest.mark.django_db(transaction=True)

SWEEP = tasks.deliver_due_emails.module_path
PURGE = tasks.purge_old_emails.module_path


def test_starting_the_periodic_tasks_twice_queues_each_exactly_once(worker_queue):
    call_command("start_periodic_tasks")
    call_command("start_periodic_tasks")

    started = {entry.task.module_path for entry in periodic.registered()}
    assert {SWEEP, PURGE, "petitions.tasks.run_maintenance"} <= started
    for task_path in started:
        assert queued(task_path).count() == 1, task_path
    assert queued(SWEEP).get().run_after <= timezone.now()  # the first sweep runs at once
    assert timedelta(hours=23) < queued(PURGE).get().run_after - timezone.now() <= timedelta(hours=24)


def test_the_sweep_keeps_exactly_one_future_run_queued(worker_queue):
    call_command("start_periodic_tasks")

    run_worker()

    next_sweep = queued(SWEEP).get()
    assert timedelta(seconds=50) < next_sweep.run_after - timezone.now() <= timedelta(minutes=1)
    for entry in periodic.registered():
        assert queued(entry.task.module_path).count() == 1, entry.task.module_path


def test_the_purge_queues_its_next_run_when_it_ends(worker_queue):
    call_command("start_periodic_tasks")
    queued(PURGE).update(run_after=timezone.now() - timedelta(seconds=1))

    run_worker()

    next_purge = queued(PURGE).get()
    assert timedelta(hours=23) < next_purge.run_after - timezone.now() <= timedelta(hours=24)
