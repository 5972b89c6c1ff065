"""Timetable downloads (workbook, PDF book) for a run or a term, and background export jobs.

Access follows the timetable pages (``scheduler.access``): staff see every run, faculty only a
published one, reviewers nothing. What leaves the system is narrower: only the coordinator takes
the whole timetable (or any member's pack with ``?member=CODE``); everyone else gets his own
member's pack, the sessions that involve his member. Small exports are made in the request; big
ones (see ``exporting.SYNC_GRIDS``) run as a background job with a progress bar.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from curriculum.models import Institution
from curriculum.views.exports import download
from scheduler import access, exporting
from scheduler.models import ExportJob, Run


def _format(fmt: str) -> str:
    if fmt not in exporting.FORMATS:
        raise Http404
    return fmt


def _requested_member(value: str | None) -> Institution | None:
    if not value:
        return None
    try:
        return Institution.objects.get(code=value)
    except Institution.DoesNotExist:
        raise Http404 from None


def _timetable_download(request: HttpRequest, run: Run, fmt: str) -> HttpResponse:
    member = exporting.export_member(request.user, _requested_member(request.GET.get("member")))
    export = exporting.timetable_export(run, member)
    if exporting.runs_in_background(export, fmt):
        context = {"run": run, "fmt": fmt, "member": member, "grids": export.grids()}
        return render(request, "exports/export_offer.html", context)
    content = exporting.render_timetable(export, fmt)
    return download(content, exporting.FORMATS[fmt], export.filename(fmt))


@login_required
@require_GET
def run_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    run = access.get_run_for_user(request.user, pk)
    return _timetable_download(request, run, _format(fmt))


@login_required
@require_GET
def term_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The term's published timetable, or its latest successful run when none is published."""
    term = access.get_term_for_user(request.user, slug)
    run = exporting.term_export_run(term)
    if run is None:
        raise Http404
    return _timetable_download(request, access.get_run_for_user(request.user, run.pk),
                               _format(fmt))


@login_required
@require_POST
def export_job_create(request: HttpRequest) -> HttpResponse:
    try:
        run_id = int(request.POST.get("run", ""))
    except ValueError:
        raise Http404 from None
    run = access.get_run_for_user(request.user, run_id)
    fmt = _format(request.POST.get("format", ""))
    member = exporting.export_member(request.user, _requested_member(request.POST.get("member")))
    job = exporting.export_job_create(user=request.user, run=run, member=member, fmt=fmt)
    if request.htmx:
        return render(request, "exports/export_job.html#job", {"job": job})
    return redirect("scheduler:export_job_detail", pk=job.pk)


def _get_job(request: HttpRequest, pk: int) -> ExportJob:
    """The user's own job (404 for anyone else's)."""
    return get_object_or_404(ExportJob.objects.defer("content"), pk=pk,
                             requested_by=request.user)


@login_required
@require_GET
def export_job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = exporting.export_job_check(_get_job(request, pk))
    template = "exports/export_job.html"
    if request.htmx:
        template += "#job"
    return render(request, template, {"job": job})


@login_required
@require_GET
def export_job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _get_job(request, pk)
    if job.status != ExportJob.Status.DONE:
        raise Http404
    access.get_run_for_user(request.user, job.params["run"])  # still allowed to see it
    content = ExportJob.objects.values_list("content", flat=True).get(pk=job.pk)
    return download(bytes(content), job.content_type, job.filename)
