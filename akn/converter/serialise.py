"""Blocks in, Akoma Ntoso tree out.

The tree follows ../shared/reference/target-markup.md: ``statement`` with ``meta``,
``coverPage`` (the masthead), ``preface`` (number and title), ``preamble`` (formula and one
``container`` per preambular paragraph), ``mainBody`` (paragraphs, lists of points, sections),
``conclusions`` and ``attachments`` (annexes). eIds are left to ``akn.ids``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

from akn.converter.blocks import Block, Kind, heading_row
from akn.converter.dates import decision_meeting, parse_date, parse_number_words
from akn.converter.inline import AKN, Point, Span, tag, write_inline
from akn.converter.marks.citations import Citation, link_for
from akn.converter.marks.notes import Placement
from akn.converter.metadata import Metadata, meta_element, references
from akn.mapping import Mapping

NSMAP = {None: AKN}


@dataclass
class NoteText:
    """A footnote ready to be written: its marker, clean text and the citations in it."""

    marker: str
    text: str
    citations: list[Citation]


@dataclass
class Parsed:
    """Everything the earlier stages found, in the order the document has it."""

    mapping: Mapping
    metadata: Metadata
    blocks: list[Block]  # masthead, title, formula, body — in document order
    notes: list[NoteText]
    placements: list[Placement]
    citations: dict[int, list[Citation]]  # block index -> citations in its text
    listed_links: dict[str, str]  # casefolded symbol -> address listed by the PDF


@dataclass
class _Node:
    """A structural unit of the body while the tree is being assembled."""

    kind: str  # section, hcontainer, paragraph, point, crossHeading, wrapUp
    block: Block | None
    index: int = -1
    children: list[_Node] = field(default_factory=list)


class Builder:
    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.index = {id(block): i for i, block in enumerate(parsed.blocks)}  # for table cells
        self.mapping = parsed.mapping
        self.language = parsed.mapping.code
        self.points: dict[int, list[Placement]] = {}
        for placement in parsed.placements:
            self.points.setdefault(placement.block, []).append(placement)
        self.unplaced = [
            index
            for index in range(len(parsed.notes))
            if not any(p.note == index and not p.repeat for p in parsed.placements)
        ]

    # -- inline -------------------------------------------------------------------------

    def _note(self, index: int) -> Callable[[], etree._Element]:
        note = self.parsed.notes[index]

        def make() -> etree._Element:
            element = etree.Element(tag("authorialNote"), marker=note.marker, placement="bottom")
            p = etree.SubElement(element, tag("p"))
            write_inline(p, note.text, self._link_spans(note.citations), [])
            return element

        return make

    def _note_ref(self, index: int) -> Callable[[], etree._Element]:
        marker = self.parsed.notes[index].marker

        def make() -> etree._Element:
            # href is resolved by the id pass, once the note has its eId.
            return etree.Element(tag("noteRef"), marker=marker, href=f"#note:{marker}")

        return make

    def _link_spans(self, citations: list[Citation]) -> list[Span]:
        return [
            Span(
                c.start,
                c.end,
                "a",
                (("href", link_for(c.symbol, self.language, self.parsed.listed_links)),),
            )
            for c in citations
        ]

    def write_block(
        self,
        parent: etree._Element,
        block_index: int,
        italic: bool = True,
        text: str | None = None,
        offset: int = 0,
    ) -> None:
        """Write the block's text into ``parent`` (a ``p`` usually) with all its marks."""
        block = self.parsed.blocks[block_index]
        full = block.text if text is None else text
        spans = [
            Span(
                c.start - offset,
                c.end - offset,
                "a",
                (("href", link_for(c.symbol, self.language, self.parsed.listed_links)),),
            )
            for c in self.parsed.citations.get(block_index, [])
            if offset <= c.start and c.end <= offset + len(full)
        ]
        if block.opens_decision and offset == 0:
            spans += self._meeting_marks(full)
        if italic and block.phrase and offset == 0 and full.startswith(block.phrase):
            spans = [s for s in spans if s.start >= len(block.phrase)]
            spans.append(Span(0, len(block.phrase), "span", (("class", "italic"),)))
            if block.particle and not any(
                s.start < block.particle[1] and block.particle[0] < s.end for s in spans
            ):
                spans.append(Span(*block.particle, "span", (("class", "italic"),)))
        points = [
            Point(
                p.offset - offset,
                self._note_ref(p.note) if p.repeat else self._note(p.note),
                order=1 if p.repeat else 0,
            )
            for p in self.points.get(block_index, [])
            if offset <= p.offset <= offset + len(full)
        ]
        write_inline(parent, full, spans, points)

    def _meeting_marks(self, text: str) -> list[Span]:
        """A decision opens with the meeting and date that adopted it: mark them as the
        conclusions of a resolution mark theirs."""
        meeting, date = decision_meeting(text, self.mapping)
        spans = []
        if meeting:
            spans.append(Span(*meeting, "inline", (("name", "adoptionMeeting"),)))
        if date:
            spans.append(Span(date[0], date[1], "docDate", (("date", date[2]),)))
        return spans

    # -- document -------------------------------------------------------------------------

    def build(self) -> etree._Element:
        parsed = self.parsed
        blocks = parsed.blocks
        root = etree.Element(tag("akomaNtoso"), nsmap=NSMAP)
        components = [i for i, b in enumerate(blocks) if b.kind is Kind.COMPONENT]
        if not components:
            document = etree.SubElement(root, tag("statement"), name=parsed.metadata.doc_name)
            preface = self._document(document, range(len(blocks)), "")
            top = document
        else:
            # Several resolutions issued as one document ("75/101 A-B"): one component each,
            # each a resolution of its own (75/101 A, 75/101 B).
            whole = parsed.metadata
            letters = [blocks[i].num or str(n) for n, i in enumerate(components, start=1)]
            parsed.metadata = replace(
                whole, doc_type="documentCollection", number=f"{whole.number}{'-'.join(letters)}"
            )
            top = etree.SubElement(root, tag("documentCollection"), name="publication")
            preface = self._document(top, range(components[0]), "", collection=True)
            body = etree.SubElement(top, tag("collectionBody"))
            for number, start in enumerate(components):
                end = components[number + 1] if number + 1 < len(components) else len(blocks)
                component = etree.SubElement(body, tag("component"))
                statement = etree.SubElement(component, tag("statement"), name=whole.doc_name)
                self.parsed.metadata = replace(whole, number=f"{whole.number}{letters[number]}")
                self._document(statement, range(start, end), "", main=False)
                whole.concepts |= self.parsed.metadata.concepts
            parsed.metadata = replace(
                whole, doc_type="documentCollection", number=f"{whole.number}{'-'.join(letters)}"
            )
        if self.unplaced:
            self._unplaced_notes(top, preface)
        # The references are written last: the body decides which concepts it refers to.
        meta = top.find(tag("meta"))
        meta.replace(meta.find(tag("references")), references(parsed.metadata))
        return root

    def _document(
        self,
        document: etree._Element,
        indices: range,
        component: str,
        collection: bool = False,
        main: bool = True,
    ) -> etree._Element | None:
        """Write the blocks ``indices`` as one document; return its preface, if any."""
        parsed = self.parsed
        blocks = parsed.blocks
        document.append(meta_element(parsed.metadata, component, main=main and not component))
        masthead = [
            i
            for i in indices
            if blocks[i].kind is Kind.MASTHEAD
            or blocks[i].masthead_line
        ]
        if masthead:
            self._cover_page(document, masthead)
        letter = next((i for i in indices if blocks[i].kind is Kind.COMPONENT), None)
        title = next((i for i in indices if blocks[i].kind is Kind.TITLE), None)
        preface = self._preface(document, title, letter)
        if collection:
            return preface
        formula = next((i for i in indices if blocks[i].kind is Kind.FORMULA), None)
        heads = [i for i in (*masthead, title, letter) if i is not None]
        body_start = (formula + 1) if formula is not None else (max(heads, default=-1) + 1)
        end = indices.stop
        preamble_end = body_start
        while preamble_end < end and blocks[preamble_end].kind in (Kind.RECITAL, Kind.CELL):
            preamble_end += 1
        if formula is not None or preamble_end > body_start:
            preamble = etree.SubElement(document, tag("preamble"))
            if formula is not None:
                f = etree.SubElement(preamble, tag("formula"), name="enactingFormula")
                self.write_block(etree.SubElement(f, tag("p")), formula)
            for index in range(body_start, preamble_end):
                if blocks[index].kind is not Kind.CELL:  # written by its container
                    self._container(preamble, index)
        annex_starts = [i for i in range(preamble_end, end) if blocks[i].kind is Kind.ANNEX]
        main_end = annex_starts[0] if annex_starts else end
        body_indices = list(range(preamble_end, main_end))
        conclusions = [i for i in body_indices if blocks[i].kind is Kind.CONCLUSION]
        body_indices = [i for i in body_indices if blocks[i].kind is not Kind.CONCLUSION]
        main_body = etree.SubElement(document, tag("mainBody"))
        self._body(main_body, body_indices)
        if conclusions:
            self._conclusions(document, conclusions)
        if annex_starts:
            self._annexes(document, annex_starts, end, component)
        return preface

    # -- parts ----------------------------------------------------------------------------

    def _cover_page(self, document: etree._Element, indices: list[int]) -> None:
        cover = etree.SubElement(document, tag("coverPage"))
        meta = self.parsed.metadata
        for index in indices:
            block = self.parsed.blocks[index]
            p = etree.SubElement(cover, tag("p"))
            role = block.role or "unknown"
            text = block.text
            if role in ("authority", "body"):
                etree.SubElement(p, tag("docAuthority")).text = text
            elif role in ("symbol", "council_title"):
                etree.SubElement(p, tag("docNumber")).text = text
            elif role == "distribution":
                etree.SubElement(p, tag("docStatus")).text = text
            elif role == "date":
                date = parse_date(text, self.mapping) or meta.issued or "0001-01-01"
                etree.SubElement(p, tag("docDate"), date=date).text = text
            elif role == "session":
                value = (
                    str(meta.session)
                    if meta.session
                    else (
                        str(parse_number_words(block.data.get("ordinal", ""), self.mapping) or "0")
                    )
                )
                etree.SubElement(p, tag("session"), value=value).text = text
            elif role == "original":
                etree.SubElement(p, tag("inline"), name="originalLanguage").text = text
            elif role == "agenda_item":
                etree.SubElement(p, tag("inline"), name="agendaItem").text = text
            elif role == "agenda_title":
                etree.SubElement(p, tag("inline"), name="agendaItemTitle").text = text
            elif role in ("adopted", "adopted_by_council"):
                etree.SubElement(p, tag("docTitle")).text = text
            elif role in ("committee", "draft"):
                proponent = etree.SubElement(p, tag("docProponent"))
                self.write_block(proponent, index, italic=False)
            else:
                self.write_block(p, index, italic=False)

    def _preface(
        self, document: etree._Element, title: int | None, letter: int | None = None
    ) -> etree._Element | None:
        if title is None and letter is None:
            return None
        preface = etree.SubElement(document, tag("preface"))
        p = etree.SubElement(preface, tag("p"))
        number = (self.parsed.blocks[title].data.get("number") if title is not None else None) or (
            self.parsed.blocks[letter].text if letter is not None else None
        )
        if number:
            etree.SubElement(p, tag("docNumber")).text = number
            p[-1].tail = " "
        if title is not None:
            self.write_block(etree.SubElement(p, tag("docTitle")), title, italic=False)
        return preface

    def _container(self, parent: etree._Element, index: int) -> None:
        block = self.parsed.blocks[index]
        name = " ".join((block.phrase or block.text.split(" ", 1)[0]).split())
        name = name or ("table" if block.table else "paragraph")
        container = etree.SubElement(parent, tag("container"), name=name)
        if block.text or not block.table:
            self.write_block(etree.SubElement(container, tag("p")), index)
        self._table(container, block)

    def _table(self, parent: etree._Element, block: Block | None) -> None:
        """The table after the block's text: a ``table`` when the rows have cells, else one
        ``p`` per row (a table extraction left as lines, kept in order)."""
        if block is None or not block.table:
            return
        if block.table_of_rows:
            for (cell,) in block.table:
                self.write_block(etree.SubElement(parent, tag("p")), self.index[id(cell)], False)
            return
        table = etree.SubElement(parent, tag("table"))
        texts = [[cell.text for cell in row] for row in block.table]
        heading = heading_row(texts, self.mapping.pattern("tables", "figure"))
        for number, row in enumerate(block.table):
            tr = etree.SubElement(table, tag("tr"))
            for cell in row:
                td = etree.SubElement(tr, tag("th" if number == 0 and heading else "td"))
                self.write_block(etree.SubElement(td, tag("p")), self.index[id(cell)], False)

    def _conclusions(self, document: etree._Element, indices: list[int]) -> None:
        conclusions = etree.SubElement(document, tag("conclusions"))
        for index in indices:
            block = self.parsed.blocks[index]
            p = etree.SubElement(conclusions, tag("p"))
            meeting = self.mapping.pattern("conclusions", "meeting")
            lines = [" ".join(line.text.split()) for line in block.lines]
            first = lines[0] if lines else block.text
            if meeting.fullmatch(first):
                inline = etree.SubElement(p, tag("inline"), name="adoptionMeeting")
                inline.text = first
                rest = " ".join(lines[1:])
                if rest:
                    etree.SubElement(p, tag("eol"))
                    date = parse_date(rest, self.mapping)
                    if date:
                        etree.SubElement(p, tag("docDate"), date=date).text = rest
                    else:
                        p[-1].tail = rest
            else:
                self.write_block(p, index, italic=False)

    def _annexes(
        self, document: etree._Element, starts: list[int], stop: int, within: str = ""
    ) -> None:
        attachments = etree.SubElement(document, tag("attachments"))
        blocks = self.parsed.blocks
        for number, start in enumerate(starts, start=1):
            end = starts[number] if number < len(starts) else stop
            attachment = etree.SubElement(attachments, tag("attachment"))
            doc = etree.SubElement(attachment, tag("doc"), name="annex")
            component = within + ("/annex" if len(starts) == 1 else f"/annex_{number}")
            doc.append(meta_element(self.parsed.metadata, component, main=False))
            heading = blocks[start]
            preface = etree.SubElement(doc, tag("preface"))
            lines = [" ".join(line.text.split()) for line in heading.lines]
            p = etree.SubElement(preface, tag("p"), **{"class": "annexHeading"})
            p.text = lines[0]
            title = " ".join(lines[1:])
            if title:
                tp = etree.SubElement(preface, tag("p"))
                etree.SubElement(tp, tag("docTitle")).text = title
            indices = list(range(start + 1, end))
            recitals = []
            while indices and blocks[indices[0]].kind in (Kind.RECITAL, Kind.CELL):
                recitals.append(indices.pop(0))
            if recitals:
                preamble = etree.SubElement(doc, tag("preamble"))
                for index in recitals:
                    if blocks[index].kind is not Kind.CELL:
                        self._container(preamble, index)
            main_body = etree.SubElement(doc, tag("mainBody"))
            conclusions = [i for i in indices if blocks[i].kind is Kind.CONCLUSION]
            self._body(main_body, [i for i in indices if i not in conclusions])
            if conclusions:
                self._conclusions(doc, conclusions)

    def _unplaced_notes(self, document: etree._Element, preface: etree._Element | None) -> None:
        if preface is not None:
            target = preface.find(tag("p"))
        else:
            target = document.find(f"{tag('preamble')}/{tag('formula')}/{tag('p')}")
            if target is None:
                target = document.find(f".//{tag('p')}")
        if target is None:  # pragma: no cover - a document always has a paragraph
            return
        for index in self.unplaced:
            target.append(self._note(index)())

    # -- body -------------------------------------------------------------------------------

    def _body(self, parent: etree._Element, indices: list[int]) -> None:
        roots = self._nest(indices)
        if not roots:
            p = etree.SubElement(etree.SubElement(parent, tag("paragraph")), tag("content"))
            etree.SubElement(p, tag("p"))
            return
        for node in roots:
            self._render(parent, node)

    def _nest(self, indices: list[int]) -> list[_Node]:
        """Group body blocks: sections hold headings' paragraphs; points nest in paragraphs."""
        blocks = self.parsed.blocks
        roots: list[_Node] = []
        section: _Node | None = None
        group: _Node | None = None  # unnumbered heading inside or outside a section
        paragraph: _Node | None = None
        point: _Node | None = None

        def holder() -> list[_Node]:
            if group is not None:
                return group.children
            if section is not None:
                return section.children
            return roots

        for index in indices:
            block = blocks[index]
            if block.kind is Kind.CELL:
                continue  # written with the table of the block before it
            if block.numbered_heading:
                section = _Node("section", block, index)
                roots.append(section)
                group = paragraph = point = None
            elif block.kind is Kind.HEADING:
                group = _Node("hcontainer", block, index)
                (section.children if section is not None else roots).append(group)
                paragraph = point = None
            elif block.kind is Kind.RECITAL and (section is not None or group is not None):
                holder().append(_Node("crossHeading", block, index))
                paragraph = point = None
            elif block.kind is Kind.POINT and paragraph is not None:
                node = _Node("point", block, index)
                if block.level >= 2 and point is not None:
                    point.children.append(node)
                else:
                    paragraph.children.append(node)
                    point = node
            elif block.kind is Kind.WRAP_UP and paragraph is not None:
                target = point if point is not None and point.children else paragraph
                target.children.append(_Node("wrapUp", block, index))
            else:
                paragraph = _Node("paragraph", block, index)
                holder().append(paragraph)
                point = None
        return roots

    def _render(self, parent: etree._Element, node: _Node) -> None:
        block = node.block
        assert block is not None
        if node.kind in ("section", "hcontainer"):
            attributes = {"name": "heading"} if node.kind == "hcontainer" else {}
            element = etree.SubElement(parent, tag(node.kind), **attributes)
            if block.num:
                etree.SubElement(element, tag("num")).text = block.num
            heading = etree.SubElement(element, tag("heading"))
            self.write_block(heading, node.index, italic=False)
            if not node.children:
                content = etree.SubElement(element, tag("content"))
                etree.SubElement(content, tag("p"))
            for child in node.children:
                self._render(element, child)
            return
        if node.kind == "crossHeading":
            self.parsed.metadata.concepts.add("preambularParagraph")
            element = etree.SubElement(parent, tag("crossHeading"), refersTo="#preambularParagraph")
            self.write_block(element, node.index)
            return
        if node.kind == "wrapUp":
            return  # written by its list
        name = "paragraph" if node.kind == "paragraph" else "point"
        element = etree.SubElement(parent, tag(name))
        if block.num:
            etree.SubElement(element, tag("num")).text = block.num
        items = [c for c in node.children if c.kind == "point"]
        wraps = [c for c in node.children if c.kind == "wrapUp"]
        if not items:
            content = etree.SubElement(element, tag("content"))
            if block.text or not block.table:
                p = etree.SubElement(content, tag("p"))
                self.write_block(p, node.index, italic=node.kind == "paragraph")
            self._table(content, block)
            for wrap in wraps:  # text after a point with no sub-points: keep it in place
                extra = etree.SubElement(content, tag("p"))
                self.write_block(extra, wrap.index, italic=False)
                self._table(content, wrap.block)
            return
        listing = etree.SubElement(element, tag("list"))
        if block.text or block.table:
            intro = etree.SubElement(listing, tag("intro"))
            if block.text or not block.table:
                p = etree.SubElement(intro, tag("p"))
                self.write_block(p, node.index, italic=node.kind == "paragraph")
            self._table(intro, block)
        for item in items:
            self._render(listing, item)
        if wraps:  # a list has one wrapUp, which may hold several paragraphs
            wrap_up = etree.SubElement(listing, tag("wrapUp"))
            for wrap in wraps:
                self.write_block(etree.SubElement(wrap_up, tag("p")), wrap.index, italic=False)
                self._table(wrap_up, wrap.block)


def build_tree(parsed: Parsed) -> etree._Element:
    """The Akoma Ntoso document for ``parsed`` (without eIds; see akn.ids)."""
    return Builder(parsed).build()
