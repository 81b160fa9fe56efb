"""HTML -> PDF with WeasyPrint, deterministic and cached.

Typesetting a resolution takes about a second, and a score run typesets hundreds, so each
PDF is kept in ``.cache/typeset/`` (gitignored) under the hash of everything that made it:
the input file, the language, and the source of this package (a change of layout makes new
PDFs). The same input always gives the same bytes (fixed dates in the HTML's metadata, a
fixed PDF identifier), so a failure seen once can be seen again.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .html import render_html

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("AKN_TYPESET_CACHE") or ROOT / ".cache" / "typeset")
# What makes the PDF (not the extractors nor the degradations): a change here makes new PDFs.
_SOURCES = [
    Path(__file__).resolve().parent / name for name in ("html.py", "style.py", "pdf.py", "bidi.py")
]


def available() -> str | None:
    """Why typesetting cannot run here (WeasyPrint or its Pango missing), or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: the Pango libraries are missing
        return f"WeasyPrint unavailable ({error}); .ci/run installs it"
    return None


def html_to_pdf(page: str) -> bytes:
    """The PDF of one HTML page (fonts found through fontconfig).

    Word prints the note rule as a line of underscores, and extractors read it as text.
    WeasyPrint's footnote area takes no generated content, so the rule is the ``::before`` of
    the first note of each page: a first layout finds those notes, a second prints the rule
    into the space every footnote area keeps free above its notes (``style.RULE_SPACE``), so
    the rule moves nothing and the two layouts agree.

    WeasyPrint (70) loses a note whose call is on a line it keeps on the page by moving
    earlier notes to the next one (the line then goes in without its own notes); Word never
    loses a note. The paragraph of a lost note is laid out again without widow and orphan
    control, which takes WeasyPrint another way (``_keep_notes``)."""
    import weasyprint

    # The page refers to nothing outside itself (no images, links printed as text).
    first = weasyprint.HTML(string=page).render()
    for _ in range(3):
        lost = _lost_notes(page, first)
        if not lost:
            break
        page = _keep_notes(page, lost)
        first = weasyprint.HTML(string=page).render()
    for note_id in _first_notes(first):
        page = page.replace(
            f'<span class="fn" id="{note_id}"', f'<span class="fn first" id="{note_id}"', 1
        )
    document = weasyprint.HTML(string=page).render()
    return document.write_pdf(identifier=b"akn-typeset")


def _laid_out_notes(document: object) -> set[str]:
    """The ids of the notes some page's footnote area holds."""
    found: set[str] = set()
    for page in document.pages:  # type: ignore[attr-defined]
        for box in page._page_box.children:
            if type(box).__name__ == "FootnoteAreaBox":
                for child in box.children:
                    element = getattr(child, "element", None)
                    if element is not None and element.get("id"):
                        found.add(element.get("id"))
    return found


def _lost_notes(page: str, document: object) -> list[str]:
    """The notes of ``page`` (HTML) that no page of ``document`` prints."""
    ids = re.findall(r'<span class="fn[^"]*" id="([^"]+)"', page)
    printed = _laid_out_notes(document)
    return [note_id for note_id in ids if note_id not in printed]


_NO_WIDOWS = ' style="orphans: 1; widows: 1"'


def _keep_notes(page: str, lost: list[str]) -> str:
    """``page`` with the paragraph that calls each of the ``lost`` notes free of widow and
    orphan control."""
    for note_id in lost:
        call = page.find(f' id="{note_id}"')
        start = page.rfind("<p ", 0, call)
        if call < 0 or start < 0 or page.startswith(_NO_WIDOWS, start + 2):
            continue
        page = page[: start + 2] + _NO_WIDOWS + page[start + 2 :]
    return page


def _first_notes(document: object) -> set[str]:
    """The ids of the notes that open a page's footnote area."""
    found: set[str] = set()
    for page in document.pages:  # type: ignore[attr-defined]
        for box in page._page_box.children:
            if type(box).__name__ == "FootnoteAreaBox" and box.children:
                element = getattr(box.children[0], "element", None)
                if element is not None and element.get("id"):
                    found.add(element.get("id"))
    return found


def _key(path: Path, language: str, brackets: tuple[str, str]) -> str:
    digest = hashlib.sha256()
    digest.update(path.read_bytes())
    digest.update(f"{language}\0{brackets}".encode())
    for source in _SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def typeset(
    path: Path, language: str, brackets: tuple[str, str] = ("", ""), cache: Path | None = None
) -> Path:
    """The PDF of the UN file ``path``, made once and then read from the cache."""
    folder = cache or CACHE
    target = folder / f"{path.stem}.{language}.{_key(path, language, brackets)}.pdf"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        data = html_to_pdf(render_html(path, language, brackets))
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)  # never a half-written PDF in the cache
    return target
