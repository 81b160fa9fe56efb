"""An Akoma Ntoso document as one HTML page that reads like the resolution.

The page is self-contained and inert: its CSS is inline, it has no script, it loads nothing
(no image, font or style sheet; a Content-Security-Policy forbids it too), so a reviewer can
open it from anywhere and print it. Every element keeps its eId as its HTML id
(``#para_8__list_1__point_a``), shown on hover; note markers link to their notes and back.
Arabic pages are right to left, Chinese ones get a CJK font stack. Given ``akn validate``'s
findings, each one is marked in the margin of the block it is about and listed at the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files

from lxml import etree

from akn.diagnostics import Diagnostic
from akn.reading import is_lone_bracket, language, local, main_document, q, squash, text_of

LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
RIGHT_TO_LEFT = frozenset({"ara"})
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'"

SKIPPED = frozenset({"meta", "img", "noteRef", "authorialNote", "eol", "componentRef"})
INLINE = frozenset(
    {
        "docDate", "docNumber", "docTitle", "docAuthority", "docStatus", "docProponent",
        "docType", "docStage", "docCommittee", "docPurpose", "docJurisdiction", "session",
        "inline", "location", "event", "date", "ref", "term", "organization", "person",
        "role", "entity", "concept", "object", "quantity", "shortTitle", "mref", "rref",
        "def", "abbr", "mmod", "mod", "quotedText", "signature", "legislature", "placeholder",
        "time", "num", "heading", "subheading", "u", "span", "sup", "sub", "i", "b",
    }
)  # fmt: skip
TAGS = {"p": "p", "table": "table", "tr": "tr", "td": "td", "th": "th", "i": "i", "b": "b",
        "u": "u", "sup": "sup", "sub": "sub", "caption": "caption"}  # fmt: skip
STYLE = {"italic": "i", "bold": "b", "underline": "u"}
SECTIONS = frozenset({"section", "hcontainer", "subsection", "chapter", "part", "division"})


@dataclass
class _Page:
    """What is gathered while the document is walked: notes, ids given, blocks by element."""

    notes: list[tuple[str, str, etree._Element]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    blocks: dict[etree._Element, etree._Element] = field(default_factory=dict)


def render_html(root: etree._Element, findings: Sequence[Diagnostic] | None = None) -> str:
    """The page for the document under ``root``; ``findings`` marked where they apply."""
    document = main_document(root)
    code = language(root)
    page = _Page()
    html = etree.Element("html", lang=LANGUAGES.get(code, code[:2] or "und"))
    html.set("dir", "rtl" if code in RIGHT_TO_LEFT else "ltr")
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", {"http-equiv": "Content-Security-Policy", "content": POLICY})
    etree.SubElement(head, "meta", name="viewport", content="width=device-width")
    etree.SubElement(head, "title").text = _title(document)
    etree.SubElement(head, "style").text = files("akn.rendering").joinpath("page.css").read_text()
    body = etree.SubElement(html, "body", {"class": f"akn lang-{code or 'und'}"})
    article = etree.Element("article", {"class": "akn-document"})
    _convert(document, article, page)
    _footnotes(article, page)
    if findings is not None:
        body.append(_findings(list(findings), root, page))
    body.append(article)
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"


def _title(document: etree._Element) -> str:
    symbol = document.findtext(f".//{q('coverPage')}//{q('docNumber')}") or ""
    title = document.find(f".//{q('preface')}//{q('docTitle')}")
    words = squash(text_of(title)) if title is not None else ""
    return " — ".join(part for part in (squash(symbol), words) if part) or "Akoma Ntoso document"


def _convert(element: etree._Element, parent: etree._Element, page: _Page) -> None:
    """Append the HTML of ``element``'s children (text, inline and block) to ``parent``."""
    _append_text(parent, element.text)
    for child in element:
        name = local(child)
        if name == "authorialNote":
            _note_marker(child, parent, page)
        elif name == "noteRef":
            _note_reference(child, parent, page)
        elif name == "eol":
            etree.SubElement(parent, "br")
        elif name and name not in SKIPPED and not is_lone_bracket(child):
            _convert(child, _element_for(child, parent, page), page)
        _append_text(parent, child.tail)


def _append_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _element_for(child: etree._Element, parent: etree._Element, page: _Page) -> etree._Element:
    """The HTML element an AKN element becomes: its tag, its classes, its eId as id."""
    name = local(child)
    if name == "a":
        return _link(child, parent)
    classes = [f"akn-{name}"]
    style = (child.get("class") or "").split()
    tag = TAGS.get(name) or next((STYLE[s] for s in style if s in STYLE), None)
    if tag is None:
        tag = "span" if name in INLINE else _block_tag(name)
    if name == "container" and local(child.getparent()) == "preamble":
        classes.append("recital")
    if name == "p" and local(child.getparent()) == "coverPage":
        classes.append("symbol" if child.find(f".//{q('docNumber')}") is not None else "line")
    if name in ("paragraph", "point", "subparagraph") or name in SECTIONS:
        classes.append("numbered" if child.find(q("num")) is not None else "unnumbered")
    if name in SECTIONS:
        classes.append(f"depth-{_depth(child)}")
    made = etree.SubElement(parent, tag, {"class": " ".join(classes)})
    eid = child.get("eId")
    if eid and eid not in page.ids:
        page.ids.add(eid)
        made.set("id", eid)
        if tag not in ("span", "tr", "td", "th", "i", "b", "u", "sup", "sub", "table"):
            anchor = etree.SubElement(made, "a", {"class": "eid", "href": f"#{eid}"})
            anchor.text = f"#{eid}"
    page.blocks[child] = made
    return made


