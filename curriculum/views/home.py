from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from curriculum.access import role_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The landing page: where each role starts its journey."""
    return render(request, "curriculum/home.html", {"role": role_of(request.user)})
