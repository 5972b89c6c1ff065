"""Role users shared by every test: one consortium with two universities and two firms."""

from __future__ import annotations

import pytest

from curriculum.models import Profile
from tests import factories as f

Role = Profile.Role


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Tests create many users: a fast hasher keeps each from costing a PBKDF2 round (~0.5 s)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English, whatever language an earlier request left active."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def member(db):
    """The university the faculty, scheduler and course in these fixtures belong to."""
    return f.institution(code="cqu", name="Chongqing Test University", name_zh="重庆测试大学")


@pytest.fixture
def other_member(db):
    return f.institution(code="other", name="Other University", name_zh="其他大学")


@pytest.fixture
def firm_a(db):
    return f.firm(code="firma", name="Firm A Motors", name_zh="甲汽车")


@pytest.fixture
def firm_b(db):
    return f.firm(code="firmb", name="Firm B Systems", name_zh="乙系统")


@pytest.fixture
def consortium_admin(db):
    return f.user("coordinator", role=Role.COORDINATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def scheduler_admin(member):
    return f.user("scheduler", role=Role.SCHEDULER, member=member)


@pytest.fixture
def other_scheduler_admin(other_member):
    return f.user("scheduler2", role=Role.SCHEDULER, member=other_member)


@pytest.fixture
def faculty(member):
    """A faculty user with a Faculty record at the member university."""
    u = f.user("faculty", role=Role.FACULTY, member=member, first_name="Wei", last_name="Wang")
    f.faculty(member, user_obj=u, name="Wang Wei", name_zh="王伟")
    return u


@pytest.fixture
def other_faculty(other_member):
    u = f.user("faculty2", role=Role.FACULTY, member=other_member)
    f.faculty(other_member, user_obj=u, name="Li Na", name_zh="李娜")
    return u


@pytest.fixture
def partner_reviewer(firm_a):
    return f.user("reviewer", role=Role.REVIEWER, member=firm_a)


@pytest.fixture
def other_reviewer(firm_b):
    return f.user("reviewer2", role=Role.REVIEWER, member=firm_b)


@pytest.fixture
def outsider(db):
    """Logged in, but with no role in the consortium."""
    return f.user("outsider")


@pytest.fixture
def course(member, faculty):
    """A course taught by `faculty`, owned by `member`, with a current draft syllabus."""
    d1, d2 = f.discipline(name="Computer science"), f.discipline(name="Vehicle engineering")
    return f.course(
        member,
        code="ICV101",
        title="Perception and Sensor Fusion",
        title_zh="感知与传感器融合",
        faculty_members=[faculty.faculty],
        disciplines=[(d1, 60), (d2, 40)],
    )


# --- Browser tests -------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _serialise_requests_on_a_shared_connection() -> None:
    """With the in-memory SQLite test database the live server hands every request thread the
    test's one connection; two requests at once (htmx fires several) then corrupt each other
    ("bad parameter or other API misuse"). Let such requests take turns; other databases keep
    a connection per thread and stay concurrent."""
    import threading

    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread

    class TurnTakingServer(ThreadedWSGIServer):
        def set_app(self, application):
            if not self.connections_override:
                return super().set_app(application)
            turn = threading.Lock()

            def one_at_a_time(environ, start_response):
                with turn:  # the body is rendered and the response closed within the turn
                    response = application(environ, start_response)
                    try:
                        return [b"".join(response)]
                    finally:
                        if hasattr(response, "close"):
                            response.close()

            return super().set_app(one_at_a_time)

    LiveServerThread.server_class = TurnTakingServer


_serialise_requests_on_a_shared_connection()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test databases, with every connection closed before they are dropped.

    Django keeps a connection per thread and per context, and pytest-django closes only the one
    of the context it set up in; the tests may leave one open in another context, and PostgreSQL
    refuses to drop a database in use ("test_test is being accessed by other users"). So every
    connection object still open is closed here.
    """
    import gc

    from django.db.backends.base.base import BaseDatabaseWrapper

    yield
    for wrapper in gc.get_objects():
        if isinstance(wrapper, BaseDatabaseWrapper) and wrapper.connection is not None:
            wrapper.inc_thread_sharing()  # opened in this thread or another: close it anyway
            wrapper.close()


@pytest.fixture(scope="session")
def _playwright_browser():
    """One Debian Chromium for the whole session (Playwright never downloads a browser here)."""
    import os
    import shutil

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it.")
    # Playwright's sync API runs an event loop in this thread; the ORM calls tests make are fine.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(_playwright_browser, live_server):
    """A fresh browser page; `page.base_url` is the live server's address."""
    context = _playwright_browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    pg = context.new_page()
    pg.base_url = live_server.url
    yield pg
    context.close()


def login(page, username: str, password: str = f.PASSWORD) -> None:
    """Log in through the real login form."""
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
