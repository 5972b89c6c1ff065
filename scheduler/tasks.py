"""Background tasks of the scheduler, run by django-tasks-db's `db_worker`."""

from django.tasks import task

from scheduler import services


@task(queue_name="solver")
def solve_run(run_id: int) -> str:
    """Solve one queued run and save its result; returns the run's final status."""
    return services.run_execute(run_id=run_id)
