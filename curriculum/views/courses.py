"""The course designer: course list, create and edit (with live validation and rows added and
removed in place), prerequisites, programme membership, and the read-only syllabus page.

Every htmx request here has a plain-HTML twin: the "add row" and "remove" buttons are submit
buttons that re-render the form, the filters are a GET form, the pickers redirect back.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from curriculum import services
from curriculum.access import (
    can_edit_course,
    faculty_of,
    get_course_for_user,
    get_syllabus_for_user,
    is_coordinator,
    member_of,
    require_role,
    visible_courses,
)
from curriculum.forms import (
    CourseEditor,
    CourseFilterForm,
    PrerequisiteForm,
    ProgrammeEntryForm,
)
from curriculum.models import (
    Course,
    CourseDiscipline,
    LearningOutcome,
    Profile,
    Programme,
    ProgrammeCourse,
    SessionNeed,
    Syllabus,
)

Role = Profile.Role
PAGE_SIZE = 50
ADD_RE = re.compile(r"^(disciplines|topics|assessment|readings|session_needs|outcomes)(-\d+-map)?$")
REMOVE_RE = re.compile(
    r"^(disciplines|topics|assessment|readings|session_needs|outcomes)-\d+(-map-\d+)?$"
)
MAX_ROWS = 100


def require_course_author(user) -> None:
    """Faculty of a member (with a faculty record) and the coordinator create courses; 403 else."""
    require_role(user, Role.FACULTY)
    if not is_coordinator(user) and faculty_of(user) is None:
        raise PermissionDenied


# --- List ----------------------------------------------------------------------------------------


@login_required
@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    require_role(request.user, *Role.values)
    form = CourseFilterForm(request.GET)
    form.is_valid()  # invalid filters are shown with their error and ignored
    courses = (
        form.filter(visible_courses(request.user))
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "discipline_shares",
                queryset=CourseDiscipline.objects.select_related("discipline").order_by(
                    "-share", "discipline__name"
                ),
            ),
            "co_institutions",
        )
        .annotate(
            current_status=Subquery(
                Syllabus.objects.filter(course=OuterRef("pk"), is_current=True).values(
                    "status"
                )[:1]
            )
        )
        .order_by("code")
    )
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    for course in page:
        course.status_label = (
            Syllabus.Status(course.current_status).label if course.current_status else ""
        )
    template = "curriculum/course_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    context = {
        "form": form,
        "page": page,
        "may_create": _may_create(request.user),
    }
    return render(request, template, context)


def _may_create(user) -> bool:
    try:
        require_course_author(user)
    except PermissionDenied:
        return False
    return True


# --- Create and edit -----------------------------------------------------------------------------


def _row_action(data: QueryDict) -> QueryDict | None:
    """The data as an "add row" or "remove" button asks for, or None for a plain save."""
    if prefix := data.get("add"):
        key = f"{prefix}-TOTAL_FORMS"
        if not ADD_RE.match(prefix) or key not in data:
            return data
        data = data.copy()
        try:
            total = int(data[key])
        except ValueError:
            return data
        data[key] = str(min(total + 1, MAX_ROWS))
        if prefix == "outcomes":  # a new outcome starts with one blank competency row
            data.setdefault(f"outcomes-{total}-map-TOTAL_FORMS", "1")
            data.setdefault(f"outcomes-{total}-map-INITIAL_FORMS", "0")
        return data
    if prefix := data.get("remove"):
        data = data.copy()
        if REMOVE_RE.match(prefix):
            data[f"{prefix}-DELETE"] = "on"
        return data
    return None


def _editor_context(request, editor: CourseEditor, **extra) -> dict:
    context = {"editor": editor, "show_errors": False, "summary_oob": False}
    context.update(extra)
    if editor.course_form.is_bound:
        context["problems"] = editor.problems(live=not context["show_errors"])
    return context


def _render_editor(request, editor: CourseEditor, *, status: int = 200, **extra) -> HttpResponse:
    """The whole editor page, or for an htmx row action the editor partial plus the summary."""
    context = _editor_context(request, editor, **extra)
    template = "curriculum/course_edit.html"
    if request.htmx and context.get("row_action"):
        template += "#row_action"
        context["summary_oob"] = True
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    require_course_author(request.user)
    urls = {"action": reverse("course_create"), "validate": reverse("course_create_validate")}
    if request.method == "GET":
        editor = CourseEditor(user=request.user)
        me = faculty_of(request.user)
        editor.course_form.initial.update(
            {"owner": member_of(request.user), "faculty": [me] if me else []}
        )
        return _render_editor(request, editor, urls=urls, creating=True)
    data = _row_action(request.POST)
    editor = CourseEditor(data or request.POST, user=request.user)
    if data is not None:
        return _render_editor(request, editor, urls=urls, creating=True, row_action=True)
    if not editor.is_valid():
        return _render_editor(request, editor, urls=urls, creating=True, show_errors=True)
    try:
        course = services.course_create(editor=editor, by=request.user)
    except IntegrityError:
        return _render_editor(
            request,
            editor,
            urls=urls,
            creating=True,
            show_errors=True,
            conflict=_("Someone saved a course with this code meanwhile. Nothing was saved."),
            status=409,
        )
    messages.success(request, _("Course %(code)s created.") % {"code": course.code})
    return redirect("course_edit", code=course.code)


@login_required
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, code: str) -> HttpResponse:
    course = get_course_for_user(request.user, code, edit=True)
    syllabus = course.current_syllabus()
    urls = {
        "action": reverse("course_edit", args=[code]),
        "validate": reverse("course_edit_validate", args=[code]),
    }
    page = _course_cards(course, urls=urls, syllabus=syllabus, code=code)
    if syllabus is not None and not syllabus.is_editable:
        if request.method == "GET":
            return render(request, "curriculum/course_edit.html", _read_only_context(request, page))
        editor = CourseEditor(request.POST, course=course, syllabus=syllabus, user=request.user)
        return _render_editor(
            request,
            editor,
            conflict=services.syllabus_save_conflict_message(current=syllabus),
            status=409,
            **page,
        )
    if request.method == "GET":
        editor = CourseEditor(course=course, syllabus=syllabus, user=request.user)
        return _render_editor(request, editor, **page)
    data = _row_action(request.POST)
    editor = CourseEditor(data or request.POST, course=course, syllabus=syllabus, user=request.user)
    if data is not None:
        return _render_editor(request, editor, row_action=True, **page)
    if not editor.is_valid():
        return _render_editor(request, editor, show_errors=True, **page)
    revision = editor.syllabus_form.cleaned_data["revision"]
    try:
        course = services.syllabus_save_content(
            editor=editor, syllabus=syllabus, revision=revision, by=request.user
        )
    except services.SyllabusEditConflict as conflict:
        fresh = request.POST.copy()
        if conflict.current.is_editable:
            fresh["syllabus-revision"] = str(conflict.current.revision)  # "save again" wins
        editor = CourseEditor(fresh, course=course, syllabus=syllabus, user=request.user)
        return _render_editor(
            request, editor, show_errors=True, conflict=conflict.message, status=409, **page
        )
    except IntegrityError:
        return _render_editor(
            request,
            editor,
            show_errors=True,
            conflict=_("The course could not be saved (a code or row clashed). Nothing was saved."),
            status=409,
            **page,
        )
    messages.success(request, _("Saved."))
    return redirect("course_edit", code=course.code)


def _read_only_context(request, page: dict) -> dict:
    syllabus = page["syllabus"]
    message = _(
        "Version %(v)s is “%(status)s”, so it cannot be changed here. Its content is shown "
        "below; to change it, start the next version."
    ) % {"v": syllabus.version, "status": syllabus.get_status_display()}
    context = dict(page, read_only=message)
    context.update(_syllabus_context(page["course"], syllabus, user=request.user))
    return context


@login_required
@require_POST
def course_validate(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Live validation: the summary of problems, and every field's errors swapped in place."""
    if code is None:
        require_course_author(request.user)
        course = syllabus = None
    else:
        course = get_course_for_user(request.user, code, edit=True)
        syllabus = course.current_syllabus()
    editor = CourseEditor(request.POST, course=course, syllabus=syllabus, user=request.user)
    context = {
        "editor": editor,
        "problems": editor.problems(live=True),
        "field_errors": editor.live_field_errors(),
    }
    return render(request, "curriculum/course_edit.html#live", context)


