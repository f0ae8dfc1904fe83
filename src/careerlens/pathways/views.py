"""The pathway explorer: a public page, like occupation search."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerlens.pathways import selectors
from careerlens.pathways.forms import ExplorerForm
from careerlens.reference.modelbase import active_language


@require_GET
def explorer(request):
    bound = "origin" in request.GET
    form = ExplorerForm(request.GET if bound else None, user=request.user, language=active_language())
    context = {"form": form, "searched": False}
    if bound and form.is_valid():
        try:
            context.update(selectors.explorer(request.user, form.cleaned_data), searched=True)
        except selectors.PathwayQueryError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
    return render(request, "pathways/explorer.html", context)
