"""GET /courses/<code>/v/<version>/syllabus.pdf: a syllabus as a bilingual PDF."""

import io
import re

import pytest
from pypdf import PdfReader

from curriculum.models import Syllabus
from tests.exports.helpers import pdf_text

URL = "/courses/ICV500/v/1/syllabus.pdf"


def embedded_base_fonts(content: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(content))
    return {str(font.get_object()["/BaseFont"]) for page in reader.pages
            for font in page["/Resources"]["/Font"].values()}


def test_it_prints_the_syllabus_for_its_faculty(client, faculty, shared_course):
    client.force_login(faculty)
    response = client.get(URL)
    text = pdf_text(response)
    assert "ICV500 Vehicle OS" in text and "车载操作系统" in text
    assert "配置实时操作系统" in text and "Real-time OS (3)" in text
    assert "DRAFT" in text
    assert response["Content-Disposition"] == 'attachment; filename="ICV500-syllabus-v1.pdf"'
    assert any(re.search(r"WenQuanYi|Noto.*CJK", name) for name in
               embedded_base_fonts(response.content))


def test_it_drops_the_watermark_once_approved(client, consortium_admin, shared_course):
    Syllabus.objects.filter(course=shared_course).update(status=Syllabus.Status.APPROVED)
    client.force_login(consortium_admin)
    text = pdf_text(client.get(URL))
    assert "DRAFT" not in text and "Approved" in text


def test_it_gives_a_partner_reviewer_a_syllabus_shared_with_his_firm(
    client, partner_reviewer, shared_course
):
    client.force_login(partner_reviewer)
    assert "ICV500" in pdf_text(client.get(URL))


@pytest.mark.parametrize("who", ["other_reviewer", "outsider"])
def test_it_hides_a_syllabus_not_shared_with_the_users_firm(client, shared_course, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404


def test_it_is_404_for_an_unknown_version(client, faculty, shared_course):
    client.force_login(faculty)
    assert client.get("/courses/ICV500/v/9/syllabus.pdf").status_code == 404


def test_it_answers_htmx_with_the_file_too(client, faculty, shared_course):
    client.force_login(faculty)
    assert "ICV500" in pdf_text(client.get(URL, HTTP_HX_REQUEST="true"))


def test_it_refuses_post(client, faculty, shared_course):
    client.force_login(faculty)
    assert client.post(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, shared_course):
    assert client.get(URL).status_code == 302
