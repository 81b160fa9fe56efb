"""Test helpers for the UN corpus: clean texts made from the UN's XML, and structure scores.

``clean_text`` writes a resolution the way a person pastes it from Word or a web page: one
paragraph per line, footnote markers glued to the word they follow, the notes after a final
rule: ``akn render --to text``. ``structure`` reads the items we compare from any Akoma Ntoso
tree (the UN's or ours) and ``score`` compares them with ``akn diff``'s engine, after undoing
the UN's own markup slips (``repair_un_structure``). ``compare`` does the whole round trip for
one file, for the tests and tools/corpus_score.py.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from akn.comparison import SAME, Record, compare_outlines
from akn.comparison_report import record_lines
from akn.converter.pipeline import Conversion, convert
from akn.mapping import load_mapping
from akn.outline import Item, Outline, outline
from akn.reading import squash, text_of
from akn.rendering import render
from akn.rendering.text import MARK_CLOSE, MARK_OPEN
from akn.rendering.text import document_lines as text_lines
from akn.resources import data_dir

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ROOT = Path(__file__).resolve().parent.parent
# The read-only material beside the checkout (CI has it there too); AKN_SHARED overrides it,
# for a clone made elsewhere.
SHARED = Path(os.environ.get("AKN_SHARED") or ROOT.parent / "shared").resolve()
CORPUS = SHARED / "corpus"

# Every language a mapping file exists for, by the UN's code for it ("eng": "en"): a new
# mapping is tested without touching the tests.
_MAPPINGS = [
    load_mapping(path.stem)
    for path in sorted(data_dir("mappings").glob("*.yaml"))
    if path.stem != "base"
]
LANGUAGES = {mapping.language.akn: mapping.language.code for mapping in _MAPPINGS}
# How each language prints a footnote marker in its text ("(1)" in Arabic).
BRACKETS = {
    mapping.language.akn: mapping.notes.brackets
    for mapping in _MAPPINGS
    if any(mapping.notes.brackets)
}


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def structure(tree: etree._Element | etree._ElementTree) -> Outline:
    """The items the score compares, read by the diff engine (``akn.outline``)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return outline(root)


_POINT_LABEL = re.compile(r"^(\([^\s()]{1,5}\)|[a-zа-я]{1,2}\)|[ivx]{1,5}\)) ")
_WRITTEN_NUMBER = re.compile(r"^(\d{1,3} ?[-–]|\d{1,3}\.) ")


def repair_un_structure(
    found: Outline, tree: etree._ElementTree | None = None
) -> tuple[Outline, list[str]]:
    """Undo markup slips of the UN's files that its other languages do not make.

    Empty paragraphs are dropped; unnumbered paragraphs that are lettered points ("(a) ...")
    become points of the paragraph before them; unnumbered paragraphs before the first
    operative paragraph are preambular paragraphs. Returns the repaired outline and what was
    repaired, for the report.
    """
    repairs: list[str] = []
    items = {kind: list(found.items[kind]) for kind in found.items}
    items["paragraph"] = []
    repaired = Outline(items, dict(found.metadata))
    introducers = _introducing_points(tree)
    listing = (
        {
            p.get("eId", "")
            for p in tree.iter(q("paragraph"))
            if p.find(f".//{q('point')}") is not None
        }
        if tree is not None
        else set()
    )
    prefixes = sorted({t.key for t in found.items["title"] if t.key}, key=len, reverse=True)
    groups: dict[str, list[Item]] = {}  # a set of resolutions: each one's paragraphs apart
    for item in found.items["paragraph"]:
        prefix = next((p for p in prefixes if item.key.startswith(p)), "")
        groups.setdefault(prefix, []).append(replace(item, key=item.key[len(prefix) :]))
    for prefix, paragraphs in groups.items():
        _repair_paragraphs(prefix, paragraphs, items, introducers, listing, repairs)
    return repaired, repairs


