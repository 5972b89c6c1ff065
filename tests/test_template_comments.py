"""Django's {# #} comments end on their line: one spread over two lines shows on the page."""

from pathlib import Path

from django.conf import settings


def test_it_keeps_every_short_comment_on_one_line():
    broken = []
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.count("{#") > line.count("#}"):
                broken.append(f"{path.relative_to(settings.BASE_DIR)}:{number}")
    assert broken == [], "use {% comment %} for comments over several lines"
