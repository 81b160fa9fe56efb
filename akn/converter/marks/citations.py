"""Find citations of UN documents and link them to the UN's document system.

Two kinds: document symbols written out (A/74/811, S/2017/710, A/75/345-S/2020/898) and
resolution or decision numbers after the word "resolution(s)"/"decision(s)" of the language
(71/317, 217 A (III), 1325 (2000), and every item of a list: "resolutions 57/35, 59/5 and
73/259"). Links listed by the PDF for a page are used where they name the cited document;
other citations get ``https://undocs.org/{language}/{symbol}`` as the UN's own files have.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from akn.converter.pages import PageLink
from akn.converter.tree import LinkMark, Mark, Node, Tree
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping
from akn.mapping.programs import compile_pattern

_SYMBOL = re.compile(
    r"(?<![\w/.])(?:[A-Z]{1,6}(?:\.\d+)?)(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+"
    r"(?:\s\((?:Part|Parts|Vol\.|Sect\.|sect\.)\s?[IVXL0-9]+[A-Z]?\)(?:/(?:Add|Corr|Rev)\.\d+)*)?"
)
_ITEM = (
    r"(?:S-\d{1,2}/\d{1,3}"  # special session: S-10/2
    r"|\d{1,4} \(\d{4}\)"  # Security Council: 1325 (2000)
    r"|\d{1,4}(?: [A-Z])? \([IVXL]{1,6}\)"  # early General Assembly: 217 A (III)
    r"|\d{1,3}/\d{1,4}(?: [A-Z](?![\w’']))?)"  # 71/317, 48/218 B
)
_DIGIT = re.compile(r"\d")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    symbol: str  # the document symbol the citation points to, as in a undocs.org address


@cache
def _date_tail(date_words: tuple[str, ...], date_pattern: str) -> str:
    """What may follow a cited resolution before the next item of a list: its date, after
    one of the language's ``citations.date_words`` ("70/1 of 25 September 2015", "60/7 du
    1er novembre 2005"), written as the language's ``dates.pattern`` says."""
    if not date_words:
        return ""
    words = "|".join(re.escape(w) for w in sorted(date_words, key=len, reverse=True))
    date = _NAMED_GROUP.sub("(?:", date_pattern)  # the pattern may stand once per item
    return rf"(?:,?\s+(?:{words})\s+{date})?"


@cache
def _list_pattern(
    words: tuple[str, ...], joiners: tuple[str, ...], date_tail: str
) -> re.Pattern[str]:
    lead = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    join = "|".join(re.escape(j) for j in joiners)
    separator = rf"(?:,\s+(?:(?:{join})\s+)?|\s+(?:{join})\s+)" if join else r",\s+"
    return compile_pattern(
        rf"(?<!\w)(?:{lead})\s+(?P<items>{_ITEM}{date_tail}(?:{separator}{_ITEM}{date_tail})*)"
    )


def _resolution_symbol(item: str, decision: bool) -> str:
    item = " ".join(item.split())
    match = re.fullmatch(r"(\d{1,4}) \((\d{4})\)", item)
    if match:
        return f"S/RES/{match[1]}({match[2]})"
    match = re.fullmatch(r"(\d{1,4})(?: [A-Z])? \(([IVXL]+)\)", item)
    if match:
        return f"A/RES/{match[1]}({match[2]})"
    match = re.fullmatch(r"(S-\d+|\d+)/(\d+)(?: ([A-Z]))?", item)
    if match:
        kind = "DEC" if decision else "RES"
        return f"A/{kind}/{match[1]}/{match[2]}{match[3] or ''}"
    return item


