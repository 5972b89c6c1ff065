"""The demo term's scheduling data: rooms and labs, availability, cohorts and offerings.

Sized to be comfortably solvable: every cohort and teacher uses well under 60 % of the 50-period
week, labs are far from full, the long lunch (140 min) and evening (80 min) breaks leave time to
cross town, and every lab a course needs is owned by its member or lent to it with enough hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TERM_SLUG = "demo"
TERM_NAME = "Spring 2027 | 2027年春季学期"
TERM_START = dt.date(2027, 3, 1)  # a Monday
TERM_WEEKS = 16
DAYS_PER_WEEK = 5

# Ten periods of 45 minutes: two morning pairs, two afternoon pairs and one evening pair.
PERIODS = [
    ("08:00", "08:45"),
    ("08:55", "09:40"),
    ("10:00", "10:45"),
    ("10:55", "11:40"),
    ("14:00", "14:45"),
    ("14:55", "15:40"),
    ("16:00", "16:45"),
    ("16:55", "17:40"),
    ("19:00", "19:45"),
    ("19:55", "20:40"),
]
MORNING, AFTERNOON, EVENING = range(4), range(4, 8), range(8, 10)
MON, TUE, WED, THU, FRI = range(5)

# Public holidays of spring 2027 that fall on teaching days.
HOLIDAYS = [
    (dt.date(2027, 4, 5), "Qingming Festival | 清明节"),
    (dt.date(2027, 5, 3), "Labour Day holiday | 劳动节假期"),
    (dt.date(2027, 5, 4), "Labour Day holiday | 劳动节假期"),
    (dt.date(2027, 5, 5), "Labour Day holiday | 劳动节假期"),
    (dt.date(2027, 6, 9), "Dragon Boat Festival | 端午节"),
]


@dataclass(frozen=True)
class RoomSpec:
    code: str
    campus: str
    name: str  # "English | 中文"
    capacity: int
    features: str = "projector"  # space-separated feature codes
    lab: bool = False
    loans: tuple[tuple[str, int], ...] = ()  # (borrower member, cap in periods per week)


ROOMS = [
    # Jinyun, Beibei
    RoomSpec("JY-B101", "jinyun-beibei", "Lecture Hall 101 | 第一阶梯教室", 160),
    RoomSpec("JY-B201", "jinyun-beibei", "Classroom 201 | 201教室", 80),
    RoomSpec("JY-B202", "jinyun-beibei", "Classroom 202 | 202教室", 60),
    RoomSpec("JY-B203", "jinyun-beibei", "Classroom 203 | 203教室", 60),
    RoomSpec("JY-B301", "jinyun-beibei", "Seminar Room 301 | 301研讨室", 30),
    RoomSpec("JY-B-CR1", "jinyun-beibei", "Computer Room 1 | 第一机房", 90,
             "projector workstations"),
    # Jinyun, University Town (Shapingba)
    RoomSpec("JY-S101", "jinyun-shapingba", "Lecture Hall S101 | S101阶梯教室", 120),
    RoomSpec("JY-S102", "jinyun-shapingba", "Classroom S102 | S102教室", 60),
    RoomSpec("JY-S201", "jinyun-shapingba", "Seminar Room S201 | S201研讨室", 40),
    RoomSpec("JY-S-CR", "jinyun-shapingba", "AI Computing Room | 人工智能计算机房", 48,
             "projector workstations gpu"),
    # Liangjiang, Yubei
    RoomSpec("LJ-Y101", "liangjiang-yubei", "Lecture Hall Y101 | Y101阶梯教室", 150),
    RoomSpec("LJ-Y201", "liangjiang-yubei", "Classroom Y201 | Y201教室", 80),
    RoomSpec("LJ-Y202", "liangjiang-yubei", "Classroom Y202 | Y202教室", 60),
    RoomSpec("LJ-Y203", "liangjiang-yubei", "Seminar Room Y203 | Y203研讨室", 40),
    RoomSpec("LJ-Y-CR", "liangjiang-yubei", "Computer Room Y | Y机房", 80,
             "projector workstations"),
    # Liangjiang, Jiangbei
    RoomSpec("LJ-J101", "liangjiang-jiangbei", "Classroom J101 | J101教室", 80),
    RoomSpec("LJ-J102", "liangjiang-jiangbei", "Classroom J102 | J102教室", 60),
    RoomSpec("LJ-J201", "liangjiang-jiangbei", "Seminar Room J201 | J201研讨室", 30),
    # Nanshan, Nan'an
    RoomSpec("NS-A101", "nanshan-nanan", "Lecture Hall A101 | A101阶梯教室", 120),
    RoomSpec("NS-A201", "nanshan-nanan", "Classroom A201 | A201教室", 60),
    RoomSpec("NS-A202", "nanshan-nanan", "Classroom A202 | A202教室", 60),
    RoomSpec("NS-A301", "nanshan-nanan", "Seminar Room A301 | A301研讨室", 30),
    RoomSpec("NS-A-CR", "nanshan-nanan", "Computer Room A | A机房", 50,
             "projector workstations gpu"),
    # Huaying, Yongchuan
    RoomSpec("HY-M1", "huaying-yongchuan", "Training Room 1 | 第一培训室", 50),
    RoomSpec("HY-M2", "huaying-yongchuan", "Meeting Room 2 | 第二会议室", 30),
    # Chaotianmen, Yuzui
    RoomSpec("CT-T1", "chaotian-yuzui", "Training Room T1 | T1培训教室", 60),
    RoomSpec("CT-T2", "chaotian-yuzui", "Training Room T2 | T2培训教室", 30),
    # Mingyue, Jiulongpo
    RoomSpec("MY-T1", "mingyue-jiulongpo", "Training Room T1 | T1培训室", 50),
    RoomSpec("MY-T2", "mingyue-jiulongpo", "Meeting Room T2 | T2会议室", 30),
    RoomSpec("MY-DEV", "mingyue-jiulongpo", "Developer Lab | 开发者实训室", 40,
             "projector workstations"),
    # The eight specialised labs: restricted to their owner and the listed borrowers.
    RoomSpec("JY-HIL", "jinyun-beibei", "HIL Bench Lab | 硬件在环实验室", 40,
             "hil-bench workstations ecu-kit", lab=True,
             loans=(("liangjiang", 6), ("chaotian", 4))),
    RoomSpec("JY-PERC", "jinyun-shapingba", "Perception Lab | 环境感知实验室", 40,
             "sensor-rig gpu workstations", lab=True,
             loans=(("liangjiang", 4), ("nanshan", 6), ("mingyue", 4))),
    RoomSpec("LJ-SIM", "liangjiang-yubei", "Driving Simulator Centre | 驾驶模拟中心", 24,
             "driving-sim workstations", lab=True, loans=(("jinyun", 6),)),
    RoomSpec("LJ-DRIVE", "liangjiang-jiangbei", "Electric Drive Lab | 电驱动实验室", 30,
             "motor-dyno", lab=True, loans=(("jinyun", 4),)),
    RoomSpec("HY-V2X", "huaying-yongchuan", "V2X Test Field | 车路协同测试场", 40,
             "v2x-rsu gnss-rtk sensor-rig", lab=True,
             loans=(("jinyun", 6), ("liangjiang", 6), ("chaotian", 4))),
    RoomSpec("CT-BAT", "chaotian-yuzui", "Battery Lab | 电池实验室", 40,
             "battery-cycler", lab=True, loans=(("jinyun", 6), ("nanshan", 4))),
    RoomSpec("MY-NET", "mingyue-jiulongpo", "Vehicle Network Lab | 车载网络实验室", 36,
             "can-bench ecu-kit workstations", lab=True,
             loans=(("nanshan", 6), ("jinyun", 4))),
    RoomSpec("NS-EMB", "nanshan-nanan", "Embedded and Security Lab | 嵌入式与信息安全实验室", 36,
             "ecu-kit can-bench workstations", lab=True,
             loans=(("mingyue", 8), ("liangjiang", 4))),
]

# Rooms closed in some periods: code -> [(day, period), ...].
ROOM_CLOSED = {
    "JY-HIL": [(FRI, p) for p in AFTERNOON],  # bench maintenance
    "HY-V2X": [(MON, p) for p in range(10)],  # public-road tests on Mondays
    "LJ-Y101": [(WED, p) for p in AFTERNOON],  # university assemblies
    "CT-BAT": [(d, p) for d in range(5) for p in EVENING],  # no unattended evening tests
}

# Faculty availability in the term: name -> {kind: [(day, period), ...]}.
EVENINGS = [(d, p) for d in range(5) for p in EVENING]
FACULTY_AVAILABILITY = {
    "Zhang Hua": {"preferred": [(d, p) for d in range(5) for p in MORNING],
                  "discouraged": EVENINGS},
    "Wang Wei": {"preferred": [(d, p) for d in (TUE, THU) for p in MORNING]},
    "Yang Fan": {"unavailable": [(WED, p) for p in AFTERNOON], "discouraged": EVENINGS},
    "Li Na": {"unavailable": [(WED, p) for p in AFTERNOON]},
    "Ma Jun": {"unavailable": [(FRI, p) for p in range(10)],
               "discouraged": [(d, p) for d in (MON, TUE, WED, THU) for p in EVENING]},
    "Luo Gang": {"discouraged": EVENINGS},
    "Xie Ming": {"discouraged": [(MON, p) for p in MORNING]},
    "Cao Yi": {"unavailable": [(MON, p) for p in MORNING],
               "discouraged": [(FRI, p) for p in range(10)]},
    "Yuan Chao": {"unavailable": [(d, p) for d in (MON, FRI) for p in range(10)]},
    "Pan Yue": {"unavailable": [(d, p) for d in (MON, TUE) for p in MORNING]},
    "Jiang Tao": {"preferred": [(d, p) for d in (WED, THU) for p in AFTERNOON]},
    "Du Juan": {"unavailable": [(THU, p) for p in range(10)]},
    "Ye Zhen": {"discouraged": [(d, p) for d in range(5) for p in MORNING[:2]]},
}


@dataclass(frozen=True)
class CohortSpec:
    code: str
    name: str  # "English | 中文"
    member: str
    size: int
    programme: str


COHORTS = [
    CohortSpec("jy-minor-25", "Jinyun ICV minor, class of 2025 | 缙云理工2025级智能网联辅修班",
               "jinyun", 45, "icv-minor"),
    CohortSpec("jy-ve-24", "Jinyun vehicle engineering, class of 2024 | 缙云理工2024级车辆工程班",
               "jinyun", 40, "icv-minor"),
    CohortSpec("lj-minor-25", "Liangjiang ICV minor, class of 2025 | 两江科大2025级智能网联辅修班",
               "liangjiang", 40, "icv-minor"),
    CohortSpec("lj-ee-24", "Liangjiang electrical engineering, class of 2024 | "
               "两江科大2024级电气工程班", "liangjiang", 36, "icv-minor"),
    CohortSpec("ns-minor-25", "Nanshan ICV minor, class of 2025 | 南山大学2025级智能网联辅修班",
               "nanshan", 35, "icv-minor"),
    CohortSpec("jy-msc-26", "Jinyun ICV master's, 2026 intake | 缙云理工2026级智能网联硕士",
               "jinyun", 30, "icv-master"),
    CohortSpec("lj-msc-26", "Liangjiang ICV master's, 2026 intake | 两江科大2026级智能网联硕士",
               "liangjiang", 28, "icv-master"),
    CohortSpec("ns-msc-26", "Nanshan ICV master's, 2026 intake | 南山大学2026级智能网联硕士",
               "nanshan", 24, "icv-master"),
    CohortSpec("hy-joint-26", "Huaying joint master's, 2026 intake | 华蓥研究院2026级联培硕士",
               "huaying", 16, "icv-master"),
    CohortSpec("ct-eng-27", "Chaotianmen in-service engineers, 2027 | 朝天门汽车2027级在职工程师班",
               "chaotian", 20, "icv-master"),
]


@dataclass(frozen=True)
class OfferingSpec:
    course: str
    faculty: tuple[str, ...]  # who teaches it this term (all attend every session)
    cohorts: tuple[str, ...] = ()  # empty: an elective open to students of every member
    expected_size: int | None = None  # for open electives
    min_days: int = 2


OFFERINGS = [
    OfferingSpec("ICV101", ("Zhang Hua",), ("jy-minor-25", "lj-minor-25", "ns-minor-25")),
    OfferingSpec("ICV110", ("Zhu Hong",), ("lj-minor-25", "lj-ee-24")),
    OfferingSpec("ICV120", ("Wu Xia",), ("jy-minor-25", "jy-ve-24")),
    OfferingSpec("ICV130", ("Zheng Kai",), ("ns-minor-25",)),
    OfferingSpec("ICV140", ("Liang Yu",), expected_size=30),
    OfferingSpec("ICV150", ("Zhao Lei",), ("jy-ve-24",)),
    OfferingSpec("ICV160", ("Ma Jun",), expected_size=40),
    OfferingSpec("ICV170", ("Wang Wei",), ("jy-minor-25",)),
    OfferingSpec("ICV180", ("Xie Ming",), ("ns-minor-25", "lj-ee-24", "jy-ve-24")),
    OfferingSpec("ICV190", ("Yu Hang",), ("lj-ee-24", "lj-minor-25")),
    OfferingSpec("ICV510", ("Zhou Tao",), ("jy-msc-26",)),
    OfferingSpec("ICV520", ("Li Na",), ("jy-msc-26", "lj-msc-26", "ns-msc-26")),
    OfferingSpec("ICV530", ("Cao Yi",), ("hy-joint-26",), expected_size=40),
    OfferingSpec("ICV540", ("Zeng Wen",), ("hy-joint-26",)),
    OfferingSpec("ICV550", ("Feng Rui",), ("ns-msc-26",)),
    OfferingSpec("ICV560", ("Yuan Chao",), ("ct-eng-27",), expected_size=40),
    OfferingSpec("ICV570", ("Du Juan",), expected_size=30),
    OfferingSpec("ICV580", ("Pan Yue",), ("ct-eng-27",)),
    OfferingSpec("ICV590", ("Guo Ping",), ("lj-msc-26",)),
    OfferingSpec("ICV610", ("Jiang Tao",), ("ct-eng-27",)),
    OfferingSpec("ICV620", ("He Yun",), expected_size=20),
    OfferingSpec("ICV630", ("Ye Zhen",), expected_size=30),
    OfferingSpec("ICV640", ("Han Bo",), expected_size=30),
    OfferingSpec("ICV650", ("Yang Fan",), expected_size=30),
    OfferingSpec("ICV660", ("Tian Jun",), ("hy-joint-26",), min_days=1),
]
