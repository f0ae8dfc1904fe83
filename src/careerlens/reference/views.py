"""Public reference pages: occupations (search, detail), catchments, data sources with their licences."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.reference import selectors
from careerlens.reference.forms import OccupationSearchForm
from careerlens.reference.modelbase import active_language
from careerlens.reference.models import Catchment
from careerlens.reference.search import search_occupations

SEARCH_RESULTS = 20


@require_GET
def occupation_search(request):
    """The search page; with htmx (``HX-Request``) only the results, for live results while typing."""
    partial = request.headers.get("HX-Request") == "true"
    query = request.GET.get("q")
    # No "q" yet, or a live search whose box was just emptied: no results and no error.
    bound = query is not None and not (partial and not query.strip())
    form = OccupationSearchForm(request.GET if bound else None)
    searched = bound and form.is_valid()
    matches = (
        search_occupations(form.cleaned_data["q"], limit=SEARCH_RESULTS, user=request.user)
        if searched
        else []
    )
    context = {"form": form, "query": (query or "").strip(), "searched": searched, "matches": matches}
    template = "reference/_occupation_results.html" if partial else "reference/occupation_search.html"
    response = render(request, template, {**context, "partial": partial})
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def occupation_detail(request, code: str):
    detail = selectors.occupation_detail(request.user, code)
    titles = detail.example_titles.get(active_language(), [])
    return render(request, "reference/occupation_detail.html", {"detail": detail, "example_titles": titles})


@require_GET
def catchment_list(request):
    return render(
        request, "reference/catchment_list.html", {"catchments": selectors.catchments(request.user)}
    )


@require_GET
def catchment_detail(request, code: str):
    catchment = get_restricted_or_404(
        Catchment.objects.select_related("economic_region"), request.user, Action.VIEW, code=code
    )
    return render(request, "reference/catchment_detail.html", {"catchment": catchment})


@require_GET
def source_list(request):
    return render(request, "reference/source_list.html", {"sources": selectors.sources(request.user)})
