"""The text of an uploaded article: plain text (in the encoding detected), HTML (its visible
text, without scripts, styles and navigation) or PDF (the text of its pages, with pypdf).

Each reader raises ValidationError with a translated message on a file it cannot read."""

import io
from html.parser import HTMLParser
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kakehashi.common.errors import CommonError
from kakehashi.common.text_encodings import decode
from kakehashi.news.errors import NewsError

KINDS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Elements whose content is not the article's text.
_SKIPPED = {"script", "style", "nav", "noscript", "template", "svg", "head", "footer", "aside"}
_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "blockquote", "header", "main", "figcaption", "table", "ul", "ol", "dd", "dt",
}  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED and tag != "head":
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED and tag != "head":
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """The visible text of an HTML page, one paragraph a line, and its <title>."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    return text, " ".join("".join(parser.title_parts).split())


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF file is protected by a password; upload one without."),
                code=NewsError.PDF_ENCRYPTED,
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise ValidationError(
            _("The PDF file cannot be read; it may be damaged."), code=NewsError.PDF_UNREADABLE
        ) from None
    return "\n\n".join(page.strip() for page in pages if page.strip())


def text_of_upload(upload) -> tuple[str, str]:
    """The article's text and, for an HTML page, its title. Refuses other kinds of file,
    files that are too large, and files with no text."""
    kind = KINDS.get(PurePath(upload.name or "").suffix.lower())
    if kind is None:
        raise ValidationError(_("Upload a .txt, .html or .pdf file."), code=NewsError.FILE_TYPE)
    limit = settings.KAKEHASHI_NEWS_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB."),
            code=CommonError.FILE_TOO_LARGE,
            params={"size": limit // (1024 * 1024)},
        )
    content = upload.read()
    title = ""
    if kind == "pdf":
        if not content.startswith(b"%PDF-"):
            raise ValidationError(_("The file is not a PDF document."), code=NewsError.FILE_NOT_PDF)
        text = _pdf_text(content)
    else:
        if b"\x00" in content[:4096] or content.startswith(b"%PDF-"):
            raise ValidationError(_("The file does not hold text."), code=NewsError.FILE_BINARY)
        text, _encoding = decode(content)
        if kind == "html":
            text, title = html_to_text(text)
    if not text.strip():
        raise ValidationError(_("The file holds no text to read."), code=CommonError.FILE_EMPTY)
    return text, title
