"""Real django-tasks-db workers for tests that go through the queue.

`db_worker_process()` starts `manage.py db_worker` in a subprocess against the test database;
that needs a database another process can open: PostgreSQL, or SQLite in a file (run pytest with
TEST_DATABASE_NAME=/tmp/some.sqlite3). pytest-django's default SQLite test database lives in this
process's memory, so `db_worker_thread()` runs django-tasks-db's own Worker loop in a thread
instead: the same queue, claim and task code, minus the process boundary.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.signals import connection_created

MANAGE = Path(settings.BASE_DIR) / "manage.py"


def shared_database_env() -> dict[str, str] | None:
    """Environment that points another process at the test database, or None if it can't."""
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(s["USER"] or "")
        if s["PASSWORD"]:
            auth += ":" + quote(s["PASSWORD"])
        host = s["HOST"] or "localhost"
        port = s["PORT"] or "5432"
        return {"DATABASE_URL": f"postgres://{auth}@{host}:{port}/{s['NAME']}"}
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return {"DATABASE_URL": "", "SQLITE_PATH": str(s["NAME"])}
    return None


@contextmanager
def db_worker_process(extra_env: dict[str, str] | None = None, *, queue: str = "solver"):
    """A `manage.py db_worker` subprocess on the test database; killed on exit."""
    shared = shared_database_env()
    if shared is None:
        raise RuntimeError("The test database is in memory: no other process can open it.")
    env = {**os.environ, **shared, **(extra_env or {})}
    if not env.get("DATABASE_URL"):
        env.pop("DATABASE_URL", None)
    args = [
        sys.executable,
        str(MANAGE),
        "db_worker",
        "--queue-name",
        queue,
        "--interval",
        "0.2",
        "--no-startup-delay",
        "--no-reload",
        "-v",
        "0",
    ]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


@contextmanager
def db_worker_thread(*, queue: str = "solver", batch: bool = False):
    """django-tasks-db's Worker loop in a thread of this process; stopped on exit.

    With batch=True it runs the tasks that are ready and ends, as `db_worker --batch` does.
    """
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=[queue],
        interval=0.2,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-thread-worker",
        excluded_queue_names=[],
    )

    def run() -> None:
        try:
            while worker.running:
                try:
                    worker.run()
                    return
                except OperationalError as error:  # the shared in-memory database is busy
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.05)
        finally:
            connection.close()

    thread = threading.Thread(target=run, name="db-worker", daemon=True)
    thread.start()
    try:
        yield worker
    finally:
        worker.running = False
        thread.join(timeout=120)


@contextmanager
def db_worker():
    """A real worker process when the database allows it, else the worker loop in a thread."""
    if shared_database_env() is None:
        with db_worker_thread() as worker:
            yield worker
    else:
        with db_worker_process() as proc:
            yield proc


def _read_uncommitted(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.cursor().execute("PRAGMA read_uncommitted = 1")


class TaskWorker:
    """The queue's worker for a browser test.

    With a database other processes can open, a real `db_worker` process runs for the whole test.
    With pytest-django's in-memory SQLite, SQLite's shared cache answers "table is locked" at once
    instead of waiting, so a worker thread must not poll between runs: after each enqueue,
    `after_enqueue()` starts django-tasks-db's Worker in batch mode (it claims the queued task,
    runs it and ends), and readers do not lock tables (read_uncommitted) while it writes.
    """

    def __init__(self) -> None:
        self._process = None
        self._threads: list = []

    def __enter__(self) -> TaskWorker:
        if shared_database_env() is not None:
            self._process = db_worker_process()
            self._process.__enter__()
        else:
            connection_created.connect(_read_uncommitted)
            _read_uncommitted(None, connection)
        return self

    def after_enqueue(self) -> None:
        if self._process is None:
            context = db_worker_thread(batch=True)
            context.__enter__()
            self._threads.append(context)

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.__exit__(*exc)
        for context in self._threads:
            context.__exit__(*exc)
        connection_created.disconnect(_read_uncommitted)
