import io

import openpyxl
import pytest

from exports.curriculum_xlsx import curriculum_workbook
from exports.documents import CurriculumDoc
from tests.exports import sample


@pytest.fixture
def wb():
    doc = CurriculumDoc(syllabi=(sample.syllabus_doc(),), matrices=(sample.matrix_doc(),))
    return openpyxl.load_workbook(io.BytesIO(curriculum_workbook(doc)))


def test_it_has_courses_outcomes_assessment_topics_and_a_matrix_per_programme(wb):
    assert wb.sheetnames == ["Courses", "Outcomes", "Assessment", "Topics", "Matrix icv-minor"]


def test_it_lists_courses_with_their_syllabus(wb):
    header, row = list(wb["Courses"].iter_rows(values_only=True))
    assert header[:4] == ("Code", "Title", "Chinese title", "Credits")
    assert row[:4] == ("ICV101", "Perception and Sensor Fusion", "感知与传感器融合", 3.0)
    assert row[7] == "Computer science 60%; Vehicle engineering 40%"
    assert row[8] == "yes"  # two disciplines
    assert row[-1] == 100


def test_it_maps_each_outcome_to_its_competencies_with_a_level(wb):
    rows = list(wb["Outcomes"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[4], r[6]) for r in rows] == [
        (1, "perc-cal", 4), (2, "perc-fus", 2), (2, "plan-ctl", 3), (3, None, None)]
    assert rows[0][3] == "完成相机与激光雷达的联合标定。"


def test_it_lists_assessment_with_the_course_total(wb):
    rows = list(wb["Assessment"].iter_rows(min_row=2, values_only=True))
    assert rows == [("ICV101", "Lab reports", "实验报告", 40, 100),
                    ("ICV101", "Final exam", "期末考试", 60, 100)]


def test_it_draws_the_matrix_as_a_heat_map_with_targets_and_gaps(wb):
    ws = wb["Matrix icv-minor"]
    rows = list(ws.iter_rows(max_row=7, values_only=True))
    assert rows[1] == ("Course", "Title", "Kind", "perc-cal", "perc-fus", "plan-ctl", "v2x")
    assert rows[2][3:] == (3, 4, 2, 2)
    assert rows[3] == ("ICV101", "Perception and Sensor Fusion", "Required", 4, 2, 3, None)
    assert rows[5][3:] == (4, 2, 3, None)  # highest level reached
    assert rows[6][3:] == ("thin", "gap", None, "gap")
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    assert list(ranges) == ["D4:G5"]
    assert ranges["D4:G5"][0].type == "colorScale"
    assert ws.freeze_panes == "D4"