def _block_tag(name: str) -> str:
    if name in SECTIONS or name in ("attachment", "preamble", "mainBody", "conclusions"):
        return "section"
    if name in ("coverPage", "preface"):
        return "header"
    return "div"


def _depth(element: etree._Element) -> int:
    return sum(1 for a in element.iterancestors() if local(a) in SECTIONS) + 1


def _link(child: etree._Element, parent: etree._Element) -> etree._Element:
    """A link to a cited document: kept as a link (nothing is fetched until clicked)."""
    href = child.get("href", "")
    made = etree.SubElement(parent, "a", {"class": "akn-a"})
    if href.startswith(("https://", "http://", "#")):
        made.set("href", href)
        made.set("rel", "noreferrer noopener")
    return made


def _note_marker(note: etree._Element, parent: etree._Element, page: _Page) -> None:
    number = len(page.notes) + 1
    marker = note.get("marker", "") or str(number)
    page.notes.append((f"note-{number}", marker, note))
    sup = etree.SubElement(parent, "sup", {"class": "note-ref", "id": f"ref-{number}"})
    link = etree.SubElement(sup, "a", {"href": f"#note-{number}", "class": "note-link"})
    link.text = marker
    eid = note.get("eId")
    if eid and eid not in page.ids:
        page.ids.add(eid)
        sup.set("data-eid", eid)


def _note_reference(ref: etree._Element, parent: etree._Element, page: _Page) -> None:
    """A repeated marker (``noteRef``) links to the note it repeats, found by marker."""
    marker = ref.get("marker", "")
    target = next((nid for nid, m, _ in page.notes if m == marker), None)
    sup = etree.SubElement(parent, "sup", {"class": "note-ref repeat"})
    link = etree.SubElement(sup, "a", {"class": "note-link"})
    link.text = marker
    if target:
        link.set("href", f"#{target}")


def _footnotes(article: etree._Element, page: _Page) -> None:
    """The notes after a rule, each with a link back to its marker."""
    if not page.notes:
        return
    aside = etree.SubElement(article, "aside", {"class": "footnotes"})
    etree.SubElement(aside, "hr")
    listing = etree.SubElement(aside, "ol", {"class": "notes"})
    for note_id, marker, note in page.notes:
        item = etree.SubElement(listing, "li", {"class": "footnote", "id": note_id})
        back = etree.SubElement(item, "a", {"class": "note-back", "href": f"#ref-{note_id[5:]}"})
        back.text = marker
        holder = etree.SubElement(item, "div", {"class": "note-text"})
        _convert(note, holder, page)
        eid = note.get("eId")
        if eid:
            item.set("data-eid", eid)


def _findings(findings: list[Diagnostic], root: etree._Element, page: _Page) -> etree._Element:
    """The list at the top, and a margin mark in the block each finding is about. Findings
    about the metadata (not shown on the page) are listed apart, folded."""
    by_line: dict[int, etree._Element] = {}
    for element in root.iter():
        line = element.sourceline
        if isinstance(element.tag, str) and isinstance(line, int):
            by_line.setdefault(line, element)
    box = etree.Element("nav", {"class": "findings", "dir": "ltr", "lang": "en"})
    heading = etree.SubElement(box, "h2")
    heading.text = f"akn validate: {len(findings)} finding{'s' if len(findings) != 1 else ''}"
    shown = etree.SubElement(box, "ol", {"class": "in-text"})
    folded = etree.SubElement(box, "details", {"class": "elsewhere"})
    summary = etree.SubElement(folded, "summary")
    hidden = etree.SubElement(folded, "ol")
    for number, finding in enumerate(findings, start=1):
        block = _block_of(by_line.get(finding.line or -1), page)
        item = etree.SubElement(shown if block is not None else hidden, "li")
        item.set("class", f"finding {finding.severity}")
        item.set("id", f"finding-{number}")
        where = f"line {finding.line}: " if finding.line else ""
        target = etree.SubElement(item, "a") if block is not None else item
        target.text = f"{where}{finding.code} {finding.message}"
        if block is not None:
            target.set("href", f"#{_ensure_id(block, page)}")
            _mark(block, finding, number)
    summary.text = f"{len(hidden)} in the metadata and other parts not shown on the page"
    if not len(hidden):
        box.remove(folded)
    if not len(shown):
        box.remove(shown)
    return box


def _block_of(element: etree._Element | None, page: _Page) -> etree._Element | None:
    """The nearest shown block of the page that holds ``element``."""
    while element is not None:
        made = page.blocks.get(element)
        if made is not None and made.tag not in ("span", "i", "b", "u", "sup", "sub"):
            return made
        element = element.getparent()
    return None


def _ensure_id(block: etree._Element, page: _Page) -> str:
    existing = block.get("id")
    if existing:
        return existing
    number = 1
    while f"block-{number}" in page.ids:
        number += 1
    page.ids.add(f"block-{number}")
    block.set("id", f"block-{number}")
    return f"block-{number}"


def _mark(block: etree._Element, finding: Diagnostic, number: int) -> None:
    """A mark in the block's margin: the code and the message, linked to the list on top."""
    marks = block.find("span[@class='marks']")
    if marks is None:
        marks = etree.Element("span", {"class": "marks", "dir": "ltr", "lang": "en"})
        block.insert(0, marks)
    mark = etree.SubElement(marks, "a", {"class": f"mark {finding.severity}"})
    mark.set("href", f"#finding-{number}")
    mark.set("title", finding.format())
    message = finding.message if len(finding.message) <= 90 else finding.message[:89] + "…"
    mark.text = f"{finding.code} {message}"
