"""Who reaches which course-designer view: each view × each kind of user, with the status expected.

404 for what a user may not see (a reviewer and a course not shared with his firm), 403 for what
he may see but not change, 302 to the login page for anonymous users.
"""

import pytest
from django.urls import reverse

from curriculum.models import CourseShare, Prerequisite, ProgrammeCourse
from tests import factories as f

ROLES = [
    "anonymous",
    "owner_faculty",
    "other_faculty",
    "reviewer_shared",
    "reviewer_not_shared",
    "scheduler",
    "coordinator",
]

# Statuses in the order of ROLES.
EVERYONE = [302, 200, 200, 200, 200, 200, 200]  # lists: a reviewer sees only what is shared
SEE_COURSE = [302, 200, 200, 200, 404, 200, 200]
DESIGN = [302, 200, 200, 403, 403, 403, 200]  # faculty of any member and the coordinator
EDIT = [302, 200, 403, 403, 404, 403, 200]  # the course team and the coordinator
EDIT_ACTION = [302, 302, 403, 403, 404, 403, 302]  # done, then back to the editor

# view name: (method, url, statuses)
VIEWS = {
    "course_list": ("get", reverse("course_list"), EVERYONE),
    "course_create": ("get", reverse("course_create"), DESIGN),
    "course_create_validate": ("post", reverse("course_create_validate"), DESIGN),
    "course_detail": ("get", reverse("course_detail", args=["ICV101"]), SEE_COURSE),
    "syllabus_detail": ("get", reverse("syllabus_detail", args=["ICV101", 1]), SEE_COURSE),
    "course_edit": ("get", reverse("course_edit", args=["ICV101"]), EDIT),
    "course_edit_validate": ("post", reverse("course_edit_validate", args=["ICV101"]), EDIT),
    "course_prerequisites": ("get", reverse("course_prerequisites", args=["ICV101"]), EDIT),
    "course_prerequisite_remove": (
        "post",
        reverse("course_prerequisite_remove", args=["ICV101", "CS100"]),
        EDIT_ACTION,
    ),
    "course_programmes": ("get", reverse("course_programmes", args=["ICV101"]), EDIT),
    "course_programme_remove": (
        "post",
        reverse("course_programme_remove", args=["ICV101", "icv-minor"]),
        EDIT_ACTION,
    ),
    "programme_list": ("get", reverse("programme_list"), EVERYONE),
    "programme_matrix": ("get", reverse("programme_matrix", args=["icv-minor"]), SEE_COURSE),
}

CASES = [
    pytest.param(view, role, status, id=f"{view}-{role}")
    for view, (_method, _url, statuses) in VIEWS.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


@pytest.fixture
def world(course, firm_a, other_member):
    """ICV101 shared with firm A only, requiring CS100, in the ICV minor."""
    CourseShare.objects.create(course=course, firm=firm_a)
    Prerequisite.objects.create(course=course, requires=f.course(other_member, code="CS100"))
    ProgrammeCourse.objects.create(programme=f.programme(code="icv-minor"), course=course)
    return course


@pytest.fixture
def user_for(request):
    names = {
        "owner_faculty": "faculty",
        "other_faculty": "other_faculty",
        "reviewer_shared": "partner_reviewer",
        "reviewer_not_shared": "other_reviewer",
        "scheduler": "scheduler_admin",
        "coordinator": "consortium_admin",
    }

    def get(role):
        return None if role == "anonymous" else request.getfixturevalue(names[role])

    return get


@pytest.mark.parametrize(("view", "role", "status"), CASES)
def test_it_answers_each_user_as_expected(client, world, user_for, view, role, status):
    user = user_for(role)
    if user is not None:
        client.force_login(user)
    method, url, _statuses = VIEWS[view]
    response = getattr(client, method)(url)
    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith("/login/")


@pytest.mark.parametrize("view", [v for v, (m, _u, _s) in VIEWS.items() if m == "get"])
def test_it_answers_htmx_fragment_requests_like_the_page(client, world, other_reviewer, view):
    """A fragment is no way around the check: the unshared reviewer still gets 404 (or 200 on
    the lists, where the course simply does not appear)."""
    client.force_login(other_reviewer)
    _method, url, statuses = VIEWS[view]
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == statuses[ROLES.index("reviewer_not_shared")]
    if response.status_code == 200:
        assert "ICV101" not in response.content.decode()
