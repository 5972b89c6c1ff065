"""The timetable workbook, read back with openpyxl, for the small known timetable in sample.py."""

import datetime as dt
import io
from dataclasses import replace

import openpyxl
import pytest

from exports.timetable_xlsx import timetable_workbook
from tests.exports import sample


@pytest.fixture
def wb():
    return openpyxl.load_workbook(io.BytesIO(timetable_workbook(sample.timetable())))


def test_it_names_one_sheet_per_cohort_faculty_member_and_room(wb):
    assert wb.sheetnames == [
        "Overview", "Sessions", "Violations",
        "Cohort icv-a", "Cohort icv-b", "Faculty Dr Wang Wei", "Faculty Li Na",
        "Room HIL1", "Room R101",
    ]


def test_it_draws_a_multi_period_session_as_one_merged_block(wb):
    ws = wb["Room R101"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Title across the sheet; Monday 1–2 (C3:C4); Tuesday 2–4 (D4:D6); Monday 4 is one cell.
    assert merged == {"A1:E1", "C3:C4", "D4:D6"}
    assert ws["C3"].value.splitlines()[0] == "ICV101 · Lecture"
    assert ws["D4"].value.splitlines()[0] == "ICV202 · Lecture"
    assert ws["C6"].value.splitlines()[0] == "ICV202 · Seminar"
    assert ws["C4"].value is None


def test_it_puts_days_across_and_periods_down_with_clock_times(wb):
    ws = wb["Cohort icv-a"]
    assert [c.value for c in ws[2]] == ["Period", "Time", "Monday", "Tuesday", "Wednesday"]
    assert [ws.cell(row=r, column=2).value for r in range(3, 7)] == [
        "08:00–08:50", "09:00–09:50", "10:00–10:50", "11:00–11:50"]
    assert ws["E5"].value.splitlines() == [
        "ICV101 · Lab", "Perception and Sensor Fusion", "HIL1 · Lab park",
        "Dr Wang Wei, Li Na"]


def test_it_colours_sessions_by_member_and_sets_up_printing(wb):
    ws = wb["Room R101"]
    uni, firm = ws["C3"].fill.fgColor.rgb, ws["D4"].fill.fgColor.rgb
    assert uni != firm
    assert ws.freeze_panes == "C3"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True


def test_it_lists_sessions_flat_with_an_autofilter(wb):
    ws = wb["Sessions"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:12] == ("Course", "Title", "Kind", "Day", "Start", "End", "Periods", "Room",
                            "Campus", "Faculty", "Cohorts", "Member")
    assert rows[1][:12] == ("ICV101", "Perception and Sensor Fusion", "Lecture", "Monday",
                            dt.time(8, 0), dt.time(9, 50), 2, "R101", "Main campus",
                            "Dr Wang Wei", "icv-a", "Chongqing Tech")
    assert len(rows) == 5
    assert ws.auto_filter.ref == "A1:N5"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_it_summarises_the_run_and_lists_violations(wb):
    overview = {r[0]: r[1] for r in wb["Overview"].iter_rows(values_only=True) if r[0]}
    assert overview["Term"] == "Spring 2027"
    assert overview["Run"] == 7
    assert overview["Sessions per week"] == 4
    assert overview["Periods per week"] == 7
    assert overview["Hard violations"] == 1
    assert overview["Isolated session in a cohort's day"] == 1
    assert overview["Course changes rooms"] == 2
    violations = list(wb["Violations"].iter_rows(values_only=True))
    assert violations[1][1:] == ("hard", 1, "Li Na teaches more than her limit.")
    assert len(violations) == 4


def test_it_merges_a_clash_into_one_block():
    clash = replace(sample.ENTRIES[3], session_id=203, period=2, start=dt.time(10), length=2)
    tt = sample.timetable(entries=(*sample.ENTRIES, clash))
    ws = openpyxl.load_workbook(io.BytesIO(timetable_workbook(tt)))["Cohort icv-b"]
    # The Monday seminar (period 4) and the clash (periods 3–4) share one block C5:C6.
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:E1", "C5:C6", "D4:D6"}
    assert ws["C5"].value.startswith("Clash: 2 sessions at once")


def test_it_keeps_a_members_pack_to_its_own_violations():
    firm = sample.FIRM.id
    pack = tuple(e for e in sample.ENTRIES if firm in {
        e.member.id, e.room.member_id, *(c.member_id for c in (*e.cohorts, *e.faculty))})
    assert [e.session_id for e in pack] == [102, 201, 202]
    tt = sample.timetable(entries=pack)
    wb = openpyxl.load_workbook(io.BytesIO(timetable_workbook(tt, member=sample.FIRM)))
    messages = [r[3] for r in wb["Violations"].iter_rows(min_row=2, values_only=True)]
    # Its session's rule and its faculty member's rule; not the rule about the university's course.
    assert messages == ["Li Na teaches more than her limit.",
                        "Cohort B has an isolated session on Monday."]
    overview = {r[0]: r[1] for r in wb["Overview"].iter_rows(values_only=True) if r[0]}
    assert overview["Member pack"] == "Auto Lab"
    assert "Room HIL1" in wb.sheetnames
