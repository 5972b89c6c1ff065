"""A small known timetable built by hand, for the pure export functions.

Two members (Chongqing Tech, a university, and Auto Lab, a firm), two cohorts, two faculty
members, two rooms on two campuses, three days of four periods, and four weekly sessions:

- ICV101 lecture, Mon periods 1–2 (08:00–09:50), room R101, Dr Wang, cohort A
- ICV101 lab, Wed period 3 (10:00–10:50), lab HIL1, Dr Wang and Li Na, cohorts A and B
- ICV202 lecture, Tue periods 2–4 (09:00–11:50), room R101, Li Na, cohort B
- ICV202 seminar, Mon period 4 (11:00–11:50), room R101, Li Na, cohort B
"""

from __future__ import annotations

import datetime as dt

from scheduler.timetable import Entry, Ref, Slot, Timetable

UNI = Ref(1, "cqtu", "Chongqing Tech", "重庆科技大学")
FIRM = Ref(2, "autolab", "Auto Lab", "汽车实验室")
COHORT_A = Ref(11, "icv-a", "ICV cohort A", "智能网联A班", member_id=1)
COHORT_B = Ref(12, "icv-b", "ICV cohort B", "智能网联B班", member_id=2)
WANG = Ref(21, "wang@example.org", "Dr Wang Wei", "Dr 王伟", member_id=1)
LI = Ref(22, "li@example.org", "Li Na", "李娜", member_id=2)
R101 = Ref(31, "R101", "Lecture hall 101", "101教室", member_id=1)
HIL = Ref(32, "HIL1", "HIL bench lab", "硬件在环实验室", member_id=2)
MAIN = Ref(41, "main", "Main campus", "主校区", member_id=1)
LAB_CAMPUS = Ref(42, "labpark", "Lab park", "实验园区", member_id=2)
ICV101 = Ref(51, "ICV101", "Perception and Sensor Fusion", "感知与传感器融合")
ICV202 = Ref(52, "ICV202", "Vehicle Networks", "车载网络")

SLOTS = tuple(
    Slot(i, dt.time(8 + i, 0), dt.time(8 + i, 50)) for i in range(4)
)


def entry(session_id, course, kind, day, period, length, room, campus, member, faculty, cohorts,
          **kw):
    return Entry(
        session_id=session_id, course=course, kind=kind, kind_label=kind.capitalize(), day=day,
        period=period, length=length, start=SLOTS[period].start,
        end=SLOTS[period + length - 1].end, room=room, campus=campus, member=member,
        faculty=faculty, cohorts=cohorts, **kw,
    )


ENTRIES = (
    entry(101, ICV101, "lecture", 0, 0, 2, R101, MAIN, UNI, (WANG,), (COHORT_A,)),
    entry(102, ICV101, "lab", 2, 2, 1, HIL, LAB_CAMPUS, UNI, (WANG, LI), (COHORT_A, COHORT_B),
          pinned=True),
    entry(201, ICV202, "lecture", 1, 1, 3, R101, MAIN, FIRM, (LI,), (COHORT_B,)),
    entry(202, ICV202, "seminar", 0, 3, 1, R101, MAIN, FIRM, (LI,), (COHORT_B,),
          violations=("Cohort B has an isolated session on Monday.",)),
)

VIOLATIONS = (
    {"rule": "isolated", "hard": False, "penalty": 1,
     "message": "Cohort B has an isolated session on Monday.", "refs": [["session", 202]]},
    {"rule": "room_stability", "hard": False, "penalty": 1,
     "message": "ICV101 uses two rooms.", "refs": [["course", 51]]},
    {"rule": "faculty_load", "hard": True, "penalty": 1,
     "message": "Li Na teaches more than her limit.", "refs": [["faculty", 22]]},
)


def timetable(**kw) -> Timetable:
    values = dict(
        term_slug="2027-spring",
        term_name="Spring 2027",
        term_name_zh="2027年春季学期",
        start_date=dt.date(2027, 3, 1),
        weeks=16,
        days=("Monday", "Tuesday", "Wednesday"),
        slots=SLOTS,
        holidays=(dt.date(2027, 4, 5), dt.date(2027, 5, 3), dt.date(2027, 5, 5)),
        timezone="Asia/Shanghai",
        run_id=7,
        run_status="succeeded",
        published=True,
        objective=3,
        penalties={"isolated": 1, "room_stability": 2},
        violations=VIOLATIONS,
        entries=ENTRIES,
        members=(FIRM, UNI),
    )
    values.update(kw)
    return Timetable(**values)


