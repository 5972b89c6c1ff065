"""The faculty picker (curriculum.widgets.PeoplePicker) of the course editor and the offering
form: checkboxes grouped by member, the chosen ones first, a filter box added by picker.js."""

import re

from django.urls import reverse
from django.utils import translation

from curriculum.forms import CourseForm
from scheduler.forms import OfferingForm
from tests import factories as f


def _groups(html: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """(legend, [(name, checked)]) per fieldset of the picker."""
    groups = []
    fieldsets = r'<fieldset class="people-group[^"]*">\s*<legend>(.*?)</legend>(.*?)</fieldset>'
    for legend, body in re.findall(fieldsets, html, re.S):
        people = re.findall(r'<label class="person"[^>]*><input ([^>]*)> ([^<]*)</label>', body)
        groups.append((legend, [(name, " checked" in attrs) for attrs, name in people]))
    return groups


def test_it_groups_the_course_team_by_member_with_the_chosen_first(
    client, faculty, course, member, other_faculty
):
    f.faculty(member, name="Zhou Lei")
    client.force_login(faculty)
    html = client.get(reverse("course_edit", args=["ICV101"])).content.decode()
    assert _groups(html) == [
        ("Chosen", [("Dr Wang Wei (Chongqing Test University)", True)]),
        ("Chongqing Test University", [("Dr Zhou Lei", False)]),
        ("Other University", [("Dr Li Na", False)]),
    ]
    assert 'name="course-faculty"' in html and 'data-filter-label="Filter names"' in html
    assert 'data-names="Li Na 李娜 Dr Li Na"' in html  # the filter matches either name
    assert "js/picker.js" in html


def test_it_posts_the_ids_of_the_checked_boxes(faculty, course, member, other_faculty):
    colleague = other_faculty.faculty
    form = CourseForm(
        {"code": "ICV101", "title": "Perception", "credits": "3", "owner": member.pk,
         "faculty": [faculty.faculty.pk, colleague.pk]},
        instance=course, user=faculty,
    )
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["faculty"]) == {faculty.faculty, colleague}
    groups = _groups(str(form["faculty"]))
    assert [name for name, _ in groups[0][1]] == [
        "Dr Li Na (Other University)", "Dr Wang Wei (Chongqing Test University)",
    ]


def test_it_shows_the_offering_faculty_in_chinese(member, other_member):
    f.faculty(member, name="Wang Wei", name_zh="王伟", title="")
    f.faculty(other_member, name="Li Na", name_zh="李娜", title="")
    with translation.override("zh-hans"):
        html = str(OfferingForm(term=f.term(member))["faculty"])
    assert _groups(html) == [("其他大学", [("李娜", False)]), ("重庆测试大学", [("王伟", False)])]
