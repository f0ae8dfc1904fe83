"""What every page of the shell needs: the other language's address for the toggle."""

from __future__ import annotations

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def shell(request):
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    other = "fr" if current == "en" else "en"
    return {
        "current_language": current,
        "other_language": other,
        "other_language_name": LANGUAGE_NAMES[other],
        "other_language_url": other_language_url(request, other),
    }


def other_language_url(request, other: str) -> str:
    """The same page and query in the other language, or the other language's home page."""
    full_path = request.get_full_path()
    try:
        translated = translate_url(full_path, other)
    except Exception:  # a path that cannot be reversed
        translated = full_path
    if translated != full_path:
        return translated
    # Not a named page (an error page, for instance): swap the language prefix itself.
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if request.path.startswith(prefix):
            query = request.META.get("QUERY_STRING", "")
            return f"/{other}/{request.path[len(prefix) :]}" + (f"?{query}" if query else "")
    return f"/{other}/"
