"""What every page of the shell needs: the other language's address for the toggle, and the user's role."""

from __future__ import annotations

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def shell(request):
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    other = "fr" if current == "en" else "en"
    try:
        other_url = translate_url(request.get_full_path(), other)
    except Exception:  # a path that does not resolve: fall back to the other language's home page
        other_url = f"/{other}/"
    if other_url == request.get_full_path():
        other_url = f"/{other}/"
    return {
        "current_language": current,
        "other_language": other,
        "other_language_name": "Français" if other == "fr" else "English",
        "other_language_url": other_url,
    }
