"""python manage.py load_demo [--reset]: the demo consortium, loaded idempotently."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from curriculum import demo


class Command(BaseCommand):
    help = (
        "Load the demo consortium (6 members, 40 faculty, 25 courses, the term 'demo'). "
        "Idempotent: creates only what is missing and never overwrites changes made in the app."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the whole database first (manage.py flush), then load the demo afresh.",
        )

    def handle(self, *args, reset: bool = False, verbosity: int = 1, **options) -> None:
        started = time.monotonic()
        if reset:
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("Emptied the database.")
        password = settings.DEMO_PASSWORD
        result = demo.load(password=password)
        elapsed = time.monotonic() - started
        if result.total:
            self.stdout.write(f"Demo consortium loaded in {elapsed:.1f} s: {result.total} rows.")
            if verbosity >= 2:
                for label, n in sorted(result.created.items()):
                    self.stdout.write(f"  {n:>4} {label}")
        else:
            self.stdout.write(f"Demo consortium already loaded: nothing to add ({elapsed:.1f} s).")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo logins (password for all):"))
        self.stdout.write(f"  password: {password}")
        for login in demo.USERS:
            self.stdout.write(f"  {login.username:<12} {login.what}")
        self.stdout.write(f"  term slug: {demo.TERM_SLUG}")