# --- Prerequisites and programmes (cards on the editor, and small pages of their own) ----------


def _course_cards(course: Course, **extra) -> dict:
    """What the prerequisite and programme cards show for a course the user may edit."""
    prerequisites = list(
        Course.objects.filter(required_by=course).select_related("owner").order_by("code")
    )
    candidates = Course.objects.exclude(pk__in=[c.pk for c in prerequisites])
    context = {
        "course": course,
        "prerequisites": prerequisites,
        "prerequisite_form": PrerequisiteForm(course=course, candidates=candidates),
        "programme_entries": list(
            ProgrammeCourse.objects.filter(course=course).select_related("programme")
        ),
        "programme_form": ProgrammeEntryForm(),
    }
    context.update(extra)
    return context


def _card_response(
    request, course: Course, card: str, *, notice: str = "", **forms
) -> HttpResponse:
    """After a picker action: the card for htmx; without htmx the small page again when a form
    has errors, else back to the editor with the notice as a message."""
    template = f"curriculum/course_{card}.html"
    if request.htmx:
        return render(request, template + "#card", _course_cards(course, notice=notice, **forms))
    if forms:
        return render(request, template, _course_cards(course, **forms))
    if notice:
        messages.success(request, notice)
    return redirect("course_edit", code=course.code)


