"""Give elements their eIds, after the OASIS Akoma Ntoso Naming Convention 1.0.

An eId is the eId of the nearest ancestor that has one, ``__``, then the element's short name
and its number: the number its ``num`` shows without punctuation ("21." -> ``para_21``,
"(a)" -> ``point_a``), or its position among same-named siblings when it has no ``num``.
Elements that occur once in their parent by nature (``content``, ``intro``, ``wrapUp``) have
no number: ``para_1__content``. A repeated number gets a suffix so that every eId stays unique.
The table of short names is data: ``ABBREVIATIONS``.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from akn.inline import AKN

# Element name -> the short name the naming convention uses in eIds.
ABBREVIATIONS: dict[str, str] = {
    "paragraph": "para",
    "subparagraph": "subpara",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "chapter": "chp",
    "attachment": "att",
    "component": "cmp",
    "blockList": "list",
    "list": "list",
    "point": "point",
    "intro": "intro",
    "wrapUp": "wrapup",
    "content": "content",
    "container": "container",
    "crossHeading": "crossHeading",
    "hcontainer": "hcontainer",
    "formula": "formula",
    "authorialNote": "authorialNote",
    "coverPage": "coverPage",
}
# Elements that a parent holds at most once: their eId carries no number.
SINGLE = {"content", "intro", "wrapUp"}
_EDGE_PUNCTUATION = "()[]{}（）.:;,·–—-_ \t\u00a0\u3001\u060c"
_LEADING_WORD = re.compile(r"^[^\W\d_]{2,}\.?\s+(?=\S)")


def clean_number(text: str) -> str:
    """The eId form of a ``num``: "21." -> "21", "(a)" -> "a", "1 -" -> "1",
    "Art. 11.2 bis" -> "11-2bis"; digits of any script are written 0-9."""
    value = " ".join(text.split()).strip(_EDGE_PUNCTUATION)
    value = _LEADING_WORD.sub("", value)  # "Article 5", "Section IV"
    value = value.strip(_EDGE_PUNCTUATION)
    value = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in value)
    return re.sub(r"\s+", "", value).replace(".", "-")


def _number(element: etree._Element) -> str | None:
    num = element.find(f"{{{AKN}}}num")
    if num is None:
        return None
    return clean_number("".join(num.itertext())) or None


def assign_ids(root: etree._Element) -> None:
    """Set ``eId`` on every element of the ABBREVIATIONS table, and resolve note references."""
    seen: set[str] = set()
    notes: dict[str, str] = {}
    _walk(root, "", seen, notes)
    for ref in root.iter(f"{{{AKN}}}noteRef"):
        href = ref.get("href", "")
        if href.startswith("#note:"):
            target = notes.get(href.removeprefix("#note:"))
            if target:
                ref.set("href", f"#{target}")


def _walk(element: etree._Element, prefix: str, seen: set[str], notes: dict[str, str]) -> None:
    counters: dict[str, int] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        child_prefix = prefix
        short = ABBREVIATIONS.get(name)
        if short is not None:
            counters[name] = counters.get(name, 0) + 1
            local = short if name in SINGLE else f"{short}_{_number(child) or counters[name]}"
            eid = f"{prefix}__{local}" if prefix else local
            unique = eid
            suffix = 2
            while unique in seen:
                unique = f"{eid}-{suffix}"
                suffix += 1
            seen.add(unique)
            child.set("eId", unique)
            child_prefix = unique
            if name == "authorialNote":
                notes.setdefault(child.get("marker", ""), unique)
        _walk(child, child_prefix, seen, notes)
