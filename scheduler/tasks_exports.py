"""Background exports, run by django-tasks-db's `db_worker` on the "exports" queue."""

from django.tasks import task

from scheduler import exporting


@task(queue_name="exports")
def run_export_job(job_id: int) -> str:
    """Make the file of one queued export job; returns the job's final status."""
    return exporting.export_job_run(job_id=job_id).status
