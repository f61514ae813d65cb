"""Work the task worker repeats by itself (the e-mail sweep, petition maintenance, ...).

An app registers each periodic task in its `AppConfig.ready()`:

    periodic.register(run_maintenance, every=timedelta(hours=24))

`manage.py start_periodic_tasks` (at every deploy and start) queues each one that is not
queued yet, and each run queues the next when it ends (`schedule_next`), so exactly one
future run is kept waiting, never more.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Periodic:
    task: object
    every: timedelta
    first_run_after: timedelta


_registered = {}


def register(task, *, every, first_run_after=None):
    """Repeat `task` every `every` (a timedelta or a callable returning one, read when scheduling).

    The first run, queued by `start_periodic_tasks`, comes after `first_run_after` (default: `every`).
    """
    _registered[task.module_path] = Periodic(task, every, first_run_after)
    return task


def registered():
    return list(_registered.values())


def _interval(value):
    return value() if callable(value) else value


def queued_args(task):
    """The arguments of each run of `task` waiting in the queue (empty when the backend cannot tell)."""
    backend = task.get_backend()
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status="READY", task_path=task.module_path)
        return [args_kwargs["args"] for args_kwargs in waiting.values_list("args_kwargs", flat=True)]
    return []


def schedule_next(task, delay=None):
    """Queue a run of the periodic `task` after `delay` (default: its interval), unless one is
    already queued or the task backend cannot defer. Returns the queued result, or None."""
    if not task.get_backend().supports_defer or queued_args(task):
        return None
    if delay is None:
        delay = _interval(_registered[task.module_path].every)
    return task.using(run_after=timezone.now() + delay).enqueue()


def start_all():
    """Queue the first run of every registered periodic task that has none queued.

    Returns {task path: queued (True) or already queued / cannot defer (False)}.
    """
    started = {}
    for periodic in registered():
        first = periodic.first_run_after if periodic.first_run_after is not None else periodic.every
        started[periodic.task.module_path] = schedule_next(periodic.task, _interval(first)) is not None
    return started
