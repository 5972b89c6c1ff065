from django.http import HttpRequest

from curriculum.access import member_of, role_of


def navigation(request: HttpRequest) -> dict:
    """The role and member of the signed-in user, for the navigation bar."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_role": None, "nav_member": None}
    return {"nav_role": role_of(user), "nav_member": member_of(user)}
