"""Pages that draw on every app (they live here, above the apps, so no app imports to its
right)."""

from django.shortcuts import render

from kakehashi.common.page_cache import public_page
from kakehashi.config.start import start_page
from kakehashi.directory.models import Country, Locality, LocalityLevel
from kakehashi.directory.queries import organisations_visible_to
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.proposals.queries import published_proposals


@public_page
def home(request):
    counts = {
        "vn_localities": Locality.objects.filter(country=Country.VIETNAM, is_current=True).count(),
        "jp_prefectures": Locality.objects.filter(level=LocalityLevel.JP_PREFECTURE).count(),
        "organisations": organisations_visible_to(request.user).count(),
        "partnerships": partnerships_visible_to(request.user).count(),
        "proposals": published_proposals().count(),
    }
    recent = partnerships_visible_to(request.user).exclude(signed_on=None)[:6]
    start = start_page(request.user) if request.user.is_authenticated else None
    return render(request, "common/home.html", {"counts": counts, "recent": recent, "start": start})
