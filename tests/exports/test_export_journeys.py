"""Two journeys in a real browser: a faculty member subscribes to his timetable and revokes the
address; a scheduling administrator has a big timetable book prepared in the background."""

import io
import os
import urllib.error
import urllib.request

import pytest
from pypdf import PdfReader

from scheduler import exporting
from scheduler.models import ExportJob
from scheduler.tasks_exports import run_export_job
from tests.conftest import login

SHOTS = os.environ.get("EXPORT_SCREENSHOTS")  # a directory outside the repository, if wanted


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.mark.browser
def test_it_subscribes_to_a_calendar_and_revokes_it(page, faculty, shared_world):
    from playwright.sync_api import expect

    login(page, "faculty")
    page.click("nav >> text=Calendars")
    page.select_option("#id_subject", label="Faculty member: Dr Wang Wei")
    page.evaluate("window.stillThisPage = true")
    page.click("text=Create a feed")
    address = page.locator("tr.feed input[readonly]")
    expect(address).to_have_count(1)
    assert page.evaluate("window.stillThisPage === true")  # swapped in place by htmx
    url = address.input_value()
    shot(page, "feeds")
    with urllib.request.urlopen(url) as response:  # no cookies: the token is the key
        body = response.read().decode()
    assert "BEGIN:VCALENDAR" in body and "RRULE:FREQ=WEEKLY;COUNT=16" in body
    assert "TZID=Asia/Shanghai" in body and "MIN101" in body

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("tr.feed >> text=Revoke")
    expect(page.locator("tr.feed.revoked")).to_have_count(1)
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url)
    assert error.value.code == 404


@pytest.mark.browser
def test_it_prepares_a_big_timetable_book_in_the_background(
    page, scheduler_admin, shared_world, monkeypatch
):
    from playwright.sync_api import expect

    monkeypatch.setitem(exporting.SYNC_GRIDS, "pdf", 2)  # this small term counts as big
    login(page, "scheduler")
    page.goto(f"/scheduling/runs/{shared_world.run.pk}/grid/")
    shot(page, "grid")
    page.click("text=Timetable book (PDF)")
    expect(page.locator("h1")).to_have_text("A big export")
    page.click("text=Prepare the timetable book (PDF)")
    expect(page.locator(".export-job")).to_contain_text("Waiting for a worker")
    job = ExportJob.objects.get()
    assert job.params["member"] == scheduler_admin.profile.institution_id
    shot(page, "export-waiting")

    assert run_export_job.call(job.pk) == "done"  # what db_worker does
    link = page.locator(".export-job a.button")
    expect(link).to_contain_text("Download", timeout=10_000)  # the page polls every second
    shot(page, "export-done")
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as pdf:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read())).pages)
    assert "MIN101" in text and "THR201" not in text  # his member's pack only
