"""Test helpers for the UN corpus: clean texts made from the UN's XML, and structure scores.

``clean_text`` writes a resolution the way a person pastes it from Word or a web page: one
paragraph per line, footnote markers glued to the word they follow, the notes after a final
rule. ``structure`` reads the parts we compare from any Akoma Ntoso tree (the UN's or ours):
preambular paragraphs, operative numbers and texts, point numbers and texts, notes, annexes.
``compare`` does the whole round trip for one file, for the tests and tools/corpus_score.py.
"""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from lxml import etree

from akn.mapping import load_mapping
from akn.pipeline import Conversion, convert
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
LANGUAGES = {mapping.akn_code: mapping.code for mapping in _MAPPINGS}
# How each language prints a footnote marker in its text ("(1)" in Arabic).
BRACKETS = {
    mapping.akn_code: tuple(mapping.rule("notes", "brackets"))
    for mapping in _MAPPINGS
    if any(mapping.rule("notes", "brackets"))
}


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def squash(text: str) -> str:
    """Text made comparable: spacing as ``spaced`` gives it, without invisible direction and
    width marks (akn drops some), letters composed ("communiqué" is one word however it is
    written)."""
    return unicodedata.normalize("NFC", spaced(_INVISIBLE.sub("", text)))


def spaced(text: str) -> str:
    """Text with spacing made even: one space between words, none before punctuation; the
    text of a note in the texts made from the UN's files."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200e", "")
    text = text.replace("\u200f", "")
    text = " ".join(text.split())
    text = re.sub(r" (?=[,.;:!?)\]»”])", "", text)
    text = re.sub(r"(?<=[(\[«“]) ", "", text)
    text = re.sub(r"(?<=\w’) (?=\w)", "", text)  # "de l’ Association": a typo of the UN's
    return text.removeprefix("()").strip()  # the UN's Arabic notes open with "()"


# --------------------------------------------------------------------------- reading text


MARK_OPEN, MARK_CLOSE = "\ue100", "\ue101"  # where a footnote marker stands, in clean text


def _text(element: etree._Element, markers: bool, notes: list[tuple[str, str]] | None) -> str:
    """The text of ``element``: notes out (or as marked markers, collected into ``notes``)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local(child)
            if name == "authorialNote":
                marker = child.get("marker", "")
                if markers:
                    parts.append(f"{MARK_OPEN}{marker}{MARK_CLOSE}")
                if notes is not None:
                    notes.append((marker, spaced(_text(child, False, None))))
            elif name == "noteRef":
                if markers:
                    parts.append(f"{MARK_OPEN}{child.get('marker', '')}{MARK_CLOSE}")
            elif name == "sup" and (child.text or "").strip() in ("(", ")"):
                pass  # the UN's Arabic files print a note's bracket as a lone superscript
            elif name == "eol":
                parts.append(" ")
            elif name:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


# --------------------------------------------------------------------------- structure


@dataclass
class Structure:
    recitals: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (num, text)
    points: list[tuple[str, str]] = field(default_factory=list)  # (num path, text)
    notes: list[tuple[str, str]] = field(default_factory=list)
    anchors: list[tuple[str, str]] = field(default_factory=list)  # (marker, words before it)
    annexes: int = 0


def _words_before(note: etree._Element) -> str:
    """The last three words before a note marker, within its paragraph ("" at the start)."""
    block = note.getparent()
    while block is not None and local(block) not in ("p", "docTitle", "heading", "crossHeading"):
        block = block.getparent()
    if block is None:
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child is note:
                return True
            lone_bracket = local(child) == "sup" and (child.text or "").strip() in ("(", ")")
            if (
                local(child) not in ("authorialNote", "noteRef")
                and not lone_bracket
                and walk(child)
            ):
                return True
            if child.tail:
                parts.append(child.tail)
        return False

    walk(block)
    text = squash("".join(parts))
    if re.search(f"[{_CJK}]", text[-12:]):
        # Chinese has no words to count, and the UN's spaces after markers mean nothing:
        # the last twelve characters that are not spaces.
        return "".join(text.split())[-12:]
    return " ".join(text.split()[-3:])


def _num(element: etree._Element) -> str:
    num = element.find(q("num"))
    return squash(_text(num, False, None)) if num is not None else ""


