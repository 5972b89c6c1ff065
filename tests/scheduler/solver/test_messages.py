"""Engine sentences are Text: English as their str value, renderable in any language, as JSON."""

import json
import pickle
import random

from scheduler.solver import messages as msg
from scheduler.solver.explain import explain, precheck
from scheduler.solver.generate import generate
from scheduler.solver.instance import Placement
from scheduler.solver.validate import validate

from .build import course, grid, instance
from .test_explain import LAB, triangle

FAKE = {  # a made-up language, enough to see each part translated
    "%(person)s teaches %(first)s and %(second)s at once on %(when)s.": (
        "[%(when)s] %(person)s: %(first)s + %(second)s"
    ),
    "%(day)s %(start)s–%(end)s": "%(start)s-%(end)s @ %(day)s",
    "Monday": "Lundi",
    "'%(name)s'": "«%(name)s»",
    "%(course)s (%(kind)s)": "%(course)s/%(kind)s",
    "lab": "TP",
    "%(first)s, %(second)s": "%(first)s、%(second)s",
    "%(first)s and %(last)s": "%(first)s和%(last)s",
}


def fake(template: str) -> str:
    return FAKE.get(template, template)


def messy_report():
    """A generated instance placed at random: most rules broken, many times."""
    inst = generate(60, seed=3)
    rng = random.Random(3)
    placements = [
        Placement(
            session=s.id,
            day=rng.randrange(inst.grid.days),
            period=rng.randrange(inst.grid.periods_per_day),
            room=rng.choice(inst.rooms).id,
        )
        for c in inst.courses
        for s in c.sessions
    ]
    return validate(inst, placements[3:] + placements[:2])  # one unplaced, one twice


def impossible():
    """A session longer than a day, and one needing equipment that no room has."""
    return instance([course(4, length=9), course(5, features=["v2x_unit"])], rooms=[LAB], days=1)


def sentences():
    report = messy_report()
    conflicts = explain(triangle(), time_limit_s=5) + precheck(impossible())
    return [v.message for v in report.violations] + [c.message for c in conflicts]


def test_it_keeps_the_english_sentence_as_the_str_value():
    found = sentences()
    assert len({v.rule for v in messy_report().violations}) >= 8
    assert all(isinstance(s, msg.Text) for s in found)
    assert any(s.startswith("These requirements") for s in found)
    assert any("lasts 9 periods" in s for s in found) and any("v2x_unit" in s for s in found)
    assert [s.render(lambda t: t) for s in found] == [str(s) for s in found]


def test_it_round_trips_through_json_and_pickle():
    for sentence in sentences():
        data = json.loads(json.dumps(sentence.to_json()))
        again = msg.Text.from_json(data)
        assert again == sentence and again.to_json() == sentence.to_json()
        assert pickle.loads(pickle.dumps(sentence)).to_json() == sentence.to_json()


def test_it_renders_every_part_with_the_translate_function_given():
    g = grid(days=1, periods=2)
    session = msg.Text("%(course)s (%(kind)s)", course=msg.Text("'%(name)s'", name="V2X"), kind="x")
    clash = msg.faculty_clash("Dr Wang", session, "B", msg.span(g, 0, 0, 1))
    assert clash == "Dr Wang teaches 'V2X' (x) and B at once on Monday 08:00–09:50."
    assert clash.render(fake) == "[08:00-09:50 @ Lundi] Dr Wang: «V2X»/x + B"


def test_it_joins_lists_and_names_kinds_per_language():
    listed = msg.join(["a", "b", "c"])
    assert listed == "a, b and c" and listed.render(fake) == "a、b和c"
    assert msg.join(["a"]) == "a" and msg.join([]) == ""
    assert msg.kind_word("lab").render(fake) == "TP" and msg.kind_word("studio") == "studio"


def test_it_counts_in_words_in_english_and_lets_a_language_use_digits():
    assert msg.on_other_days(3) == "on the other three days"
    assert msg.periods(1) == "1 period" and msg.periods(2) == "2 periods"
    assert msg.on_other_days(3).render(lambda t: {"three": "3"}.get(t, t)) == "on the other 3 days"


def test_a_translation_that_does_not_fit_its_params_falls_back_to_english():
    g = grid(days=1, periods=2)
    clash = msg.faculty_clash("Dr Wang", "A", "B", msg.span(g, 0, 0, 0))
    wrong = {  # a misspelt placeholder, and a number where a word is given
        "%(person)s teaches %(first)s and %(second)s at once on %(when)s.": "%(persn)s: %(first)s",
        "%(day)s %(start)s–%(end)s": "%(day)d",
    }
    assert clash.render(lambda t: wrong.get(t, t)) == str(clash)
