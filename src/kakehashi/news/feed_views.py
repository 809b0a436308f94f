"""The feeds page: the feeds the desk reads, subscribing to one, removing one, reading one
now."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kakehashi.common.refusals import add_refusal, tell_refusal
from kakehashi.news import feeds, queries
from kakehashi.news.forms import FeedForm
from kakehashi.news.models import Feed
from kakehashi.news.views import desk_required


@desk_required
def feed_list(request):
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feeds.subscribe(
                url=form.cleaned_data["url"],
                language=form.cleaned_data["language"],
                by=request.user,
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The desk reads this feed from now on."))
            return redirect("news:feeds")
    return render(
        request,
        "news/feed_list.html",
        {"form": form, "feeds": queries.feeds_for_desk()},
        status=400 if form.errors else 200,
    )


@desk_required
@require_POST
def feed_poll(request, pk):
    feed = get_object_or_404(Feed, pk=pk)
    added = feeds.poll_feed(feed)
    feed.refresh_from_db()
    if feed.last_error:
        messages.error(
            request, _("The feed could not be read: %(error)s") % {"error": feed.last_error}
        )
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s new article from the feed.",
                "%(count)s new articles from the feed.",
                added,
            )
            % {"count": added},
        )
    return redirect("news:feeds")


@desk_required
@require_POST
def feed_remove(request, pk):
    feed = get_object_or_404(Feed, pk=pk)
    try:
        feeds.unsubscribe(feed=feed, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(request, _("The desk no longer reads this feed."))
    return redirect("news:feeds")
