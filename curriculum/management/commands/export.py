"""python manage.py export KIND --out FILE: the app's exports from the command line.

KIND is one of timetable, curriculum, syllabus, programme or calendar; the format comes from
FILE's extension (.xlsx, .pdf, .ics). ``--term`` exports the published timetable, or the latest
successful run when none is published. The command line acts as the coordinator: it sees all.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from curriculum.exporting import curriculum_doc, load_syllabus_doc, programme_doc
from curriculum.models import Course, Faculty, Institution, Programme
from exports.curriculum_xlsx import curriculum_workbook
from exports.pdf import programme_pdf, syllabus_pdf
from scheduler import exporting
from scheduler.models import CalendarFeed, Cohort, Term

FORMATS = {
    "timetable": {".xlsx", ".pdf"},
    "curriculum": {".xlsx"},
    "syllabus": {".pdf"},
    "programme": {".pdf", ".xlsx"},
    "calendar": {".ics"},
}


class Command(BaseCommand):
    help = (
        "Export a timetable (.xlsx, .pdf), the curriculum (.xlsx), a syllabus (.pdf), a "
        "programme (.pdf, .xlsx) or a calendar (.ics); the format comes from --out's extension."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=sorted(FORMATS))
        parser.add_argument("--out", required=True, help="the file to write (.xlsx, .pdf, .ics)")
        parser.add_argument("--term", help="a term's slug (timetable, calendar)")
        parser.add_argument("--member", help="a member's code: only what involves it (timetable)")
        parser.add_argument("--course", help="a course code (syllabus)")
        parser.add_argument("--programme", help="a programme code (programme)")
        parser.add_argument("--faculty", help="a faculty member's username (calendar)")
        parser.add_argument("--cohort", help="a cohort's code (calendar)")

    def handle(self, *args, kind: str, out: str, **options) -> None:
        path = Path(out)
        suffix = path.suffix.lower()
        if suffix not in FORMATS[kind]:
            allowed = ", ".join(sorted(FORMATS[kind]))
            raise CommandError(
                f"A {kind} export cannot be written as {suffix or 'a file without extension'} "
                f"({path.name}); use {allowed}."
            )
        content = getattr(self, f"_{kind}")(suffix, **options)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(content):,} bytes)."))

    def _timetable(self, suffix: str, *, term=None, member=None, **_options) -> bytes:
        term_obj = self._term(term)
        member_obj = self._get(Institution, "member", code=member) if member else None
        run = self._run(term_obj)
        export = exporting.timetable_export(run, member_obj)
        self.stdout.write(f"Timetable of {term_obj.slug}: run {run.pk}"
                          f"{' (published)' if run.pk == term_obj.published_run_id else ''}, "
                          f"{len(export.timetable.entries)} sessions.")
        return exporting.render_timetable(export, suffix[1:])

    def _curriculum(self, suffix: str, **_options) -> bytes:
        doc = curriculum_doc(courses=Course.objects.all(),
                             programmes=list(Programme.objects.order_by("code")))
        return curriculum_workbook(doc)

    def _syllabus(self, suffix: str, *, course=None, **_options) -> bytes:
        if not course:
            raise CommandError("Name the course: --course CODE.")
        course_obj = self._get(Course, "course", code=course)
        syllabus = course_obj.current_syllabus()
        if syllabus is None:
            raise CommandError(f"Course {course} has no current syllabus.")
        return syllabus_pdf(load_syllabus_doc(syllabus))

    def _programme(self, suffix: str, *, programme=None, **_options) -> bytes:
        if not programme:
            raise CommandError("Name the programme: --programme CODE.")
        programme_obj = self._get(Programme, "programme", code=programme)
        if suffix == ".xlsx":
            return curriculum_workbook(curriculum_doc(courses=programme_obj.courses.all(),
                                                      programmes=[programme_obj]))
        return programme_pdf(programme_doc(programme_obj))

    def _calendar(self, suffix: str, *, term=None, faculty=None, cohort=None, **_options) -> bytes:
        term_obj = self._term(term)
        if bool(faculty) == bool(cohort):
            raise CommandError("Name one subject: --faculty USERNAME or --cohort CODE.")
        if faculty:
            user = self._get(get_user_model(), "user", username=faculty)
            person = Faculty.objects.filter(user=user).first()
            if person is None:
                raise CommandError(f"User {faculty} is not a faculty member.")
            subject, subject_id, name = CalendarFeed.Subject.FACULTY, person.pk, str(person)
        else:
            found = self._get(Cohort, "cohort", code=cohort)
            subject, subject_id, name = CalendarFeed.Subject.COHORT, found.pk, str(found)
        run = self._run(term_obj)
        return exporting.subject_calendar(term_obj, run, subject, subject_id, name)

    def _term(self, slug: str | None) -> Term:
        if not slug:
            raise CommandError("Name the term: --term SLUG.")
        return self._get(Term, "term", slug=slug)

    def _run(self, term: Term):
        run = exporting.term_export_run(term)
        if run is None:
            raise CommandError(
                f"Term {term.slug} has no published timetable and no successful run yet."
            )
        return run

    def _get(self, model, what: str, **lookup):
        try:
            return model.objects.get(**lookup)
        except model.DoesNotExist:
            value = next(iter(lookup.values()))
            raise CommandError(f"No {what} {value!r}.") from None
