"""The partner review journey in a real browser, one browser context per person.

Faculty submits; the reviewer comments on an outcome, rates it and requests changes; faculty
replies, revises, edits the outcome and sees the difference between the versions, then submits
again; the reviewer endorses; the coordinator approves and publishes. Each one's inbox shows what
he should have heard of.
"""

import re

import pytest
from playwright.sync_api import expect

from curriculum.models import Syllabus
from tests.conftest import login
from tests.curriculum.review_data import fill, share


@pytest.fixture
def person(_playwright_browser, live_server):
    """Open a fresh browser context logged in as a user; all are closed at the end."""
    contexts = []

    def open_as(username):
        context = _playwright_browser.new_context(base_url=live_server.url, locale="en-US")
        context.set_default_timeout(15_000)
        contexts.append(context)
        pg = context.new_page()
        login(pg, username)
        return pg

    yield open_as
    for context in contexts:
        context.close()


def _inbox(pg) -> str:
    pg.goto("/inbox/")
    return pg.locator("ul.inbox").inner_text()


@pytest.mark.browser
def test_the_whole_review_journey(person, course, faculty, partner_reviewer, consortium_admin,
                                  firm_a):
    syllabus = fill(course.current_syllabus())
    share(course, firm_a)
    outcome = syllabus.outcomes.get(position=1)
    review = "/courses/ICV101/v/1/review/"

    # Faculty submits version 1: industry review starts at once (the course is shared).
    teacher = person("faculty")
    teacher.goto(review)
    teacher.locator("form.action-submit button").click()
    expect(teacher.locator("#review-panel .badge").first).to_have_text("In industry review")

    # The reviewer hears of it, comments on outcome 1, rates it and requests changes.
    reviewer = person("reviewer")
    expect(reviewer.locator("#inbox-badge")).to_have_text("1")
    assert "ICV101 v1 awaits your firm's review." in _inbox(reviewer)
    reviewer.get_by_role("button", name="ICV101 v1 awaits your firm's review.").click()
    expect(reviewer).to_have_url(re.compile(r"/courses/ICV101/v/1/review/$"))
    part = reviewer.locator(f"#part-outcome-{outcome.pk}")
    part.locator(".new-comment summary").click()
    part.locator(".comment-form textarea[name=body]").fill("Please add radar to the fusion.")
    part.locator(".comment-form button").click()  # htmx swaps the discussion in place
    expect(part.locator(".comment-body")).to_have_text("Please add radar to the fusion.")
    part.locator("select[name=score]").select_option("4")
    part.locator("form.rating button").click()
    expect(part.locator(".my-score")).to_contain_text("Your rating: 4")
    reviewer.locator("form.action-request_changes textarea").fill("Radar is missing.")
    reviewer.locator("form.action-request_changes button").click()
    expect(reviewer.locator("#review-panel .badge").first).to_have_text("Changes requested")

    # Faculty sees the comment and the request, replies, and revises into version 2.
    inbox = _inbox(teacher)
    assert "New comment on ICV101 v1: Please add radar to the fusion." in inbox
    assert "Changes were requested on ICV101 v1: Radar is missing." in inbox
    teacher.goto(review)
    thread = teacher.locator(f"#part-outcome-{outcome.pk} article.comment")
    thread.locator(".reply-form textarea").fill("Added radar in version 2.")
    thread.locator(".reply-form button").click()
    expect(teacher.locator(f"#part-outcome-{outcome.pk} .reply")).to_contain_text(
        "Added radar in version 2."
    )
    teacher.locator("form.action-revise button").click()
    expect(teacher).to_have_url(re.compile(r"/courses/ICV101/v/2/review/$"))

    # ... edits the outcome in the course editor, and compares the versions.
    teacher.goto("/courses/ICV101/edit/")
    teacher.locator("textarea[name='outcomes-0-text']").fill("Fuse camera, radar and lidar data")
    teacher.locator("#course-editor button[name=save]:not(.default-submit)").click()
    teacher.goto("/courses/ICV101/diff/?a=1&b=2")
    changed = teacher.locator("#diff-outcomes tr.diff-row.changed")
    expect(changed).to_have_count(1)
    expect(changed.locator("td.left")).to_contain_text("Fuse camera and lidar data")
    expect(changed.locator("td.right")).to_contain_text("Fuse camera, radar and lidar data")
    teacher.goto("/courses/ICV101/v/2/review/")
    teacher.locator("form.action-submit button").click()
    expect(teacher.locator("#review-panel .badge").first).to_have_text("In industry review")

    # The reviewer sees the reply and the new version, and endorses it.
    inbox = _inbox(reviewer)
    assert "New reply on ICV101 v1: Added radar in version 2." in inbox
    assert "ICV101 v2 awaits your firm's review." in inbox
    reviewer.goto("/courses/ICV101/v/2/review/")
    reviewer.locator("form.action-endorse button").click()
    expect(reviewer.locator(".verdicts")).to_contain_text("Firm A Motors: Endorsed")

    # The coordinator hears of both submissions and the endorsement; approves and publishes.
    coordinator = person("coordinator")
    inbox = _inbox(coordinator)
    assert "Firm A Motors endorsed ICV101 v2." in inbox
    assert "ICV101 v2 was submitted for review." in inbox
    coordinator.goto("/reviews/dashboard/")
    expect(coordinator.locator("tr[data-course=ICV101] .firms")).to_contain_text("endorsed")
    coordinator.goto("/courses/ICV101/v/2/review/")
    coordinator.locator("form.action-approve button").click()
    expect(coordinator.locator("#review-panel .badge").first).to_have_text("Approved")
    coordinator.locator("form.action-publish button").click()
    expect(coordinator.locator("#review-panel .badge").first).to_have_text("Published")

    # Faculty and reviewer hear of the approval and the publication.
    for pg in (teacher, reviewer):
        inbox = _inbox(pg)
        assert "ICV101 v2 was approved." in inbox
        assert "ICV101 v2 was published." in inbox
    teacher.locator("#inbox-list form[action='/inbox/read-all/'] button").click()
    expect(teacher.locator("#inbox-badge")).to_have_text("0")
    assert Syllabus.objects.get(course=course, version=2).status == Syllabus.Status.PUBLISHED
