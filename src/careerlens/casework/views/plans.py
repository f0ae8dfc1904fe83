"""The action plan: goal, items from the intervention catalogue, statuses, and the printable plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.casework.forms import ItemStatusForm, PlanForm, PlanItemForm
from careerlens.casework.models import ActionPlan, PlanItem
from careerlens.casework.services import plans
from careerlens.casework.views.common import GET_POST, form_page, staff_client
from careerlens.clients.models import Client


@login_required
@GET_POST
def plan_edit(request, pk: int):
    client = staff_client(request, pk)
    plan = plans.current_plan(client)
    initial = {"career_goal": plan.career_goal_id, "goal": plan.goal} if plan else {}
    form = PlanForm(request.POST or None, initial=initial)
    return form_page(
        request,
        client,
        form,
        lambda **values: plans.save_plan(request.user, client, **values),
        success=_("The action plan was saved."),
        title=_("Action plan: career goal"),
    )


@login_required
@GET_POST
def item_add(request, pk: int, plan: int):
    client = staff_client(request, pk)
    found = get_restricted_or_404(ActionPlan, request.user, Action.CHANGE, pk=plan, client=client)
    form = PlanItemForm(request.POST or None)
    return form_page(
        request,
        client,
        form,
        lambda **values: plans.add_item(request.user, found, **values),
        success=_("The item was added to the plan."),
        title=_("Add a plan item"),
    )


@login_required
@require_POST
def item_status(request, pk: int, item: int):
    client = staff_client(request, pk)
    found = get_restricted_or_404(PlanItem, request.user, Action.CHANGE, pk=item, plan__client=client)
    form = ItemStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a status from the list."))
        plans.move_item(request.user, found, form.cleaned_data["status"], timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The item's status was changed."))
    return redirect("casework:case", pk=client.pk)


@login_required
@require_GET
def plan_print(request, pk: int, plan: int):
    """The plan for the client, in the client's language of service: a page to print, or a PDF."""
    found = get_restricted_or_404(
        ActionPlan.objects.select_related("client", "career_goal"),
        request.user,
        Action.VIEW,
        pk=plan,
        client_id=pk,
    )
    items = PlanItem.objects.restrict(request.user).filter(plan=found)
    with translation.override(found.client.language):
        context = {"plan": found, "client": found.client, "items": items, "today": timezone.localdate()}
        if request.GET.get("format") == "pdf":
            from weasyprint import HTML

            html = render_to_string("casework/plan_print.html", {**context, "pdf": True}, request=request)
            pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="action-plan-{found.pk}.pdf"'
            return response
        return render(request, "casework/plan_print.html", context)


@login_required
@require_GET
def plan_summary(request, pk: int):
    """The latest action plan of the client that the reader may see: for OW/ODSP caseworkers, only while the
    client's consent to share the plan summary with their office is in force."""
    client = get_restricted_or_404(Client, request.user, Action.VIEW, pk=pk)
    plan = ActionPlan.objects.restrict(request.user).filter(client=client).order_by("-created_at").first()
    if plan is None:
        return render(request, "casework/no_plan.html", {"client": client})
    return redirect("casework:plan_print", pk=client.pk, plan=plan.pk)
