"""Reading QR codes back from a generated PDF, as a phone would read them from the paper: the
images embedded in each page are extracted (pypdf) and decoded with zxing-cpp (a test-only
dependency; wheels on PyPI, no system library needed)."""

import io
import re

import zxingcpp
from pypdf import PdfReader


def qr_codes_in_pdf(content: bytes) -> list[list[str]]:
    """The texts of the QR codes found on each page, page by page."""
    pages = []
    for page in PdfReader(io.BytesIO(content)).pages:
        # WeasyPrint shares one resource dictionary between pages: read the images that
        # this page's content draws ("/name Do"), not every image of the document.
        drawn = re.findall(rb"/([^\s/]+)\s+Do", page.get_contents().get_data())
        texts = []
        for image in page.images:
            if image.name.rsplit(".", 1)[0].encode() not in drawn:
                continue
            for barcode in zxingcpp.read_barcodes(image.image.convert("L")):
                if barcode.format == zxingcpp.BarcodeFormat.QRCode:
                    texts.append(barcode.text)
        pages.append(texts)
    return pages
