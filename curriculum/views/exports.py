"""Downloads of the curriculum: a syllabus PDF, a programme plan (PDF), a programme's curriculum
workbook and the whole curriculum workbook. Each shows exactly what its page shows the user: a
partner reviewer gets only the courses shared with his firm (404 for anything else)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from curriculum.access import (
    get_programme_for_user,
    get_syllabus_for_user,
    is_reviewer,
    require_role,
    visible_courses,
    visible_programmes,
)
from curriculum.exporting import curriculum_doc, load_syllabus_doc, programme_doc
from curriculum.models import Institution, Profile
from exports.curriculum_xlsx import curriculum_workbook
from exports.pdf import PDF_CONTENT_TYPE, programme_pdf, syllabus_pdf
from exports.xlsx import XLSX_CONTENT_TYPE


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _reviewer_courses(request: HttpRequest):
    """The courses a partner reviewer may see; None for consortium staff (all of them)."""
    return visible_courses(request.user) if is_reviewer(request.user) else None


def _member_filter(request: HttpRequest) -> Institution | None:
    """The programme pages' member filter (?member=<id>), as on the matrix page."""
    value = request.GET.get("member")
    if not value:
        return None
    try:
        return Institution.objects.get(pk=int(value))
    except (ValueError, Institution.DoesNotExist):
        raise Http404 from None


@login_required
@require_GET
def syllabus_pdf_download(request: HttpRequest, code: str, version: int) -> HttpResponse:
    syllabus = get_syllabus_for_user(request.user, code, version)
    doc = load_syllabus_doc(syllabus, visible=_reviewer_courses(request))
    return download(syllabus_pdf(doc), PDF_CONTENT_TYPE,
                    f"{syllabus.course.code}-syllabus-v{syllabus.version}.pdf")


@login_required
@require_GET
def programme_pdf_download(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_programme_for_user(request.user, code)
    doc = programme_doc(programme, member=_member_filter(request),
                        visible=_reviewer_courses(request))
    return download(programme_pdf(doc), PDF_CONTENT_TYPE, f"{programme.code}-plan.pdf")


@login_required
@require_GET
def programme_xlsx_download(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_programme_for_user(request.user, code)
    visible = _reviewer_courses(request)
    courses = programme.courses.all()
    if visible is not None:
        courses = courses.filter(pk__in=visible.values("pk"))
    member = _member_filter(request)
    if member is not None:
        courses = courses.filter(Q(owner=member) | Q(co_institutions=member)).distinct()
    doc = curriculum_doc(courses=courses, programmes=[programme], visible=visible,
                         member=member, title=programme.name)
    return download(curriculum_workbook(doc), XLSX_CONTENT_TYPE,
                    f"{programme.code}-curriculum.xlsx")


@login_required
@require_GET
def curriculum_xlsx_download(request: HttpRequest) -> HttpResponse:
    require_role(request.user, *Profile.Role.values)
    visible = _reviewer_courses(request)
    doc = curriculum_doc(
        courses=visible_courses(request.user),
        programmes=list(visible_programmes(request.user).order_by("code")),
        visible=visible,
        title=_("Curriculum"),
    )
    return download(curriculum_workbook(doc), XLSX_CONTENT_TYPE, "curriculum.xlsx")
