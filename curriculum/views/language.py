"""The language menu: Django's ``set_language``, and the choice kept on the user's profile so that
his emails (written when someone else acts) come in the language he reads."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views import i18n
from django.views.decorators.http import require_POST

from curriculum.models import Profile


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Anyone may switch (the login page has the menu too); a logged-in user's choice is kept."""
    response = i18n.set_language(request)
    code = request.POST.get("language", "")
    if request.user.is_authenticated and code in dict(settings.LANGUAGES):
        Profile.objects.filter(user=request.user).update(language=code)
    return response
