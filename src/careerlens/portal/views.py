"""The check-up's public pages: the start, the steps, the results and their printable/PDF summary, and
saving with an account. The pages of a signed-in person (share, check-ins, delete) are in views_mine.py."""

from __future__ import annotations

from django.contrib.auth import login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerlens.portal import forms, journey, selectors, services
from careerlens.reference.modelbase import active_language

GET_POST = require_http_methods(["GET", "POST"])
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _form(request, step: str, data=None):
    given = journey.answers(request.session)
    initial = dict(given.get(step, {}))
    language = active_language()
    if step == "situation":
        return forms.SituationForm(data, initial=initial)
    if step == "occupation":
        if initial:
            initial["occupation"] = initial.get("text", "")
        return forms.OccupationForm(data, initial=initial, user=request.user, language=language)
    if step == "wants":
        return forms.WantsForm(data, initial=initial)
    if step in ("interests", "adaptability"):
        return forms.ItemsForm(data, initial=initial, module=step)
    if step == "skills":
        return forms.SkillsForm(data, initial=initial, noc=given["occupation"]["noc"])
    return forms.PlaceForm(data, initial=initial, language=language)


@require_GET
def start(request):
    given = journey.answers(request.session)
    resume = journey.first_missing(request.session)
    client = services.client_of(request.user)
    saved = services.latest(client) if client else None
    context = {"started": bool(given), "resume": resume, "steps": journey.STEPS, "saved": saved}
    return render(request, "portal/start.html", context)


@require_POST
def restart(request):
    journey.forget(request.session)
    return redirect("portal:step", step=journey.CODES[0])


@GET_POST
def step(request, step: str):
    if step not in journey.CODES:
        raise Http404
    if step == "skills" and "occupation" not in journey.answers(request.session):
        return redirect("portal:step", step="occupation")
    form = _form(request, step, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        back = request.POST.get("then") == "back" and journey.previous(step)
        if form.is_valid():
            journey.keep(request.session, step, form.stored())
        if back:  # back keeps what is valid on this page, and never blocks on what is not
            return redirect("portal:step", step=journey.previous(step))
        if form.is_valid():
            following = journey.following(step) or journey.first_missing(request.session)
            return redirect("portal:step", step=following) if following else redirect("portal:results")
        status = 400
    context = {
        "form": form,
        "step": step,
        "title": dict(journey.STEPS)[step],
        "position": journey.position(step),
        "count": len(journey.STEPS),
        "steps": journey.STEPS,
        "answered": set(journey.answers(request.session)),
        "previous": journey.previous(step),
    }
    return render(request, "portal/step.html", context, status=status)


def _complete(request):
    missing = journey.first_missing(request.session)
    return None if missing is None else redirect("portal:step", step=missing)


@require_GET
def results(request):
    if (unfinished := _complete(request)) is not None:
        return unfinished
    language = active_language()
    found = selectors.results(request.user, journey.answers(request.session), language)
    client = services.client_of(request.user)
    saved = services.latest(client) if client else None
    earlier = selectors.earlier(saved, language) if saved else None
    return render(request, "portal/results.html", {"found": found, "earlier": earlier})


@require_GET
def summary(request):
    """The printable summary in the person's language; ``?format=pdf`` downloads it as a PDF."""
    if (unfinished := _complete(request)) is not None:
        return unfinished
    found = selectors.results(request.user, journey.answers(request.session), active_language())
    if request.GET.get("format") == "pdf":
        from weasyprint import HTML

        html = render_to_string("portal/summary.html", {"found": found, "pdf": True}, request=request)
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="career-check-up-{active_language()}.pdf"'
        return response
    return render(request, "portal/summary.html", {"found": found})


@GET_POST
def save(request):
    """Keep the check-up: a signed-in client adds it to their record; anyone else creates a client account."""
    if (unfinished := _complete(request)) is not None:
        return unfinished
    given, language = journey.answers(request.session), active_language()
    client = services.client_of(request.user)
    if client is not None:
        if request.method == "POST":
            services.save_for_client(client, given, language)
            return redirect("portal:mine")
        return render(request, "portal/save.html", {"client": client})
    own_account = services.is_client(request.user)
    if request.user.is_authenticated and not own_account:
        return render(request, "portal/save.html", {"staff": True})
    initial = {"postal_code": given["place"]["fsa"]}
    form = forms.SaveForm(forms.posted(request), initial=initial, account=not own_account)
    if request.method == "POST":
        if form.is_valid() and own_account:
            services.save_with_record(request.user, given, language, form.cleaned_data)
            return redirect("portal:mine")
        if form.is_valid():
            user, _checkup = services.save_with_account(given, language, form.cleaned_data)
            login(request, user, backend=BACKEND)
            return redirect("portal:mine")
        status = 400
    else:
        status = 200
    return render(request, "portal/save.html", {"form": form, "own_account": own_account}, status=status)
