"""python manage.py export KIND --out FILE."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from icalendar import Calendar
from pypdf import PdfReader

from tests import factories as f
from tests.exports.conftest import place


def export(tmp_path, *args, name):
    out = tmp_path / name
    stdout = io.StringIO()
    call_command("export", *args, "--out", str(out), stdout=stdout)
    assert f"Wrote {out}" in stdout.getvalue()
    return out


def test_it_exports_the_published_timetable_of_a_term(tmp_path, shared_world):
    out = export(tmp_path, "timetable", "--term", "spring", name="t.xlsx")
    wb = openpyxl.load_workbook(out)
    assert [r[0] for r in wb["Sessions"].iter_rows(min_row=2, values_only=True)] == [
        "MIN101", "MIN102", "THR201", "JNT301"]


def test_it_exports_a_members_pack_as_a_book(tmp_path, shared_world):
    out = export(tmp_path, "timetable", "--term", "spring", "--member", "other", name="t.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "THR201" in text and "MIN101" not in text


def test_it_falls_back_to_the_latest_successful_run(tmp_path, member):
    term = f.term(member, slug="autumn")
    session = f.offering(term, f.course(member, code="AUT1")).sessions.get()
    place(term, [(session, 2, 1, f.room(f.campus(member)))])
    out = export(tmp_path, "timetable", "--term", "autumn", name="t.xlsx")
    rows = list(openpyxl.load_workbook(out)["Sessions"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in rows] == [("AUT1", "Wednesday")]


def test_it_exports_calendars_of_a_faculty_member_and_a_cohort(tmp_path, shared_world, faculty):
    out = export(tmp_path, "calendar", "--term", "spring", "--faculty", "faculty",
                 name="wang.ics")
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 2
    out = export(tmp_path, "calendar", "--term", "spring", "--cohort", "mine-a", name="a.ics")
    summaries = sorted(str(e["summary"]) for e in Calendar.from_ical(out.read_bytes())
                       .walk("VEVENT"))
    assert [s.split()[0] for s in summaries] == ["JNT301", "MIN101"]


def test_it_exports_the_curriculum_a_syllabus_and_a_programme(tmp_path, shared_course):
    f.programme(code="minor", name="Minor", courses=[shared_course])
    wb = openpyxl.load_workbook(export(tmp_path, "curriculum", name="c.xlsx"))
    assert wb.sheetnames[-1] == "Matrix minor"
    syllabus = export(tmp_path, "syllabus", "--course", "ICV500", name="s.pdf")
    assert "车载操作系统" in PdfReader(syllabus).pages[0].extract_text()
    plan = export(tmp_path, "programme", "--programme", "minor", name="p.pdf")
    assert "ICV500" in PdfReader(plan).pages[0].extract_text()
    book = openpyxl.load_workbook(export(tmp_path, "programme", "--programme", "minor",
                                         name="p.xlsx"))
    assert "Matrix minor" in book.sheetnames


@pytest.mark.parametrize(("args", "message"), [
    (["syllabus", "--course", "ICV500", "--out", "s.xlsx"],
     "A syllabus export cannot be written as .xlsx (s.xlsx); use .pdf."),
    (["calendar", "--term", "spring", "--cohort", "mine-a", "--out", "c.pdf"],
     "A calendar export cannot be written as .pdf (c.pdf); use .ics."),
    (["timetable", "--out", "t.xlsx"], "Name the term: --term SLUG."),
    (["timetable", "--term", "nope", "--out", "t.xlsx"], "No term 'nope'."),
    (["calendar", "--term", "spring", "--out", "c.ics"],
     "Name one subject: --faculty USERNAME or --cohort CODE."),
    (["programme", "--programme", "nope", "--out", "p.pdf"], "No programme 'nope'."),
])
def test_it_refuses_what_it_cannot_do_with_a_clear_message(
    tmp_path, shared_world, shared_course, args, message
):
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".pdf", ".ics")) else a for a in args]
    with pytest.raises(CommandError) as error:
        call_command("export", *args)
    assert str(error.value) == message
    assert list(tmp_path.iterdir()) == []


def test_it_says_when_a_term_has_no_timetable(tmp_path, member):
    f.term(member, slug="empty")
    with pytest.raises(CommandError, match="no published timetable and no successful run"):
        call_command("export", "timetable", "--term", "empty", "--out", str(tmp_path / "t.pdf"))
