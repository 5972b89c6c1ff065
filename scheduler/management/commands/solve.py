"""`manage.py solve TERM --time-limit S`: a solve in the foreground, the task's code path."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from scheduler import models as m
from scheduler import services
from scheduler.solver.instance import SOFT_RULES, Progress
from scheduler.timetable import rule_label


class Command(BaseCommand):
    help = (
        "Solve a term's timetable in the foreground and save it as a run. Exits non-zero when "
        "the result has hard violations or no timetable."
    )

    def add_arguments(self, parser):
        parser.add_argument("term", help="the term's slug, e.g. demo")
        parser.add_argument("--time-limit", type=int, required=True, help="seconds")
        parser.add_argument(
            "--mode", choices=[c for c, _label in m.Run.Mode.choices], default=m.Run.Mode.FRESH
        )
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, term: str, time_limit: int, mode: str, seed: int, **options):
        if time_limit < 1:
            raise CommandError("--time-limit must be at least 1 second.")
        try:
            term_obj = m.Term.objects.get(slug=term)
        except m.Term.DoesNotExist:
            raise CommandError(f"No term with the slug {term!r}.") from None
        try:
            run = services.run_create(
                term=term_obj,
                by=None,
                mode=mode,
                time_limit_s=time_limit,
                seed=seed,
                enqueue=False,
            )
        except services.RunRefused as refused:
            for problem in refused.problems:
                self.stderr.write(f"- {problem.message}")
            raise CommandError("The term cannot be timetabled as it stands.") from None
        self.stdout.write(f"Run {run.pk}: solving {term_obj.slug} ({mode}, {time_limit} s)")
        status = services.run_execute(run_id=run.pk, report=self._progress)
        run.refresh_from_db()
        self.stdout.write(f"Run {run.pk}: {status}")
        if run.error:
            self.stdout.write(run.error)
        for conflict in run.explanation:
            self.stdout.write(f"- {conflict['message']}")
        if run.objective is not None:
            for rule in SOFT_RULES:
                self.stdout.write(f"  {rule_label(rule)}: {run.penalties.get(rule, 0)}")
            self.stdout.write(f"Penalty {run.objective}; hard violations {run.hard_violations}")
        for violation in run.violations:
            if violation["hard"]:
                self.stdout.write(f"! {violation['message']}")
        if run.objective is None or run.hard_violations:
            raise CommandError("No timetable without hard violations.", returncode=1)

    def _progress(self, progress: Progress) -> None:
        self.stdout.write(
            f"  {progress.elapsed_s:6.1f} s  penalty {progress.objective}  bound {progress.bound}"
            f"  timetables {progress.solutions}"
        )
