"""eIds follow the Akoma Ntoso naming convention.

The OASIS naming convention builds an eId from the element's place in the text, so that it
can be derived again from the text alone:

- levels are joined by ``__``: the eId of an element starts with the eId of the nearest
  enclosing element that has one, then ``__`` (``para_8__list_1__point_a``);
- each level is the element's abbreviation (``para`` for paragraph, ``art`` for article...)
  and ``_`` and its number as written in its ``num``, with brackets and final punctuation
  dropped (``<num>21.</num>`` gives ``para_21``, ``<num>(a)</num>`` gives ``point_a``);
- unnumbered elements take their position among the elements of the same name in the same
  context (``container_3`` is the third container of the preamble); where a numbered sibling
  holds that eId already (an unnumbered second paragraph beside paragraph "2."), a suffix
  ``-2``, ``-3``… keeps it unique (``para_2-2``);
- unique parts are not numbered (``para_1__content``, ``list_1__intro``).

The UN's files number paragraphs and containers with one counter running through the whole
document (the first operative paragraph after 19 preambular paragraphs is ``para_20``) and
join list levels with a single ``_``; both are reported, once per kind of defect and file.
Metadata (everything in ``meta``) is exempt, and so is the prefix of notes, which may be
numbered through the document. A document restarts the numbering; one held by an attachment
or component with an eId takes that eId as its prefix (``att_1__para_1``), which keeps the
eIds of a file with annexes unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.ids import clean_number
from akn.validation.document import AKN_PREFIX, DOCUMENT_TYPES, Document, Hit
from akn.validation.rules import Rule

if TYPE_CHECKING:
    from lxml import etree

ABBREVIATIONS = {
    "alinea": "al",
    "amendmentBody": "body",
    "article": "art",
    "attachment": "att",
    "blockList": "list",
    "chapter": "chp",
    "citation": "cit",
    "citations": "cits",
    "clause": "cl",
    "component": "cmp",
    "debateBody": "body",
    "debateSection": "dbsect",
    "division": "dvs",
    "documentRef": "dref",
    "eventRef": "eref",
    "judgmentBody": "body",
    "listIntroduction": "intro",
    "listWrapUp": "wrapup",
    "mainBody": "body",
    "paragraph": "para",
    "quotedStructure": "qstr",
    "quotedText": "qtext",
    "recital": "rec",
    "recitals": "recs",
    "section": "sec",
    "subclause": "subcl",
    "subdivision": "subdvs",
    "subparagraph": "subpara",
    "temporalGroup": "tmpg",
    "wrapUp": "wrapup",
}
"""Element name -> eId abbreviation; every other element uses its own name."""

UNIQUE = frozenset(
    {"content", "intro", "wrapup", "body", "preface", "preamble", "conclusions", "coverPage"}
)
"""Abbreviations of parts that occur once in their context and take no number."""

NOTES = frozenset({"authorialNote", "note"})

NUMBERED = frozenset(
    {
        *("alinea", "article", "book", "chapter", "clause", "division", "indent", "level"),
        *("list", "paragraph", "part", "point", "proviso", "rule", "section", "subchapter"),
        *("subclause", "subdivision", "sublist", "subparagraph", "subpart", "subrule"),
        *("subsection", "subtitle", "title", "tome", "transitional"),
        *("hcontainer", "blockContainer", "tblock", "item", "recital", "citation"),
        "debateSection",
    }
)
"""Elements whose ``num`` child numbers them: the legislative hierarchy and its kin."""


def check(document: Document) -> Iterator[Hit]:
    num_tag = AKN_PREFIX + "num"
    eids = document.attribute("eId")
    owner = {element: value for element, value in eids}
    contexts = _Contexts(owner)
    # Pass 1: each element's context (document part, eId of the nearest ancestor with one);
    # elements in meta, or that are documents themselves, are left out.
    placed: list[tuple[etree._Element, str, str, _Key]] = []
    totals: dict[_Key, int] = {}
    prefix_length = len(AKN_PREFIX)
    for element, eid in eids:
        tag = element.tag
        name = tag[prefix_length:] if isinstance(tag, str) else ""
        if name in DOCUMENT_TYPES or name in _SKIPPED:
            continue
        context = contexts.of(element.getparent())
        if context is None:
            continue
        key = (context[0], context[1], name)
        placed.append((element, name, eid, key))
        totals[key] = totals.get(key, 0) + 1
    positions: dict[_Key, int] = {}
    for element, name, eid, key in placed:
        position = positions[key] = positions.get(key, 0) + 1
        num = element.find(num_tag) if name in NUMBERED else None
        hit = _check_one(element, name, eid, key[1], num, position, totals[key])
        if hit is not None:
            yield hit


_SKIPPED = frozenset({"meta", "attachments", "attachment", "components", "component"})

_Context = tuple["etree._Element", str]
"""(document part, eId of the nearest ancestor with one): where an eId is counted."""
_Key = tuple["etree._Element", str, str]
"""(document part, container eId, element name): one run of siblings counted together."""


class _Contexts:
    """(document part, eId of the nearest ancestor with one) for each element, memoised.

    Each ancestor is looked at once for the whole document, however many elements share it;
    the memo's keys keep the element proxies alive, so identity lookups stay valid.
    """

    def __init__(self, owner: dict[etree._Element, str]) -> None:
        self._owner = owner
        self._memo: dict[etree._Element, _Context | None] = {}

    def of(self, element: etree._Element | None) -> _Context | None:
        """The context that ``element`` gives to its children (None: inside meta)."""
        chain: list[etree._Element] = []
        memo = self._memo
        while element is not None and element not in memo:
            chain.append(element)
            element = element.getparent()
        result = memo.get(element) if element is not None else None
        for node in reversed(chain):
            tag = node.tag
            name = (
                tag[len(AKN_PREFIX) :]
                if isinstance(tag, str) and tag.startswith(AKN_PREFIX)
                else ""
            )
            if name == "meta":
                result = None
            elif name in DOCUMENT_TYPES:
                # A document restarts the numbering; inside an attachment or component that
                # has an eId, the eIds carry it so that they stay unique in the file.
                holder = node.getparent()
                result = (node, self._owner.get(holder, "") if holder is not None else "")
            elif result is not None and node in self._owner:
                result = (result[0], self._owner[node])
            memo[node] = result
        return result


_SUFFIXED = re.compile(r".+-\d+")

_clean_number = lru_cache(maxsize=4096)(clean_number)
"""clean_number, remembered for the life of the process: documents repeat the same few
numbers ("1.", "(a)") thousands of times, and the Unicode look-ups cost a few microseconds."""


def _check_one(
    element: etree._Element,
    name: str,
    eid: str,
    context: str,
    num: etree._Element | None,
    position: int,
    total: int,
) -> Hit | None:
    abbreviation = ABBREVIATIONS.get(name, name)
    prefix = context + "__" if context else ""
    if prefix and not eid.startswith(prefix) and name not in NOTES:
        if eid.startswith(context + "_"):
            return Hit(
                element,
                f"eId {eid!r} joins its levels with '_': expected it to start with {prefix!r}",
                attribute="eId",
                group=("single-underscore", name),
            )
        return Hit(
            element,
            f"eId {eid!r} does not start with the eId of its container ({prefix!r})",
            attribute="eId",
            group=("not-prefixed", name),
        )
    segment = eid[len(prefix) :] if eid.startswith(prefix) else eid.rpartition("__")[2]
    if num is not None and (num.text or len(num)):
        return _check_numbered(element, name, eid, prefix, segment, abbreviation, num)
    return _check_unnumbered(element, name, eid, prefix, segment, abbreviation, position, total)


def _check_numbered(
    element: etree._Element,
    name: str,
    eid: str,
    prefix: str,
    segment: str,
    abbreviation: str,
    num: etree._Element,
) -> Hit | None:
    """A numbered element's last level is its abbreviation and its number as written."""
    written = "".join(num.itertext())
    number = _clean_number(written)
    if not number:
        return None
    expected = f"{abbreviation}_{number}"
    if segment.casefold() != expected.casefold():
        return Hit(
            element,
            f"eId {eid!r} does not follow its number <num>{written.strip()}</num>: "
            f"expected {prefix + expected!r}",
            attribute="eId",
            group=("number", name),
        )
    return None


