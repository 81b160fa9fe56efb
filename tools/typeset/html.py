"""One UN Akoma Ntoso file -> one self-contained HTML page laid out like the UN's PDF.

The HTML carries only what the UN prints: the masthead of page 1 (from ``coverPage``), the
number and title (``preface``), the formula and recitals with their italic opening phrases,
numbered paragraphs with the number on a tab, points, headings, tables, the conclusions
(meeting and date, flush right) and the annexes, each on a new page. Notes become CSS
footnotes (``float: footnote``) so WeasyPrint sets them at the foot of the page where their
call falls, as Word does. Everything else (page furniture, fonts, geometry) is in ``style``.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .bidi import isolate_ltr
from .style import stylesheet

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _find(element: etree._Element, name: str) -> etree._Element | None:
    return next((e for e in element.iter() if _local(e) == name), None)


@dataclass
class Masthead:
    """What page 1 prints above the title, and the furniture of later pages."""

    symbol: str = ""
    authority: str = "United Nations"
    body: str = ""
    distribution: str = ""
    date: str = ""
    iso_date: str = ""
    lines: list[tuple[str, str]] = field(default_factory=list)  # (css class, html)
    job: str = ""  # "20-15857 (E)"

    @property
    def job_number(self) -> str:
        return self.job.split(" ")[0]

    @property
    def barcode(self) -> str:
        """The bar-code line under the job number, as extractors read the 3-of-9 font."""
        return "*" + self.job_number.replace("-", "") + "*"

    @property
    def date_code(self) -> str:
        """The ddmmyy processing stamp beside the job number."""
        year, month, day = ([*self.iso_date.split("-"), "", ""])[:3]
        return f"{day}{month}{year[2:]}" if day else ""


# A word with a slash ("A/75/23", "NPT/CONF.2000/28", "آب/أغسطس", "and/or") or a sales number
# ("A.96.IV.13"): Word never breaks a line inside one (it breaks at spaces), while the
# Unicode line-breaking rules WeasyPrint follows allow a break after "/" or ".". A word
# ends at a space or a Chinese character (Chinese is written without spaces).
_WORD = "[^\\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_SYMBOL = re.compile(f"{_WORD}+(?:/{_WORD}+)+|[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+){{2,}}")


def _text(text: str | None) -> str:
    """Escaped text, each document symbol kept on one line."""
    return _SYMBOL.sub(_nowrap, html.escape(text or ""))


_TRAILING = tuple(".,;:!?،؛")  # punctuation after a word: no line breaks before it


def _nowrap(match: re.Match[str]) -> str:
    """The word in a span that keeps it on one line; the brackets around it stay outside
    (a line breaks after none and before none of them anyway): on a right-to-left page,
    "(" of "(NPT/CONF.2000/28" belongs to the Arabic around it, not to the Latin."""
    word = match.group(0)
    core = word.lstrip("([")
    while core[-1:] in _TRAILING or (
        core[-1:] in (")", "]")
        and core.count("(") + core.count("[") < core.count(")") + core.count("]")
    ):
        core = core[:-1]
    start = len(word) - len(word.lstrip("(["))
    end = start + len(core)
    return f'{word[:start]}<span class="symbol-nowrap">{core}</span>{word[end:]}'


class Renderer:
    """Walks one AKN document and writes HTML; ``brackets`` wrap note calls ("(1)" in Arabic)."""

    def __init__(self, brackets: tuple[str, str] = ("", "")) -> None:
        self.brackets = brackets
        self.notes = 0

    # ------------------------------------------------------------------ inline content

    def inline(self, element: etree._Element) -> str:
        """The element's mixed content as HTML: italics, notes as footnotes, links as text."""
        parts = [_text(element.text)]
        for child in element:
            parts.append(self.inline_child(child))
            parts.append(_text(child.tail))
        return "".join(parts)

    def inline_child(self, child: etree._Element) -> str:
        name = _local(child)
        css = (child.get("class") or "").split()
        if name == "authorialNote":
            marker = html.escape(child.get("marker", ""), quote=True)
            text = " ".join(self.inline(p) for p in child) if len(child) else self.inline(child)
            call = html.escape(f"{self.brackets[0]}{child.get('marker', '')}{self.brackets[1]}")
            self.notes += 1
            # The note's own marker is written here, not by ::footnote-marker, so that the
            # rule (a ::before, see pdf.py) can come before it.
            return (
                f'<span class="fn" id="fn{self.notes}" data-call="{call}" '
                f'data-marker="{marker}"><sup class="mark">{call}</sup>\u2002{text.strip()}</span>'
            )
        if name == "noteRef":
            call = f"{self.brackets[0]}{child.get('marker', '')}{self.brackets[1]}"
            return f'<sup class="call">\u00a0{html.escape(call)}</sup>'
        if name == "sup" and (child.text or "").strip() in ("(", ")") and not len(child):
            return ""  # the UN's Arabic files print a note's bracket as a lone superscript
        if name == "eol":
            return "<br>"
        if name == "img":
            return ""
        inner = self.inline(child)
        if name in ("i",) or "italic" in css:
            inner = f"<i>{inner}</i>"
        if name in ("b", "strong") or "bold" in css:
            inner = f"<b>{inner}</b>"
        if name == "u" or "underline" in css:
            inner = f"<u>{inner}</u>"
        if name == "sup":
            inner = f"<sup>{inner}</sup>"
        if name == "sub":
            inner = f"<sub>{inner}</sub>"
        return inner

    # ------------------------------------------------------------------ blocks

    def masthead(self, cover: etree._Element | None, meta: etree._Element | None) -> Masthead:
        head = Masthead()
        job = _find(meta, "docketNumber") if meta is not None else None
        if job is not None:
            head.job = " ".join((job.text or "").split())
        if cover is None:
            return head
        for p in cover:
            if _local(p) != "p":
                continue
            text = " ".join("".join(p.itertext()).split())
            names = {_local(e) for e in p.iter()}
            if not text:
                continue
            if "docNumber" in names and not head.symbol:
                head.symbol = text
            elif "docAuthority" in names and "img" not in names and not head.body:
                head.authority = text
            elif "docAuthority" in names:
                head.body = text
            elif "docStatus" in names:
                head.distribution = text
            elif "docDate" in names and not head.date and not head.lines:
                head.date = text
                head.iso_date = (_find(p, "docDate").get("date") or "")[:10]
            elif "session" in names:
                head.lines.append(("session", self.inline(p)))
            elif "docTitle" in names:
                head.lines.append(("adopted", self.inline(p)))
            elif "docProponent" in names:
                head.lines.append(("proponent", self.inline(p)))
            else:
                head.lines.append(("cover", self.inline(p)))
        if not head.job:  # a stable made-up job number for files that lack one
            digits = int(hashlib.sha256(head.symbol.encode()).hexdigest()[:8], 16) % 100000
            head.job = f"{head.iso_date[2:4] or '20'}-{digits:05d} (E)"
        return head

    def masthead_html(self, head: Masthead) -> str:
        symbol = html.escape(head.symbol)
        big = f'<span class="big">{symbol[:1]}</span>{symbol[1:]}' if symbol else ""
        lines = "".join(f'<p class="{css}">{content}</p>' for css, content in head.lines)
        return (
            '<header class="masthead">'
            f'<div class="row"><span class="authority">{html.escape(head.authority)}</span>'
            f'<span class="symbol">{big}</span></div>'
            f'<div class="row second"><span class="organ">{html.escape(head.body)}</span>'
            f'<span class="distr">{html.escape(head.distribution)}<br>'
            f"{html.escape(head.date)}</span></div>"
            f'<div class="rule"></div>{lines}</header>'
        )

    def block(self, element: etree._Element, out: list[str], depth: int = 0) -> None:
        """Append the HTML of a block-level AKN element (and everything inside it) to ``out``."""
        name = _local(element)
        if name in ("meta", "coverPage", ""):
            return
        if name == "preface":
            for p in element.iter(f"{{{AKN}}}p"):
                number = _find(p, "docNumber")
                if number is not None and _local(p.getparent()) == "preface":
                    title = "".join(
                        self.inline_child(c) + html.escape(c.tail or "")
                        for c in p
                        if c is not number
                    )
                    out.append(
                        f'<h1 class="title"><span class="num">{self.inline(number)}</span>'
                        f"{title.strip()}</h1>"
                    )
                else:
                    out.append(f'<p class="preface">{self.inline(p)}</p>')
            return
        if name == "formula":
            out.extend(f'<p class="formula">{self.inline(p)}</p>' for p in element if _local(p))
            return
        if name in ("container", "wrapUp", "intro", "listIntroduction", "p"):
            css = {"container": "recital", "p": "plain"}.get(name, "intro")
            paragraphs = [c for c in element if _local(c) == "p"] if name != "p" else [element]
            for p in paragraphs or [element]:
                out.append(f'<p class="{css}">{self.inline(p)}</p>')
            return
        if name in ("paragraph", "point", "item", "subparagraph"):
            self.numbered(element, out, depth)
            return
        if name == "crossHeading":
            # the UN's files mark a recital among a body's sections so (its italic phrase
            # opens it); its PDF prints a recital, and the comparer reads one
            out.append(f'<p class="recital">{self.inline(element)}</p>')
            return
        if name in ("heading", "subheading"):
            out.append(f'<p class="heading">{self.inline(element)}</p>')
            return
        if name in ("section", "hcontainer", "chapter", "part", "subsection"):
            heads = [c for c in element if _local(c) in ("num", "heading", "subheading")]
            if heads:  # the UN prints a section's number on a line of its own ("I" / title)
                text = "<br>".join(self.inline(c).strip() for c in heads)
                out.append(f'<p class="heading">{text}</p>')
            for child in element:
                if child not in heads:
                    self.block(child, out, depth)
            return
        if name == "table":
            out.append(self.table(element))
            return
        if name == "conclusions":
            for p in element:
                if _local(p) == "p":
                    out.append(f'<p class="conclusions">{self.inline(p)}</p>')
            return
        if name == "attachment":
            out.append('<div class="annex">')
            for child in element:
                self.block(child, out, depth)
            out.append("</div>")
            return
        for child in element:  # preamble, mainBody, list, attachments, doc, collections...
            self.block(child, out, depth + (name in ("list", "blockList")))

    def numbered(self, element: etree._Element, out: list[str], depth: int) -> None:
        """A paragraph or point: its number on a tab, its text, then its own list if any."""
        num = next((c for c in element if _local(c) == "num"), None)
        label = self.inline(num).strip() if num is not None else ""
        level = "para" if _local(element) == "paragraph" else f"point level{min(depth, 3)}"
        heads = [c for c in element if _local(c) in ("heading", "subheading")]
        for head in heads:
            out.append(f'<p class="heading">{self.inline(head)}</p>')
        content = next((c for c in element if _local(c) in ("content", "intro")), None)
        listing = next((c for c in element if _local(c) in ("list", "blockList")), None)
        lead = content
        if content is None and listing is not None:
            lead = next((c for c in listing if _local(c) in ("intro", "listIntroduction")), None)
        texts = (
            [self.inline(p).strip() for p in lead if _local(p) == "p"] if lead is not None else []
        )
        tables = [t for t in lead.iter(f"{{{AKN}}}table")] if lead is not None else []
        number = f'<span class="num">{label}</span>' if label else ""
        out.append(f'<p class="{level}">{number}{" ".join(texts)}</p>')
        out.extend(self.table(t) for t in tables)
        if listing is not None:
            for child in listing:
                if child is not lead:
                    self.block(child, out, depth + 1)
        for child in element:
            if _local(child) in ("paragraph", "point", "subparagraph"):
                self.block(child, out, depth + 1)

    def table(self, element: etree._Element) -> str:
        rows = []
        for tr in element.iter(f"{{{AKN}}}tr"):
            cells = "".join(
                f"<{_local(c)[:2]}>{' '.join(self.inline(p) for p in c) or self.inline(c)}"
                f"</{_local(c)[:2]}>"
                for c in tr
                if _local(c) in ("td", "th")
            )
            rows.append(f"<tr>{cells}</tr>")
        return f"<table>{''.join(rows)}</table>"


