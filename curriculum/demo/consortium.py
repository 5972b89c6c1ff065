"""The demo consortium's people and places: fictional members in Chongqing, their campuses and
faculty, the disciplines, the ICV competency framework of DOMAIN.md, equipment and the demo users.

Bilingual texts are written ``"English | 中文"`` and split by :func:`en_zh`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def en_zh(text: str) -> tuple[str, str]:
    """``"Perception lab | 感知实验室"`` -> ``("Perception lab", "感知实验室")``."""
    en, _, zh = text.partition(" | ")
    return en.strip(), zh.strip()


# --- Members ------------------------------------------------------------------------------------
# code -> (kind, "English | 中文"). The first university organises the demo term; the two
# enterprises are the partner firms whose engineers review syllabi (firm A and firm B).
MEMBERS = {
    "jinyun": ("university", "Jinyun University of Technology | 缙云理工大学"),
    "liangjiang": ("university", "Liangjiang University of Science and Technology | 两江科技大学"),
    "nanshan": ("university", "Chongqing Nanshan University | 重庆南山大学"),
    "huaying": ("research", "Huaying Institute of Intelligent Mobility | 华蓥智能出行研究院"),
    "chaotian": ("enterprise", "Chaotianmen Automotive Group | 朝天门汽车集团"),
    "mingyue": ("enterprise", "Mingyue Intelligent Systems Co., Ltd. | 明月智能系统有限公司"),
}
FIRST_UNIVERSITY = "jinyun"
SECOND_UNIVERSITY = "liangjiang"
FIRM_A = "chaotian"  # user `reviewer`
FIRM_B = "mingyue"  # user `reviewer2`

# code -> (member, "English | 中文"), one line per campus, eight Chongqing districts.
CAMPUSES = {
    "jinyun-beibei": ("jinyun", "Beibei Campus | 北碚校区"),
    "jinyun-shapingba": ("jinyun", "University Town Campus, Shapingba | 沙坪坝大学城校区"),
    "liangjiang-yubei": ("liangjiang", "Yubei Campus | 渝北校区"),
    "liangjiang-jiangbei": ("liangjiang", "Jiangbei Campus | 江北校区"),
    "nanshan-nanan": ("nanshan", "Nan'an Campus | 南岸校区"),
    "huaying-yongchuan": ("huaying", "Yongchuan Test Base | 永川测试基地"),
    "chaotian-yuzui": ("chaotian", "Yuzui Plant Training Centre | 鱼嘴工厂培训中心"),
    "mingyue-jiulongpo": ("mingyue", "Jiulongpo R&D Centre | 九龙坡研发中心"),
}

# Minutes between every pair of campuses (by car or metro at teaching hours), either way.
TRAVEL_MINUTES = {
    ("jinyun-beibei", "jinyun-shapingba"): 35,
    ("jinyun-beibei", "liangjiang-yubei"): 40,
    ("jinyun-beibei", "liangjiang-jiangbei"): 45,
    ("jinyun-beibei", "nanshan-nanan"): 55,
    ("jinyun-beibei", "huaying-yongchuan"): 75,
    ("jinyun-beibei", "chaotian-yuzui"): 60,
    ("jinyun-beibei", "mingyue-jiulongpo"): 45,
    ("jinyun-shapingba", "liangjiang-yubei"): 45,
    ("jinyun-shapingba", "liangjiang-jiangbei"): 40,
    ("jinyun-shapingba", "nanshan-nanan"): 45,
    ("jinyun-shapingba", "huaying-yongchuan"): 55,
    ("jinyun-shapingba", "chaotian-yuzui"): 65,
    ("jinyun-shapingba", "mingyue-jiulongpo"): 25,
    ("liangjiang-yubei", "liangjiang-jiangbei"): 15,
    ("liangjiang-yubei", "nanshan-nanan"): 40,
    ("liangjiang-yubei", "huaying-yongchuan"): 90,
    ("liangjiang-yubei", "chaotian-yuzui"): 30,
    ("liangjiang-yubei", "mingyue-jiulongpo"): 50,
    ("liangjiang-jiangbei", "nanshan-nanan"): 25,
    ("liangjiang-jiangbei", "huaying-yongchuan"): 85,
    ("liangjiang-jiangbei", "chaotian-yuzui"): 40,
    ("liangjiang-jiangbei", "mingyue-jiulongpo"): 40,
    ("nanshan-nanan", "huaying-yongchuan"): 80,
    ("nanshan-nanan", "chaotian-yuzui"): 45,
    ("nanshan-nanan", "mingyue-jiulongpo"): 35,
    ("huaying-yongchuan", "chaotian-yuzui"): 90,
    ("huaying-yongchuan", "mingyue-jiulongpo"): 50,
    ("chaotian-yuzui", "mingyue-jiulongpo"): 70,
}

# --- Disciplines, competencies, equipment -------------------------------------------------------
DISCIPLINES = {
    "vehicle": "Vehicle engineering | 车辆工程",
    "cs": "Computer science | 计算机科学与技术",
    "electronics": "Electronic engineering | 电子工程",
    "comms": "Communications engineering | 通信工程",
    "control": "Automation and control | 自动化与控制",
    "ai": "Artificial intelligence | 人工智能",
    "energy": "Energy and materials | 能源与材料",
    "transport": "Transportation | 交通运输",
}

# The ten areas of DOMAIN.md, each with its competencies: code -> "English | 中文".
COMPETENCY_AREAS = [
    (
        "Environment perception and sensor fusion | 环境感知与多传感器融合",
        {
            "perc-sensors": "Camera, lidar and radar sensing | 摄像头、激光雷达与毫米波雷达感知",
            "perc-calibration": "Sensor calibration and synchronisation | 传感器标定与时间同步",
            "perc-fusion": "Multi-sensor fusion and object tracking | 多传感器融合与目标跟踪",
            "perc-deep": "Deep learning for perception | 面向感知的深度学习",
        },
    ),
    (
        "Decision, planning and control | 决策规划与控制",
        {
            "plan-behaviour": "Behaviour planning | 行为决策",
            "plan-motion": "Motion planning | 运动规划",
            "ctrl-dynamics": "Vehicle dynamics control | 车辆动力学控制",
        },
    ),
    (
        "V2X and vehicle communication | V2X与车辆通信",
        {
            "v2x-cv2x": "C-V2X and DSRC communication | C-V2X与DSRC通信",
            "v2x-can": "In-vehicle buses: CAN, LIN, FlexRay | 车内总线：CAN、LIN、FlexRay",
            "v2x-ethernet": "Automotive Ethernet and SOME/IP | 车载以太网与SOME/IP",
            "v2x-coop": "Cooperative driving applications | 车路协同应用",
        },
    ),
    (
        "High-precision positioning and HD maps | 高精度定位与高精地图",
        {
            "pos-gnss": "GNSS/BDS and RTK positioning | 北斗/GNSS与RTK定位",
            "pos-slam": "SLAM and localisation | SLAM与定位",
            "pos-maps": "HD map engines | 高精地图引擎",
        },
    ),
    (
        "Vehicle operating systems and software | 车用操作系统与软件",
        {
            "sw-autosar-cp": "AUTOSAR Classic platform | AUTOSAR Classic平台",
            "sw-autosar-ap": "AUTOSAR Adaptive and middleware | AUTOSAR Adaptive与中间件",
            "sw-rtos": "Real-time operating systems | 实时操作系统",
            "sw-ota": "Over-the-air updates | 远程升级（OTA）",
        },
    ),
    (
        "Functional safety and SOTIF | 功能安全与预期功能安全",
        {
            "fs-iso26262": "ISO 26262 functional safety | ISO 26262功能安全",
            "fs-sotif": "SOTIF (ISO 21448) | 预期功能安全（ISO 21448）",
            "fs-hara": "Hazard analysis and risk assessment | 危害分析与风险评估",
        },
    ),
    (
        "Cybersecurity | 汽车网络安全",
        {
            "sec-tara": "Threat analysis and risk assessment (ISO/SAE 21434) | "
            "威胁分析与风险评估（ISO/SAE 21434）",
            "sec-regulation": "UN R155/R156 compliance | UN R155/R156法规合规",
            "sec-ivn": "In-vehicle network security | 车内网络安全",
        },
    ),
    (
        "Electrified powertrain and batteries | 电动化动力系统与电池",
        {
            "ev-bms": "Battery management systems | 电池管理系统",
            "ev-motor": "Motor control | 电机控制",
            "ev-charging": "Charging systems | 充电系统",
        },
    ),
    (
        "Testing, simulation and validation | 测试、仿真与验证",
        {
            "test-xil": "HIL/SIL testing | 硬件在环与软件在环测试",
            "test-scenario": "Scenario-based testing | 基于场景的测试",
            "test-field": "Test fields and road testing | 测试场与道路测试",
        },
    ),
    (
        "Data, cloud and AI engineering for vehicles | 汽车数据、云与人工智能工程",
        {
            "data-loop": "Data closed loop | 数据闭环",
            "data-mlops": "Model training and deployment | 模型训练与部署",
            "data-cloud": "Vehicle cloud platforms | 车云平台",
        },
    ),
]

FEATURES = {
    "projector": "Projector | 投影仪",
    "workstations": "Computer workstations | 计算机工作站",
    "gpu": "GPU servers | GPU服务器",
    "hil-bench": "HIL test bench | 硬件在环测试台",
    "driving-sim": "Driving simulator | 驾驶模拟器",
    "v2x-rsu": "C-V2X roadside units | C-V2X路侧单元",
    "gnss-rtk": "GNSS/RTK base station | 北斗/GNSS RTK基站",
    "battery-cycler": "Battery cyclers | 电池充放电测试系统",
    "sensor-rig": "Lidar and camera rig | 激光雷达与摄像头测试平台",
    "can-bench": "CAN and Ethernet network bench | CAN与车载以太网测试台",
    "motor-dyno": "Motor dynamometer | 电机测功机",
    "ecu-kit": "ECU development kits | ECU开发套件",
}


# --- Faculty ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Teacher:
    name: str  # "Wang Wei | 王伟" (family name first, as on Chinese name cards)
    title: str
    member: str
    disciplines: tuple[str, ...]
    load: int = 14  # weekly load limit in periods
    also_at: tuple[str, ...] = ()
    max_per_day: int | None = None
    max_days: int | None = None
    user: str | None = None  # the demo login linked to this teacher

    @property
    def en(self) -> str:
        return en_zh(self.name)[0]


def _t(name, title, member, disciplines, **kw) -> Teacher:
    return Teacher(name, title, member, tuple(disciplines.split()), **kw)


FACULTY = [
    # Jinyun University of Technology (10)
    _t("Zhang Hua | 张华", "Prof", "jinyun", "vehicle transport", load=12, also_at=("chaotian",)),
    _t("Wang Wei | 王伟", "Dr", "jinyun", "cs ai", load=16, user="faculty"),
    _t("Chen Jing | 陈静", "Dr", "jinyun", "electronics", load=14),
    _t("Yang Fan | 杨帆", "Prof", "jinyun", "control vehicle", load=12, max_per_day=6),
    _t("Zhao Lei | 赵磊", "Dr", "jinyun", "energy electronics", load=14),
    _t("Huang Min | 黄敏", "Dr", "jinyun", "transport", load=14),
    _t("Zhou Tao | 周涛", "Dr", "jinyun", "ai cs", load=16),
    _t("Wu Xia | 吴霞", "Dr", "jinyun", "vehicle control", load=14),
    _t("Xu Qiang | 徐强", "Dr", "jinyun", "cs", load=14),
    _t("Sun Li | 孙丽", "Dr", "jinyun", "electronics comms", load=14),
    # Liangjiang University of Science and Technology (9)
    _t("Li Na | 李娜", "Dr", "liangjiang", "control ai", load=16, user="faculty2"),
    _t("Ma Jun | 马骏", "Prof", "liangjiang", "electronics", load=14, max_days=4),
    _t("Zhu Hong | 朱红", "Dr", "liangjiang", "cs", load=16),
    _t("Hu Bin | 胡斌", "Dr", "liangjiang", "vehicle", load=14),
    _t("Guo Ping | 郭平", "Dr", "liangjiang", "energy electronics", load=14),
    _t("He Yun | 何云", "Dr", "liangjiang", "transport vehicle", load=14),
    _t("Gao Feng | 高峰", "Dr", "liangjiang", "comms", load=14),
    _t("Lin Xue | 林雪", "Dr", "liangjiang", "ai", load=14),
    _t("Luo Gang | 罗刚", "Prof", "liangjiang", "control", load=12),
    # Chongqing Nanshan University (8)
    _t("Zheng Kai | 郑凯", "Dr", "nanshan", "comms electronics", load=14),
    _t("Liang Yu | 梁宇", "Dr", "nanshan", "electronics", load=14),
    _t("Song Jie | 宋洁", "Dr", "nanshan", "cs", load=14),
    _t("Xie Ming | 谢明", "Prof", "nanshan", "transport", load=12),
    _t("Han Bo | 韩波", "Dr", "nanshan", "ai electronics", load=14),
    _t("Tang Lan | 唐兰", "Dr", "nanshan", "electronics", load=14),
    _t("Feng Rui | 冯瑞", "Dr", "nanshan", "cs", load=14),
    _t("Deng Hao | 邓浩", "Dr", "nanshan", "energy", load=14),
    # Huaying Institute of Intelligent Mobility (6)
    _t("Cao Yi | 曹毅", "Prof", "huaying", "comms transport", load=12, also_at=("liangjiang",)),
    _t("Peng Li | 彭丽", "Dr", "huaying", "transport", load=12),
    _t("Zeng Wen | 曾文", "Dr", "huaying", "cs comms", load=12, also_at=("jinyun",)),
    _t("Xiao Ning | 肖宁", "Dr", "huaying", "comms", load=12),
    _t("Tian Jun | 田军", "Eng.", "huaying", "vehicle", load=10),
    _t("Dong Xin | 董欣", "Dr", "huaying", "electronics", load=10),
    # Chaotianmen Automotive Group (4): practitioners with few teaching days
    _t("Yuan Chao | 袁超", "Eng.", "chaotian", "vehicle electronics", load=10,
       also_at=("jinyun",), max_days=3, max_per_day=6),
    _t("Pan Yue | 潘悦", "Eng.", "chaotian", "energy", load=10, also_at=("jinyun",), max_days=3),
    _t("Jiang Tao | 蒋涛", "Eng.", "chaotian", "vehicle control", load=10, max_days=3),
    _t("Cai Ying | 蔡颖", "Eng.", "chaotian", "control", load=8, max_days=2),
    # Mingyue Intelligent Systems (3)
    _t("Yu Hang | 余航", "Eng.", "mingyue", "cs electronics", load=12, also_at=("nanshan",),
       max_days=3),
    _t("Du Juan | 杜娟", "Eng.", "mingyue", "cs comms", load=12, also_at=("liangjiang",),
       max_days=3),
    _t("Ye Zhen | 叶振", "Eng.", "mingyue", "ai cs", load=12, max_days=3),
]

EMAIL_DOMAINS = {
    "jinyun": "jinyun-tech.edu.example",
    "liangjiang": "ljust.edu.example",
    "nanshan": "nanshan-u.edu.example",
    "huaying": "huaying-imi.example",
    "chaotian": "chaotianmen-auto.example",
    "mingyue": "mingyue-is.example",
}


# --- Users --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Login:
    username: str
    role: str  # Profile.Role value
    member: str | None
    first_name: str
    last_name: str
    what: str  # one line for the printed list of logins
    staff: bool = False
    extra: dict = field(default_factory=dict)


USERS = [
    Login("coordinator", "coordinator", None, "Yue", "Qin",
          "consortium coordinator (also the Django admin)", staff=True),
    Login("scheduler", "scheduler", "jinyun", "Li", "Fang",
          "scheduling administrator, Jinyun University of Technology (organises term `demo`)"),
    Login("scheduler2", "scheduler", "liangjiang", "Lei", "Shi",
          "scheduling administrator, Liangjiang University of Science and Technology"),
    Login("faculty", "faculty", "jinyun", "Wei", "Wang",
          "faculty, Jinyun University of Technology (ICV101, ICV170, ICV510, ICV610)"),
    Login("faculty2", "faculty", "liangjiang", "Na", "Li",
          "faculty, Liangjiang University of Science and Technology (ICV520, ICV590, ICV620)"),
    Login("reviewer", "reviewer", FIRM_A, "Hui", "Kong",
          "partner reviewer, Chaotianmen Automotive Group (firm A)"),
    Login("reviewer2", "reviewer", FIRM_B, "Xue", "Bai",
          "partner reviewer, Mingyue Intelligent Systems (firm B)"),
]


# --- Programmes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProgrammeSpec:
    code: str
    name: str
    lead: str
    description: str
    required: tuple[str, ...]
    elective: tuple[str, ...]
    targets: dict[str, int]  # competency code -> target level (Bloom 1-6)


PROGRAMMES = [
    ProgrammeSpec(
        code="icv-minor",
        name="Minor in Intelligent Connected Vehicles | 智能网联汽车辅修专业",
        lead="jinyun",
        description=(
            "A 20-credit minor for third-year undergraduates of the three member universities: "
            "the vehicle, its networks and its software, with labs at every member."
        ),
        required=("ICV101", "ICV110", "ICV120", "ICV130", "ICV150"),
        elective=("ICV140", "ICV160", "ICV170", "ICV180", "ICV190"),
        targets={
            "perc-sensors": 3, "perc-deep": 2, "plan-behaviour": 2, "ctrl-dynamics": 3,
            "v2x-can": 3, "v2x-ethernet": 2, "v2x-coop": 2, "sw-autosar-cp": 2, "sw-rtos": 3,
            "fs-iso26262": 2, "sec-regulation": 2,  # ICV101 reaches level 1 only: a gap
            "ev-bms": 3, "ev-motor": 2, "test-xil": 2, "data-mlops": 2,
        },
    ),
    ProgrammeSpec(
        code="icv-master",
        name="Master's Track in ICV Software and Systems | 智能网联汽车软件与系统硕士方向",
        lead="liangjiang",
        description=(
            "A joint master's track taught by the consortium: perception, planning, V2X, "
            "vehicle software, safety and security, with industry projects at the member firms."
        ),
        required=("ICV510", "ICV520", "ICV530", "ICV560", "ICV610"),
        elective=(
            "ICV540", "ICV550", "ICV570", "ICV580", "ICV590",
            "ICV620", "ICV630", "ICV640", "ICV650", "ICV660",
        ),
        targets={
            "perc-sensors": 4, "perc-calibration": 4, "perc-fusion": 5, "perc-deep": 4,
            "plan-behaviour": 4, "plan-motion": 5, "ctrl-dynamics": 4,
            "v2x-cv2x": 4, "v2x-ethernet": 3, "v2x-coop": 4,
            "pos-gnss": 4, "pos-slam": 4, "pos-maps": 3,
            "sw-autosar-ap": 4, "sw-rtos": 3, "sw-ota": 3,  # taught to level 2 only: a gap
            "fs-iso26262": 4, "fs-sotif": 5,  # ICV560 reaches 4 only: a gap
            "fs-hara": 4, "sec-tara": 4, "sec-regulation": 3, "sec-ivn": 4,
            "ev-bms": 3, "ev-motor": 3, "test-xil": 4, "test-scenario": 4, "test-field": 3,
            "data-loop": 4, "data-mlops": 4, "data-cloud": 3,
        },
    ),
]
