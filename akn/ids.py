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

from akn.schema import AKN_NAMESPACE as AKN

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
    "item": "item",
    "intro": "intro",
    "wrapUp": "wrapup",
    "content": "content",
    "container": "container",
    "crossHeading": "crossHeading",
    "hcontainer": "hcontainer",
    "formula": "formula",
    "authorialNote": "authorialNote",
    "coverPage": "coverPage",
    "table": "table",
}
# Elements that a parent holds at most once: their eId carries no number.
SINGLE = {"content", "intro", "wrapUp"}
_COUNTED_THROUGH = {"authorialNote"}
_LEADING_WORD = re.compile(r"^[^\W\d_]{2,}\.?\s+(?=\S)")


def clean_number(text: str) -> str:
    """The eId form of a ``num``: "21." -> "21", "(a)" -> "a", "1 -" -> "1",
    "Art. 11.2 bis" -> "11-2bis"; digits of any script are written 0-9, Chinese numerals too
    ("二" -> "2")."""
    value = _strip_edges(" ".join(text.split()))
    value = _LEADING_WORD.sub("", value)  # "Article 5", "Section IV"
    value = _strip_edges(value)
    value = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in value)
    if value and all(ch in _CHINESE_NUMERALS for ch in value):
        value = str(_chinese_number(value))  # "十二" -> "12": sections are numbered so
    return re.sub(r"\s+", "", value).replace(".", "-")


def _strip_edges(value: str) -> str:
    """Without the punctuation, symbols and spaces around it: whatever a language writes
    around its numbers ("(a)", "a)", "1 -", "a>")."""
    start, end = 0, len(value)
    while start < end and _edge(value[start]):
        start += 1
    while end > start and _edge(value[end - 1]):
        end -= 1
    return value[start:end]


def _edge(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZC"


_CHINESE_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERALS = frozenset(_CHINESE_DIGITS) | frozenset(_CHINESE_UNITS)


def _chinese_number(text: str) -> int:
    """The value of a Chinese numeral below 10,000: "二" 2, "十" 10, "二十一" 21, "一百零五" 105."""
    total = digit = 0
    for ch in text:
        if ch in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[ch]
            digit = 0
        else:
            digit = digit * 10 + _CHINESE_DIGITS[ch] if digit else _CHINESE_DIGITS[ch]
    return total + digit


def _number(element: etree._Element) -> str | None:
    num = element.find(_NUM_TAG)
    if num is None:
        return None
    return clean_number("".join(str(text) for text in num.itertext())) or None


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
    children = []
    for child in element:
        name = child.tag  # lxml makes the string on each read: read once
        if isinstance(name, str) and name.startswith(_AKN_TAG):
            children.append((child, name[_NAMESPACE:]))
    # A numbered child keeps the eId its number gives, even when an unnumbered sibling before
    # it has the same position ("para_2" for "2.", not for the second paragraph).
    numbers: dict[etree._Element, str | None] = {}
    numbered: set[str] = set()
    for child, name in children:
        short = ABBREVIATIONS.get(name)
        if short is not None and name not in SINGLE:
            number = numbers[child] = _number(child)
            if number:
                numbered.add(f"{prefix}__{short}_{number}" if prefix else f"{short}_{number}")
    counters: dict[str, int] = {}
    for child, name in children:
        child_prefix = prefix
        short = ABBREVIATIONS.get(name)
        if short is not None:
            counters[name] = counters.get(name, 0) + 1
            number = numbers.get(child)
            local = short if name in SINGLE else f"{short}_{number or counters[name]}"
            eid = f"{prefix}__{local}" if prefix else local
            if number:
                numbered.discard(eid)
            unique = eid
            suffix = 2
            while unique in seen or (not number and unique in numbered):
                if name in _COUNTED_THROUGH and not number:
                    # A note's eId is its count (notes may be counted through the whole
                    # document): the next free count, not a suffix the convention rejects.
                    unique = f"{prefix}__{short}_{suffix}" if prefix else f"{short}_{suffix}"
                else:
                    unique = f"{eid}-{suffix}"
                suffix += 1
            seen.add(unique)
            child.set("eId", unique)
            child_prefix = unique
            if name == "authorialNote":
                notes.setdefault(child.get("marker", ""), unique)
        if len(child):  # a leaf ("num", "i", a "noteRef") holds nothing to number
            _walk(child, child_prefix, seen, notes)


_AKN_TAG = f"{{{AKN}}}"
_NUM_TAG = f"{{{AKN}}}num"
_NAMESPACE = len(_AKN_TAG)
