"""Tiny PDFs made in the tests: text placed by hand in the standard fonts, and broken files.

A PDF here is a list of pages, each a list of lines ``(x, y, segments)``, a segment being
``(font, size, rise, text)`` (font "R" Times Roman, "I" Times Italic, "B" Times Bold, "C" a
bar code font's name; ``rise`` lifts a superscript): the segments of a line follow each other
as the PDF's text operators place them. The file has a correct cross-reference table, so
PDFium reads it as it reads the UN's files.
"""

from __future__ import annotations

Segment = tuple[str, float, float, str]
Item = tuple[float, float, list[Segment]]

_FONTS = {"R": "Times-Roman", "I": "Times-Italic", "B": "Times-Bold", "C": "Courier"}


def line(x: float, y: float, *segments: Segment) -> Item:
    """A line of ``segments`` starting at ``x``, on the baseline ``y``."""
    return (x, y, list(segments))


def roman(text: str, size: float = 10) -> Segment:
    return ("R", size, 0, text)


def italic(text: str, size: float = 10) -> Segment:
    return ("I", size, 0, text)


def raised(text: str, size: float = 6.5) -> Segment:
    """A superscript: a note's call."""
    return ("R", size, 3.5, text)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(items: list[Item]) -> bytes:
    parts = []
    for x, y, segments in items:
        shown = " ".join(
            f"/F{font} {size} Tf {rise} Ts ({_escape(text)}) Tj"
            for font, size, rise, text in segments
        )
        parts.append(f"BT 1 0 0 1 {x} {y} Tm {shown} ET")
    return "\n".join(parts).encode("latin-1")


def make_pdf(
    pages: list[list[Item]],
    *,
    extra_trailer: str = "",
    raw_pages: list[bytes] | None = None,
    links: dict[int, list[tuple[float, float, float, float, str]]] | None = None,
) -> bytes:
    """A PDF of US Letter pages holding ``pages``' text (or ``raw_pages``' content streams);
    ``links``: by page index, link annotations ``(left, bottom, right, top, address)``."""
    streams = raw_pages if raw_pages is not None else [_content(items) for items in pages]
    objects: list[bytes] = []
    font_ids = {}
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, written once the pages are numbered
    for key, name in _FONTS.items():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} >>".encode())
        font_ids[key] = len(objects)
        if key == "C":  # a bar code font, as the UN's masthead has: named so
            objects[-1] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Barcode3of9 >>"
    fonts = " ".join(f"/F{key} {number} 0 R" for key, number in font_ids.items())
    kids = []
    content_ids: dict[bytes, int] = {}
    for index, stream in enumerate(streams):
        annots = []
        for left, bottom, right, top, url in (links or {}).get(index, []):
            objects.append(
                f"<< /Type /Annot /Subtype /Link /Rect [{left} {bottom} {right} {top}] "
                f"/Border [0 0 0] /A << /S /URI /URI ({url}) >> >>".encode()
            )
            annots.append(f"{len(objects)} 0 R")
        if stream not in content_ids:  # pages with the same content share one stream
            body = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
            objects.append(body)
            content_ids[stream] = len(objects)
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << {fonts} >> >> /Contents {content_ids[stream]} 0 R "
            f"/Annots [{' '.join(annots)}] >>"
        )
        objects.append(page.encode())
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R {extra_trailer} >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a password that is not empty."""
    encrypt = (
        "/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 "
        f"/O <{'11' * 32}> /U <{'22' * 32}> >> /ID [<{'33' * 16}> <{'33' * 16}>]"
    )
    return make_pdf([[(72, 700, [("R", 12, 0, "secret")])]], extra_trailer=encrypt)


def scanned_pdf() -> bytes:
    """A PDF whose pages hold only drawings: what a scan without OCR looks like to a reader."""
    return make_pdf([], raw_pages=[b"0 0 0 rg 72 72 468 648 re f", b"72 72 200 200 re f"])
