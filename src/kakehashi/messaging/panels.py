"""The proposal page's "Write to …" block (registered in proposals.panels from
MessagingConfig.ready): shown once contact is accepted, to the interested organisation's people
and, for each accepted interest, to the owners."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from kakehashi.directory.queries import organisation_ids_of
from kakehashi.messaging import queries
from kakehashi.proposals.models import InterestStatus


def write_to_panel(request, proposal) -> SafeString:
    user = request.user
    if not user.is_authenticated:
        return mark_safe("")
    own = organisation_ids_of(user)
    if not own:
        return mark_safe("")
    accepted = proposal.interests.filter(status=InterestStatus.ACCEPTED).select_related(
        "organisation"
    )
    if proposal.organisation_id in own:
        # Owners: one link per organisation whose contact they accepted.
        targets = [("to", interest.organisation) for interest in accepted]
    else:
        mine = [interest for interest in accepted if interest.organisation_id in own]
        targets = [("from", interest.organisation) for interest in mine]
    threads = list(queries.threads_about_proposal(user, proposal).order_by("-last_message_at"))
    if not targets and not threads:
        return mark_safe("")
    return render_to_string(
        "messaging/_proposal_panel.html",
        {"proposal": proposal, "targets": targets, "threads": threads},
        request=request,
    )