def _repair_paragraphs(
    prefix: str,
    paragraphs: list[Item],
    items: dict[str, list[Item]],
    introducers: dict[str, str],
    listing: set[str],
    repairs: list[str],
) -> None:
    """``repair_un_structure`` for the paragraphs of one resolution (keys without its
    component's ``prefix``, which the repaired items get back). ``listing``: the eIds of the
    paragraphs that hold points."""
    last_number = last_letter = ""
    numbered = _has_numbered_paragraph(paragraphs)
    after_points = False  # the item before was a point the UN marked as a paragraph
    introduced = False  # the item before ends with a colon: what follows is its item
    for item in paragraphs:
        num, text = item.key, item.text
        # (a paragraph whose colon introduces its own points introduces nothing after them)
        item_introduced = introduced
        introduced = item.text.rstrip().endswith((":", "：")) and item.eid not in listing
        if after_points and not num and not _POINT_LABEL.match(text) and _goes_on(text):
            # "(c) …;" / "and demands that …;" (A/RES/75/55): the text after a list's points
            # the UN marked as paragraphs is the list's wrap-up (akn's ``wrapUp``, which the
            # outline does not compare)
            repairs.append("wrap-up of a list marked as a paragraph")
            continue
        after_points = False
        written = _WRITTEN_NUMBER.match(text) if not num else None
        if written:  # "1 -" (Arabic), "6.": a number the UN left in the paragraph's text
            num, text = written.group(1), text[written.end() :]
            repairs.append("number left in the text")
        label = _POINT_LABEL.match(text)
        if num and _POINT_LABEL.match(num + " ") and last_number:  # a point numbered as a paragraph
            path, last_letter = _point_path(num, last_letter)
            items["point"].append(replace(item, kind="point", key=prefix + path, text=text))
            repairs.append(f"point {num} marked as a paragraph")
            after_points = True
            continue
        if not text.strip():  # "I" with no text: a section's number, its heading apart
            repairs.append("empty paragraph dropped")
        elif not num and item.eid in introducers:  # an item of the point before's list
            point = replace(item, kind="point", key=f"{prefix}{introducers[item.eid]}/", text=text)
            items["point"].append(point)
            repairs.append("unlabelled point marked as a paragraph")
        elif not num and last_number and not item_introduced and _looks_like_heading(text):
            repairs.append("heading marked as a paragraph")
        elif not num and label and last_number:
            path, last_letter = _point_path(label.group(1), last_letter)
            point = replace(item, kind="point", key=prefix + path, text=text[label.end() :])
            items["point"].append(point)
            repairs.append(f"point {label.group(1)} marked as a paragraph")
            after_points = True
        elif not num and not last_number and numbered and text.rstrip()[-1:] not in ":：":
            # (one that ends with a colon introduces the numbered paragraphs: "Resolves that:")
            items["recital"].append(replace(item, kind="recital", key="", text=text))
            repairs.append("preambular paragraph marked as an operative one")
        else:  # a paragraph; an unnumbered one where none is numbered is the operative part
            items["paragraph"].append(replace(item, key=prefix + num, text=text))
            last_number = num or last_number or "unnumbered"


# A sentence going on after a list: "and demands …" (a lower-case start), "并要求 …" (并:
# "and"), "و…": a conjunction opening the text.
_GOES_ON = re.compile(r"(?:and|et|y|и|并|و)\s?|[a-zà-ÿа-я]")


def _goes_on(text: str) -> bool:
    return bool(_GOES_ON.match(text.strip()))


def _introducing_points(tree: etree._ElementTree | None) -> dict[str, str]:
    """The unnumbered paragraphs the UN put after a list whose last point introduces them
    ("(b) … will address the following themes:" / "Panel 1: …"), by eId, with that point's
    number: they are its unlabelled points (as the UN marks them elsewhere, in a sublist)."""
    found: dict[str, str] = {}
    if tree is None:
        return found
    for paragraph in tree.iter(q("paragraph")):
        if paragraph.find(q("num")) is not None or not paragraph.get("eId"):
            continue
        before = paragraph.getprevious()
        while before is not None and before.get("eId") in found:
            before = before.getprevious()
        if before is None or local(before) != "paragraph":
            continue
        points = list(before.iter(q("point")))
        if points and "".join(points[-1].itertext()).rstrip()[-1:] in ":：":
            number = points[-1].find(q("num"))
            if number is not None:
                found[paragraph.get("eId", "")] = squash("".join(number.itertext()))
    return found


def _has_numbered_paragraph(paragraphs: list[Record]) -> bool:
    """Does the UN's body number any paragraph (a point label is no paragraph number)? If
    not, its unnumbered paragraphs are the operative part ("Adopts the declaration …"), not
    preambular paragraphs marked as operative ones."""
    for item in paragraphs:
        written = _WRITTEN_NUMBER.match(item.text) if not item.key else None
        num = written.group(1) if written else item.key
        if num and not _POINT_LABEL.match(num + " "):
            return True
    return False


_ROMAN_LABEL = re.compile(r"\(?[ivx]{1,5}\)")


def _point_path(label: str, last_letter: str) -> tuple[str, str]:
    """The path of a point the UN marked as a paragraph, and the last letter point so far: a
    roman "i)" that is not the letter after the last one is a sub-point under it."""
    if _ROMAN_LABEL.fullmatch(label) and last_letter and not _next_letter(last_letter, label):
        return f"{last_letter}/{label}", last_letter
    return label, label


