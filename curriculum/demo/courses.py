"""The demo consortium's 25 courses, each with its current syllabus.

Every course is one readable :class:`CourseSpec`. Weekly topics list the 13 teaching weeks; the
loader adds the midterm (week 8), project presentations (week 15) and the final review (week 16).
Session needs are per week: ``Need("lab", 3, 2, "hil-bench")`` is two 3-period HIL labs a week.
"""

from __future__ import annotations

from dataclasses import dataclass

# Shared weeks every syllabus has, in "English | 中文".
MIDTERM = "Midterm review and test | 期中复习与测验"
PRESENTATIONS = "Project presentations | 项目展示与答辩"
FINAL_REVIEW = "Review and final assessment | 总复习与期末考核"

# Assessment schemes: name -> [("Component | 中文", weight)], each summing to 100.
ASSESSMENT = {
    "lab": [
        ("Lab reports | 实验报告", 30),
        ("Course project | 课程项目", 30),
        ("Final exam | 期末考试", 40),
    ],
    "exam": [
        ("Homework | 平时作业", 20),
        ("Midterm test | 期中测验", 30),
        ("Final exam | 期末考试", 50),
    ],
    "project": [
        ("Assignments | 平时作业", 20),
        ("Team project | 团队项目", 50),
        ("Presentation and defence | 展示与答辩", 30),
    ],
    "seminar": [
        ("Participation | 课堂参与", 20),
        ("Case study reports | 案例分析报告", 40),
        ("Final paper | 期末论文", 40),
    ],
    "mixed": [
        ("Quizzes | 随堂测验", 10),
        ("Lab work | 实验", 30),
        ("Project | 项目", 20),
        ("Final exam | 期末考试", 40),
    ],
}


@dataclass(frozen=True)
class Need:
    kind: str  # lecture / lab / seminar
    length: int  # periods
    count: int = 1  # per week
    features: str = ""  # feature codes, space-separated


def lectures(count: int = 2) -> Need:
    return Need("lecture", 2, count)


def seminars(count: int = 1, length: int = 1) -> Need:
    return Need("seminar", length, count)


@dataclass(frozen=True)
class CourseSpec:
    code: str
    title: str  # "English | 中文"
    credits: str
    owner: str  # member code
    co: tuple[str, ...]  # co-teaching members
    team: tuple[str, ...]  # faculty (English names, see consortium.FACULTY)
    disciplines: dict[str, int]  # discipline code -> share in %, summing to 100
    status: str  # the current syllabus' status
    shared_with: tuple[str, ...]  # partner firms (member codes)
    summary: str
    outcomes: tuple[tuple[str, dict[str, int]], ...]  # ("text | 中文", {competency: level})
    topics: tuple[str, ...]  # 13 teaching weeks
    assessment: str  # a key of ASSESSMENT
    readings: tuple[str, ...]
    sessions: tuple[Need, ...]
    requires: tuple[str, ...] = ()


A, B = "chaotian", "mingyue"  # firm A (user reviewer) and firm B (user reviewer2)

