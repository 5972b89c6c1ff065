"""The programme list, the competency matrix page and the competency_matrix() function."""

import pytest
from django.urls import reverse

from curriculum.matrix import competency_matrix
from curriculum.models import CourseShare, ProgrammeCourse, Syllabus
from tests import factories as f


@pytest.fixture
def world(member, other_member, course):
    """A minor with targets in two areas; ICV101 (member), ICV202 (other, co-taught by member),
    NEV300 (other, elective)."""
    perception = f.competency_area(number=1, name="Perception")
    control = f.competency_area(number=2, name="Control")
    lidar = f.competency(perception, code="lidar", name="Lidar perception")
    fusion = f.competency(perception, code="fusion", name="Sensor fusion")
    planning = f.competency(control, code="planning", name="Motion planning")
    extra = f.competency(control, code="dynamics", name="Vehicle dynamics")
    untaught = f.competency(control, code="v2x", name="C-V2X")  # neither targeted nor reached
    c202 = f.course(other_member, code="ICV202", title="Planning")
    c202.co_institutions.add(member)
    n300 = f.course(other_member, code="NEV300", title="Batteries")
    f.outcome(course.current_syllabus(), mappings=[(lidar, 4), (fusion, 2)])
    f.outcome(course.current_syllabus(), mappings=[(lidar, 5)])
    f.outcome(c202.current_syllabus(), mappings=[(planning, 4), (fusion, 3)])
    f.outcome(n300.current_syllabus(), mappings=[(lidar, 2), (extra, 1)])
    minor = f.programme(
        code="icv-minor",
        name="ICV Minor",
        name_zh="智能网联汽车辅修",
        courses=[course, c202],
        targets=[(lidar, 4), (fusion, 4), (planning, 3)],
    )
    ProgrammeCourse.objects.create(programme=minor, course=n300, kind="elective")
    return {
        "minor": minor,
        "c202": c202,
        "n300": n300,
        "comps": {"lidar": lidar, "fusion": fusion, "planning": planning, "extra": extra},
        "untaught": untaught,
    }


def matrix_url(code="icv-minor"):
    return reverse("programme_matrix", args=[code])


# --- competency_matrix() -------------------------------------------------------------------------


def test_matrix_holds_the_highest_level_each_course_reaches(world):
    m = competency_matrix(world["minor"])
    assert [c.competency.code for c in m.columns] == ["fusion", "lidar", "dynamics", "planning"]
    assert [c.target for c in m.columns] == [4, 4, None, 3]
    assert [(a.area.name, len(a.columns)) for a in m.areas] == [("Perception", 2), ("Control", 2)]
    cells = {r.course.code: r.cells for r in m.rows}
    assert cells == {
        "ICV101": [2, 5, None, None],
        "ICV202": [3, None, None, 4],
        "NEV300": [None, 2, 1, None],
    }
    assert [(r.course.code, r.kind, r.status) for r in m.rows] == [
        ("ICV101", "required", "draft"),
        ("ICV202", "required", "draft"),
        ("NEV300", "elective", "draft"),
    ]


def test_matrix_lists_gaps_and_thin_spots(world):
    m = competency_matrix(world["minor"])
    assert [(g.competency.code, g.target, g.best) for g in m.gaps] == [("fusion", 4, 3)]
    assert [(t.competency.code, [c.code for c in t.courses]) for t in m.thin_spots] == [
        ("lidar", ["ICV101"]),
        ("planning", ["ICV202"]),
    ]


def test_matrix_counts_only_the_current_syllabus(world, course):
    old = course.current_syllabus()
    Syllabus.objects.filter(pk=old.pk).update(is_current=False)
    Syllabus.objects.create(course=course, version=2, is_current=True)
    m = competency_matrix(world["minor"])
    row = next(r for r in m.rows if r.course.code == "ICV101")
    assert row.cells == [None, None, None, None]
    assert [g.competency.code for g in m.gaps] == ["fusion", "lidar"]


def test_matrix_filters_by_member_as_owner_or_co_teacher(world, member, other_member):
    assert [r.course.code for r in competency_matrix(world["minor"], member).rows] == [
        "ICV101",
        "ICV202",
    ]
    other = competency_matrix(world["minor"], member=other_member)
    assert [r.course.code for r in other.rows] == ["ICV202", "NEV300"]
    assert [g.competency.code for g in other.gaps] == ["fusion", "lidar"]


def test_matrix_counts_only_the_courses_given(world, course):
    from curriculum.models import Course

    m = competency_matrix(world["minor"], courses=Course.objects.filter(pk=course.pk))
    assert [r.course.code for r in m.rows] == ["ICV101"]
    assert [g.competency.code for g in m.gaps] == ["fusion", "planning"]


def test_matrix_uses_four_queries(world, django_assert_num_queries):
    with django_assert_num_queries(4):
        competency_matrix(world["minor"])


# --- The matrix page ----------------------------------------------------------------------------


def test_it_redirects_anonymous_to_login(client, world):
    assert client.get(matrix_url())["Location"].startswith("/login/")


def test_it_refuses_post(client, faculty, world):
    client.force_login(faculty)
    assert client.post(matrix_url()).status_code == 405


def test_it_returns_404_for_an_unknown_programme(client, faculty):
    client.force_login(faculty)
    assert client.get(matrix_url("nope")).status_code == 404


