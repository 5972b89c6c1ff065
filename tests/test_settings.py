"""config/settings.py: settings from the environment, failing loudly when they are wrong."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import BASE_DIR, database_from_url, env, env_bool, env_list

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "config" / "settings.py"
VARIABLES = ["DATABASE_URL", "DEBUG", "SECRET_KEY", "TIME_ZONE", "ALLOWED_HOSTS", "DEMO_PASSWORD",
             "EMAIL_BACKEND", "SOLVER_WORKERS", "TEST_DATABASE_NAME", "SQLITE_PATH"]


def _settings(monkeypatch, **environ) -> dict:
    """The settings module executed afresh with exactly these variables set."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_it_parses_a_postgres_url():
    db = database_from_url("postgres://planner:s%40cret@db.example:5433/icv?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("icv", "planner", "s@cret")
    assert (db["HOST"], db["PORT"]) == ("db.example", "5433")
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_it_parses_a_postgres_url_without_credentials_or_port():
    db = database_from_url("postgresql://127.0.0.1/test")
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "test", "", "", "127.0.0.1", ""
    )


def test_it_parses_sqlite_urls():
    assert database_from_url("sqlite:////var/lib/icv/db.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/var/lib/icv/db.sqlite3",
    }
    assert database_from_url("sqlite:///local.sqlite3")["NAME"] == "local.sqlite3"
    assert database_from_url("sqlite://")["NAME"] == BASE_DIR / "db.sqlite3"


@pytest.mark.parametrize("url", ["mysql://root@localhost/icv", "db.sqlite3", "http://x/y"])
def test_it_refuses_an_unsupported_database_url_loudly(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL has an unsupported scheme"):
        database_from_url(url)


def test_it_uses_database_url_when_set(monkeypatch):
    s = _settings(monkeypatch, DATABASE_URL="postgres://postgres@127.0.0.1:5432/test")
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    s = _settings(monkeypatch)
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("on", True),
     ("0", False), ("false", False), ("NO", False), ("off", False), ("", False)],
)
def test_it_reads_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG", not expected) is expected


def test_it_uses_the_default_for_an_unset_boolean(monkeypatch):
    monkeypatch.delenv("SOME_FLAG", raising=False)
    assert env_bool("SOME_FLAG", True) is True


@pytest.mark.parametrize("value", ["maybe", "2", "enabled"])
def test_it_refuses_a_boolean_it_cannot_read(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be true or false"):
        env_bool("SOME_FLAG", False)


def test_it_refuses_a_bad_debug_value_at_startup(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        _settings(monkeypatch, DEBUG="perhaps")


def test_it_requires_a_secret_key_when_debug_is_off(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        _settings(monkeypatch, DEBUG="false")
    s = _settings(monkeypatch, DEBUG="false", SECRET_KEY="x" * 50)
    assert (s["DEBUG"], s["SECRET_KEY"]) == (False, "x" * 50)


def test_it_fails_loudly_for_a_missing_required_variable(monkeypatch):
    monkeypatch.delenv("SOMETHING_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="Set the environment variable SOMETHING"):
        env("SOMETHING_REQUIRED")


def test_it_splits_lists(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,,")
    assert env_list("HOSTS", "") == ["a.example", "b.example"]


def test_it_defaults_to_shanghai_time_and_two_languages(monkeypatch):
    s = _settings(monkeypatch)
    assert s["TIME_ZONE"] == "Asia/Shanghai"
    assert s["USE_TZ"] is True
    assert [code for code, _ in s["LANGUAGES"]] == ["en", "zh-hans"]
    assert s["DEBUG"] is True
    assert s["DEMO_PASSWORD"] == "icv-demo-2026"
    assert s["MAILERS"]["default"]["BACKEND"].endswith("console.EmailBackend")


def test_it_reads_the_other_variables(monkeypatch):
    s = _settings(
        monkeypatch,
        TIME_ZONE="Europe/Berlin",
        ALLOWED_HOSTS="icv.example,localhost",
        DEMO_PASSWORD="another-one",
        SOLVER_WORKERS="4",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    assert s["TIME_ZONE"] == "Europe/Berlin"
    assert s["ALLOWED_HOSTS"] == ["icv.example", "localhost"]
    assert s["DEMO_PASSWORD"] == "another-one"
    assert s["SOLVER_WORKERS"] == 4
    assert s["MAILERS"]["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_it_serves_both_languages(client, faculty):
    client.force_login(faculty)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="zh-hans">' in response.content.decode()