COURSES = [
    CourseSpec(
        code="ICV101",
        title="Introduction to Intelligent Connected Vehicles | 智能网联汽车导论",
        credits="2.0",
        owner="jinyun",
        co=("liangjiang", "nanshan", "chaotian"),
        team=("Zhang Hua", "Wang Wei", "Yuan Chao"),
        disciplines={"vehicle": 40, "cs": 30, "transport": 30},
        status="published",
        shared_with=(A, B),
        summary="What an intelligent connected vehicle is, from sensors to cloud, and how the "
        "industry in Chongqing builds it.",
        outcomes=(
            ("Describe the architecture of an ICV from sensors to cloud | "
             "描述智能网联汽车从传感器到云端的体系架构", {"perc-sensors": 2, "data-cloud": 1}),
            ("Explain the SAE levels of driving automation and their limits | "
             "解释SAE驾驶自动化分级及其局限", {"plan-behaviour": 2, "fs-sotif": 1}),
            ("Identify the in-vehicle networks and V2X links of a production vehicle | "
             "识别量产车的车内网络与V2X通信链路", {"v2x-can": 2, "v2x-coop": 2}),
            ("Discuss safety and security regulation for ICVs in China | "
             "讨论中国智能网联汽车的安全与信息安全法规", {"fs-iso26262": 1, "sec-regulation": 1}),
        ),
        topics=(
            "The ICV industry in Chongqing and China | 重庆与中国的智能网联汽车产业",
            "Levels of driving automation | 驾驶自动化分级",
            "Vehicle electrical and electronic architecture | 整车电子电气架构",
            "Sensors: camera, radar, lidar | 传感器：摄像头、毫米波雷达、激光雷达",
            "Perception and localisation at a glance | 感知与定位概览",
            "Planning and control at a glance | 规划与控制概览",
            "In-vehicle networks | 车内网络",
            "V2X and the connected road | V2X与网联道路",
            "Vehicle software and OTA | 汽车软件与OTA",
            "Electrification and batteries | 电动化与电池",
            "Functional safety and cybersecurity | 功能安全与网络安全",
            "Testing, test fields and regulation | 测试、测试场与法规",
            "Visit to a member plant | 参观成员企业工厂",
        ),
        assessment="seminar",
        readings=(
            "SAE J3016:2021, Taxonomy and Definitions for Terms Related to Driving Automation "
            "Systems for On-Road Motor Vehicles",
            "China SAE, Technology Roadmap for Energy Saving and New Energy Vehicles 2.0 (2020)",
        ),
        sessions=(lectures(2), seminars(4)),
    ),
    CourseSpec(
        code="ICV110",
        title="Programming for Vehicle Software | 汽车软件编程",
        credits="3.0",
        owner="liangjiang",
        co=("mingyue",),
        team=("Zhu Hong", "Yu Hang"),
        disciplines={"cs": 100},
        status="published",
        shared_with=(A,),
        summary="Modern C++ and Python for embedded and robotics software, with the tools of a "
        "vehicle software team.",
        outcomes=(
            ("Write, test and profile modern C++ for resource-limited targets | "
             "为资源受限平台编写、测试并分析现代C++程序", {"sw-rtos": 2, "sw-autosar-cp": 1}),
            ("Automate data processing and tests with Python | 使用Python实现数据处理与测试自动化",
             {"data-loop": 2, "test-xil": 1}),
            ("Work in a team with version control, code review and CI | "
             "在团队中使用版本控制、代码评审与持续集成", {"sw-ota": 1}),
        ),
        topics=(
            "Tooling: compilers, build systems, Git | 工具链：编译器、构建系统与Git",
            "Modern C++ types and resource management | 现代C++类型与资源管理",
            "Templates and the standard library | 模板与标准库",
            "Concurrency in C++ | C++并发编程",
            "Memory and timing on embedded targets | 嵌入式平台上的内存与时序",
            "Unit tests and sanitizers | 单元测试与内存检查工具",
            "MISRA C++ and coding guidelines | MISRA C++与编码规范",
            "Python for engineers | 面向工程师的Python",
            "NumPy and pandas for vehicle logs | 使用NumPy与pandas处理车辆日志",
            "Interfacing C++ and Python | C++与Python的混合编程",
            "Continuous integration | 持续集成",
            "Code review practice | 代码评审实践",
            "Team project sprint | 团队项目冲刺",
        ),
        assessment="project",
        readings=(
            "B. Stroustrup, A Tour of C++, 3rd ed., Addison-Wesley, 2022",
            "MISRA C++:2023, Guidelines for the use of C++17 in critical systems",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 2, "workstations")),
    ),
    CourseSpec(
        code="ICV120",
        title="Vehicle Dynamics and Control Fundamentals | 车辆动力学与控制基础",
        credits="3.0",
        owner="jinyun",
        co=(),
        team=("Wu Xia", "Yang Fan"),
        disciplines={"vehicle": 100},
        status="approved",
        shared_with=(B,),
        summary="Longitudinal, lateral and vertical dynamics of road vehicles and the classical "
        "controllers that keep them stable.",
        outcomes=(
            ("Model the longitudinal and lateral dynamics of a passenger car | "
             "建立乘用车纵向与横向动力学模型", {"ctrl-dynamics": 3}),
            ("Design and tune PID and state-feedback controllers for speed and lane keeping | "
             "设计并整定速度与车道保持的PID及状态反馈控制器",
             {"ctrl-dynamics": 3, "plan-motion": 2}),
            ("Simulate manoeuvres and compare them with test data | 仿真典型工况并与试验数据对比",
             {"test-xil": 2}),
        ),
        topics=(
            "Coordinates and vehicle motion | 坐标系与车辆运动",
            "Tyre forces and tyre models | 轮胎力与轮胎模型",
            "Longitudinal dynamics and traction | 纵向动力学与牵引",
            "Braking dynamics | 制动动力学",
            "The bicycle model | 单轨（自行车）模型",
            "Steady-state cornering and understeer | 稳态转向与不足转向",
            "Vertical dynamics and suspension | 垂向动力学与悬架",
            "Cruise control | 定速巡航控制",
            "Lane keeping control | 车道保持控制",
            "Yaw stability control | 横摆稳定性控制",
            "State estimation for vehicle dynamics | 车辆状态估计",
            "Simulation with CarSim-like tools | 车辆动力学仿真工具",
            "From simulation to test track | 从仿真到试验场",
        ),
        assessment="exam",
        readings=(
            "R. Rajamani, Vehicle Dynamics and Control, 2nd ed., Springer, 2012",
            "余志生，《汽车理论》（第6版），机械工业出版社，2018",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 1, "workstations")),
        requires=("ICV101",),
    ),
    CourseSpec(
        code="ICV130",
        title="In-Vehicle Networks: CAN and Automotive Ethernet | 车载网络：CAN与车载以太网",
        credits="3.0",
        owner="nanshan",
        co=("mingyue",),
        team=("Zheng Kai", "Yu Hang"),
        disciplines={"comms": 50, "electronics": 50},
        status="in_review",
        shared_with=(A, B),
        summary="The buses and switched networks inside a vehicle, from CAN frames to SOME/IP "
        "services, on real network benches.",
        outcomes=(
            ("Decode and analyse CAN and CAN FD traffic with a bus analyser | "
             "使用总线分析仪解码并分析CAN与CAN FD报文", {"v2x-can": 3}),
            ("Configure an automotive Ethernet network with VLANs and time synchronisation | "
             "配置带VLAN与时间同步的车载以太网", {"v2x-ethernet": 3}),
            ("Design the communication matrix of a small ECU network | 设计小型ECU网络的通信矩阵",
             {"v2x-can": 3, "sw-autosar-cp": 2}),
            ("Recognise common attacks on in-vehicle networks | 识别针对车内网络的常见攻击",
             {"sec-ivn": 2}),
        ),
        topics=(
            "Why vehicles need networks | 车辆为什么需要网络",
            "CAN physical and data link layers | CAN物理层与数据链路层",
            "CAN FD and CAN XL | CAN FD与CAN XL",
            "LIN and FlexRay | LIN与FlexRay",
            "Communication matrices and DBC files | 通信矩阵与DBC文件",
            "Diagnostics over CAN (UDS) | 基于CAN的诊断（UDS）",
            "Automotive Ethernet physical layers | 车载以太网物理层",
            "VLANs, TSN and gPTP | VLAN、TSN与gPTP",
            "SOME/IP and service-oriented communication | SOME/IP与面向服务的通信",
            "Gateways and zonal architectures | 网关与域控/区域架构",
            "Network security basics: SecOC | 网络安全基础：SecOC",
            "Measurement and calibration (XCP) | 测量与标定（XCP）",
            "Network bench project | 网络测试台项目",
        ),
        assessment="lab",
        readings=(
            "W. Zimmermann, R. Schmidgall, Bussysteme in der Fahrzeugtechnik, 5th ed., "
            "Springer Vieweg, 2014",
            "ISO 11898-1:2024, Road vehicles — Controller area network (CAN)",
        ),
        sessions=(lectures(2), seminars(3), Need("lab", 2, 2, "can-bench")),
        requires=("ICV110",),
    ),
    CourseSpec(
        code="ICV140",
        title="Embedded Systems for Vehicles | 汽车嵌入式系统",
        credits="3.0",
        owner="nanshan",
        co=(),
        team=("Liang Yu", "Tang Lan"),
        disciplines={"electronics": 60, "cs": 40},
        status="submitted",
        shared_with=(),
        summary="Microcontrollers, real-time software and ECU hardware for automotive control "
        "units.",
        outcomes=(
            ("Program a microcontroller's timers, ADCs and communication peripherals | "
             "编程实现微控制器的定时器、ADC与通信外设", {"sw-rtos": 2, "v2x-can": 2}),
            ("Build a real-time application on an RTOS and measure its timing | "
             "在RTOS上构建实时应用并测量其时序", {"sw-rtos": 3}),
            ("Read an ECU schematic and explain its power and safety circuits | "
             "读懂ECU原理图并解释其电源与安全电路", {"fs-iso26262": 2}),
        ),
        topics=(
            "Automotive microcontrollers | 车规级微控制器",
            "Toolchains and debuggers | 工具链与调试器",
            "GPIO, timers and interrupts | GPIO、定时器与中断",
            "ADC and sensor interfaces | ADC与传感器接口",
            "Serial buses: SPI, I2C, UART | 串行总线：SPI、I2C、UART",
            "CAN controllers | CAN控制器",
            "Real-time scheduling | 实时调度",
            "FreeRTOS and OSEK/VDX | FreeRTOS与OSEK/VDX",
            "Memory protection and watchdogs | 存储保护与看门狗",
            "ECU hardware and power supply | ECU硬件与电源",
            "Bootloaders and flashing | 引导程序与刷写",
            "Low-power design | 低功耗设计",
            "ECU project | ECU项目",
        ),
        assessment="mixed",
        readings=(
            "E. A. Lee, S. A. Seshia, Introduction to Embedded Systems, 2nd ed., MIT Press, 2017",
        ),
        sessions=(lectures(1), seminars(3), Need("lab", 2, 4, "ecu-kit")),
        requires=("ICV110",),
    ),
    CourseSpec(
        code="ICV150",
        title="Electric Drives and Battery Systems | 电驱动与电池系统",
        credits="3.0",
        owner="jinyun",
        co=("chaotian",),
        team=("Zhao Lei", "Pan Yue"),
        disciplines={"energy": 50, "electronics": 30, "vehicle": 20},
        status="in_review",
        shared_with=(A,),
        summary="Cells, packs, motors and inverters of a battery electric vehicle, with lab work "
        "in the battery lab of Chaotianmen Automotive.",
        outcomes=(
            ("Explain the electrochemistry and ageing of lithium-ion cells | "
             "解释锂离子电池的电化学原理与老化机理", {"ev-bms": 2}),
            ("Measure cell capacity and internal resistance on a battery cycler | "
             "在电池测试系统上测量电芯容量与内阻", {"ev-bms": 3}),
            ("Size a traction motor and inverter for a given vehicle | "
             "为给定车辆匹配驱动电机与逆变器", {"ev-motor": 2}),
            ("Describe AC and DC charging standards in China | 描述中国交直流充电标准",
             {"ev-charging": 2}),
        ),
        topics=(
            "Electrified powertrains | 电动化动力系统",
            "Lithium-ion cells | 锂离子电芯",
            "Cell testing and characterisation | 电芯测试与表征",
            "Packs, modules and thermal management | 电池包、模组与热管理",
            "Battery ageing and safety | 电池老化与安全",
            "Introduction to battery management | 电池管理概论",
            "Permanent-magnet synchronous motors | 永磁同步电机",
            "Inverters and power electronics | 逆变器与电力电子",
            "Field-oriented control | 磁场定向控制",
            "Regenerative braking | 再生制动",
            "Charging: GB/T and ChaoJi | 充电：国标与ChaoJi",
            "Battery swapping | 换电",
            "Energy consumption testing | 能耗测试",
        ),
        assessment="lab",
        readings=(
            "G. L. Plett, Battery Management Systems, Vol. 1, Artech House, 2015",
            "GB/T 20234-2023, Connection set for conductive charging of electric vehicles",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 2, "battery-cycler")),
        requires=("ICV101",),
    ),
    CourseSpec(
        code="ICV160",
        title="Sensors and Signal Processing for ICVs | 智能网联汽车传感器与信号处理",
        credits="3.0",
        owner="liangjiang",
        co=("jinyun",),
        team=("Ma Jun", "Chen Jing"),
        disciplines={"electronics": 60, "ai": 20, "vehicle": 20},
        status="draft",
        shared_with=(),
        summary="How cameras, radars and lidars measure the world, and the signal processing "
        "that turns raw data into detections.",
        outcomes=(
            ("Explain the measurement principles of camera, radar and lidar | "
             "解释摄像头、毫米波雷达与激光雷达的测量原理", {"perc-sensors": 3}),
            ("Process radar and lidar signals into point clouds and detections | "
             "将雷达与激光雷达信号处理为点云与检测结果", {"perc-sensors": 3, "perc-fusion": 2}),
            ("Calibrate a camera and evaluate its intrinsic parameters | "
             "完成摄像头标定并评估其内参", {"perc-calibration": 3}),
        ),
        topics=(
            "Sensing for automated driving | 自动驾驶感知需求",
            "Signals, sampling and noise | 信号、采样与噪声",
            "Fourier analysis and filtering | 傅里叶分析与滤波",
            "Camera optics and image formation | 摄像头光学与成像",
            "Camera calibration | 摄像头标定",
            "FMCW radar principles | 调频连续波雷达原理",
            "Radar signal processing | 雷达信号处理",
            "Lidar principles | 激光雷达原理",
            "Point clouds | 点云",
            "Ultrasonic and inertial sensors | 超声波与惯性传感器",
            "Sensor degradation in rain and fog | 雨雾条件下的传感器退化",
            "Time synchronisation | 时间同步",
            "Sensor rig practice | 传感器平台实践",
        ),
        assessment="lab",
        readings=(
            "R. Szeliski, Computer Vision: Algorithms and Applications, 2nd ed., Springer, 2022",
            "M. A. Richards, Fundamentals of Radar Signal Processing, 2nd ed., McGraw-Hill, 2014",
        ),
        sessions=(lectures(2), seminars(3), Need("lab", 2, 3, "sensor-rig")),
        requires=("ICV101",),
    ),
    CourseSpec(
        code="ICV170",
        title="Machine Learning for Autonomous Driving | 面向自动驾驶的机器学习",
        credits="3.0",
        owner="jinyun",
        co=(),
        team=("Wang Wei", "Zhou Tao"),
        disciplines={"ai": 70, "cs": 30},
        status="draft",
        shared_with=(),
        summary="Supervised and deep learning for driving data: from linear models to "
        "convolutional networks and transformers.",
        outcomes=(
            ("Train and evaluate classifiers on labelled driving data | "
             "在标注驾驶数据上训练并评估分类器", {"perc-deep": 2, "data-mlops": 2}),
            ("Implement a convolutional network for object detection | "
             "实现用于目标检测的卷积神经网络", {"perc-deep": 3}),
            ("Assess bias, uncertainty and data coverage of a driving dataset | "
             "评估驾驶数据集的偏差、不确定性与覆盖度", {"data-loop": 2, "fs-sotif": 2}),
            ("Deploy a trained model on a GPU workstation and measure its latency | "
             "在GPU工作站上部署模型并测量其时延", {"data-mlops": 2}),
        ),
        topics=(
            "Learning from driving data | 从驾驶数据中学习",
            "Linear models and gradient descent | 线性模型与梯度下降",
            "Evaluation and overfitting | 模型评估与过拟合",
            "Neural networks and back-propagation | 神经网络与反向传播",
            "Convolutional networks | 卷积神经网络",
            "Object detection | 目标检测",
            "Semantic segmentation | 语义分割",
            "Sequence models and trajectory prediction | 序列模型与轨迹预测",
            "Transformers and BEV perception | Transformer与BEV感知",
            "Datasets and labelling | 数据集与标注",
            "Uncertainty and robustness | 不确定性与鲁棒性",
            "Model compression | 模型压缩",
            "Project clinic | 项目辅导",
        ),
        assessment="mixed",
        readings=(
            "I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, MIT Press, 2016",
            "周志华，《机器学习》，清华大学出版社，2016",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 2, "workstations gpu")),
        requires=("ICV110",),
    ),
    CourseSpec(
        code="ICV180",
        title="Traffic Engineering and Cooperative Mobility | 交通工程与协同出行",
        credits="2.0",
        owner="nanshan",
        co=("huaying",),
        team=("Xie Ming", "Peng Li"),
        disciplines={"transport": 100},
        status="published",
        shared_with=(B,),
        summary="Traffic flow, intersections and mountain-city roads, and what connected and "
        "automated vehicles change about them.",
        outcomes=(
            ("Analyse traffic flow with fundamental diagrams and queueing models | "
             "运用基本图与排队模型分析交通流", {"v2x-coop": 2}),
            ("Evaluate cooperative intersection and platooning applications | "
             "评估协同路口与车辆编队应用", {"v2x-coop": 3, "plan-behaviour": 2}),
            ("Plan a field test of a connected-vehicle service | 规划网联汽车服务的实地测试",
             {"test-field": 2}),
        ),
        topics=(
            "Traffic flow fundamentals | 交通流基础",
            "Capacity and level of service | 通行能力与服务水平",
            "Signalised intersections | 信号控制交叉口",
            "Mountain-city road networks | 山地城市路网",
            "Traffic simulation | 交通仿真",
            "Connected vehicles and infrastructure | 网联车辆与基础设施",
            "Cooperative intersections | 协同式交叉口",
            "Platooning | 车辆编队",
            "Mixed traffic with automated vehicles | 自动驾驶车辆的混合交通",
            "Ride-hailing and robotaxis | 网约车与自动驾驶出租车",
            "Public transport and MaaS | 公共交通与出行即服务",
            "Evaluation and field tests | 评估与实地测试",
            "Policy and planning | 政策与规划",
        ),
        assessment="seminar",
        readings=(
            "F. L. Mannering, S. S. Washburn, Principles of Highway Engineering and Traffic "
            "Analysis, 7th ed., Wiley, 2020",
        ),
        sessions=(lectures(2), seminars(3)),
    ),
    CourseSpec(
        code="ICV190",
        title="Automotive Software Engineering | 汽车软件工程",
        credits="3.0",
        owner="mingyue",
        co=("liangjiang",),
        team=("Yu Hang", "Zhu Hong"),
        disciplines={"cs": 80, "vehicle": 20},
        status="submitted",
        shared_with=(),
        summary="Requirements, architecture, AUTOSAR Classic and process models (ASPICE) as "
        "practised by a vehicle software supplier.",
        outcomes=(
            ("Write testable requirements for a vehicle function | 为整车功能编写可测试的需求",
             {"fs-hara": 2}),
            ("Configure software components on an AUTOSAR Classic stack | "
             "在AUTOSAR Classic协议栈上配置软件组件", {"sw-autosar-cp": 3}),
            ("Apply Automotive SPICE practices in a team project | "
             "在团队项目中应用Automotive SPICE实践", {"test-xil": 2}),
        ),
        topics=(
            "The vehicle software industry | 汽车软件产业",
            "Requirements engineering | 需求工程",
            "Model-based development | 基于模型的开发",
            "Software architecture for ECUs | ECU软件架构",
            "AUTOSAR Classic: layers and RTE | AUTOSAR Classic：分层与RTE",
            "Software components and ports | 软件组件与端口",
            "Basic software configuration | 基础软件配置",
            "Automotive SPICE | Automotive SPICE过程模型",
            "Verification and unit testing | 验证与单元测试",
            "Integration testing | 集成测试",
            "Configuration and release management | 配置与发布管理",
            "Software-defined vehicles | 软件定义汽车",
            "Supplier–OEM collaboration | 供应商与主机厂协作",
        ),
        assessment="project",
        readings=(
            "AUTOSAR Classic Platform R23-11, Layered Software Architecture",
            "VDA QMC, Automotive SPICE Process Assessment Model 4.0, 2023",
        ),
        sessions=(lectures(1), seminars(3), Need("lab", 2, 2, "workstations")),
        requires=("ICV110",),
    ),
    # --- Master's track ------------------------------------------------------------------------
    CourseSpec(
        code="ICV510",
        title="Perception and Sensor Fusion | 感知与多传感器融合",
        credits="4.0",
        owner="jinyun",
        co=("huaying",),
        team=("Wang Wei", "Zhou Tao", "Zeng Wen"),
        disciplines={"cs": 40, "electronics": 30, "ai": 30},
        status="in_review",
        shared_with=(A, B),
        summary="Detecting, tracking and fusing objects from cameras, radars and lidars, on the "
        "perception lab's vehicle rig.",
        outcomes=(
            ("Calibrate a camera–lidar pair and quantify the residual error | "
             "完成摄像头与激光雷达联合标定并量化残差", {"perc-calibration": 4, "perc-sensors": 3}),
            ("Implement a multi-object tracker with Kalman filters | "
             "使用卡尔曼滤波实现多目标跟踪", {"perc-fusion": 4}),
            ("Fuse camera and lidar detections in bird's-eye view | "
             "在鸟瞰图中融合摄像头与激光雷达检测结果", {"perc-fusion": 5, "perc-deep": 4}),
            ("Evaluate a perception stack on recorded scenarios with standard metrics | "
             "用标准指标在录制场景上评估感知系统", {"test-scenario": 3, "data-loop": 3}),
        ),
        topics=(
            "The perception stack | 感知系统架构",
            "Geometry and calibration | 几何与标定",
            "Camera–lidar extrinsic calibration | 摄像头-激光雷达外参标定",
            "Object detection in images | 图像目标检测",
            "3D detection in point clouds | 点云三维检测",
            "Radar detection and tracking | 雷达检测与跟踪",
            "Bayesian filtering | 贝叶斯滤波",
            "Data association and multi-object tracking | 数据关联与多目标跟踪",
            "Early, late and BEV fusion | 前融合、后融合与BEV融合",
            "Occupancy networks | 占用网络",
            "Metrics and benchmarks | 评价指标与基准",
            "Perception failures and SOTIF | 感知失效与预期功能安全",
            "Rig project | 实验平台项目",
        ),
        assessment="lab",
        readings=(
            "S. Thrun, W. Burgard, D. Fox, Probabilistic Robotics, MIT Press, 2005",
            "Y. Bar-Shalom, P. K. Willett, X. Tian, Tracking and Data Fusion, YBS Publishing, 2011",
        ),
        sessions=(lectures(2), seminars(4), Need("lab", 3, 2, "sensor-rig gpu")),
        requires=("ICV160", "ICV170"),
    ),
    CourseSpec(
        code="ICV520",
        title="Decision Making and Motion Planning | 决策与运动规划",
        credits="4.0",
        owner="liangjiang",
        co=("jinyun",),
        team=("Li Na", "Luo Gang", "Lin Xue"),
        disciplines={"control": 50, "ai": 30, "vehicle": 20},
        status="in_review",
        shared_with=(A, B),
        summary="Behaviour planning, trajectory optimisation and model predictive control for "
        "automated vehicles in dense city traffic.",
        outcomes=(
            ("Model driving behaviour as a finite-state machine or a decision process | "
             "将驾驶行为建模为有限状态机或决策过程", {"plan-behaviour": 4}),
            ("Plan collision-free trajectories with sampling and optimisation methods | "
             "使用采样与优化方法规划无碰撞轨迹", {"plan-motion": 5}),
            ("Track a planned trajectory with model predictive control | "
             "使用模型预测控制跟踪规划轨迹", {"ctrl-dynamics": 4, "plan-motion": 4}),
            ("Validate a planner in scenario-based simulation | 在基于场景的仿真中验证规划器",
             {"test-scenario": 3}),
        ),
        topics=(
            "The planning problem | 规划问题",
            "Route planning and graph search | 路径规划与图搜索",
            "Behaviour planning with state machines | 基于状态机的行为决策",
            "Decisions under uncertainty: POMDPs | 不确定性下的决策：POMDP",
            "Prediction of other road users | 其他交通参与者的预测",
            "Sampling-based motion planning | 基于采样的运动规划",
            "Lattice planners | 状态格规划器",
            "Trajectory optimisation | 轨迹优化",
            "Model predictive control | 模型预测控制",
            "Planning in mountain-city traffic | 山地城市交通中的规划",
            "Learning-based planning | 基于学习的规划",
            "Scenario-based evaluation | 基于场景的评估",
            "Planner project | 规划器项目",
        ),
        assessment="project",
        readings=(
            "S. M. LaValle, Planning Algorithms, Cambridge University Press, 2006",
            "B. Paden et al., A Survey of Motion Planning and Control Techniques for Self-Driving "
            "Urban Vehicles, IEEE Trans. Intelligent Vehicles 1(1), 2016",
        ),
        sessions=(lectures(2), seminars(4), Need("lab", 2, 2, "workstations")),
        requires=("ICV120",),
    ),
    CourseSpec(
        code="ICV530",
        title="C-V2X Communication and Cooperative Driving | C-V2X通信与协同驾驶",
        credits="3.0",
        owner="huaying",
        co=("liangjiang",),
        team=("Cao Yi", "Xiao Ning", "Gao Feng"),
        disciplines={"comms": 60, "transport": 20, "electronics": 20},
        status="approved",
        shared_with=(A, B),
        summary="LTE-V2X and NR-V2X, roadside units and cooperative applications, with field "
        "days on the V2X test field in Yongchuan.",
        outcomes=(
            ("Explain the C-V2X protocol stack and its sidelink modes | "
             "解释C-V2X协议栈及其直连通信模式", {"v2x-cv2x": 4}),
            ("Deploy roadside units and measure latency and packet loss in the field | "
             "部署路侧单元并在实地测量时延与丢包", {"v2x-cv2x": 4, "test-field": 3}),
            ("Design a cooperative application from the Chinese V2X message set | "
             "基于中国V2X消息集设计协同应用", {"v2x-coop": 4}),
        ),
        topics=(
            "Connected vehicles in China | 中国的网联汽车",
            "Radio propagation for vehicles | 车辆无线传播",
            "LTE-V2X sidelink | LTE-V2X直连通信",
            "NR-V2X | NR-V2X",
            "The Chinese V2X message set | 中国V2X消息集",
            "Roadside units and edge computing | 路侧单元与边缘计算",
            "Security certificates for V2X | V2X安全证书",
            "Cooperative perception | 协同感知",
            "Cooperative intersections and green waves | 协同路口与绿波通行",
            "Platooning and cooperative ACC | 编队行驶与协同自适应巡航",
            "Field measurement methods | 实地测量方法",
            "Test field day | 测试场实训",
            "Deployment and business models | 部署与商业模式",
        ),
        assessment="lab",
        readings=(
            "YD/T 3709-2020, Technical requirements of message layer of LTE-based vehicular "
            "communication",
            "3GPP TS 23.287, Architecture enhancements for 5G System to support V2X services",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 4, 1, "v2x-rsu")),
        requires=("ICV130",),
    ),
    CourseSpec(
        code="ICV540",
        title="High-Precision Positioning and HD Maps | 高精度定位与高精地图",
        credits="3.0",
        owner="huaying",
        co=(),
        team=("Zeng Wen", "Dong Xin"),
        disciplines={"comms": 30, "cs": 40, "transport": 30},
        status="published",
        shared_with=(B,),
        summary="BDS/GNSS with RTK, inertial navigation, SLAM and the HD maps that tie them "
        "together.",
        outcomes=(
            ("Achieve centimetre-level positioning with BDS RTK and evaluate its integrity | "
             "使用北斗RTK实现厘米级定位并评估其完好性", {"pos-gnss": 4}),
            ("Fuse GNSS, IMU and wheel odometry in an error-state Kalman filter | "
             "在误差状态卡尔曼滤波中融合GNSS、IMU与轮速里程计", {"pos-gnss": 4, "perc-fusion": 3}),
            ("Build and localise against a lidar map with SLAM | 利用SLAM构建激光雷达地图并定位",
             {"pos-slam": 4}),
            ("Explain HD map formats and map update loops | 解释高精地图格式与地图更新闭环",
             {"pos-maps": 3}),
        ),
        topics=(
            "Positioning requirements of automated driving | 自动驾驶的定位需求",
            "GNSS and BeiDou | GNSS与北斗",
            "RTK and PPP | RTK与PPP",
            "Inertial navigation | 惯性导航",
            "GNSS/INS integration | GNSS/INS组合导航",
            "Lidar odometry | 激光雷达里程计",
            "Visual SLAM | 视觉SLAM",
            "Loop closure and graph optimisation | 回环检测与图优化",
            "HD map content and formats | 高精地图内容与格式",
            "Map matching | 地图匹配",
            "Crowd-sourced map updates | 众包地图更新",
            "Regulation of surveying and maps in China | 中国测绘与地图法规",
            "Field positioning exercise | 实地定位实践",
        ),
        assessment="lab",
        readings=(
            "P. D. Groves, Principles of GNSS, Inertial, and Multisensor Integrated Navigation "
            "Systems, 2nd ed., Artech House, 2013",
            "高翔等，《视觉SLAM十四讲》（第2版），电子工业出版社，2019",
        ),
        sessions=(lectures(2), seminars(3), Need("lab", 4, 1, "gnss-rtk")),
        requires=("ICV160",),
    ),
    CourseSpec(
        code="ICV550",
        title="Vehicle Operating Systems and Middleware | 车用操作系统与中间件",
        credits="3.0",
        owner="mingyue",
        co=("nanshan",),
        team=("Yu Hang", "Feng Rui"),
        disciplines={"cs": 70, "electronics": 30},
        status="in_review",
        shared_with=(A,),
        summary="AUTOSAR Adaptive, ROS 2, hypervisors and OTA on high-performance vehicle "
        "computers.",
        outcomes=(
            ("Build a service-oriented application on AUTOSAR Adaptive | "
             "在AUTOSAR Adaptive上构建面向服务的应用", {"sw-autosar-ap": 4}),
            ("Compare ROS 2 and DDS with AUTOSAR communication middleware | "
             "比较ROS 2/DDS与AUTOSAR通信中间件", {"sw-autosar-ap": 3, "v2x-ethernet": 3}),
            ("Configure a real-time Linux and a hypervisor for mixed-criticality software | "
             "为混合关键度软件配置实时Linux与虚拟化管理程序", {"sw-rtos": 4}),
        ),
        topics=(
            "Vehicle computers and zonal architectures | 车载计算平台与区域架构",
            "Operating systems for vehicles | 车用操作系统",
            "Real-time Linux and QNX | 实时Linux与QNX",
            "Hypervisors and mixed criticality | 虚拟化与混合关键度",
            "AUTOSAR Adaptive platform | AUTOSAR Adaptive平台",
            "ara::com and SOME/IP | ara::com与SOME/IP",
            "Execution and state management | 执行与状态管理",
            "ROS 2 and DDS | ROS 2与DDS",
            "Middleware performance | 中间件性能",
            "Diagnostics and logging | 诊断与日志",
            "Software updates | 软件更新",
            "Containers in the vehicle | 车内容器化",
            "Integration project | 集成项目",
        ),
        assessment="project",
        readings=(
            "AUTOSAR Adaptive Platform R23-11, Explanation of Adaptive Platform Design",
            "S. Macenski et al., Robot Operating System 2: Design, Architecture, and Uses in the "
            "Wild, Science Robotics 7(66), 2022",
        ),
        sessions=(lectures(2), seminars(4), Need("lab", 2, 3, "ecu-kit workstations")),
        requires=("ICV190", "ICV140"),
    ),
    CourseSpec(
        code="ICV560",
        title="Functional Safety and SOTIF | 功能安全与预期功能安全",
        credits="3.0",
        owner="chaotian",
        co=("jinyun",),
        team=("Yuan Chao", "Yang Fan"),
        disciplines={"vehicle": 50, "electronics": 30, "control": 20},
        status="published",
        shared_with=(B,),
        summary="ISO 26262 and ISO 21448 from hazard analysis to safety case, taught by the "
        "safety team of Chaotianmen Automotive.",
        outcomes=(
            ("Perform a hazard analysis and risk assessment and derive safety goals | "
             "开展危害分析与风险评估并导出安全目标", {"fs-hara": 4, "fs-iso26262": 3}),
            ("Decompose safety requirements with ASIL decomposition | "
             "运用ASIL分解细化安全需求", {"fs-iso26262": 4}),
            ("Identify triggering conditions and evaluate residual risk under SOTIF | "
             "识别触发条件并按预期功能安全评估残余风险", {"fs-sotif": 4, "test-scenario": 3}),
            ("Assemble the argument of a safety case | 构建安全论证", {"fs-iso26262": 3}),
        ),
        topics=(
            "Safety in the automotive industry | 汽车行业的安全",
            "ISO 26262 overview | ISO 26262概览",
            "Item definition and HARA | 相关项定义与HARA",
            "Safety goals and ASIL | 安全目标与ASIL",
            "Functional and technical safety concepts | 功能安全概念与技术安全概念",
            "Hardware metrics | 硬件度量",
            "Software safety | 软件安全",
            "ASIL decomposition | ASIL分解",
            "SOTIF: ISO 21448 | 预期功能安全：ISO 21448",
            "Triggering conditions | 触发条件",
            "Validation of automated driving | 自动驾驶的确认",
            "Safety cases | 安全论证",
            "Case study: a lane-keeping system | 案例：车道保持系统",
        ),
        assessment="seminar",
        readings=(
            "ISO 26262:2018, Road vehicles — Functional safety, parts 1–12",
            "ISO 21448:2022, Road vehicles — Safety of the intended functionality",
        ),
        sessions=(lectures(2), seminars(2), seminars(1, length=2)),
        requires=("ICV101",),
    ),
    CourseSpec(
        code="ICV570",
        title="Automotive Cybersecurity | 汽车网络安全",
        credits="3.0",
        owner="mingyue",
        co=(),
        team=("Du Juan",),
        disciplines={"cs": 60, "comms": 40},
        status="approved",
        shared_with=(A,),
        summary="Threat analysis, secure communication and the UN regulations on cybersecurity "
        "and software updates.",
        outcomes=(
            ("Carry out a TARA for a connected vehicle function | 对网联功能开展TARA分析",
             {"sec-tara": 4}),
            ("Attack and harden a CAN network on the bench | 在测试台上攻击并加固CAN网络",
             {"sec-ivn": 4, "v2x-can": 3}),
            ("Map a company's processes to UN R155 and R156 | 将企业流程对照UN R155与R156",
             {"sec-regulation": 3, "sw-ota": 2}),
        ),
        topics=(
            "Why vehicles get hacked | 车辆为何会被攻击",
            "ISO/SAE 21434 | ISO/SAE 21434",
            "TARA | 威胁分析与风险评估",
            "Cryptography basics | 密码学基础",
            "Secure boot and HSMs | 安全启动与硬件安全模块",
            "SecOC and CAN security | SecOC与CAN安全",
            "Ethernet and SOME/IP security | 以太网与SOME/IP安全",
            "V2X PKI | V2X公钥基础设施",
            "Penetration testing | 渗透测试",
            "Intrusion detection | 入侵检测",
            "UN R155 and CSMS | UN R155与网络安全管理体系",
            "UN R156 and software updates | UN R156与软件升级",
            "Bench attack-and-defence day | 测试台攻防实训",
        ),
        assessment="mixed",
        readings=(
            "ISO/SAE 21434:2021, Road vehicles — Cybersecurity engineering",
            "UN Regulation No. 155, Cyber security and cyber security management system, 2021",
        ),
        sessions=(lectures(1), seminars(2), Need("lab", 2, 4, "can-bench")),
        requires=("ICV130",),
    ),
    CourseSpec(
        code="ICV580",
        title="Battery Management and Charging Systems | 电池管理与充电系统",
        credits="3.0",
        owner="chaotian",
        co=("jinyun",),
        team=("Pan Yue", "Zhao Lei"),
        disciplines={"energy": 60, "electronics": 40},
        status="in_review",
        shared_with=(B,),
        summary="State estimation, balancing and thermal safety in BMS, and the charging "
        "systems that feed the pack.",
        outcomes=(
            ("Estimate state of charge and state of health with model-based filters | "
             "使用基于模型的滤波器估计SOC与SOH", {"ev-bms": 4}),
            ("Design cell balancing and thermal protection strategies | 设计均衡与热保护策略",
             {"ev-bms": 4, "fs-iso26262": 2}),
            ("Test a charging session against GB/T communication rules | "
             "按国标通信规范测试充电过程", {"ev-charging": 3}),
        ),
        topics=(
            "BMS architecture | 电池管理系统架构",
            "Cell models | 电芯模型",
            "SOC estimation | SOC估计",
            "SOH and ageing estimation | SOH与老化估计",
            "Balancing | 均衡",
            "Thermal management and runaway | 热管理与热失控",
            "BMS functional safety | BMS功能安全",
            "High-voltage safety | 高压安全",
            "Charging architectures | 充电架构",
            "Charging communication | 充电通信",
            "Fast charging and battery life | 快充与电池寿命",
            "Cloud BMS | 云端电池管理",
            "Lab: a charging test | 实验：充电测试",
        ),
        assessment="lab",
        readings=(
            "G. L. Plett, Battery Management Systems, Vol. 2, Artech House, 2016",
            "GB/T 27930-2023, Communication protocols between off-board conductive charger and "
            "battery management system for electric vehicle",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 3, 1, "battery-cycler")),
        requires=("ICV150",),
    ),
    CourseSpec(
        code="ICV590",
        title="Motor Control for Electric Vehicles | 电动汽车电机控制",
        credits="3.0",
        owner="liangjiang",
        co=(),
        team=("Guo Ping", "Li Na"),
        disciplines={"electronics": 40, "control": 40, "energy": 20},
        status="submitted",
        shared_with=(),
        summary="Field-oriented and sensorless control of traction motors, tested on the "
        "dynamometer of the electric drive lab.",
        outcomes=(
            ("Model a PMSM in the dq frame | 在dq坐标系下建立永磁同步电机模型", {"ev-motor": 3}),
            ("Implement field-oriented control and tune current loops on a dynamometer | "
             "在测功机上实现磁场定向控制并整定电流环", {"ev-motor": 4}),
            ("Evaluate efficiency maps and derating strategies | 评估效率图与降额策略",
             {"ev-motor": 3, "ev-bms": 2}),
        ),
        topics=(
            "Traction motor requirements | 驱动电机需求",
            "PMSM fundamentals | 永磁同步电机基础",
            "dq transformation | dq变换",
            "Inverters and PWM | 逆变器与PWM",
            "Current control | 电流控制",
            "Field-oriented control | 磁场定向控制",
            "Flux weakening | 弱磁控制",
            "Sensorless control | 无位置传感器控制",
            "Efficiency maps | 效率图",
            "Thermal derating | 热降额",
            "NVH of electric drives | 电驱动NVH",
            "Functional safety of inverters | 逆变器功能安全",
            "Dynamometer project | 测功机项目",
        ),
        assessment="lab",
        readings=(
            "S.-K. Sul, Control of Electric Machine Drive Systems, Wiley-IEEE Press, 2011",
        ),
        sessions=(lectures(2), seminars(4), Need("lab", 2, 2, "motor-dyno")),
        requires=("ICV150",),
    ),
    CourseSpec(
        code="ICV610",
        title="HIL/SIL Testing and Scenario-Based Validation | 硬件在环测试与场景化验证",
        credits="4.0",
        owner="jinyun",
        co=("chaotian",),
        team=("Yang Fan", "Wang Wei", "Jiang Tao"),
        disciplines={"vehicle": 40, "control": 30, "cs": 30},
        status="submitted",
        shared_with=(),
        summary="X-in-the-loop testing and scenario-based validation of automated driving "
        "functions, on the HIL benches of the Beibei campus.",
        outcomes=(
            ("Set up a HIL bench with plant models and fault injection | "
             "搭建含被控对象模型与故障注入的HIL测试台", {"test-xil": 4}),
            ("Derive test scenarios from an operational design domain | "
             "从设计运行域导出测试场景", {"test-scenario": 4, "fs-sotif": 3}),
            ("Automate regression tests and report coverage | 实现回归测试自动化并报告覆盖率",
             {"test-xil": 4, "data-loop": 2}),
            ("Plan the step from HIL to proving ground | 规划从HIL到试验场的测试衔接",
             {"test-field": 3}),
        ),
        topics=(
            "V-model and test levels | V模型与测试层级",
            "MIL and SIL | 模型在环与软件在环",
            "HIL architecture | HIL架构",
            "Plant models | 被控对象模型",
            "I/O and bus simulation | I/O与总线仿真",
            "Fault injection | 故障注入",
            "Operational design domains | 设计运行域",
            "Scenario description (OpenSCENARIO) | 场景描述（OpenSCENARIO）",
            "Scenario generation and criticality | 场景生成与危险度",
            "Test automation | 测试自动化",
            "Coverage and release criteria | 覆盖率与发布准则",
            "Proving grounds and public roads | 试验场与公共道路",
            "HIL bench project | HIL测试台项目",
        ),
        assessment="lab",
        readings=(
            "ASAM OpenSCENARIO XML 1.3, 2024",
            "H. Winner et al. (eds.), Handbook of Driver Assistance Systems, Springer, 2016",
        ),
        sessions=(lectures(1), seminars(1), Need("lab", 3, 2, "hil-bench")),
        requires=("ICV120", "ICV190"),
    ),
    CourseSpec(
        code="ICV620",
        title="Driving Simulation and Human Factors | 驾驶仿真与人因工程",
        credits="2.0",
        owner="liangjiang",
        co=(),
        team=("He Yun", "Li Na", "Hu Bin"),
        disciplines={"vehicle": 40, "transport": 30, "ai": 30},
        status="draft",
        shared_with=(),
        summary="Take-over requests, driver monitoring and HMI design, studied on the driving "
        "simulator.",
        outcomes=(
            ("Design a driving-simulator experiment on take-over behaviour | "
             "设计关于接管行为的驾驶模拟实验", {"test-scenario": 3, "plan-behaviour": 2}),
            ("Evaluate driver monitoring and HMI concepts | 评估驾驶员监测与人机交互方案",
             {"fs-sotif": 3}),
            ("Analyse simulator data with statistical models | 使用统计模型分析模拟器数据",
             {"data-loop": 2}),
        ),
        topics=(
            "Humans and automation | 人与自动化",
            "Driving simulators | 驾驶模拟器",
            "Experiment design | 实验设计",
            "Take-over requests | 接管请求",
            "Situation awareness | 情境意识",
            "Driver monitoring | 驾驶员监测",
            "HMI for automated driving | 自动驾驶人机交互",
            "Motion sickness | 晕动症",
            "Trust and acceptance | 信任与接受度",
            "Statistics for experiments | 实验统计",
            "Ethics of studies with people | 人因实验伦理",
            "Simulator study | 模拟器实验",
            "Reporting | 实验报告撰写",
        ),
        assessment="project",
        readings=(
            "D. L. Fisher et al. (eds.), Handbook of Driving Simulation for Engineering, Medicine, "
            "and Psychology, CRC Press, 2011",
        ),
        sessions=(lectures(1), seminars(3), Need("lab", 2, 4, "driving-sim")),
        requires=("ICV120",),
    ),
    CourseSpec(
        code="ICV630",
        title="Vehicle Data Loops and Cloud Engineering | 车辆数据闭环与云工程",
        credits="3.0",
        owner="mingyue",
        co=("jinyun",),
        team=("Ye Zhen", "Xu Qiang"),
        disciplines={"cs": 50, "ai": 50},
        status="in_review",
        shared_with=(A,),
        summary="From fleet data to better models: triggers, upload, storage, labelling, "
        "training and shadow-mode deployment.",
        outcomes=(
            ("Design a trigger-based data collection pipeline for a fleet | "
             "为车队设计基于触发的数据采集流程", {"data-loop": 4}),
            ("Operate a training and evaluation pipeline on a GPU cluster | "
             "在GPU集群上运行训练与评估流程", {"data-mlops": 4}),
            ("Describe the vehicle–cloud architecture and data compliance in China | "
             "描述车云架构及中国的数据合规要求", {"data-cloud": 3, "sec-regulation": 2}),
        ),
        topics=(
            "Data-driven development | 数据驱动的开发",
            "Fleet data and triggers | 车队数据与触发",
            "Upload, storage and data lakes | 上传、存储与数据湖",
            "Data compliance in China | 中国数据合规",
            "Auto-labelling | 自动标注",
            "Dataset curation | 数据集治理",
            "Training pipelines | 训练流水线",
            "Evaluation at scale | 大规模评估",
            "Shadow mode | 影子模式",
            "Vehicle–cloud architecture | 车云架构",
            "OTA delivery of models | 模型的OTA下发",
            "Cost and scale | 成本与规模",
            "Pipeline project | 流水线项目",
        ),
        assessment="project",
        readings=(
            "C. Huyen, Designing Machine Learning Systems, O'Reilly, 2022",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 3, "workstations gpu")),
        requires=("ICV170",),
    ),
    CourseSpec(
        code="ICV640",
        title="Deep Learning Deployment on Automotive Chips | 车规芯片上的深度学习部署",
        credits="3.0",
        owner="nanshan",
        co=("mingyue",),
        team=("Han Bo", "Ye Zhen"),
        disciplines={"ai": 50, "electronics": 50},
        status="draft",
        shared_with=(),
        summary="Quantisation, compilation and benchmarking of neural networks on automotive "
        "SoCs.",
        outcomes=(
            ("Quantise and prune a perception network with bounded accuracy loss | "
             "在精度损失可控的前提下对感知网络进行量化与剪枝", {"data-mlops": 4, "perc-deep": 3}),
            ("Compile and benchmark a network on an automotive SoC | "
             "在车规SoC上编译并测试神经网络", {"data-mlops": 4}),
            ("Argue the safety of a deployed network | 论证部署网络的安全性", {"fs-sotif": 3}),
        ),
        topics=(
            "Automotive SoCs | 车规级SoC",
            "Neural network accelerators | 神经网络加速器",
            "Quantisation | 量化",
            "Pruning and distillation | 剪枝与蒸馏",
            "Compilers and runtimes | 编译器与运行时",
            "Benchmarking latency and power | 时延与功耗测试",
            "Memory and bandwidth | 内存与带宽",
            "Multi-model scheduling | 多模型调度",
            "Safety of learned components | 学习型组件的安全",
            "Monitoring in the field | 现场监测",
            "Toolchains of domestic chips | 国产芯片工具链",
            "Case study: BEV on a SoC | 案例：在SoC上部署BEV",
            "Deployment project | 部署项目",
        ),
        assessment="project",
        readings=(
            "V. Sze et al., Efficient Processing of Deep Neural Networks, Morgan & Claypool, 2020",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 4, "workstations gpu")),
        requires=("ICV170", "ICV140"),
    ),
    CourseSpec(
        code="ICV650",
        title="Chassis by Wire and Vehicle Control Systems | 线控底盘与车辆控制系统",
        credits="3.0",
        owner="jinyun",
        co=("chaotian",),
        team=("Yang Fan", "Wu Xia", "Cai Ying"),
        disciplines={"vehicle": 50, "control": 50},
        status="approved",
        shared_with=(A,),
        summary="Brake-, steer- and drive-by-wire systems, their fault-tolerant control and "
        "their validation on the HIL bench.",
        outcomes=(
            ("Explain the architectures of brake-by-wire and steer-by-wire systems | "
             "解释线控制动与线控转向系统的架构", {"ctrl-dynamics": 3}),
            ("Design a fault-tolerant controller for a by-wire actuator | "
             "为线控执行器设计容错控制器", {"ctrl-dynamics": 4, "fs-iso26262": 3}),
            ("Validate chassis control functions on a HIL bench | 在HIL测试台上验证底盘控制功能",
             {"test-xil": 3}),
        ),
        topics=(
            "From mechanical to by-wire | 从机械到线控",
            "Electro-hydraulic brakes | 电液制动",
            "Electro-mechanical brakes | 电子机械制动",
            "Steer-by-wire | 线控转向",
            "Drive-by-wire and torque vectoring | 线控驱动与扭矩矢量",
            "Actuator models | 执行器模型",
            "Fault-tolerant architectures | 容错架构",
            "Redundancy management | 冗余管理",
            "Integrated chassis control | 底盘集成控制",
            "Interfaces to the planner | 与规划层的接口",
            "HIL validation | HIL验证",
            "Standards and homologation | 标准与认证",
            "Project | 项目",
        ),
        assessment="lab",
        readings=(
            "R. Isermann, Automotive Control: Modeling and Control of Vehicles, Springer, 2022",
        ),
        sessions=(lectures(2), seminars(2), Need("lab", 2, 3, "hil-bench")),
        requires=("ICV120", "ICV610"),
    ),
    CourseSpec(
        code="ICV660",
        title="ICV Capstone Project | 智能网联汽车综合实践",
        credits="4.0",
        owner="chaotian",
        co=("jinyun", "liangjiang", "huaying"),
        team=("Jiang Tao", "Tian Jun", "Cao Yi"),
        disciplines={"vehicle": 30, "cs": 30, "comms": 20, "control": 20},
        status="draft",
        shared_with=(),
        summary="Teams from several members build and demonstrate a cooperative automated "
        "driving function on the V2X test field.",
        outcomes=(
            ("Integrate perception, planning and V2X into a working demonstrator | "
             "将感知、规划与V2X集成为可运行的演示系统",
             {"perc-fusion": 4, "plan-motion": 4, "v2x-coop": 4}),
            ("Test the demonstrator on a test field against a safety plan | "
             "依据安全计划在测试场测试演示系统", {"test-field": 4, "fs-hara": 3}),
            ("Present the results to an industry panel | 向行业评审团展示成果", {"data-loop": 2}),
        ),
        topics=(
            "Project kick-off and team forming | 项目启动与组队",
            "Requirements and safety plan | 需求与安全计划",
            "System architecture | 系统架构",
            "Vehicle platform briefing | 车辆平台介绍",
            "Sprint 1 review | 第一轮迭代评审",
            "Perception integration | 感知集成",
            "Planning integration | 规划集成",
            "V2X integration | V2X集成",
            "Sprint 2 review | 第二轮迭代评审",
            "Test field rehearsal | 测试场预演",
            "Safety review | 安全评审",
            "Test field runs | 测试场测试",
            "Industry panel preparation | 行业评审准备",
        ),
        assessment="project",
        readings=(
            "Chaotianmen Automotive, Test field safety rules for student projects (internal), "
            "2026",
        ),
        sessions=(seminars(1, length=2), Need("lab", 4, 1, "v2x-rsu sensor-rig")),
        requires=("ICV510", "ICV520", "ICV530"),
    ),
]
