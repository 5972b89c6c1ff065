"""The Simplified Chinese interface: a complete catalogue, compiled, and pages that use it.

The catalogue is read with the standard library (no gettext tools needed at test time). Pages are
switched to Chinese through the real `set_language` view, as the switcher in base.html does.
"""

from __future__ import annotations

import ast
import gettext
import html
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from curriculum.models import Notification, SessionNeed
from scheduler import models as sm
from scheduler.tasks_exports import run_export_job
from tests import factories as f
from tests.scheduler.scenario import placed_run, world

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[sdifr]|%[sdif]|\{[a-z_]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _catalogue() -> list[dict[str, str]]:
    """The entries of django.po (not the header): msgctxt, msgid, msgid_plural, msgstr…, flags."""
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    key = ""
    for line in (LC_MESSAGES / "django.po").read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, ""
        elif line.startswith("#,"):
            entry["flags"] = line[2:]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    assert entries[0]["msgid"] == "" and "Language: zh_Hans" in entries[0]["msgstr"]
    return entries[1:]


CATALOGUE = _catalogue()


def _translations(entry: dict[str, str]) -> list[str]:
    return [v for k, v in entry.items() if k.startswith("msgstr")]


def _sources(entry: dict[str, str]) -> list[str]:
    return [entry["msgid"], *([entry["msgid_plural"]] if "msgid_plural" in entry else [])]


def test_it_translates_every_entry_and_leaves_none_fuzzy():
    assert len(CATALOGUE) > 800
    untranslated = [e["msgid"] for e in CATALOGUE if not all(_translations(e))]
    fuzzy = [e["msgid"] for e in CATALOGUE if "fuzzy" in e.get("flags", "")]
    assert untranslated == [] and fuzzy == []
    # Chinese has one plural form.
    assert all(set(e) & {"msgstr[1]", "msgstr"} == set() for e in CATALOGUE if "msgid_plural" in e)


def test_it_keeps_the_placeholders_and_tags_of_every_entry():
    wrong = []
    for e in CATALOGUE:
        wanted = {p for s in _sources(e) for p in PLACEHOLDER.findall(s)}
        tags = {t for s in _sources(e) for t in TAG.findall(s)}
        for text in _translations(e):
            if set(PLACEHOLDER.findall(text)) != wanted or set(TAG.findall(text)) != tags:
                wrong.append((e["msgid"], text))
    assert wrong == []


def test_it_formats_every_python_format_translation():
    """A stray % (100 % instead of 100 %%) would make the page fail only in Chinese."""
    for e in (e for e in CATALOGUE if "python-format" in e.get("flags", "")):
        names = {m[2:-2] for m in re.findall(r"%\([^)]+\)[sd]", e["msgid"])}
        for text in _translations(e):
            (text % {n: 1 for n in names}) if names else (text % ())


def test_it_ships_a_compiled_catalogue_matching_the_po_file():
    with open(LC_MESSAGES / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for e in CATALOGUE:
        ctx, msgid = e.get("msgctxt"), e["msgid"]
        if "msgid_plural" in e:
            args = (msgid, e["msgid_plural"], 2)
            got = compiled.npgettext(ctx, *args) if ctx else compiled.ngettext(*args)
            assert got == e["msgstr[0]"], msgid
        else:
            got = compiled.pgettext(ctx, msgid) if ctx else compiled.gettext(msgid)
            assert got == e["msgstr"], msgid
    assert len(compiled._catalog) == len(CATALOGUE) + 1  # and nothing else: the header


def test_it_tells_words_apart_by_context():
    with translation.override("zh-hans"):
        assert translation.gettext("published") == "已发布"  # a badge
        assert translation.pgettext("cannot be", "published") == "发布"  # …cannot be published
        assert translation.pgettext("form of address", "title") == "称谓"
        assert translation.gettext("title") == "名称"  # of a course


def test_it_names_a_session_need_in_the_active_language(db):
    need = SessionNeed(kind="lab", length=3, count=2)
    assert str(need) == "2 × Lab (3 periods)"
    with translation.override("zh-hans"):
        assert str(need) == "2 × 实验课（3 节）"


# --- Pages in Chinese, switched through set_language ----------------------------------------------

# Catalogue entries that must never show in English on a Chinese page: whole sentences and labels
# long enough not to occur inside data by chance.
ENGLISH = sorted(
    {
        e["msgid"]
        for e in CATALOGUE
        if len(e["msgid"]) >= 12
        and not PLACEHOLDER.search(e["msgid"])
        and e["msgstr" if "msgstr" in e else "msgstr[0]"] != e["msgid"]
    }
)


def _to_chinese(client, next_url: str = "/") -> None:
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"


def _text(response) -> str:
    """What a reader sees: text, titles and labels, without scripts and markup."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    attributes = re.findall(r'(?:title|aria-label|placeholder|hx-confirm)="([^"]*)"', body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + " ".join(attributes))


def _assert_chinese(response, chinese: list[str], english: list[str]) -> None:
    assert response.status_code == 200
    text = _text(response)
    assert [w for w in chinese if w not in text] == []
    assert [w for w in english if w in text] == []
    assert [m for m in ENGLISH if m in text] == []


def test_it_shows_the_login_page_in_chinese(client):
    _to_chinese(client, "/login/")
    response = client.get("/login/")
    _assert_chinese(
        response, ["登录", "用户名", "密码", "仅限智能网联汽车联盟成员", "简体中文"],
        ["Username", "Password", "Log in", "ICV Curriculum Planner"],
    )
    assert '<html lang="zh-hans">' in response.content.decode()


@pytest.mark.parametrize(
    "role, chinese, english",
    [
        ("consortium_admin", "培养方案覆盖情况", "Programme coverage"),
        ("scheduler_admin", "最近的求解任务", "Latest runs"),
        ("faculty", "我的课程", "My courses"),
        ("partner_reviewer", "已共享给贵企业", "Shared with your firm"),
        ("outsider", "您的账号尚未分配角色", "Your account has no role yet"),
    ],
)
def test_it_shows_each_roles_home_in_chinese(client, request, role, chinese, english):
    client.force_login(request.getfixturevalue(role))
    _to_chinese(client)
    _assert_chinese(client.get("/"), [chinese, "首页", "退出登录"], [english, "Home", "Log out"])


def test_it_shows_the_course_list_in_chinese(client, faculty, course):
    client.force_login(faculty)
    _to_chinese(client, "/courses/")
    _assert_chinese(
        client.get("/courses/"), ["课程", "筛选", "学科", "任意学科", "跨学科", "感知与传感器融合"],
        ["Filter", "Discipline", "Any discipline", "interdisciplinary"],
    )


def test_it_shows_a_programme_matrix_in_chinese(client, consortium_admin, course):
    competency = f.competency(name="Functional safety", name_zh="功能安全")
    programme = f.programme(courses=[course], targets=[(competency, 3)])
    url = reverse("programme_matrix", args=[programme.code])
    client.force_login(consortium_admin)
    _to_chinese(client, url)
    _assert_chinese(
        client.get(url), ["能力矩阵", "缺口", "功能安全", "目标 3"],
        ["Competency matrix", "Gaps", "Functional safety", "target 3"],
    )


def test_it_shows_the_scheduling_pages_in_chinese(client, scheduler_admin, member):
    run = placed_run(world(member, size=2).term)
    client.force_login(scheduler_admin)
    _to_chinese(client)
    grid = client.get(reverse("scheduler:timetable_grid", args=[run.pk]))
    _assert_chinese(
        grid, ["查看方式", "节次", "星期一", "理论课"], ["View by", "Monday", "Lecture"]
    )
    term = client.get(reverse("scheduler:term_detail", args=[run.term.slug]))
    _assert_chinese(term, ["已发布的课表", "求解任务"], ["Published timetable", "Runs"])


def test_it_explains_a_refused_solve_in_chinese(client, scheduler_admin, member):
    sched = world(member, size=1)
    sched.sessions[0].features.add(f.feature(name="V2X roadside unit", name_zh="路侧单元"))
    client.force_login(scheduler_admin)
    _to_chinese(client)
    url = reverse("scheduler:run_create", args=[sched.term.slug])
    response = client.post(url, {"mode": "fresh", "time_limit_s": 30, "seed": 7})
    assert response.status_code == 400
    text = _text(response)
    assert "该学期在当前设置下无法排课" in text
    assert "的一次理论课需要路侧单元，但没有任何教室具备。" in text
    assert "which no room has" not in text and "lecture" not in text
    assert not sm.Run.objects.exists()


def test_it_shows_the_inbox_and_its_fragment_in_chinese(client, faculty):
    Notification.objects.create(user=faculty, kind=Notification.Kind.COMMENT, message="你好")
    client.force_login(faculty)
    _to_chinese(client, "/inbox/")
    _assert_chinese(
        client.get("/inbox/"), ["收件箱", "全部标为已读", "新评论", "1 条未读"],
        ["Inbox", "Mark all read", "New comment", "unread"],
    )
    fragment = client.get("/inbox/?unread=1", HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content
    _assert_chinese(fragment, ["全部标为已读", "显示全部"], ["Mark all read", "Show all"])


def test_it_writes_a_background_export_in_the_requesters_language(
    client, scheduler_admin, member
):
    run = placed_run(world(member, size=1).term)
    client.force_login(scheduler_admin)
    _to_chinese(client)
    url = reverse("scheduler:export_job_create")
    response = client.post(url, {"run": run.pk, "format": "xlsx"})
    assert response.status_code == 302
    job = sm.ExportJob.objects.get()
    translation.activate("en")  # the worker's own language
    assert run_export_job.call(job.pk) == "done"
    job.refresh_from_db()
    workbook = openpyxl.load_workbook(io.BytesIO(bytes(job.content)))
    assert workbook.sheetnames[:3] == ["概览", "课次", "违反约束"]