@pytest.mark.parametrize("who", ["faculty", "other_faculty", "scheduler_admin", "consortium_admin"])
def test_it_shows_the_heat_map_targets_kinds_gaps_and_thin_spots(client, request, world, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(matrix_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "ICV Minor" in html and "智能网联汽车辅修" in html
    row = html[html.index('id="matrix-ICV101"') :].split("</tr>")[0]
    assert 'class="cell lv2" title="ICV101 reaches level 2 in Sensor fusion">2</td>' in row
    assert 'class="cell lv5 meets"' in row  # lidar 5 reaches the target 4
    assert "Required" in row
    assert "Elective" in html[html.index('id="matrix-NEV300"') :].split("</tr>")[0]
    assert "target 4" in html and "no target" in html
    gaps = html[html.index('id="gaps"') :].split("</section>")[0]
    assert "Sensor fusion" in gaps and "the best course reaches 3" in gaps
    thin = html[html.index('id="thin-spots"') :].split("</section>")[0]
    assert "reached only by ICV101" in thin and "reached only by ICV202" in thin
    assert "C-V2X" not in html


def test_it_filters_by_member_as_a_plain_get(client, faculty, world, member):
    client.force_login(faculty)
    html = client.get(matrix_url(), {"member": member.pk}).content.decode()
    assert 'id="matrix-ICV101"' in html and 'id="matrix-NEV300"' not in html
    assert "owns or co-teaches" in html


def test_it_returns_the_matrix_fragment_for_htmx(client, faculty, world, other_member):
    client.force_login(faculty)
    response = client.get(matrix_url(), {"member": other_member.pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="matrix">')
    assert "<html" not in html and 'id="matrix-ICV101"' not in html


def test_it_ignores_an_unknown_member(client, faculty, world):
    client.force_login(faculty)
    response = client.get(matrix_url(), {"member": "99999"})
    assert response.status_code == 200
    assert len(response.context["matrix"].rows) == 3


def test_it_shows_a_reviewer_only_courses_shared_with_his_firm(
    client, partner_reviewer, firm_a, firm_b, world, course
):
    CourseShare.objects.create(course=course, firm=firm_a)
    CourseShare.objects.create(course=world["c202"], firm=firm_b)
    client.force_login(partner_reviewer)
    html = client.get(matrix_url()).content.decode()
    assert 'id="matrix-ICV101"' in html
    assert "ICV202" not in html and "NEV300" not in html  # not in rows, gaps or thin spots
    assert "Only the courses shared with your firm are shown" in html


def test_it_hides_a_programme_without_shared_courses_from_a_reviewer(
    client, partner_reviewer, world
):
    client.force_login(partner_reviewer)
    assert client.get(matrix_url()).status_code == 404


def _programme_with(n, member):
    comps = [f.competency() for _ in range(4)]
    courses = []
    for i in range(n):
        c = f.course(member)
        f.outcome(c.current_syllabus(), mappings=[(comps[i % 4], 1 + i % 6)])
        courses.append(c)
    return f.programme(code=f"p{n}", courses=courses, targets=[(comps[0], 3), (comps[1], 6)])


@pytest.mark.parametrize("n", [5, 50])
def test_it_uses_the_same_number_of_queries_for_5_and_50_courses(
    client, faculty, member, django_assert_num_queries, n
):
    programme = _programme_with(n, member)
    client.force_login(faculty)
    # session, user, profile, programme, the matrix (4), the menu's member, the member select.
    with django_assert_num_queries(10):
        response = client.get(matrix_url(programme.code))
    assert len(response.context["matrix"].rows) == n


# --- The programme list -------------------------------------------------------------------------

LIST = reverse("programme_list")


def test_list_redirects_anonymous_to_login(client):
    assert client.get(LIST)["Location"].startswith("/login/")


def test_list_refuses_post_and_users_without_a_role(client, faculty, outsider):
    client.force_login(faculty)
    assert client.post(LIST).status_code == 405
    client.force_login(outsider)
    assert client.get(LIST).status_code == 403


def test_list_shows_programmes_with_their_counts(client, scheduler_admin, world):
    client.force_login(scheduler_admin)
    html = client.get(LIST).content.decode()
    row = html[html.index('id="programme-icv-minor"') :].split("</tr>")[0]
    assert "ICV Minor" in row and "智能网联汽车辅修" in row
    assert '<td class="num">2</td><td class="num">1</td><td class="num">3</td>' in row
    assert matrix_url() in row


def test_list_shows_a_reviewer_only_programmes_with_shared_courses(
    client, partner_reviewer, firm_a, world, course
):
    f.programme(code="other-track", name="Other track")
    CourseShare.objects.create(course=course, firm=firm_a)
    client.force_login(partner_reviewer)
    html = client.get(LIST).content.decode()
    assert "Other track" not in html
    row = html[html.index('id="programme-icv-minor"') :].split("</tr>")[0]
    assert '<td class="num">1</td><td class="num">0</td>' in row  # only the shared course


@pytest.mark.parametrize("n", [2, 12])
def test_list_uses_the_same_number_of_queries_for_few_and_many(
    client, faculty, django_assert_num_queries, n
):
    for _ in range(n):
        f.programme(lead=f.institution())
    client.force_login(faculty)
    with django_assert_num_queries(5):  # session, user, profile, programmes, the menu's member
        response = client.get(LIST)
    assert len(response.context["programmes"]) == n
