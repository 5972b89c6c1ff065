"""The scheduling administrator's journey in a real browser, through the real queue and engine.

The live server and the task worker share the test database. On PostgreSQL (or SQLite in a file)
the worker is a real `manage.py db_worker` process; on pytest-django's in-memory SQLite it is
django-tasks-db's own Worker loop in a thread, started after each Generate (TaskWorker in
tests/scheduler/workers.py says why).
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from curriculum import demo
from scheduler import models as sm
from tests.conftest import login
from tests.scheduler.workers import TaskWorker

SOLVE_S = 10  # seconds per solve; the demo term finds a first timetable in well under a second
WAIT_MS = (SOLVE_S + 60) * 1000


def _generate(page, worker: TaskWorker, *, mode: str) -> None:
    page.select_option("#id_mode", mode)
    page.fill("#id_time_limit_s", str(SOLVE_S))
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/scheduling/runs/\d+/$"))
    worker.after_enqueue()


def _watch_until_done(page) -> None:
    """The live fragment polls every second: it shows progress, then the result."""
    live = page.locator("#live")
    expect(live).to_have_attribute("hx-trigger", "every 1s")
    expect(live.locator("strong.objective")).not_to_have_text("–", timeout=WAIT_MS)
    expect(live.locator("polyline.objective")).to_be_attached()
    expect(live.locator(".badge.run-succeeded")).to_be_visible(timeout=WAIT_MS)
    expect(live).not_to_have_attribute("hx-trigger", "every 1s")


@pytest.mark.browser
@pytest.mark.slow
def test_the_scheduler_generates_pins_resolves_compares_and_publishes(page, transactional_db):
    demo.load(password=settings.DEMO_PASSWORD)
    term = sm.Term.objects.get(slug=demo.TERM_SLUG)
    with TaskWorker() as worker:
        login(page, "scheduler", settings.DEMO_PASSWORD)
        page.get_by_role("link", name="Scheduling").click()
        page.get_by_role("link", name=str(term)).click()
        _generate(page, worker, mode="fresh")
        first = sm.Run.objects.latest("created_at")
        _watch_until_done(page)
        first.refresh_from_db()
        assert first.hard_violations == 0
        assert first.assignments.count() == sm.Session.objects.filter(offering__term=term).count()

        page.get_by_role("link", name="Open the timetable").click()
        expect(page.locator("#by")).to_have_value("cohort")
        block = page.locator("td.block").first
        session_id = int(block.get_attribute("data-session"))
        block.locator("a").click()
        panel = page.locator("#session-panel")
        expect(panel.locator("h2")).to_be_visible()
        panel.get_by_role("button", name="Pin here").click()
        expect(panel.locator(".pin-state")).to_have_text("Pinned here")
        pinned = sm.Session.objects.get(pk=session_id)
        placed = first.assignments.get(session_id=session_id)
        assert (pinned.pin_day, pinned.pin_period, pinned.pin_room_id) == (
            placed.day,
            placed.period,
            placed.room_id,
        )

        page.goto(f"/scheduling/runs/{first.pk}/")
        expect(page.locator("#id_reference")).to_have_value(str(first.pk))
        _generate(page, worker, mode="minimal")
        second = sm.Run.objects.latest("created_at")
        assert second.reference == first and second.mode == "minimal"
        _watch_until_done(page)
        second.refresh_from_db()
        assert second.hard_violations == 0
        kept = second.assignments.get(session_id=session_id)
        assert (kept.day, kept.period, kept.room_id) == (placed.day, placed.period, placed.room_id)

        page.locator("#live").get_by_role("link", name="Compare").click()
        expect(page.locator("#a")).to_have_value(str(first.pk))
        expect(page.locator("#b")).to_have_value(str(second.pk))
        expect(page.locator("table.compare-rules")).to_contain_text("Moved from the published")
        expect(page.get_by_role("heading", name=re.compile(r"sessions? moved"))).to_be_visible()

        page.get_by_role("link", name=f"Open run {second.pk} to publish it").click()
        page.get_by_role("button", name="Publish").click()
        expect(page.locator(".messages")).to_contain_text(f"Run {second.pk} is now the term")
    term.refresh_from_db()
    assert term.published_run == second
    assert list(term.publications.values_list("run", flat=True)) == [second.pk]
