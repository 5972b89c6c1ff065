"""GET /scheduling/exports/<pk>/download/: the file of a finished job, for its owner only."""

import pytest

from scheduler.models import ExportJob


@pytest.fixture
def job(scheduler_admin, shared_world):
    return ExportJob.objects.create(
        requested_by=scheduler_admin, kind="timetable_pdf", status=ExportJob.Status.DONE,
        progress=100, params={"run": shared_world.run.pk, "member": None, "format": "pdf"},
        content=b"%PDF-1.7 test", filename="spring-book.pdf", content_type="application/pdf",
    )


def test_it_sends_the_file(client, scheduler_admin, job):
    client.force_login(scheduler_admin)
    response = client.get(f"/scheduling/exports/{job.pk}/download/")
    assert response.status_code == 200
    assert response.content == b"%PDF-1.7 test"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="spring-book.pdf"'


def test_it_answers_htmx_with_the_file_too(client, scheduler_admin, job):
    client.force_login(scheduler_admin)
    response = client.get(f"/scheduling/exports/{job.pk}/download/", HTTP_HX_REQUEST="true")
    assert response.content == b"%PDF-1.7 test"


def test_it_is_404_until_the_job_is_done(client, scheduler_admin, job):
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)
    client.force_login(scheduler_admin)
    assert client.get(f"/scheduling/exports/{job.pk}/download/").status_code == 404


def test_it_hides_other_peoples_files(client, other_scheduler_admin, job):
    client.force_login(other_scheduler_admin)
    assert client.get(f"/scheduling/exports/{job.pk}/download/").status_code == 404


def test_it_refuses_post(client, scheduler_admin, job):
    client.force_login(scheduler_admin)
    assert client.post(f"/scheduling/exports/{job.pk}/download/").status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, job):
    assert client.get(f"/scheduling/exports/{job.pk}/download/").status_code == 302