def structure(tree: etree._Element | etree._ElementTree) -> Structure:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    result = Structure()
    document = next((c for c in root if local(c) in ("statement", "documentCollection")), root)
    preamble = document.find(q("preamble"))
    if preamble is not None:
        for container in preamble.iter(q("container")):
            result.recitals.append(squash(_text(container, False, None)))
    main = document.find(q("mainBody"))
    if main is not None:
        for heading in main.iter(q("crossHeading")):
            result.recitals.append(squash(_text(heading, False, None)))
        for paragraph in main.iter(q("paragraph")):
            own = paragraph.find(q("content"))
            if own is None:
                own = paragraph.find(f"{q('list')}/{q('intro')}")
            text = squash(_text(own, False, None)) if own is not None else ""
            result.paragraphs.append((_num(paragraph), text))
        for point in main.iter(q("point")):
            path = [_num(point)]
            parent = point.getparent()
            while parent is not None and local(parent) != "paragraph":
                if local(parent) == "point":
                    path.insert(0, _num(parent))
                parent = parent.getparent()
            own = point.find(q("content"))
            if own is None:
                own = point.find(f"{q('list')}/{q('intro')}")
            text = squash(_text(own, False, None)) if own is not None else ""
            result.points.append(("/".join(path), text))
    for note in document.iter(q("authorialNote")):
        result.notes.append((note.get("marker", ""), squash(_text(note, False, None))))
        result.anchors.append((note.get("marker", ""), _words_before(note)))
    attachments = document.find(q("attachments"))
    if attachments is not None:
        result.annexes = len(attachments.findall(q("attachment")))
    return result


_POINT_LABEL = re.compile(r"^(\([^\s()]{1,5}\)|[a-zа-я]{1,2}\)|[ivx]{1,5}\)) ")
_WRITTEN_NUMBER = re.compile(r"^(\d{1,3} ?-|\d{1,3}\.) ")


def repair_un_structure(found: Structure) -> tuple[Structure, list[str]]:
    """Undo markup slips of the UN's files that its other languages do not make.

    Empty paragraphs are dropped; unnumbered paragraphs that are lettered points ("(a) ...")
    become points of the paragraph before them; unnumbered paragraphs before the first
    operative paragraph are preambular paragraphs. Returns the repaired structure and what was
    repaired, for the report.
    """
    repairs: list[str] = []
    repaired = Structure(
        list(found.recitals),
        [],
        list(found.points),
        list(found.notes),
        list(found.anchors),
        found.annexes,
    )
    last_number = last_letter = ""
    for num, text in found.paragraphs:
        written = _WRITTEN_NUMBER.match(text) if not num else None
        if written:  # "1 -" (Arabic), "6.": a number the UN left in the paragraph's text
            num, text = written.group(1), text[written.end() :]
            repairs.append("number left in the text")
        label = _POINT_LABEL.match(text)
        if num and _POINT_LABEL.match(num + " ") and last_number:  # a point numbered as a paragraph
            point, last_letter = _point_path(num, last_letter)
            repaired.points.append((point, text))
            repairs.append(f"point {num} marked as a paragraph")
            continue
        if not num and not text:
            repairs.append("empty paragraph dropped")
        elif not num and last_number and _looks_like_heading(text):
            repairs.append("heading marked as a paragraph")
        elif not num and label and last_number:
            point, last_letter = _point_path(label.group(1), last_letter)
            repaired.points.append((point, text[label.end() :]))
            repairs.append(f"point {label.group(1)} marked as a paragraph")
        elif not num and not last_number:
            repaired.recitals.append(text)
            repairs.append("preambular paragraph marked as an operative one")
        else:
            repaired.paragraphs.append((num, text))
            last_number = num or last_number
    return repaired, repairs


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
    """A short line without closing punctuation between numbered paragraphs: a heading."""
    return (
        0 < len(text) <= 80
        and text.rstrip()[-1:] not in ",;:.،؛，；：。"
        and not (_POINT_LABEL.match(text))
    )


def score(expected: Structure, actual: Structure) -> tuple[int, int, list[str]]:
    """(matching items, compared items, differences) over recitals, paragraphs, points, notes,
    note anchors and the annex count.

    Items are aligned, not compared by position: a paragraph wrongly cut in two costs its own
    items, not every item after it. An item counts when it is in the same place in the order
    of both sides; the compared count is the longer side's length."""
    matched = total = 0
    differences: list[str] = []
    for name in ("recitals", "paragraphs", "points", "notes", "anchors"):
        want = getattr(expected, name)
        got = getattr(actual, name)
        same = SequenceMatcher(
            None, [_comparable(i) for i in want], [_comparable(i) for i in got], autojunk=False
        )
        total += max(len(want), len(got))
        for tag, i1, i2, j1, j2 in same.get_opcodes():
            if tag == "equal":
                matched += i2 - i1
                continue
            for offset in range(max(i2 - i1, j2 - j1)):
                item = want[i1 + offset] if i1 + offset < i2 else None
                seen = got[j1 + offset] if j1 + offset < j2 else None
                differences.append(f"{name}[{i1 + offset}]: {_difference(item, seen)}")
    if expected.annexes or actual.annexes:
        total += 1
        if expected.annexes == actual.annexes:
            matched += 1
        else:
            differences.append(f"annexes: expected {expected.annexes}, got {actual.annexes}")
    return matched, total, differences


def _comparable(item: object) -> object:
    """A space beside a Chinese character or punctuation mark means nothing ("决定、 第三次":
    the space the UN leaves after a note marker), so it does not count in comparisons."""
    if isinstance(item, tuple):
        return tuple(_comparable(part) for part in item)
    if isinstance(item, str):
        return _CJK_SPACE.sub("", item)
    return item


_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) | (?=[{_CJK}])")


