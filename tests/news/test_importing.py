"""Importing articles: pasted, with their address, uploaded (.txt, .html, .pdf); the same
article imported again opens the one on the desk; bad files are refused, nothing written."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from kakehashi.news.models import Article
from kakehashi.news.uploads import html_to_text
from tests.news.conftest import VI_TEXT, client_for

pytestmark = pytest.mark.usefixtures("reference")


def test_a_pasted_article_is_kept_with_its_detected_language(hcmc_editor):
    response = client_for(hcmc_editor).post(
        "/news/import/?tab=paste", {"text": VI_TEXT, "published_on": "2023-11-26"}
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/news/{article.pk}/"
    assert article.language == "vi"
    assert article.title == "TP.HCM tăng cường hợp tác với các địa phương Nhật Bản"
    assert article.text == VI_TEXT
    assert article.created_by == hcmc_editor


def test_the_language_can_be_chosen(hcmc_editor):
    client_for(hcmc_editor).post(
        "/news/import/?tab=paste", {"text": "Osaka and Ho Chi Minh City", "language": "ja"}
    )
    assert Article.objects.get().language == "ja"


def test_reimporting_the_same_article_duplicates_nothing(hcmc_editor):
    client = client_for(hcmc_editor)
    first = client.post(
        "/news/import/?tab=url", {"url": "https://news.example.vn/a", "text": VI_TEXT}
    )
    # The same text, spaced and cased differently, pasted without its address.
    again = client.post("/news/import/?tab=paste", {"text": "  " + VI_TEXT.upper() + "\n\n"})
    # The same address with another text (the page was edited).
    edited = client.post(
        "/news/import/?tab=url",
        {"url": "https://news.example.vn/a", "text": VI_TEXT + " Cập nhật."},
        follow=True,
    )
    assert Article.objects.count() == 1
    assert first["Location"] == again["Location"]
    assert "This article is already on the desk: here it is." in edited.content.decode()


def test_the_address_tab_needs_an_address(hcmc_editor):
    response = client_for(hcmc_editor).post("/news/import/?tab=url", {"text": VI_TEXT})
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_an_html_page_is_read_without_scripts_styles_and_menus(hcmc_editor):
    html = (
        "<html><head><title>Thứ trưởng thăm TP.HCM</title><style>p{color:red}</style></head>"
        "<body><nav>Trang chủ | Thời sự</nav><script>alert('x')</script>"
        "<article><h1>Thứ trưởng thăm TP.HCM</h1><p>Ngày 11/3, Phó Chủ tịch UBND TP.HCM "
        "đã tiếp Thứ trưởng.</p><p>Hai bên trao đổi &amp; thống nhất.</p></article></body></html>"
    )
    upload = SimpleUploadedFile("bai-viet.html", html.encode("utf-8"), "text/html")
    response = client_for(hcmc_editor).post("/news/import/?tab=upload", {"file": upload})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Thứ trưởng thăm TP.HCM"
    assert article.text == (
        "Thứ trưởng thăm TP.HCM\n\nNgày 11/3, Phó Chủ tịch UBND TP.HCM đã tiếp Thứ trưởng."
        "\n\nHai bên trao đổi & thống nhất."
    )
    assert article.origin == "uploaded"


def test_html_to_text_keeps_paragraphs():
    text, title = html_to_text("<p>a<br>b</p><div>c</div>")
    assert (text, title) == ("a\n\nb\n\nc", "")


def test_a_text_file_in_a_japanese_encoding_is_read(hcmc_editor):
    text = "大阪府とホーチミン市は2024年3月1日に覚書を締結した。"
    upload = SimpleUploadedFile("kiji.txt", text.encode("cp932"), "text/plain")
    client_for(hcmc_editor).post("/news/import/?tab=upload", {"file": upload})
    article = Article.objects.get()
    assert article.text == text
    assert article.language == "ja"


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    out = io.BytesIO()
    HTML(string=f"<p>{text}</p>").write_pdf(out)
    return out.getvalue()


def test_a_pdf_is_read_with_pypdf(hcmc_editor):
    upload = SimpleUploadedFile(
        "article.pdf",
        _pdf("Osaka Prefecture and Ho Chi Minh City signed an MoU."),
        "application/pdf",
    )
    response = client_for(hcmc_editor).post("/news/import/?tab=upload", {"file": upload})
    assert response.status_code == 302
    assert "Osaka Prefecture and Ho Chi Minh City signed an MoU." in Article.objects.get().text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("article.docx", b"PK\x03\x04 not a text", "Upload a .txt, .html or .pdf file."),
        ("article.pdf", b"just text, not a pdf", "The file is not a PDF document."),
        ("article.pdf", b"%PDF-1.4\n broken", "The PDF file cannot be read; it may be damaged."),
        ("article.txt", b"\x00\x01\x02binary\x00", "The file does not hold text."),
        ("article.txt", b"   \n  ", "The file holds no text to read."),
        ("article.html", b"<script>x()</script>", "The file holds no text to read."),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(hcmc_editor, name, content, message):
    response = client_for(hcmc_editor).post(
        "/news/import/?tab=upload", {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_file_too_large_is_refused(hcmc_editor, settings):
    settings.KAKEHASHI_NEWS_MAX_UPLOAD_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 1))
    response = client_for(hcmc_editor).post("/news/import/?tab=upload", {"file": upload})
    assert response.status_code == 400
    assert "The file is too large: at most 1 MB." in response.content.decode()
    assert Article.objects.count() == 0


def test_refusals_are_translated(hcmc_editor):
    client = client_for(hcmc_editor)
    client.cookies["kakehashi_language"] = "vi"
    response = client.post(
        "/news/import/?tab=upload", {"file": SimpleUploadedFile("a.docx", b"PK")}
    )
    with translation.override("vi"):
        expected = translation.gettext("Upload a .txt, .html or .pdf file.")
    assert expected != "Upload a .txt, .html or .pdf file."
    assert expected in response.content.decode()


def test_an_imported_article_is_read_by_the_engine(hcmc_editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(hcmc_editor).post("/news/import/?tab=paste", {"text": VI_TEXT})
    article = Article.objects.get()
    assert article.status == "ready"
    assert article.facts["format"] == "kakehashi-news/1"
    visit = article.suggestions.get(kind="visit")
    assert visit.fact["host_locality"]["slug"] == "ho-chi-minh-city"
    assert visit.evidence.startswith("Ngày 25/11/2023")
