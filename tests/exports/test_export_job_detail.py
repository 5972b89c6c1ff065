"""GET /scheduling/exports/<pk>/: a job's progress, polled by htmx until it is done."""

import datetime as dt

import pytest
from django.utils import timezone

from scheduler.models import ExportJob


@pytest.fixture
def job(scheduler_admin, shared_world):
    return ExportJob.objects.create(
        requested_by=scheduler_admin, kind="timetable_pdf", status=ExportJob.Status.RUNNING,
        progress=40, params={"run": shared_world.run.pk, "member": None, "format": "pdf"},
    )


def test_it_shows_the_progress_and_polls(client, scheduler_admin, job):
    client.force_login(scheduler_admin)
    body = client.get(f"/scheduling/exports/{job.pk}/").content.decode()
    assert '<progress max="100" value="40"' in body
    assert 'hx-trigger="every 1s"' in body
    assert f'href="/scheduling/exports/{job.pk}/"' in body  # a plain refresh link too


def test_it_answers_htmx_with_the_fragment_and_stops_polling_when_done(
    client, scheduler_admin, job
):
    job.status, job.progress, job.filename = ExportJob.Status.DONE, 100, "book.pdf"
    job.save()
    client.force_login(scheduler_admin)
    response = client.get(f"/scheduling/exports/{job.pk}/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "hx-trigger" not in body
    assert f'href="/scheduling/exports/{job.pk}/download/"' in body and "book.pdf" in body


def test_it_shows_a_failure(client, scheduler_admin, job):
    job.status, job.error = ExportJob.Status.FAILED, "disk full"
    job.save()
    client.force_login(scheduler_admin)
    assert "disk full" in client.get(f"/scheduling/exports/{job.pk}/").content.decode()


def test_it_hides_other_peoples_jobs(client, consortium_admin, job):
    client.force_login(consortium_admin)
    assert client.get(f"/scheduling/exports/{job.pk}/").status_code == 404


def test_it_refuses_post(client, scheduler_admin, job):
    client.force_login(scheduler_admin)
    assert client.post(f"/scheduling/exports/{job.pk}/").status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, job):
    assert client.get(f"/scheduling/exports/{job.pk}/").status_code == 302


def test_it_gives_up_on_a_job_no_worker_finished(client, scheduler_admin, job):
    ExportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(scheduler_admin)
    body = client.get(f"/scheduling/exports/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and "Start it again" in job.error
    assert "every 1s" not in body and "Start it again" in body