def _difference(want: object, got: object) -> str:
    """Where two items part: a short window around the first difference."""
    a, b = repr(want), repr(got)
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"expected …{a[max(0, at - 40) : at + 60]}… got …{b[max(0, at - 40) : at + 60]}…"


# --------------------------------------------------------------------------- clean text


def document_lines(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The resolution's paragraphs in order, one per line, markers between MARK_OPEN/CLOSE;
    and its notes (marker, text) in order."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    document = next(c for c in root if local(c) in ("statement", "documentCollection"))
    lines: list[str] = []
    notes: list[tuple[str, str]] = []

    def text(element: etree._Element) -> str:
        return " ".join(_text(element, True, notes).split())

    cover = document.find(q("coverPage"))
    if cover is not None:
        for p in cover.findall(q("p")):
            value = text(p)
            if value:
                lines.append(value)
    preface = document.find(q("preface"))
    if preface is not None:
        for p in preface.findall(q("p")):
            lines.append(text(p))
    preamble = document.find(q("preamble"))
    if preamble is not None:
        for child in preamble:
            if local(child) in ("formula", "container"):
                lines.append(text(child))
    main = document.find(q("mainBody"))
    if main is not None:
        _body_lines(main, lines, text)
    conclusions = document.find(q("conclusions"))
    if conclusions is not None:
        for p in conclusions.findall(q("p")):
            for piece in _split_eol(p, notes):
                lines.append(piece)
    attachments = document.find(q("attachments"))
    if attachments is not None:
        for doc in attachments.iter(q("doc")):
            for part in doc:
                if local(part) == "preface":
                    for p in part.findall(q("p")):
                        lines.append(text(p))
                elif local(part) == "mainBody":
                    _body_lines(part, lines, text)
    return [line for line in lines if line], notes


def _markers(text: str, brackets: tuple[str, str]) -> str:
    """Markers as the text prints them: glued to the word, "(1)" in Arabic."""
    return text.replace(MARK_OPEN, brackets[0]).replace(MARK_CLOSE, brackets[1])


def clean_text(path: Path, brackets: tuple[str, str] = ("", "")) -> str:
    """The resolution as a person would paste it: a paragraph per line, notes at the end."""
    lines, notes = document_lines(path)
    lines = [_markers(line, brackets) for line in lines]
    if notes:
        lines.append("_" * 18)
        lines.extend(f"{brackets[0]}{marker}{brackets[1]} {note}" for marker, note in notes)
    return "\n".join(lines) + "\n"


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


def _split_eol(p: etree._Element, notes: list) -> list[str]:
    pieces = [""]

    def walk(node: etree._Element) -> None:
        if node.text:
            pieces[-1] += node.text
        for child in node:
            if local(child) == "eol":
                pieces.append("")
            else:
                walk(child)
            if child.tail:
                pieces[-1] += child.tail

    walk(p)
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


def _body_lines(element: etree._Element, lines: list[str], text) -> None:
    for child in element:
        name = local(child)
        if name in ("section", "hcontainer", "subsection", "chapter", "part"):
            for head in child:
                if local(head) in ("num", "heading", "subheading"):
                    lines.append(text(head))
            _body_lines(child, lines, text)
        elif name in ("paragraph", "point", "subparagraph"):
            num = child.find(q("num"))
            label = text(num) if num is not None else ""
            for head in child:
                if local(head) in ("heading", "subheading"):
                    lines.append(f"{label} {text(head)}".strip())
                    label = ""
            own = child.find(q("content"))
            listing = child.find(q("list"))
            if own is not None:
                body = " ".join(text(p) for p in own.findall(q("p")))
                lines.append(f"{label} {body}".strip())
            elif listing is not None:
                intro = listing.find(q("intro"))
                lead = text(intro) if intro is not None else ""
                lines.append(f"{label} {lead}".strip())
                _body_lines(listing, lines, text)
            else:
                _body_lines(child, lines, text)
        elif name in ("list", "blockList"):
            _body_lines(child, lines, text)
        elif name in ("wrapUp", "crossHeading", "p", "container", "blockContainer"):
            lines.append(text(child))
        elif name == "intro" or name in ("num", "heading", "subheading", "content"):
            continue


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
        text = clean_text(path, brackets)
    elif layout == "columns":
        text = columns_text(path, brackets)
    else:
        text = pdf_like_text(path, brackets, indent=layout == "indented")
    result = convert(text, lang=LANGUAGES[language])
    expected, repairs = repair_un_structure(structure(etree.parse(str(path))))
    if result.tree is None:
        return Comparison(result, 0, 1, ["no tree was made"], repairs)
    matched, total, differences = score(expected, structure(result.tree))
    return Comparison(result, matched, total, differences, repairs)


def corpus_files(language: str, collection: str = "akn") -> list[Path]:
    """The UN's files of ``language`` in ``collection``: "akn" (the test corpus) or "wide"
    (the files nobody tuned on, and the German translations)."""
    folder = CORPUS / collection / language
    return sorted(folder.glob("*.xml")) if folder.is_dir() else []
