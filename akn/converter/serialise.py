"""The document tree in, the Akoma Ntoso XML out: one pass that reads only the tree.

The XML follows ../shared/reference/target-markup.md: ``statement`` with ``meta``,
``coverPage`` (the masthead), ``preface`` (number and title), ``preamble`` (formula and one
``container`` per preambular paragraph), ``mainBody`` (paragraphs, lists of points, sections),
``conclusions`` and ``attachments`` (annexes). Everything is decided before: the structure by
``akn.converter.assemble``, the marks by ``akn.converter.marks``, the metadata by
``akn.converter.resolve``; nothing here reads the text's lines or changes the metadata.
eIds are left to ``akn.ids``.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from akn.converter.dates import UNKNOWN_DATE
from akn.converter.inline import AKN, Point, Span, tag, write_inline
from akn.converter.metadata import Identity, Metadata, meta_element
from akn.converter.tree import (
    DateMark,
    Footnote,
    LinkMark,
    Mark,
    MeetingMark,
    Node,
    NodeKind,
    NoteMark,
    PhraseMark,
    SessionMark,
    Tree,
)

NSMAP = {None: AKN}

# Masthead lines written as one element of the cover page, by their role.
_COVER_ELEMENTS = {
    "authority": ("docAuthority", {}),
    "body": ("docAuthority", {}),
    "symbol": ("docNumber", {}),
    "council_title": ("docNumber", {}),
    "distribution": ("docStatus", {}),
    "original": ("inline", {"name": "originalLanguage"}),
    "agenda_item": ("inline", {"name": "agendaItem"}),
    "agenda_title": ("inline", {"name": "agendaItemTitle"}),
    "adopted": ("docTitle", {}),
    "adopted_by_council": ("docTitle", {}),
}


def serialise(tree: Tree, identity: Identity) -> etree._Element:
    """The Akoma Ntoso document of ``tree`` (without eIds; see akn.ids)."""
    return _Writer(tree, identity).document()


def _spans(marks: tuple[Mark, ...]) -> list[Span]:
    spans = []
    for mark in marks:
        if isinstance(mark, LinkMark):
            spans.append(Span(mark.start, mark.end, "a", (("href", mark.href),)))
        elif isinstance(mark, MeetingMark):
            spans.append(Span(mark.start, mark.end, "inline", (("name", "adoptionMeeting"),)))
        elif isinstance(mark, DateMark) and mark.written:
            spans.append(Span(mark.start, mark.end, "docDate", (("date", mark.date),)))
        elif isinstance(mark, PhraseMark):
            spans.append(Span(mark.start, mark.end, "span", (("class", "italic"),)))
    return spans


class _Writer:
    def __init__(self, tree: Tree, identity: Identity) -> None:
        self.tree = tree
        self.identity = identity
        self.meta = identity.document

    # -- inline -------------------------------------------------------------------------

    def _note(self, note: Footnote) -> Callable[[], etree._Element]:
        def make() -> etree._Element:
            element = etree.Element(tag("authorialNote"), marker=note.marker, placement="bottom")
            write_inline(etree.SubElement(element, tag("p")), note.text, _spans(note.marks), [])
            return element

        return make

    def _note_ref(self, note: Footnote) -> Callable[[], etree._Element]:
        def make() -> etree._Element:
            # href is resolved by the id pass, once the note has its eId.
            return etree.Element(tag("noteRef"), marker=note.marker, href=f"#note:{note.marker}")

        return make

    def write(self, parent: etree._Element, node: Node) -> None:
        """Write the node's text into ``parent`` (a ``p`` usually) with all its marks."""
        points = []
        for mark in node.marks_of(NoteMark):
            note = self.tree.notes[mark.note]
            make = self._note_ref(note) if mark.repeat else self._note(note)
            points.append(Point(mark.offset, make, order=1 if mark.repeat else 0))
        write_inline(parent, node.text, _spans(node.marks), points)

    # -- document -----------------------------------------------------------------------

    def document(self) -> etree._Element:
        root = etree.Element(tag("akomaNtoso"), nsmap=NSMAP)
        whole = self.tree.root
        if whole.kind is NodeKind.DOCUMENT:
            top = etree.SubElement(root, tag("statement"), name=self.meta.doc_name)
            preface = self.parts(top, whole.children, self.meta)
        else:
            top = etree.SubElement(root, tag("documentCollection"), name="publication")
            heads = [c for c in whole.children if c.kind is not NodeKind.COMPONENT]
            preface = self.parts(top, heads, self.meta)
            body = etree.SubElement(top, tag("collectionBody"))
            components = [c for c in whole.children if c.kind is NodeKind.COMPONENT]
            for component, meta in zip(components, self.identity.components, strict=True):
                element = etree.SubElement(body, tag("component"))
                statement = etree.SubElement(element, tag("statement"), name=meta.doc_name)
                (document,) = [c for c in component.children if c.kind is NodeKind.DOCUMENT]
                self.parts(statement, document.children, meta, main=False)
        if self.tree.unplaced:
            self._unplaced_notes(top, preface)
        return root

    def parts(
        self,
        element: etree._Element,
        parts: tuple[Node, ...] | list[Node],
        meta: Metadata,
        main: bool = True,
    ) -> etree._Element | None:
        """Write the parts of one document; return its preface, if any."""
        element.append(meta_element(meta, "", main=main))
        preface = None
        annexes = [part for part in parts if part.kind is NodeKind.ANNEX]
        for part in parts:
            if part.kind is NodeKind.COVER:
                self._cover_page(element, part)
            elif part.kind is NodeKind.PREFACE:
                preface = self._preface(element, part)
            elif part.kind is NodeKind.PREAMBLE:
                self._preamble(element, part)
            elif part.kind is NodeKind.BODY:
                self._body(etree.SubElement(element, tag("mainBody")), part)
            elif part.kind is NodeKind.CONCLUSIONS:
                self._conclusions(element, part)
        if annexes:
            self._annexes(element, annexes, meta)
        return preface

    # -- parts --------------------------------------------------------------------------

    def _cover_page(self, document: etree._Element, cover: Node) -> None:
        element = etree.SubElement(document, tag("coverPage"))
        for line in cover.children:
            p = etree.SubElement(element, tag("p"))
            role = line.role or "unknown"
            if role in _COVER_ELEMENTS:
                name, attributes = _COVER_ELEMENTS[role]
                etree.SubElement(p, tag(name), attributes).text = line.text
            elif role == "date":
                dates = line.marks_of(DateMark)
                date = dates[0].date if dates else self.meta.issued or UNKNOWN_DATE
                etree.SubElement(p, tag("docDate"), date=date).text = line.text
            elif role == "session":
                sessions = line.marks_of(SessionMark)
                read = sessions[0].value if sessions else None
                value = str(self.meta.session) if self.meta.session else str(read or "0")
                etree.SubElement(p, tag("session"), value=value).text = line.text
            elif role in ("committee", "draft"):
                self.write(etree.SubElement(p, tag("docProponent")), line)
            else:
                self.write(p, line)

    def _preface(self, document: etree._Element, preface: Node) -> etree._Element:
        element = etree.SubElement(document, tag("preface"))
        p = etree.SubElement(element, tag("p"))
        if preface.number:
            etree.SubElement(p, tag("docNumber")).text = preface.number
            p[-1].tail = " "
        title = preface.first(NodeKind.TITLE)
        if title is not None:
            self.write(etree.SubElement(p, tag("docTitle")), title)
        letter = preface.first(NodeKind.LETTER)
        if letter is not None:  # "B", and its note after it, as the UN writes a part's letter
            line = etree.SubElement(element, tag("p"))
            self.write(line, letter)
            number = etree.Element(tag("docNumber"), refersTo="#letter")
            number.text, line.text = (line.text or "").strip(), None
            line.insert(0, number)
        return element

    def _preamble(self, document: etree._Element, preamble: Node) -> None:
        element = etree.SubElement(document, tag("preamble"))
        for part in preamble.children:
            if part.kind is NodeKind.FORMULA:
                formula = etree.SubElement(element, tag("formula"), name="enactingFormula")
                self.write(etree.SubElement(formula, tag("p")), part)
            elif part.kind is NodeKind.DECORATION:  # "* * *", as the UN writes it
                p = etree.SubElement(element, tag("p"))
                self.write(etree.SubElement(p, tag("decoration")), part)
            else:
                self._container(element, part)

    def _container(self, parent: etree._Element, recital: Node) -> None:
        table = recital.first(NodeKind.TABLE)
        name = " ".join((recital.phrase or recital.text.split(" ", 1)[0]).split())
        name = name or ("table" if table else "paragraph")
        container = etree.SubElement(parent, tag("container"), name=name)
        points = [child for child in recital.children if child.kind is NodeKind.POINT]
        if points:  # a recital that introduces a list: its text, then an item per point
            self._block_list(container, recital, points)
        elif recital.text or not table:
            self.write(etree.SubElement(container, tag("p")), recital)
        self._table(container, table)

    def _block_list(self, parent: etree._Element, intro: Node | None, items: list[Node]) -> None:
        """A recital's list, as the UN writes it: ``blockList`` with the recital's text as its
        ``listIntroduction`` and an ``item`` per point (its sub-points in a list of its own)."""
        listing = etree.SubElement(parent, tag("blockList"))
        if intro is not None:
            self.write(etree.SubElement(listing, tag("listIntroduction")), intro)
        for point in items:
            item = etree.SubElement(listing, tag("item"))
            if point.number:
                etree.SubElement(item, tag("num")).text = point.number
            self.write(etree.SubElement(item, tag("p")), point)
            inner = [child for child in point.children if child.kind is NodeKind.POINT]
            if inner:
                self._block_list(item, None, inner)

    def _table(self, parent: etree._Element, table: Node | None) -> None:
        """The table after a text: a ``table`` when the rows have cells, else one ``p`` per
        row (a table extraction left as lines, kept in order)."""
        if table is None:
            return
        if table.by_rows:
            for row in table.children:
                for cell in row.children:
                    self.write(etree.SubElement(parent, tag("p")), cell)
            return
        element = etree.SubElement(parent, tag("table"))
        for number, row in enumerate(table.children):
            tr = etree.SubElement(element, tag("tr"))
            for cell in row.children:
                td = etree.SubElement(tr, tag("th" if number == 0 and table.heading_row else "td"))
                self.write(etree.SubElement(td, tag("p")), cell)

    def _conclusions(self, document: etree._Element, conclusions: Node) -> None:
        element = etree.SubElement(document, tag("conclusions"))
        for conclusion in conclusions.children:
            p = etree.SubElement(element, tag("p"))
            meeting = conclusion.first(NodeKind.MEETING_LINE)
            if meeting is None:
                self.write(p, conclusion)
                continue
            etree.SubElement(p, tag("inline"), name="adoptionMeeting").text = meeting.text
            rest = conclusion.first(NodeKind.DATE_LINE)
            if rest is not None:
                etree.SubElement(p, tag("eol"))
                dates = rest.marks_of(DateMark)
                if dates:
                    etree.SubElement(p, tag("docDate"), date=dates[0].date).text = rest.text
                else:
                    p[-1].tail = rest.text

    def _annexes(self, document: etree._Element, annexes: list[Node], meta: Metadata) -> None:
        attachments = etree.SubElement(document, tag("attachments"))
        for number, annex in enumerate(annexes, start=1):
            attachment = etree.SubElement(attachments, tag("attachment"))
            doc = etree.SubElement(attachment, tag("doc"), name="annex")
            component = "/annex" if len(annexes) == 1 else f"/annex_{number}"
            doc.append(meta_element(meta, component, main=False))
            preface = etree.SubElement(doc, tag("preface"))
            p = etree.SubElement(preface, tag("p"), {"class": "annexHeading"})
            p.text = annex.heading
            if annex.title:
                tp = etree.SubElement(preface, tag("p"))
                etree.SubElement(tp, tag("docTitle")).text = annex.title
            for part in annex.children:
                if part.kind is NodeKind.PREAMBLE:
                    preamble = etree.SubElement(doc, tag("preamble"))
                    for recital in part.children:
                        self._container(preamble, recital)
                elif part.kind is NodeKind.BODY:
                    self._body(etree.SubElement(doc, tag("mainBody")), part)
                elif part.kind is NodeKind.CONCLUSIONS:
                    self._conclusions(doc, part)

    def _unplaced_notes(self, document: etree._Element, preface: etree._Element | None) -> None:
        if preface is not None:
            target = preface.find(tag("p"))
        else:
            target = document.find(f"{tag('preamble')}/{tag('formula')}/{tag('p')}")
            if target is None:
                target = document.find(f".//{tag('p')}")
        if target is None:  # pragma: no cover - a document always has a paragraph
            return
        for index in self.tree.unplaced:
            target.append(self._note(self.tree.notes[index])())

    # -- body ---------------------------------------------------------------------------

    def _body(self, parent: etree._Element, body: Node) -> None:
        if not body.children:
            p = etree.SubElement(etree.SubElement(parent, tag("paragraph")), tag("content"))
            etree.SubElement(p, tag("p"))
            return
        for node in body.children:
            self._render(parent, node)

    def _render(self, parent: etree._Element, node: Node) -> None:
        if node.kind in (NodeKind.SECTION, NodeKind.HEADING_GROUP):
            self._section(parent, node)
        elif node.kind is NodeKind.CROSS_HEADING:
            element = etree.SubElement(parent, tag("crossHeading"), refersTo="#preambularParagraph")
            self.write(element, node)
        elif node.kind in (NodeKind.PARAGRAPH, NodeKind.POINT):
            self._paragraph(parent, node)

    def _section(self, parent: etree._Element, node: Node) -> None:
        if node.kind is NodeKind.HEADING_GROUP:
            element = etree.SubElement(parent, tag("hcontainer"), name="heading")
        else:
            element = etree.SubElement(parent, tag("section"))
        if node.number:
            etree.SubElement(element, tag("num")).text = node.number
        self.write(etree.SubElement(element, tag("heading")), node)
        parts = [child for child in node.children if child.kind is not NodeKind.TABLE]
        if not parts:
            etree.SubElement(etree.SubElement(element, tag("content")), tag("p"))
        for child in parts:
            self._render(element, child)

    def _paragraph(self, parent: etree._Element, node: Node) -> None:
        element = etree.SubElement(parent, tag(node.kind.value))
        if node.number:
            etree.SubElement(element, tag("num")).text = node.number
        table = node.first(NodeKind.TABLE)
        items = [c for c in node.children if c.kind is NodeKind.POINT]
        wraps = [c for c in node.children if c.kind is NodeKind.WRAP_UP]
        if not items:
            content = etree.SubElement(element, tag("content"))
            if node.text or not table:
                self.write(etree.SubElement(content, tag("p")), node)
            self._table(content, table)
            for wrap in wraps:  # text after a point with no sub-points: keep it in place
                self.write(etree.SubElement(content, tag("p")), wrap)
                self._table(content, wrap.first(NodeKind.TABLE))
            return
        listing = etree.SubElement(element, tag("list"))
        if node.text or table:
            intro = etree.SubElement(listing, tag("intro"))
            if node.text or not table:
                self.write(etree.SubElement(intro, tag("p")), node)
            self._table(intro, table)
        for item in items:
            self._render(listing, item)
        if wraps:  # a list has one wrapUp, which may hold several paragraphs
            wrap_up = etree.SubElement(listing, tag("wrapUp"))
            for wrap in wraps:
                self.write(etree.SubElement(wrap_up, tag("p")), wrap)
                self._table(wrap_up, wrap.first(NodeKind.TABLE))
