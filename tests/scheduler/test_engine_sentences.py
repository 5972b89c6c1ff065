"""Engine sentences are stored with their structure and shown in the reader's language."""

import html
import re

from django.urls import reverse

from scheduler import adapters
from scheduler.solver import messages as msg
from scheduler.solver.instance import Conflict

CLASH_ZH = "星期二 08:00–09:50同时安排了"  # "The room … holds … and … at once on Tuesday …"


def _to_chinese(client) -> None:
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def _move_url(run, session):
    return reverse("scheduler:session_move", args=[run.pk, session.pk])


def _onto_the_other(client, run, action: str):
    """Move the first session onto the second's day, period and room: a room clash on Tuesday."""
    first, second = run.assignments.order_by("session_id")
    data = {"day": second.day, "period": second.period, "room": second.room_id, "action": action}
    return first, client.post(_move_url(run, first.session), data)


def test_it_stores_the_english_sentence_and_its_structure_whatever_the_language(
    client, scheduler_admin, sched_run
):
    client.force_login(scheduler_admin)
    _to_chinese(client)
    _first, response = _onto_the_other(client, sched_run, "save")
    assert response.status_code == 302
    sched_run.refresh_from_db()
    [clash] = [v for v in sched_run.violations if v["rule"] == "room_clash"]
    assert (
        clash["message"].startswith("The room ") and "on Tuesday 08:00–09:50." in clash["message"]
    )
    assert msg.Text.from_json(clash["text"]) == clash["message"]


def test_it_shows_violations_and_explanations_in_chinese_on_the_run_page(
    client, scheduler_admin, sched_run
):
    client.force_login(scheduler_admin)
    _onto_the_other(client, sched_run, "save")
    sched_run.refresh_from_db()
    sched_run.explanation = adapters.conflict_dicts([Conflict(msg.undecided(12.0))])
    sched_run.save(update_fields=["explanation"])
    url = reverse("scheduler:run_detail", args=[sched_run.pk])
    assert "No timetable was found within 12 seconds" in _text(client.get(url))
    _to_chinese(client)
    text = _text(client.get(url))
    assert CLASH_ZH in text and "在 12 秒内未找到课表" in text
    assert "at once on" not in text and "No timetable was found" not in text


def test_it_shows_a_sessions_broken_rules_in_chinese_in_its_panel(
    client, scheduler_admin, sched_run
):
    client.force_login(scheduler_admin)
    first, _response = _onto_the_other(client, sched_run, "save")
    _to_chinese(client)
    url = reverse("scheduler:session_detail", args=[sched_run.pk, first.session_id])
    text = _text(client.get(url))
    assert CLASH_ZH in text and "at once on" not in text


def test_it_previews_a_move_in_chinese(client, scheduler_admin, sched_run):
    client.force_login(scheduler_admin)
    _to_chinese(client)
    _first, response = _onto_the_other(client, sched_run, "preview")
    text = _text(response)
    assert CLASH_ZH in text and "at once on" not in text


def test_it_shows_the_stored_message_of_an_old_row(client, scheduler_admin, sched_run):
    session_id = sched_run.assignments.order_by("session_id").first().session_id
    sched_run.violations = [
        {
            "rule": "isolated",
            "hard": False,
            "penalty": 1,
            "message": "Stored before sentences had a structure.",
            "refs": [["session", session_id]],
        }
    ]
    sched_run.explanation = [{"message": "An old explanation.", "refs": []}]
    sched_run.save()
    client.force_login(scheduler_admin)
    _to_chinese(client)
    run_page = _text(client.get(reverse("scheduler:run_detail", args=[sched_run.pk])))
    assert "Stored before sentences had a structure." in run_page
    assert "An old explanation." in run_page
    panel = client.get(reverse("scheduler:session_detail", args=[sched_run.pk, session_id]))
    assert "Stored before sentences had a structure." in _text(panel)


def test_a_stored_text_this_version_cannot_read_shows_its_message():
    from scheduler.sentences import rendered_stored

    text = {"template": "%(gone)s on %(day)s", "params": {"day": "Monday"}}
    unreadable = {"message": "Kept in English.", "text": text}
    assert rendered_stored(unreadable) == "Kept in English."
    assert rendered_stored({"message": "Old.", "text": {"params": {}}}) == "Old."
