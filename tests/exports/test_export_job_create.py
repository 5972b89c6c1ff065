"""POST /scheduling/exports/: queue a big timetable export as a background job."""

import datetime as dt
import io

import openpyxl
import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from scheduler.models import ExportJob
from scheduler.tasks_exports import run_export_job

URL = "/scheduling/exports/"


def post(client, world, **data):
    data = {"run": world.run.pk, "format": "xlsx", **data}
    return client.post(URL, data)


def test_it_queues_a_job_for_the_users_pack(
    client, scheduler_admin, shared_world, django_capture_on_commit_callbacks
):
    client.force_login(scheduler_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, shared_world, member="other")  # not his to ask: ignored
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/scheduling/exports/{job.pk}/"
    assert job.requested_by == scheduler_admin
    assert job.status == ExportJob.Status.QUEUED
    assert job.params == {"run": shared_world.run.pk, "member": scheduler_admin.profile
                          .institution_id, "format": "xlsx", "language": "en"}
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "scheduler.tasks_exports.run_export_job"
    assert queued.queue_name == "exports"
    assert queued.args_kwargs["args"] == [job.pk]


def test_it_makes_the_file_when_the_worker_runs_it(client, scheduler_admin, shared_world):
    client.force_login(scheduler_admin)
    post(client, shared_world)
    job = ExportJob.objects.get()
    assert run_export_job.call(job.pk) == "done"
    job.refresh_from_db()
    assert (job.status, job.progress) == (ExportJob.Status.DONE, 100)
    assert job.filename.endswith("-cqu.xlsx") and job.finished_at is not None
    wb = openpyxl.load_workbook(io.BytesIO(bytes(job.content)))
    courses = [r[0] for r in wb["Sessions"].iter_rows(min_row=2, values_only=True)]
    assert courses == ["MIN101", "MIN102", "JNT301"]


def test_it_reports_a_failed_export(client, consortium_admin, shared_world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("scheduler.exporting.render_timetable", broken)
    client.force_login(consortium_admin)
    post(client, shared_world, format="pdf")
    job = ExportJob.objects.get()
    assert run_export_job.call(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error == "disk full" and job.content is None


def test_it_clears_the_users_files_older_than_a_week(client, consortium_admin, shared_world):
    old = ExportJob.objects.create(
        requested_by=consortium_admin, kind="timetable_pdf", status=ExportJob.Status.DONE,
        finished_at=timezone.now() - dt.timedelta(days=8), content=b"old")
    recent = ExportJob.objects.create(
        requested_by=consortium_admin, kind="timetable_pdf", status=ExportJob.Status.DONE,
        finished_at=timezone.now() - dt.timedelta(days=1), content=b"new")
    client.force_login(consortium_admin)
    post(client, shared_world)
    assert not ExportJob.objects.filter(pk=old.pk).exists()
    assert ExportJob.objects.filter(pk=recent.pk).exists()
    assert ExportJob.objects.count() == 2


def test_it_answers_htmx_with_the_progress_fragment(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    response = client.post(URL, {"run": shared_world.run.pk, "format": "pdf"},
                           HTTP_HX_REQUEST="true")
    job = ExportJob.objects.get()
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="job-{job.pk}"' in body and 'hx-trigger="every 1s"' in body
    assert "<html" not in body


@pytest.mark.parametrize("who", ["partner_reviewer", "outsider"])
def test_it_refuses_users_who_cannot_see_the_run(client, shared_world, who, request):
    client.force_login(request.getfixturevalue(who))
    assert post(client, shared_world).status_code == 404
    assert not ExportJob.objects.exists()


def test_it_refuses_bad_input(client, consortium_admin, shared_world):
    client.force_login(consortium_admin)
    assert post(client, shared_world, format="docx").status_code == 404
    assert client.post(URL, {"run": "x", "format": "pdf"}).status_code == 404
    assert not ExportJob.objects.exists()


def test_it_refuses_get(client, consortium_admin):
    client.force_login(consortium_admin)
    assert client.get(URL).status_code == 405


def test_it_sends_anonymous_users_to_log_in(client, shared_world):
    assert post(client, shared_world).status_code == 302
    assert not ExportJob.objects.exists()
