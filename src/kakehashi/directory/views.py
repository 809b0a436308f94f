from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.list_filters import ListFilters
from kakehashi.common.page_cache import public_page
from kakehashi.common.refusals import add_refusal
from kakehashi.directory import queries, services
from kakehashi.directory.forms import MemberForm, OrganisationForm
from kakehashi.directory.models import (
    Country,
    Locality,
    Membership,
    Organisation,
    OrganisationKind,
    Sector,
)
from kakehashi.directory.queries import (
    localities,
    locality_by_slug,
    organisation_ids_of,
    organisations_visible_to,
)
from kakehashi.directory.translation_views import translation_context

PAGE_SIZE = 50
MAX_QUERY_LENGTH = 100  # as the API's `q`


@public_page
def locality_list(request):
    country = request.GET.get("country", "")
    include_former = request.GET.get("former") == "1"
    rows = localities(
        country=country if country in Country.values else None, include_former=include_former
    ).select_related("parent")
    groups = [
        (
            Country.VIETNAM.label,
            [row for row in rows if row.country == Country.VIETNAM and row.is_current],
        ),
        (
            _("Vietnam: province-level units before 1 July 2025"),
            [row for row in rows if row.country == Country.VIETNAM and not row.is_current],
        ),
        (Country.JAPAN.label, [row for row in rows if row.country == Country.JAPAN]),
    ]
    return render(
        request,
        "directory/locality_list.html",
        {
            "groups": [(title, items) for title, items in groups if items],
            "country": country,
            "include_former": include_former,
        },
    )


@public_page
def organisation_list(request):
    filters = ListFilters(request.GET)
    sectors = list(Sector.objects.all())
    locality = filters.found("locality", locality_by_slug)
    selected = {
        "q": filters.raw("q")[:MAX_QUERY_LENGTH],
        "kind": filters.chosen("kind", OrganisationKind.values),
        "country": filters.chosen("country", Country.values),
        "sector": filters.chosen("sector", {sector.key for sector in sectors}),
        "locality": locality.slug if locality else "",
    }
    organisations = queries.listed(
        request.user,
        q=selected["q"],
        kind=selected["kind"],
        country=selected["country"],
        sector=selected["sector"],
        locality=locality,
    ).prefetch_related("sectors")
    # The id breaks ties between equal names, so that pages neither repeat nor skip one.
    organisations = organisations.order_by("name", "pk")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/organisation_list.html",
        {
            "page": page,
            "kinds": OrganisationKind.choices,
            "countries": Country.choices,
            "sectors": sectors,
            "localities": Locality.objects.filter(is_current=True).order_by("country", "name_en"),
            "selected": selected,
            "filter_notices": filters.notices,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


def _visible_organisation(request, pk) -> Organisation:
    return get_object_or_404(organisations_visible_to(request.user), pk=pk)


@public_page
def organisation_detail(request, pk):
    organisation = _visible_organisation(request, pk)
    can_change = request.user.has_perm("directory.change_organisation", organisation)
    # With their positions' translations, to show each in the reader's language.
    members = organisation.memberships.select_related("person").prefetch_related("translations")
    reading = translation_context(request, organisation)
    # Under the name shown: the organisation's own name (when a translation is shown) and its
    # English name, each once.
    other_names, seen = [], {reading["text"].name}
    for language, name in [
        (organisation.language, organisation.name),
        ("en", organisation.name_en),
    ]:
        if name and name not in seen:
            other_names.append((language, name))
            seen.add(name)
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "can_change": can_change,
            "members": members,
            "other_names": other_names,
            **reading,
        },
    )


def person_detail(request, pk, person_pk):
    """A person's profile as one organisation presents them: name, position and the other
    organisations they act for, as far as the reader may see those; never their e-mail
    address or phone (the direct channel reaches them instead)."""
    organisation = _visible_organisation(request, pk)
    membership = get_object_or_404(
        organisation.memberships.select_related("person").prefetch_related("translations"),
        person_id=person_pk,
    )
    person = membership.person
    elsewhere = (
        person.memberships.filter(organisation__in=organisations_visible_to(request.user))
        .exclude(organisation=organisation)
        .select_related("organisation")
        .prefetch_related("translations", "organisation__translations")
    )
    user = request.user
    can_write = (
        user.is_authenticated
        and person.user_id is not None
        and person.user_id != user.pk
        and person.user.is_active
        and bool(organisation_ids_of(user) - {organisation.pk})
    )
    return render(
        request,
        "directory/person_detail.html",
        {
            "organisation": organisation,
            "membership": membership,
            "person": person,
            "elsewhere": elsewhere,
            "can_write": can_write,
            "can_translate_position": bool(membership.position)
            and user.has_perm("directory.manage_members", organisation),
        },
    )


def _save_organisation(request, form, organisation=None):
    data = dict(form.cleaned_data)
    sectors = data.pop("sectors")
    try:
        if organisation is None:
            return services.create_organisation(by=request.user, sectors=sectors, **data)
        return services.update_organisation(
            organisation=organisation, by=request.user, sectors=sectors, **data
        )
    except ValidationError as error:
        add_refusal(form, error)
        return None


def _tell_if_held(request, organisation) -> None:
    if organisation.held_reason:
        messages.warning(
            request,
            _(
                "Its name reads like another organisation's, so it stays unpublished until a "
                "platform administrator has looked at it."
            ),
        )


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None, initial={"is_published": True})
    if request.method == "POST" and form.is_valid():
        organisation = _save_organisation(request, form)
        if organisation is not None:
            messages.success(
                request, _("The organisation is registered. You are its administrator.")
            )
            _tell_if_held(request, organisation)
            return redirect(organisation)
    return render(request, "directory/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request, pk):
    organisation = _visible_organisation(request, pk)
    if not request.user.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        # The form has not written anything: the service does, in one transaction.
        organisation.refresh_from_db()
        saved = _save_organisation(request, form, organisation)
        if saved is not None:
            messages.success(request, _("The organisation is saved."))
            _tell_if_held(request, saved)
            return redirect(organisation)
    return render(
        request, "directory/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
def organisation_members(request, pk):
    organisation = _visible_organisation(request, pk)
    if not request.user.has_perm("directory.manage_members", organisation):
        raise PermissionDenied
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        if "remove" in request.POST:
            return _remove_member(request, organisation)
        if form.is_valid():
            user = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
            if user is None:
                form.add_error("email", _("Nobody has signed up with this e-mail address."))
            else:
                services.add_member(
                    organisation=organisation,
                    person=services.person_for_user(user),
                    role=form.cleaned_data["role"],
                    position=form.cleaned_data["position"],
                    position_language=form.cleaned_data["position_language"],
                    by=request.user,
                )
                messages.success(request, _("The member is saved."))
                return redirect("directory:organisation_members", pk=organisation.pk)
    members = organisation.memberships.select_related("person__user").prefetch_related(
        "translations"
    )
    return render(
        request,
        "directory/organisation_members.html",
        {"organisation": organisation, "members": members, "form": form},
    )


def _remove_member(request, organisation):
    membership_id = request.POST.get("remove", "")
    if not membership_id.isdigit():
        raise Http404
    membership = get_object_or_404(Membership, pk=int(membership_id), organisation=organisation)
    try:
        services.remove_member(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The member is removed."))
    return redirect("directory:organisation_members", pk=organisation.pk)