def _next_letter(letter_label: str, label: str) -> bool:
    """Is ``label`` ("i)") the letter after ``letter_label`` ("h)")?"""
    letter, other = letter_label.strip("()"), label.strip("()")
    return len(letter) == len(other) == 1 and ord(other) == ord(letter) + 1


def _looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation between numbered paragraphs: a heading (up
    to 200 characters: "Компонент I: меры по устранению условий, способствующих
    распространению терроризма", A/RES/75/291, has 83)."""
    return (
        0 < len(text) <= 200
        and text.rstrip()[-1:] not in ",;:.،؛，；：。"
        and not (_POINT_LABEL.match(text))
    )


SCORED = ("recital", "paragraph", "point", "note", "anchor")
"""The kinds the score counts, and the annex count; ``akn diff`` compares more (masthead,
title, formula, headings, conclusions, annex texts)."""


def score(expected: Outline, actual: Outline) -> tuple[int, int, list[str]]:
    """(matching items, compared items, differences) over preambular paragraphs, operative
    paragraphs, points, notes, note places and the annex count, as ``akn diff`` aligns them.

    An item matches when ``akn diff`` finds it the same on both sides; the compared count is
    the longer side's length, so a paragraph wrongly cut in two costs its own items, not
    every item after it."""
    result = compare_outlines(expected, actual)
    matched = total = 0
    for kind in SCORED:
        total += max(result.sizes[kind])
        matched += sum(1 for r in result.records if r.kind == kind and r.status == SAME)
    differences = [_difference(r) for r in result.differences(SCORED)]
    annexes = result.sizes["annex"]
    if any(annexes):
        total += 1
        if annexes[0] == annexes[1]:
            matched += 1
        else:
            differences.append(f"annexes: expected {annexes[0]}, got {annexes[1]}")
    return matched, total, differences


def _difference(record: Record) -> str:
    """A difference of the score, in ``akn diff``'s words."""
    return " / ".join(line.strip() for line in record_lines(record))[:400]


# --------------------------------------------------------------------------- clean text


def document_lines(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The resolution's blocks in order, one per line, markers between MARK_OPEN/CLOSE;
    and its notes (marker, text) in order (``akn render --to text`` before printing)."""
    return text_lines(etree.parse(str(path)).getroot())


def _markers(text: str, brackets: tuple[str, str]) -> str:
    """Markers as the text prints them: glued to the word, "(1)" in Arabic."""
    return text.replace(MARK_OPEN, brackets[0]).replace(MARK_CLOSE, brackets[1])


def clean_text(path: Path) -> str:
    """The resolution as a person would paste it: ``akn render --to text``."""
    return render(path, to="text")


def pdf_like_text(
    path: Path,
    brackets: tuple[str, str] = ("", ""),
    width: int = 90,
    page_lines: int = 45,
    indent: bool = False,
) -> str:
    """The resolution rewrapped as PDF extraction leaves it: lines of about ``width``
    characters with a blank line after each, and each page's notes at its bottom, after a
    rule, their marker alone on the line before their text (as in the seed). ``indent``:
    the first line of each paragraph starts with a space, as the seed's extractor left it."""
    paragraphs, notes = document_lines(path)
    texts = dict(notes)
    cjk = sum(1 for ch in "".join(paragraphs) if "\u3400" <= ch <= "\u9fff") > 100
    out: list[str] = []
    page: list[str] = []
    pending: list[str] = []  # markers of notes printed on this page
    printed: set[str] = set()

    def end_page() -> None:
        out.extend(page)
        if pending:
            out.extend(["_" * 18, ""])
            for marker in pending:
                out.extend([f"{brackets[0]}{marker}{brackets[1]}", ""])
                out.extend(
                    item for piece in _wrap(texts[marker], width, cjk) for item in (piece, "")
                )
        out.extend(["", ""])
        page.clear()
        pending.clear()

    for paragraph in paragraphs:
        for number, piece in enumerate(_wrap(paragraph, width, cjk)):
            if indent and number == 0:
                piece = " " + piece
            for marker in re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", piece):
                if marker not in printed and marker in texts:
                    printed.add(marker)
                    pending.append(marker)
            page.extend([_markers(piece, brackets), ""])
            if len(page) >= 2 * page_lines:
                end_page()
    end_page()
    return "\n".join(out) + "\n"


def columns_text(
    path: Path, brackets: tuple[str, str] = ("", ""), width: int = 85, page_lines: int = 48
) -> str:
    """The resolution as ``pdftotext -layout`` gives it (modelled on A/RES/73/6): a left
    margin (17 or 19 spaces, left and right pages), first lines indented six more, no blank
    lines between lines; the masthead in two
    columns ("United Nations      A/RES/73/6"); at each page foot the notes under a rule,
    then the footer in columns ("2/5      18-17962"), a form feed and the running head."""
    paragraphs, notes = document_lines(path)
    texts = dict(notes)
    cjk = sum(1 for ch in "".join(paragraphs) if "\u3400" <= ch <= "\u9fff") > 100
    margins = (" " * 17, " " * 19)  # left and right pages
    symbol = paragraphs[1] if len(paragraphs) > 3 and "/" in paragraphs[1] else ""
    out: list[str] = []
    if symbol:  # the masthead's two columns
        out.append(f"{margins[0]}{paragraphs[0]:<60}{paragraphs[1]:>30}")
        out.append(f"{margins[0]}{paragraphs[2]:<50}{paragraphs[3]}")
        paragraphs = paragraphs[4:]
    page: list[str] = []
    pending: list[str] = []
    printed: set[str] = set()
    pages = [0]

    def end_page(last: bool = False) -> None:
        out.extend(page)
        if pending:
            out.append("         " + "_" * 18)
            for marker in pending:
                out.append(f"             {brackets[0]}{marker}{brackets[1]}")
                out.extend(f"               {piece}" for piece in _wrap(texts[marker], width, cjk))
        pages[0] += 1
        out.append("")
        if pages[0] == 1:
            out.extend([" 20-17962 (E)      221220", " *2017962*"])
        else:
            number = f"{pages[0]}/9"
            out.append(
                f"{number}{' ' * 100}20-17962"
                if pages[0] % 2 == 0
                else f"20-17962{' ' * 100}{number}"
            )
        if not last:
            out.append(f"\f{' ' * 90}{symbol}")
            out.append("")
        page.clear()
        pending.clear()

    for paragraph in paragraphs:
        for number, piece in enumerate(_wrap(paragraph, width, cjk)):
            for marker in re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", piece):
                if marker not in printed and marker in texts:
                    printed.add(marker)
                    pending.append(marker)
            margin = margins[pages[0] % 2]
            page.append((margin + "      " if number == 0 else margin) + _markers(piece, brackets))
            if len(page) >= page_lines:
                end_page()
    end_page(last=True)
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int, cjk: bool) -> list[str]:
    if cjk:  # no spaces to break at: cut by characters, at half the width
        return _wrap_cjk(text, width // 2)
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _wrap_cjk(text: str, step: int) -> list[str]:
    """Lines of ``step`` characters, never cut inside a note marker or a run of Latin letters,
    digits and the signs of a symbol ("A/77/273"), nor before closing punctuation, as Chinese
    typesetting does."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + step, len(text))
        cut = end
        while 0 < cut < len(text) and cut > start + 1 and _unbreakable(text, cut):
            cut -= 1
        if cut <= start + 1:
            cut = end
        pieces.append(text[start:cut].rstrip())
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1  # the space at a break is not printed
    return pieces or [""]


_LATIN_RUN = re.compile(r"[0-9A-Za-z/.()\-]")


def _unbreakable(text: str, at: int) -> bool:
    """Would a line break before ``text[at]`` cut a marker, part it from its word, or cut a
    Latin run?"""
    inside_marker = text.rfind(MARK_OPEN, 0, at) > text.rfind(MARK_CLOSE, 0, at)
    joined = _LATIN_RUN
    return (
        inside_marker
        or text[at] in (MARK_OPEN, MARK_CLOSE)
        or text[at] in ")]）》」』”’、，。；：！？"  # no line opens with closing punctuation
        or bool(joined.match(text[at - 1]) and joined.match(text[at]))
    )


@dataclass
class Comparison:
    """One corpus file converted from a text of itself and scored against the UN's markup."""

    result: Conversion
    matched: int
    total: int
    differences: list[str]
    repairs: list[str]  # the slips of the UN's markup undone before comparing


def compare(language: str, path: Path, layout: str = "clean") -> Comparison:
    """Make the text of ``path`` ("clean", "pdf-like", "indented": pdf-like with first
    lines indented, or "columns": as pdftotext -layout gives it), convert it, and score the
    result against the UN's file."""
    brackets = BRACKETS.get(language, ("", ""))
    if layout == "clean":
        text = clean_text(path)
    elif layout == "columns":
        text = columns_text(path, brackets)
    else:
        text = pdf_like_text(path, brackets, indent=layout == "indented")
    result = convert(text, lang=LANGUAGES[language])
    tree = etree.parse(str(path))
    repeated = _repeated_markers_as_references(tree)
    expected, repairs = repair_un_structure(structure(tree), tree)
    repairs += [f"{repeated} repeated note markers written as <sup>"] if repeated else []
    repairs += _split_merged_annexes(tree, expected, LANGUAGES[language])
    if result.tree is None:
        return Comparison(result, 0, 1, ["no tree was made"], repairs)
    matched, total, differences = score(expected, structure(result.tree))
    return Comparison(result, matched, total, differences, repairs)


def _repeated_markers_as_references(tree: etree._ElementTree) -> int:
    """The UN writes a second reference to a note as a bare ``<sup>2</sup>`` (A/RES/79/83:
    "du 12 août 1949<sup>2</sup>" after note 2 stood at the first "1949"); akn writes it as
    the ``noteRef`` it is. A ``sup`` of a marker whose note came before it becomes a noteRef
    here, so that the comparison reads both the same way. How many were changed."""
    seen: set[str] = set()
    changed = 0
    for element in list(tree.iter(q("authorialNote"), q("sup"))):
        marker = (element.text or "").strip().strip("()") if local(element) == "sup" else ""
        if local(element) == "authorialNote":
            seen.add(element.get("marker", ""))
        elif marker in seen and len(element) == 0 and element.getparent() is not None:
            if any(local(a) == "authorialNote" for a in element.iterancestors()):
                continue
            reference = etree.Element(q("noteRef"), marker=marker)
            reference.tail = element.tail
            element.getparent().replace(element, reference)
            changed += 1
    return changed


def _split_merged_annexes(tree: etree._ElementTree, found: Outline, lang: str) -> list[str]:
    """Count as apart the annexes the UN put in one attachment: one whose first block is a
    numbered annex heading ("Annex I") and whose later blocks head the next ("Annex II").
    An attachment headed "Annex" keeps the numbered annexes of the text it annexes (a
    convention's "Annex I") inside it."""
    heading = load_mapping(lang).annex
    repairs: list[str] = []
    for attachment in tree.iter(q("attachment")):
        main = attachment.find(f"{q('doc')}/{q('mainBody')}")
        if main is None or len(main) == 0:
            continue
        texts = [squash(text_of(block)) for block in main]
        numbered = [
            text for text in texts if (m := heading.fullmatch(text)) and m.group("num") is not None
        ]
        if len(numbered) >= 2 and texts[0] == numbered[0]:
            found.items["annex"].extend(found.items["annex"][-1:] * (len(numbered) - 1))
            repairs.append(f"{len(numbered)} annexes marked as one")
    return repairs


def comparable_tree(tree: etree._Element) -> str:
    """The whole tree but for eIds and the date of the conversion (FRBR manifestation)."""
    copied = copy.deepcopy(tree)
    for element in copied.iter():
        if isinstance(element.tag, str):
            element.attrib.pop("eId", None)
            element.attrib.pop("wId", None)
            if element.tag == q("FRBRdate") and element.get("name") == "markup":
                element.set("date", "-")
    etree.indent(copied)
    return etree.tostring(copied, encoding="unicode")


@dataclass
class RoundTrip:
    """text -> akn convert -> akn render --to text -> akn convert, for one file."""

    same: bool  # the two conversions give the same tree, eIds and markup date aside
    differences: list[str]  # the lines of the two trees that differ (a unified diff)
    failed: str = ""  # why the round trip could not be made


def render_round_trip(path: Path, language: str) -> RoundTrip:
    """Convert the rendered text of ``path``, render that and convert it again."""
    try:
        text = render(path, to="text")
    except ValueError as error:
        return RoundTrip(False, [], f"render: {error}")
    first = convert(text, lang=LANGUAGES[language])
    if first.tree is None:
        return RoundTrip(False, [], "the rendered text of the UN's file does not convert")
    second = convert(render(first.tree, to="text"), lang=LANGUAGES[language])
    if second.tree is None:
        return RoundTrip(False, [], "the rendered text of akn's file does not convert")
    a, b = comparable_tree(first.tree), comparable_tree(second.tree)
    if a == b:
        return RoundTrip(True, [])
    lines = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
    return RoundTrip(
        False, [line for line in lines if line[:1] in "+-" and line[:3] not in "+++---"]
    )


def corpus_files(language: str, collection: str = "akn") -> list[Path]:
    """The UN's files of ``language`` in ``collection``: "akn" (the test corpus) or "wide"
    (the files nobody tuned on, and the German translations)."""
    folder = CORPUS / collection / language
    return sorted(folder.glob("*.xml")) if folder.is_dir() else []
