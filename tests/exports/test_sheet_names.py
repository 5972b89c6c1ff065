from exports.xlsx import MAX_SHEET_NAME, SheetNames


def test_it_replaces_forbidden_characters():
    assert SheetNames().take("Room A/B [lab]: *1?\\") == "Room A-B -lab-- -1--"


def test_it_truncates_to_31_characters_and_keeps_names_unique():
    names = SheetNames()
    long = "Faculty Professor Ouyang Xiaoming-Alexander"
    first, second, third = names.take(long), names.take(long), names.take(long.upper())
    assert len(first) == len(second) == len(third) == MAX_SHEET_NAME
    assert second.endswith(" (2)") and third.endswith(" (3)")
    assert len({first.casefold(), second.casefold(), third.casefold()}) == 3


def test_it_refuses_empty_names_apostrophes_and_history():
    names = SheetNames()
    assert names.take("") == "Sheet"
    assert names.take("'quoted'") == "quoted"
    assert names.take("History") == "History (2)"
