"""The PDFs, read back: their text (pypdf) and the fonts embedded for the Chinese text."""

import io
import re

import pytest
from pypdf import PdfReader

from exports.pdf import (
    css_page_counter,
    css_string,
    programme_pdf,
    syllabus_pdf,
    timetable_book_pdf,
)
from tests.exports import sample

CJK_FONT = re.compile(r"WenQuanYi|Noto.*CJK|SourceHan|MicroHei", re.I)


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def embedded_fonts(pdf: bytes) -> set[str]:
    """BaseFont names of the fonts whose program is embedded (FontFile, FontFile2 or 3)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture(scope="module")
def syllabus():
    return syllabus_pdf(sample.syllabus_doc())


def test_it_prints_the_syllabus_in_both_languages(syllabus):
    text = " ".join(text_of(syllabus))
    assert "ICV101 Perception and Sensor Fusion" in text
    assert "感知与传感器融合" in text
    assert "完成相机与激光雷达的联合标定" in text
    assert "Lab reports" in text and "实验报告" in text


def test_it_names_the_competencies_of_each_outcome_not_their_codes(syllabus):
    text = " ".join(text_of(syllabus))
    assert "Sensor calibration (4)" in text and "传感器标定" in text
    assert "perc-cal" not in text


def test_it_embeds_a_cjk_font_for_the_chinese_text(syllabus):
    assert any(CJK_FONT.search(name) for name in embedded_fonts(syllabus))


def test_it_heads_every_page_with_code_version_status_and_page_x_of_y(syllabus):
    pages = text_of(syllabus)
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert "ICV101" in text
        assert "Version 2 · In industry review" in text
        assert f"Page {number} of {len(pages)}" in text


def test_it_watermarks_a_syllabus_until_it_is_approved(syllabus):
    assert "DRAFT" in text_of(syllabus)[0]
    approved = syllabus_pdf(sample.syllabus_doc(status="approved", status_label="Approved"))
    assert "DRAFT" not in " ".join(text_of(approved))


def test_it_prints_the_programme_plan_with_credits_prerequisites_and_coverage():
    pdf = programme_pdf(sample.programme_doc())
    text = " ".join(text_of(pdf))
    assert "ICV minor" in text and "智能网联辅修" in text
    assert "3.0 required, 2.0 elective" in text
    assert "ICV001" in text  # ICV101's prerequisite
    assert "Gap" in text and "Thin (one course)" in text
    assert "Page 1 of 1" in text
    assert any(CJK_FONT.search(name) for name in embedded_fonts(pdf))


def test_it_prints_one_landscape_page_per_cohort_faculty_member_and_room():
    pdf = timetable_book_pdf(sample.timetable())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1 + 6  # a cover, 2 cohorts, 2 faculty, 2 rooms
    assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)
    texts = [p.extract_text() for p in reader.pages]
    assert "2027年春季学期" in texts[0]
    assert texts[1].count("ICV101 · Lecture") == 1 and "Cohort: icv-a" in texts[1]
    assert "Room: R101" in texts[6] and "ICV202 · Seminar" in texts[6]
    assert all(f"Page {n} of 7" in t for n, t in enumerate(texts, 1))


def test_it_joins_a_big_book_from_parts_with_running_page_numbers(monkeypatch):
    monkeypatch.setattr("exports.pdf.BOOK_PART", 2)
    calls = []
    pdf = timetable_book_pdf(sample.timetable(), progress=lambda done, total: calls.append(done))
    texts = text_of(pdf)
    assert len(texts) == 7 and "Page 7 of 7" in texts[6]
    assert calls == [2, 4, 6]


def test_it_escapes_header_text_into_css_strings():
    assert css_string('a"b\\c') == '"a\\22 b\\5c c"'
    assert css_string("</style>") == '"\\3c \\2f style\\3e "'
    assert css_page_counter("Page {page} of {pages}") == (
        '"Page " counter(page) " of " counter(pages)')


def test_it_fits_a_full_week_of_long_titles_on_one_page_per_grid():
    from dataclasses import replace

    from exports.grids import week_grids
    from scheduler.timetable import Ref, Slot

    slots = tuple(Slot(i, sample.SLOTS[0].start, sample.SLOTS[0].end) for i in range(10))
    long_course = Ref(99, "ICV999", "Functional Safety, SOTIF and Cybersecurity Engineering for "
                      "Automated Driving", "自动驾驶功能安全、预期功能安全与网络安全工程")
    base = sample.ENTRIES[1]  # a lab taught by two people to two cohorts
    entries = tuple(
        replace(base, session_id=1000 + 10 * day + period, course=long_course, day=day,
                period=period, length=1, room=sample.R101 if period % 2 else sample.HIL)
        for day in range(5) for period in range(10)
    )
    tt = sample.timetable(slots=slots, entries=entries,
                          days=("Mon", "Tue", "Wed", "Thu", "Fri"))
    reader = PdfReader(io.BytesIO(timetable_book_pdf(tt)))
    assert len(reader.pages) == 1 + len(week_grids(tt))  # not one grid spills over
    assert "Page 2 of 7" in reader.pages[1].extract_text()