# --- Curriculum documents --------------------------------------------------------------------

def syllabus_doc(**kw):
    from decimal import Decimal

    from exports.documents import (
        AssessmentDoc,
        CourseDoc,
        MappingDoc,
        OutcomeDoc,
        ReadingDoc,
        SessionNeedDoc,
        SyllabusDoc,
        TopicDoc,
    )

    course = CourseDoc(
        code="ICV101", title="Perception and Sensor Fusion", title_zh="感知与传感器融合",
        credits=Decimal("3.0"), owner="Chongqing Tech", co_institutions=("Auto Lab",),
        faculty=("Dr Wang Wei", "Li Na"),
        disciplines=(("Computer science", 60), ("Vehicle engineering", 40)),
        prerequisites=("ICV001",),
    )
    values = dict(
        course=course, version=2, status="in_review", status_label="In industry review",
        summary="Cameras, lidar and radar, and how to fuse them.",
        summary_zh="摄像头、激光雷达与毫米波雷达的融合方法。",
        outcomes=(
            OutcomeDoc(1, "Calibrate a camera and a lidar together.",
                       "完成相机与激光雷达的联合标定。",
                       (MappingDoc("perc-cal", "Sensor calibration", "传感器标定", 4),)),
            OutcomeDoc(2, "Explain a Kalman filter.", "解释卡尔曼滤波。",
                       (MappingDoc("perc-fus", "Sensor fusion", "传感器融合", 2),
                        MappingDoc("plan-ctl", "Motion control", "运动控制", 3))),
            OutcomeDoc(3, "Present a design review.", "进行设计评审汇报。"),
        ),
        topics=(TopicDoc(1, "Sensors on a vehicle", "车载传感器"),
                TopicDoc(2, "Calibration", "标定", "Intrinsics and extrinsics.")),
        assessment=(AssessmentDoc("Lab reports", "实验报告", 40),
                    AssessmentDoc("Final exam", "期末考试", 60)),
        readings=(ReadingDoc("Thrun, Probabilistic Robotics, 2005", True),),
        session_needs=(SessionNeedDoc("Lecture", 2, 2),
                       SessionNeedDoc("Lab", 3, 1, ("HIL bench",))),
    )
    values.update(kw)
    return SyllabusDoc(**values)


def matrix_doc():
    from exports.documents import CompetencyDoc, MatrixDoc, MatrixRowDoc

    return MatrixDoc(
        programme_code="icv-minor", programme_name="ICV minor", programme_name_zh="智能网联辅修",
        competencies=(
            CompetencyDoc("perc-cal", "Sensor calibration", "传感器标定", "1. Perception", 3),
            CompetencyDoc("perc-fus", "Sensor fusion", "传感器融合", "1. Perception", 4),
            CompetencyDoc("plan-ctl", "Motion control", "运动控制", "2. Planning", 2),
            CompetencyDoc("v2x", "C-V2X", "车路协同", "3. V2X", 2),
        ),
        rows=(
            MatrixRowDoc("ICV101", "Perception and Sensor Fusion", "感知与传感器融合", "Required",
                         (4, 2, 3, None)),
            MatrixRowDoc("ICV202", "Vehicle Networks", "车载网络", "Elective",
                         (None, None, 2, None)),
        ),
    )


def programme_doc():
    from exports.documents import ProgrammeCourseDoc, ProgrammeDoc

    s = syllabus_doc()
    from dataclasses import replace
    from decimal import Decimal

    other = replace(s.course, code="ICV202", title="Vehicle Networks", title_zh="车载网络",
                    credits=Decimal("2.0"), prerequisites=("ICV101",))
    return ProgrammeDoc(
        code="icv-minor", name="ICV minor", name_zh="智能网联辅修", lead="Chongqing Tech",
        description="A minor in intelligent connected vehicles.",
        courses=(ProgrammeCourseDoc(s.course, True, "Required", 2, "In industry review"),
                 ProgrammeCourseDoc(other, False, "Elective", 1, "Draft")),
        matrix=matrix_doc(),
    )
