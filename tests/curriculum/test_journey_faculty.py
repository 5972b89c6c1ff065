"""The faculty member's journey in a real browser: design an interdisciplinary course, fix the
assessment the live check complains about, save, put the course in a programme, find it in the
programme's competency matrix."""

import pytest

from tests import factories as f
from tests.conftest import login


@pytest.fixture
def consortium(faculty):
    area = f.competency_area(number=9, name="Testing, simulation and validation")
    comps = [
        f.competency(area, name="HIL and SIL testing"),
        f.competency(area, name="Scenario-based testing"),
        f.competency(area, name="Test fields"),
    ]
    bench = f.feature(name="HIL bench")
    f.room(kind="lab", name="HIL lab").features.add(bench)
    f.discipline(name="Computer science")
    f.discipline(name="Vehicle engineering")
    f.programme(code="icv-minor", name="ICV Minor", targets=[(comps[0], 3)])
    return comps


def add_row(page, prefix: str, new_field: str) -> None:
    """Press "add" for a row list and wait until htmx has swapped in the new row (in place: the
    page is not reloaded, so a marker set on the window survives)."""
    page.evaluate("window.stillThisPage = true")
    page.click(f'button[name="add"][value="{prefix}"]')
    page.wait_for_selector(f"#id_{new_field}")
    assert page.evaluate("window.stillThisPage === true")


@pytest.mark.browser
def test_it_designs_a_course_and_finds_it_in_the_matrix(page, consortium, other_faculty):
    from playwright.sync_api import expect

    from curriculum.models import Course

    login(page, "faculty")
    page.click("nav >> text=Courses")
    page.click("text=New course")
    page.fill("#id_course-code", "ICV777")
    page.fill("#id_course-title", "Testing Automated Vehicles")
    page.fill("#id_course-title_zh", "自动驾驶汽车测试")
    page.fill("#id_course-credits", "3")
    # A colleague joins the course team through the picker's filter box.
    page.fill(".people-filter", "李娜")
    colleague = page.locator("label.person", has_text="Li Na")
    expect(page.locator("label.person", has_text="Wang Wei")).to_be_hidden()
    colleague.locator("input").check()
    page.fill(".people-filter", "")
    expect(page.locator("label.person", has_text="Wang Wei")).to_be_visible()

    page.select_option("#id_disciplines-0-discipline", label="Computer science")
    page.fill("#id_disciplines-0-share", "60")
    add_row(page, "disciplines", "disciplines-1-discipline")
    page.select_option("#id_disciplines-1-discipline", label="Vehicle engineering")
    page.fill("#id_disciplines-1-share", "40")

    outcomes = [
        ("Run a HIL test campaign", "HIL and SIL testing", "3"),
        ("Derive test scenarios from a hazard analysis", "Scenario-based testing", "4"),
        ("Plan a test-field session", "Test fields", "2"),
    ]
    for i, (text, competency, level) in enumerate(outcomes):
        if i:
            add_row(page, "outcomes", f"outcomes-{i}-text")
        page.fill(f"#id_outcomes-{i}-text", text)
        page.select_option(f"#id_outcomes-{i}-map-0-competency", label=competency)
        page.select_option(f"#id_outcomes-{i}-map-0-level", level)

    page.select_option("#id_session_needs-0-kind", "lab")
    page.fill("#id_session_needs-0-length", "3")
    page.check("#id_session_needs-0-features_0")  # HIL bench

    summary = page.locator("#live-summary")
    page.fill("#id_assessment-0-name", "Lab reports")
    page.fill("#id_assessment-0-weight", "50")
    add_row(page, "assessment", "assessment-1-name")
    page.fill("#id_assessment-1-name", "Exam")
    page.fill("#id_assessment-1-weight", "40")
    expect(summary).to_contain_text("Assessment adds up to 90 %; it must be 100 %.")
    page.fill("#id_assessment-1-weight", "50")
    expect(summary).to_contain_text("Everything adds up.")

    page.click("text=Create course")
    expect(page.locator(".messages")).to_contain_text("Course ICV777 created.")
    assert page.url.endswith("/courses/ICV777/edit/")
    team = Course.objects.get(code="ICV777").faculty.values_list("name", flat=True)
    assert sorted(team) == ["Li Na", "Wang Wei"]

    page.select_option("#id_programme", label="ICV Minor")
    page.click("text=Add to programme")
    expect(page.locator("#programmes-card")).to_contain_text("ICV777 is now in ICV Minor.")

    page.click("nav >> text=Programmes")
    page.click("#programme-icv-minor >> text=Competency matrix")
    row = page.locator("#matrix-ICV777")
    expect(row).to_contain_text("Testing Automated Vehicles")
    expect(row.locator("td.cell.lv4")).to_have_text("4")
    expect(row.locator("td.cell.lv3.meets")).to_have_text("3")