def _check_unnumbered(
    element: etree._Element,
    name: str,
    eid: str,
    prefix: str,
    segment: str,
    abbreviation: str,
    position: int,
    total: int,
) -> Hit | None:
    """A unique part takes no number; any other unnumbered element, its position."""
    if abbreviation in UNIQUE:
        if segment != abbreviation and segment != f"{abbreviation}_1":
            return Hit(
                element,
                f"eId {eid!r} of a unique <{name}>: expected {prefix + abbreviation!r}",
                attribute="eId",
                group=("unique", name),
            )
        return None
    expected = f"{abbreviation}_{position}"
    if segment == expected or (segment == abbreviation and total == 1):
        return None
    if _SUFFIXED.fullmatch(segment) and segment.rpartition("-")[0] == expected:
        return None  # the position is a numbered sibling's eId: made unique
    if name in NOTES and re.fullmatch(re.escape(abbreviation) + r"_\d+", segment):
        return None  # notes may be counted through the whole document
    return Hit(
        element,
        f"eId {eid!r} of an unnumbered <{name}>: expected {prefix + expected!r} "
        f"(its position among the <{name}> elements here)",
        attribute="eId",
        group=("position", name),
    )


RULE = Rule("AKN102", "eid-convention", Severity.WARNING, __doc__, check)
