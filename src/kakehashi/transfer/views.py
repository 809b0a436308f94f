from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.i18n import Language
from kakehashi.common.refusals import tell_refusal
from kakehashi.common.tabular import CSV, XLSX, XLSX_CONTENT_TYPE, csv_chunks, write_xlsx
from kakehashi.common.text_encodings import encoding_label
from kakehashi.directory.models import Country, MembershipRole, OrganisationKind, Sector
from kakehashi.partnerships.models import PartnershipKind, PartnershipStatus
from kakehashi.proposals.models import (
    Currency,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    ProposalKind,
    TechnologyStage,
)
from kakehashi.transfer import services
from kakehashi.transfer.display import decoded_sample, display_rows, headers
from kakehashi.transfer.exporters import export_table
from kakehashi.transfer.forms import EncodingForm, ImportForm
from kakehashi.transfer.kinds import COLUMNS, TransferKind, column_names, importable_kinds
from kakehashi.transfer.models import BatchStatus
from kakehashi.transfer.queries import batches_of, exportable_kinds, recent_batches_of


def _allowed_values(kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """For the column reference: the values each coded column accepts, with their meaning."""
    sectors = ("sectors", [(sector.key, sector.label) for sector in Sector.objects.all()])
    language = ("language", Language.choices)
    if kind == TransferKind.ORGANISATIONS:
        return [
            ("kind", OrganisationKind.choices),
            ("country", Country.choices),
            sectors,
            language,
        ]
    if kind == TransferKind.PEOPLE:
        return [("role", MembershipRole.choices)]
    if kind == TransferKind.PROPOSALS:
        return [
            ("kind", ProposalKind.choices),
            language,
            sectors,
            ("partnership_types", PartnershipType.choices),
            ("target_countries", Country.choices),
            ("stage", TechnologyStage.choices),
            ("programme_area", ProgrammeArea.choices),
            ("currency", Currency.choices),
            ("investment_form", InvestmentForm.choices),
        ]
    return [
        ("kind", PartnershipKind.choices),
        ("status", PartnershipStatus.choices),
        sectors,
        language,
    ]


def _column_reference(kinds: list[str]) -> list[dict]:
    return [
        {
            "kind": kind,
            "label": TransferKind(kind).label,
            "columns": COLUMNS[kind],
            "values": _allowed_values(kind),
        }
        for kind in kinds
    ]


@login_required
def index(request):
    kinds = importable_kinds(request.user)
    if request.method == "POST":
        posted_kind = request.POST.get("kind", "")
        if posted_kind in TransferKind.values and posted_kind not in kinds:
            raise PermissionDenied
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        kinds=kinds,
        max_bytes=services.max_import_bytes(),
        max_rows=services.max_import_rows(),
    )
    if request.method == "POST" and kinds and form.is_valid():
        try:
            batch = services.create_batch(
                by=request.user, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("transfer:batch", pk=batch.pk)
    return render(
        request,
        "transfer/index.html",
        {
            "form": form if kinds else None,
            "reference": _column_reference(kinds),
            "export_kinds": [
                (kind, TransferKind(kind).label) for kind in exportable_kinds(request.user)
            ],
            "recent": recent_batches_of(request.user),
        },
    )


@login_required
def batch_detail(request, pk):
    batch = get_object_or_404(batches_of(request.user), pk=pk)
    is_pending = batch.status == BatchStatus.PENDING
    sample_columns, sample_rows = decoded_sample(batch)
    return render(
        request,
        "transfer/batch.html",
        {
            "batch": batch,
            "headers": headers(batch),
            "rows": display_rows(batch),
            "valid_count": batch.valid_count,
            "invalid_count": batch.invalid_count,
            "is_pending": is_pending,
            "is_applied": batch.status == BatchStatus.APPLIED,
            "encoding_name": encoding_label(batch.encoding) if batch.encoding else "",
            "sample_columns": sample_columns,
            "sample_rows": sample_rows,
            "encoding_form": (
                EncodingForm(initial={"encoding": batch.encoding})
                if is_pending and batch.encoding
                else None
            ),
        },
    )


@login_required
@require_POST
def batch_encoding(request, pk):
    """Read the batch's CSV file again in the encoding the person chose."""
    batch = get_object_or_404(batches_of(request.user), pk=pk)
    form = EncodingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the encodings listed."))
        return redirect("transfer:batch", pk=batch.pk)
    try:
        services.reread_batch(batch=batch, by=request.user, encoding=form.cleaned_data["encoding"])
    except ValidationError as error:
        tell_refusal(request, error)
    return redirect("transfer:batch", pk=batch.pk)


@login_required
@require_POST
def batch_confirm(request, pk):
    batch = get_object_or_404(batches_of(request.user), pk=pk)
    try:
        batch = services.apply_batch(batch=batch, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    return redirect("transfer:batch", pk=batch.pk)


@login_required
@require_POST
def batch_cancel(request, pk):
    batch = get_object_or_404(batches_of(request.user), pk=pk)
    try:
        services.cancel_batch(batch=batch, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
        return redirect("transfer:batch", pk=batch.pk)
    messages.success(request, _("The import is cancelled; nothing was written."))
    return redirect("transfer:index")


def _kind_or_404(kind: str) -> str:
    if kind not in TransferKind.values:
        raise Http404
    return kind


def _file_name(kind: str, extension: str) -> str:
    return f"kakehashi-{kind}-{timezone.localdate().isoformat()}.{extension}"


@login_required
def import_template(request, kind):
    """An empty file with the header row of an import of this kind."""
    kind = _kind_or_404(kind)
    response = StreamingHttpResponse(
        csv_chunks(column_names(kind), []), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="kakehashi-{kind}-template.csv"'
    return response


@login_required
def export(request, kind, file_format):
    kind = _kind_or_404(kind)
    if file_format not in (CSV, XLSX):
        raise Http404
    columns, rows = export_table(kind, request.user)
    if file_format == CSV:
        response = StreamingHttpResponse(
            csv_chunks(columns, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{_file_name(kind, CSV)}"'
        return response
    return FileResponse(
        write_xlsx(columns, rows, title=kind),
        as_attachment=True,
        filename=_file_name(kind, XLSX),
        content_type=XLSX_CONTENT_TYPE,
    )
