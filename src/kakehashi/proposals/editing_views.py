"""The proposal form's pages: a new draft and an edit, with the text in the other languages
on the same form (language tabs, see translation_forms.py), saved in one transaction
(authoring.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language
from kakehashi.common.permissions import allows
from kakehashi.common.refusals import add_refusal
from kakehashi.proposals import authoring
from kakehashi.proposals.forms import ProposalForm
from kakehashi.proposals.models import ProposalKind
from kakehashi.proposals.views import my_organisations, visible_proposal


def _form(request, proposal=None) -> ProposalForm:
    initial = (
        ProposalForm.initial_for(proposal)
        if proposal
        else {"kind": request.GET.get("kind", ProposalKind.BUSINESS_OFFER)}
    )
    rows = proposal.translations.all() if proposal else []
    return ProposalForm(
        request.POST or None,
        initial=initial,
        organisations=my_organisations(request.user),
        reader_language=reader_language(),
        machine_languages=[row.language for row in rows if row.is_machine],
    )


@login_required
def proposal_create(request):
    if not allows(request.user, "proposals.add_proposal"):
        raise PermissionDenied
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = authoring.create_proposal(
                data=form.to_input(),
                organisation=form.cleaned_data["organisation"],
                by=request.user,
                translations=form.translations(),
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The draft is saved. Submit it for review when ready."))
            return redirect(proposal)
    return render(request, "proposals/proposal_form.html", {"form": form})


@login_required
def proposal_edit(request, pk):
    proposal = visible_proposal(request, pk)
    if not allows(request.user, "proposals.change_proposal", proposal):
        raise PermissionDenied
    form = _form(request, proposal)
    form.fields["organisation"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            authoring.update_proposal(
                proposal=proposal,
                data=form.to_input(),
                by=request.user,
                translations=form.translations(),
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The proposal is saved."))
            return redirect(proposal)
    return render(request, "proposals/proposal_form.html", {"form": form, "proposal": proposal})