def _card_page(request, course: Course, card: str) -> HttpResponse:
    template = f"curriculum/course_{card}.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#card"
    return render(request, template, _course_cards(course))


@login_required
@require_http_methods(["GET", "POST"])
def course_prerequisites(request: HttpRequest, code: str) -> HttpResponse:
    course = get_course_for_user(request.user, code, edit=True)
    if request.method == "GET":
        return _card_page(request, course, "prerequisites")
    form = PrerequisiteForm(request.POST, course=course, candidates=Course.objects.all())
    if not form.is_valid():
        return _card_response(request, course, "prerequisites", prerequisite_form=form)
    requires = form.cleaned_data["requires"]
    try:
        services.prerequisite_add(course=course, requires=requires, by=request.user)
    except ValidationError as error:
        form.add_error("requires", error)
        return _card_response(request, course, "prerequisites", prerequisite_form=form)
    notice = _("%(course)s now requires %(requires)s.") % {
        "course": course.code,
        "requires": requires.code,
    }
    return _card_response(request, course, "prerequisites", notice=notice)


@login_required
@require_POST
def course_prerequisite_remove(request: HttpRequest, code: str, requires: str) -> HttpResponse:
    course = get_course_for_user(request.user, code, edit=True)
    required = get_object_or_404(Course, code=requires)
    services.prerequisite_remove(course=course, requires=required, by=request.user)
    notice = _("%(course)s no longer requires %(requires)s.") % {
        "course": course.code,
        "requires": required.code,
    }
    return _card_response(request, course, "prerequisites", notice=notice)


@login_required
@require_http_methods(["GET", "POST"])
def course_programmes(request: HttpRequest, code: str) -> HttpResponse:
    course = get_course_for_user(request.user, code, edit=True)
    if request.method == "GET":
        return _card_page(request, course, "programmes")
    form = ProgrammeEntryForm(request.POST)
    if not form.is_valid():
        return _card_response(request, course, "programmes", programme_form=form)
    programme = form.cleaned_data["programme"]
    services.course_add_to_programme(
        course=course, programme=programme, kind=form.cleaned_data["kind"], by=request.user
    )
    notice = _("%(course)s is now in %(programme)s.") % {
        "course": course.code,
        "programme": programme,
    }
    return _card_response(request, course, "programmes", notice=notice)


@login_required
@require_POST
def course_programme_remove(request: HttpRequest, code: str, programme: str) -> HttpResponse:
    course = get_course_for_user(request.user, code, edit=True)
    entry = get_object_or_404(Programme, code=programme)
    services.course_remove_from_programme(course=course, programme=entry, by=request.user)
    notice = _("%(course)s is no longer in %(programme)s.") % {
        "course": course.code,
        "programme": entry,
    }
    return _card_response(request, course, "programmes", notice=notice)


# --- Read-only syllabus --------------------------------------------------------------------------


def _syllabus_context(course: Course, syllabus: Syllabus | None, *, user) -> dict:
    """Everything the read-only syllabus shows, prefetched (a fixed number of queries)."""
    if syllabus is not None:
        syllabus = (
            Syllabus.objects.filter(pk=syllabus.pk)
            .prefetch_related(
                Prefetch(
                    "outcomes",
                    queryset=LearningOutcome.objects.prefetch_related(
                        "mappings__competency__area"
                    ),
                ),
                "topics",
                "assessment",
                "readings",
                Prefetch(
                    "session_needs", queryset=SessionNeed.objects.prefetch_related("features")
                ),
            )
            .get()
        )
    visible = visible_courses(user) if user is not None else Course.objects.all()
    return {
        "course": course,
        "syllabus": syllabus,
        "shares": CourseDiscipline.objects.filter(course=course)
        .select_related("discipline")
        .order_by("-share"),
        "prerequisites": visible.filter(required_by=course).select_related("owner").order_by(
            "code"
        ),
        "required_by": visible.filter(prerequisites=course).order_by("code"),
        "programme_entries": ProgrammeCourse.objects.filter(course=course).select_related(
            "programme"
        ),
        "versions": course.syllabi.order_by("version").values_list("version", "status"),
    }


def _syllabus_page(request, course: Course, syllabus: Syllabus | None) -> HttpResponse:
    context = _syllabus_context(course, syllabus, user=request.user)
    context["can_edit"] = can_edit_course(request.user, course)
    template = "curriculum/syllabus_detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#body"
    return render(request, template, context)


@login_required
@require_GET
def course_detail(request: HttpRequest, code: str) -> HttpResponse:
    course = get_course_for_user(request.user, code)
    return _syllabus_page(request, course, course.current_syllabus())


@login_required
@require_GET
def syllabus_detail(request: HttpRequest, code: str, version: int) -> HttpResponse:
    syllabus = get_syllabus_for_user(request.user, code, version)
    return _syllabus_page(request, syllabus.course, syllabus)