def find_citations(text: str, mapping: Mapping) -> list[Citation]:
    """Every citation of a UN document in ``text``, in order, without overlaps."""
    found: list[Citation] = []
    if not _DIGIT.search(text):
        return found
    citations = mapping.citations
    joiners = citations.list_words
    date_tail = _date_tail(citations.date_words, mapping.dates.pattern.pattern)
    for words, decision in (
        (citations.resolution_words, False),
        (citations.decision_words, True),
    ):
        if not any(word in text for word in words):
            continue  # the pattern's look-behind makes it tried at every position: not here
        for match in _list_pattern(words, joiners, date_tail).finditer(text):
            base = match.start("items")
            for item in re.finditer(_ITEM, match.group("items")):
                found.append(
                    Citation(
                        base + item.start(),
                        base + item.end(),
                        _resolution_symbol(item.group(0), decision),
                    )
                )
    for match in _SYMBOL.finditer(text) if "/" in text else ():  # a symbol has a slash
        raw = match.group(0).rstrip(".-")
        if not any(ch.isdigit() for ch in raw) or "/" not in raw:
            continue
        first = re.split(r"-(?=[A-Z]{1,6}/)", raw)[0]
        found.append(Citation(match.start(), match.start() + len(raw), _symbol_key(first)))
    found.sort(key=lambda c: (c.start, -c.end))
    result: list[Citation] = []
    for citation in found:
        if result and citation.start < result[-1].end:
            continue
        result.append(citation)
    return result


def _symbol_key(symbol: str) -> str:
    """The symbol as undocs.org spells it: no spaces ("A/78/6 (Sect. 2)" -> "A/78/6(Sect.2)")."""
    return re.sub(r"\s+", "", symbol)


def symbol_of_url(url: str) -> str | None:
    """The document symbol a undocs.org or docs.un.org address points to."""
    match = re.match(r"https?://(?:undocs\.org|docs\.un\.org)/(?:[a-z]{2}/)?(?P<symbol>.+)$", url)
    return match.group("symbol") if match else None


def link_for(symbol: str, language: str, listed: dict[str, str]) -> str:
    """The address for ``symbol``: the one the PDF listed, or the UN's usual one."""
    return listed.get(symbol.casefold()) or f"https://undocs.org/{language}/{symbol}"


# --------------------------------------------------------------------------- the tree pass

# Masthead lines written with their inline content: only there does a cover line cite.
_CITING_COVER_ROLES = ("committee", "draft")


def mark_citations(
    tree: Tree, links: Sequence[PageLink], mapping: Mapping
) -> tuple[Tree, list[Diagnostic]]:
    """The tree with a LinkMark on every citation, in its units and its notes, to the address
    the PDF listed for it or else undocs.org; a listed address that no citation uses is
    reported (K601): it is not in the output."""
    marker = CitationMarker(links, mapping)
    return marker.finish(tree.with_units(marker.cited))


class CitationMarker:
    """``mark_citations`` in two steps, so that its units share a rebuild of the tree with
    other passes (``Tree.with_units``): ``cited`` marks one unit (it reads nothing below it);
    ``finish``, on the tree the units were marked in, marks the notes and reports the listed
    links that no citation used."""

    def __init__(self, links: Sequence[PageLink], mapping: Mapping) -> None:
        self.links = links
        self.mapping = mapping
        self.listed: dict[str, str] = {}
        for link in links:
            symbol = symbol_of_url(link.url)
            if symbol:
                self.listed.setdefault(symbol.casefold(), link.url)
        self.used: set[str] = set()

    def linked(self, marks: tuple[Mark, ...], text: str) -> tuple[Mark, ...] | None:
        """The marks with the text's citations after them; None when it cites nothing."""
        found = find_citations(text, self.mapping)
        if not found:
            return None
        self.used.update(c.symbol.casefold() for c in found)
        code = self.mapping.language.code
        links = (
            LinkMark(c.start, c.end, c.symbol, link_for(c.symbol, code, self.listed)) for c in found
        )
        return (*marks, *links)

    def cited(self, node: Node) -> Node:
        if node.recognised == "masthead" and node.role not in _CITING_COVER_ROLES:
            return node
        marks = self.linked(node.marks, node.text)
        return node if marks is None else node.changed(marks=marks)

    def finish(self, marked: Tree) -> tuple[Tree, list[Diagnostic]]:
        notes = []
        for note in marked.notes:
            marks = self.linked(note.marks, note.text)
            notes.append(note if marks is None else replace(note, marks=marks))
        findings = []
        for link in self.links:
            symbol = symbol_of_url(link.url)
            if symbol is None or symbol.casefold() not in self.used:
                findings.append(
                    Diagnostic(
                        "K601",
                        Severity.WARNING,
                        f"link {link.url} listed on the page matches no citation in the text; "
                        "it is not in the output",
                        line=link.line.number,
                    )
                )
        return replace(marked, notes=tuple(notes)), findings