def render_html(path: Path, language: str, brackets: tuple[str, str] = ("", "")) -> str:
    """The HTML page of the UN file ``path`` in ``language`` (the UN's code: "eng", "ara")."""
    root = etree.parse(str(path)).getroot()
    document = next((c for c in root if _local(c) in ("statement", "documentCollection")), root)
    renderer = Renderer(brackets)
    head = renderer.masthead(
        next((c for c in document if _local(c) == "coverPage"), None),
        next((c for c in document if _local(c) == "meta"), None),
    )
    body: list[str] = [renderer.masthead_html(head)]
    for child in document:
        renderer.block(child, body)
    for components in (c for c in root if _local(c) == "components"):
        renderer.block(components, body)  # the resolutions of a collection ("75/101 A-B")
    rtl = language == "ara"
    lang = {"ara": "ar", "zho": "zh", "eng": "en", "fra": "fr", "rus": "ru", "spa": "es"}
    return (
        f'<!DOCTYPE html><html lang="{lang.get(language, language[:2])}"'
        f'{" dir=rtl" if rtl else ""}><head><meta charset="utf-8">'
        f"<title>{html.escape(head.symbol)}</title>"
        '<meta name="dcterms.created" content="2020-01-01T00:00:00Z">'
        '<meta name="dcterms.modified" content="2020-01-01T00:00:00Z">'
        f"<style>{stylesheet(language, head)}</style></head>"
        f"<body>{isolate_ltr(''.join(body)) if rtl else ''.join(body)}</body></html>"
    )
