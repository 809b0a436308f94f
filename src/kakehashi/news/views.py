"""The desk's pages: the articles, importing one, and the review page with its Accept and
Reject forms. Every view checks that the user uses the desk; each decision is checked
again against the places it concerns (news/decisions.py)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.refusals import add_refusal, tell_refusal
from kakehashi.news import decisions, queries
from kakehashi.news.comparison import compare
from kakehashi.news.display import OTHER_FACTS, VERDICTS, fact_lines
from kakehashi.news.errors import NewsError
from kakehashi.news.forms import ArticleForm, RejectForm, accept_form, accept_values
from kakehashi.news.highlight import pieces
from kakehashi.news.importing import import_article
from kakehashi.news.models import (
    Article,
    ArticleOrigin,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from kakehashi.news.reading import SUGGESTED, fact_kind, read_again
from kakehashi.news.registry import Resolver
from kakehashi.news.uploads import text_of_upload

PAGE_SIZE = 30


def desk_required(view):
    """Signed in and allowed to use the desk; anyone else is refused (403)."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("news.use_desk"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@desk_required
def article_list(request):
    page = Paginator(queries.articles_for_desk(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "news/article_list.html", {"page": page})


@desk_required
def article_import(request):
    tab = request.GET.get("tab", "paste")
    form = ArticleForm(request.POST or None, request.FILES or None, tab=tab)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            title, text = data.get("title", ""), data.get("text", "")
            if form.tab == "upload":
                text, page_title = text_of_upload(data["file"])
                title = title or page_title
            article, created = import_article(
                text=text,
                title=title,
                language=data.get("language", ""),
                published_on=data.get("published_on"),
                url=data.get("url", ""),
                origin=ArticleOrigin.UPLOADED if form.tab == "upload" else ArticleOrigin.PASTED,
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("file" if form.tab == "upload" else None, error)
        else:
            if created:
                messages.success(request, _("The article is on the desk."))
            else:
                messages.info(request, _("This article is already on the desk: here it is."))
            return redirect(article)
    status = 400 if form.errors else 200
    return render(request, "news/article_import.html", {"form": form}, status=status)


def _review_rows(request, article, bound: dict | None = None) -> list[dict]:
    """One row per suggestion: its comparison with the registry and its forms. `bound`:
    the forms of the suggestion just submitted, with their errors."""
    suggestions = list(article.suggestions.select_related("decided_by", "article"))
    resolver = Resolver.for_article(article, [suggestion.fact for suggestion in suggestions])
    rows = []
    for suggestion in suggestions:
        comparison = compare(suggestion, resolver)
        row = {
            "suggestion": suggestion,
            "comparison": comparison,
            "verdict": VERDICTS.get(comparison.verdict, ""),
            "lines": fact_lines(suggestion.kind, suggestion.fact, resolver),
        }
        if suggestion.status == SuggestionStatus.NEW:
            prefix = f"s{suggestion.pk}"
            row["may_decide"] = _may_decide(request.user, suggestion, comparison)
            # A person's place cannot be chosen in the form: without one, moderators only.
            row["may_accept"] = row["may_decide"] and (
                bool(comparison.places)
                or suggestion.kind != SuggestionKind.PERSON
                or queries.may_decide_for(request.user, [])
            )
            row["accept_form"] = accept_form(
                suggestion.kind, initial=comparison.initial, prefix=prefix, user=request.user
            )
            row["reject_form"] = RejectForm(prefix=prefix)
            if bound and bound.get("pk") == suggestion.pk:
                row.update(bound["forms"])
        rows.append(row)
    return rows


def _may_decide(user, suggestion, comparison) -> bool:
    """Whether the user is offered Accept and Reject: for the places the suggestion names;
    when it names none the directory knows, anyone at the desk may choose them in the form
    (visits, agreements, lists) or set it aside."""
    if comparison.places:
        return queries.may_decide_for(user, comparison.places)
    return True


def _other_facts(article) -> list[dict]:
    facts = (article.facts or {}).get("facts") or []
    return [
        {"label": OTHER_FACTS.get(fact_kind(fact), fact_kind(fact)), "fact": fact}
        for fact in facts
        if isinstance(fact, dict) and fact_kind(fact) not in SUGGESTED
    ]


def _review(request, article, bound=None, status=200):
    mentions = (article.facts or {}).get("mentions") or []
    return render(
        request,
        "news/article_review.html",
        {
            "article": article,
            "pieces": pieces(article.text, mentions),
            "has_mentions": bool(mentions),
            "rows": _review_rows(request, article, bound),
            "other_facts": _other_facts(article),
        },
        status=status,
    )


@desk_required
def article_review(request, pk):
    article = get_object_or_404(Article.objects.select_related("feed", "created_by"), pk=pk)
    return _review(request, article)


@desk_required
@require_POST
def article_read_again(request, pk):
    article = get_object_or_404(Article, pk=pk)
    read_again(article=article, by=request.user)
    return redirect(article)


def _suggestion(pk) -> Suggestion:
    return get_object_or_404(Suggestion.objects.select_related("article"), pk=pk)


def _decided_already(request, error: ValidationError) -> bool:
    """A suggestion decided meanwhile (another tab, another person): say so on its page."""
    if getattr(error, "code", None) != NewsError.ALREADY_DECIDED:
        return False
    tell_refusal(request, error)
    return True


@desk_required
@require_POST
def suggestion_accept(request, pk):
    suggestion = _suggestion(pk)
    prefix = f"s{suggestion.pk}"
    form = accept_form(suggestion.kind, data=request.POST, prefix=prefix, user=request.user)
    if form.is_valid():
        try:
            decisions.accept_suggestion(
                suggestion=suggestion,
                values=accept_values(form),
                base_url=request.build_absolute_uri("/"),
                by=request.user,
            )
        except ValidationError as error:
            if _decided_already(request, error):
                return redirect(suggestion.article)
            add_refusal(form, error)
        else:
            messages.success(request, _("Accepted: the registry is updated."))
            return redirect(suggestion.article)
    bound = {"pk": suggestion.pk, "forms": {"accept_form": form, "open": "accept"}}
    return _review(request, suggestion.article, bound, status=400)


@desk_required
@require_POST
def suggestion_reject(request, pk):
    suggestion = _suggestion(pk)
    form = RejectForm(request.POST, prefix=f"s{suggestion.pk}")
    if form.is_valid():
        try:
            decisions.reject_suggestion(
                suggestion=suggestion, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            if _decided_already(request, error):
                return redirect(suggestion.article)
            add_refusal(form, error)
        else:
            messages.success(request, _("Rejected: nothing was written to the registry."))
            return redirect(suggestion.article)
    bound = {"pk": suggestion.pk, "forms": {"reject_form": form, "open": "reject"}}
    return _review(request, suggestion.article, bound, status=400)
