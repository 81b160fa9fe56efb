"""Seeded damage that PDF extractors and third-party cleaners really do to a resolution's text.

Each degradation is one class of the failures listed in issue 9, applied alone to a text
that is otherwise clean, so a score says which class fails. All take a ``Source`` (the
resolution's paragraphs in order, note markers between ``MARK_OPEN``/``MARK_CLOSE``, and its
notes, as tests/corpus.py reads them from the UN's file) and a ``random.Random`` with a fixed
seed, and return a ``Degraded``: the text and a record of every change made ("note 3: marker
alone on its line"), empty when the class has nothing to act on in this document (no list to
lose labels from, no accent to decompose). The page-level classes lay the text out in pages
that break between paragraphs, so the only damage is the one named.
"""

from __future__ import annotations

import random
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

MARK_OPEN, MARK_CLOSE = "\ue100", "\ue101"  # as tests/corpus.py marks a note's call
RULE = "_" * 18
WIDTH, PAGE_LINES = 88, 46


@dataclass
class Source:
    """A resolution as parts: paragraphs (markers marked), notes (marker, text), brackets."""

    paragraphs: list[str]
    notes: list[tuple[str, str]]
    brackets: tuple[str, str] = ("", "")
    symbol: str = ""

    def call(self, marker: str) -> str:
        return f"{self.brackets[0]}{marker}{self.brackets[1]}"

    def printed(self, line: str) -> str:
        """A line with its marked calls printed as the text prints them ("1967¹" -> "19671")."""
        return re.sub(f"{MARK_OPEN}(.*?){MARK_CLOSE}", lambda m: self.call(m.group(1)), line)

    def clean(self) -> str:
        """A paragraph per line, the notes after a final rule (tests/corpus.py's clean text)."""
        lines = [self.printed(p) for p in self.paragraphs]
        if self.notes:
            lines.append(RULE)
            lines.extend(f"{self.call(m)} {text}" for m, text in self.notes)
        return "\n".join(lines) + "\n"


@dataclass
class Degraded:
    """A degraded text and what was done to it (empty: the class did not apply)."""

    name: str
    text: str
    changes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- text classes


def nfd(source: Source, rng: random.Random) -> Degraded:
    """Accents decomposed (NFD), as text copied from some Mac and web tools arrives."""
    clean = source.clean()
    text = unicodedata.normalize("NFD", clean)
    changed = sum(1 for a in clean if unicodedata.normalize("NFD", a) != a)
    return Degraded("nfd", text, [f"{changed} characters decomposed"] if changed else [])


_LIGATURES = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
)


def ligatures(source: Source, rng: random.Random) -> Degraded:
    """ "fi" printed "ﬁ" and the others, as PyMuPDF and copy-and-paste leave them."""
    text = source.clean()
    changes = []
    for letters, ligature in _LIGATURES:
        count = text.count(letters)
        if count:
            text = text.replace(letters, ligature)
            changes.append(f"{count} × {letters} -> {ligature}")
    return Degraded("ligatures", text, changes)


_WORD = re.compile(r"(?<![\w\ue100])[^\W\d_]{8,}(?!\w)")


def stray_spaces(source: Source, rng: random.Random, rate: float = 0.04) -> Degraded:
    """Words split by a space inside them ("internat ionales"), as justified text's wide
    spacing makes extractors cut; about one long word in 25, never in a note."""
    changes: list[str] = []

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= rate:
            return word
        at = rng.randint(3, len(word) - 3)
        changes.append(f"{word} -> {word[:at]} {word[at:]}")
        return f"{word[:at]} {word[at:]}"

    lines = [source.printed(_WORD.sub(split, p)) for p in source.paragraphs]
    return Degraded("stray spaces", _with_notes(lines, source), changes)


def hyphen_breaks(source: Source, rng: random.Random, rate: float = 0.35) -> Degraded:
    """Lines wrapped, a long word cut at a line end with a hyphen ("develop-" / "ment"), and
    compounds broken after their own hyphen ("South-" / "South"); a blank line between
    paragraphs, as pdfminer.six gives them."""
    changes: list[str] = []
    out: list[str] = []
    for paragraph in source.paragraphs:
        lines = textwrap.wrap(
            source.printed(paragraph), WIDTH, break_long_words=False, break_on_hyphens=False
        )
        for index in range(len(lines) - 1):
            following = lines[index + 1].split(" ", 1)
            word, rest = following[0], following[1] if len(following) > 1 else ""
            if rng.random() >= rate:
                continue
            if "-" in word.strip("-") and word[0].isalpha():
                head, tail = word.split("-", 1)
                lines[index] += f" {head}-"
                changes.append(f"compound {word} broken at its hyphen")
            elif len(word) >= 7 and word.isalpha():
                at = rng.randint(3, len(word) - 3)
                head, tail = word[:at] + "-", word[at:]
                lines[index] += f" {head}"
                changes.append(f"{word} -> {head} / {tail}")
            else:
                continue
            lines[index + 1] = f"{tail} {rest}".strip()
        out.extend([*lines, ""])
    return Degraded("hyphen breaks", _with_notes(out, source), changes)


_LABEL = re.compile(
    r"^(\([a-zа-я\u0600-\u06ff]{1,3}\)|\([ivx]{1,5}\)|[a-zа-я]{1,2}\)|（[^）]{1,3}）) "
)


def lost_list_labels(source: Source, rng: random.Random) -> Degraded:
    """The labels of one list lost ("(a) ", "(b) " ...), as copying Word's automatic
    numbering leaves it: the points stay, each on its line, without their letters."""
    runs: list[list[int]] = []
    for index, paragraph in enumerate(source.paragraphs):
        if _LABEL.match(paragraph):
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    paragraphs = list(source.paragraphs)
    changes: list[str] = []
    if runs:
        run = rng.choice(runs)
        for index in run:
            label = _LABEL.match(paragraphs[index])
            assert label is not None
            paragraphs[index] = paragraphs[index][label.end() :]
            changes.append(f"line {index + 1}: label {label.group(1)} lost")
    lines = [source.printed(p) for p in paragraphs]
    return Degraded("lost list labels", _with_notes(lines, source), changes)


def _with_notes(lines: list[str], source: Source) -> str:
    if source.notes:
        lines = [*lines, RULE, *(f"{source.call(m)} {t}" for m, t in source.notes)]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- page classes


@dataclass
class Page:
    lines: list[str] = field(default_factory=list)  # printed lines, "" between paragraphs
    notes: list[str] = field(default_factory=list)  # markers of the notes called here


def _wrap(text: str) -> list[str]:
    """Lines of about WIDTH characters; Chinese, which has no spaces, cut every WIDTH // 2
    characters, never inside a note marker nor inside a Latin run ("1541(XV)", "A/75/23"),
    as Chinese typesetting does."""
    if len(re.findall("[\u3400-\u9fff]", text)) * 3 < len(text):
        return textwrap.wrap(text, WIDTH, break_long_words=False, break_on_hyphens=False) or [""]
    lines, start = [], 0
    while start < len(text):
        end = min(len(text), start + WIDTH // 2)
        while end < len(text) and (
            text.rfind(MARK_OPEN, start, end) > text.rfind(MARK_CLOSE, start, end)
            or text[end] == MARK_OPEN
            or (_LATIN_RUN.match(text[end - 1]) and _LATIN_RUN.match(text[end]))
        ):
            end += 1
        lines.append(text[start:end])
        start = end
    return lines or [""]


_LATIN_RUN = re.compile(r"[0-9A-Za-z/.()\-]")


def _pages(source: Source, cut: int | None = None) -> list[Page]:
    """The text wrapped and laid out in pages that end between paragraphs, except after the
    first half of paragraph ``cut``, where a page ends inside it."""
    pages = [Page()]
    seen: set[str] = set()
    for index, paragraph in enumerate(source.paragraphs):
        pieces = _wrap(paragraph)
        for number, piece in enumerate(pieces):
            for marker in re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", piece):
                if marker not in seen:
                    seen.add(marker)
                    pages[-1].notes.append(marker)
            pages[-1].lines.append(source.printed(piece))
            if index == cut and number == (len(pieces) - 1) // 2:
                pages.append(Page())
        if index != cut:
            pages[-1].lines.append("")
            if len(pages[-1].lines) >= PAGE_LINES:
                pages.append(Page())
    return [page for page in pages if page.lines or page.notes]


def _note_lines(source: Source, markers: list[str], styles: dict[str, str]) -> list[str]:
    texts = dict(source.notes)
    out: list[str] = []
    for marker in markers:
        body = textwrap.wrap(texts.get(marker, ""), WIDTH) or [""]
        if styles.get(marker) == "alone":
            out.extend([source.call(marker), *body])
        else:
            out.extend([f"{source.call(marker)} {body[0]}", *body[1:]])
    return out


def _furniture(source: Source, number: int, total: int) -> list[str]:
    """The foot of page ``number`` and the running head of the next one."""
    foot = f"{number}/{total}" if number > 1 else "20-00000 (E)    010120"
    return [foot, f"\f{source.symbol}", ""] if number < total else [foot]


def _print_pages(
    source: Source,
    pages: list[Page],
    styles: dict[str, str] | None = None,
    rule: bool = True,
    furniture: bool = True,
) -> str:
    out: list[str] = []
    for number, page in enumerate(pages, 1):
        out.extend(page.lines)
        if page.notes:
            if rule:
                out.append(RULE)
            out.extend(_note_lines(source, page.notes, styles or {}))
            out.append("")
        if furniture:
            out.extend(_furniture(source, number, len(pages)))
    return "\n".join(out) + "\n"


def mixed_notes(source: Source, rng: random.Random) -> Degraded:
    """Page-bottom notes in two styles at once: some markers alone on their line, others at
    the start of their text's first line, as pdftotext leaves Word's notes."""
    markers = [m for m, _ in source.notes]
    styles = {m: rng.choice(("alone", "inline")) for m in markers}
    if len(markers) >= 2 and len(set(styles.values())) == 1:  # make sure both styles occur
        styles[markers[rng.randrange(len(markers))]] = (
            "inline" if styles[markers[0]] == "alone" else "alone"
        )
    text = _print_pages(source, _pages(source), styles)
    changes = [f"note {m}: marker {styles[m]}" for m in markers] if len(markers) >= 2 else []
    return Degraded("mixed notes", text, changes)


def notes_without_rule(source: Source, rng: random.Random) -> Degraded:
    """Page-bottom notes with no rule line above them (extractors that drop drawn rules)."""
    pages = _pages(source)
    text = _print_pages(source, pages, rule=False)
    changes = [f"page {n}: no rule" for n, page in enumerate(pages, 1) if page.notes]
    return Degraded("notes without rule", text, changes)


def notes_between_paragraphs(source: Source, rng: random.Random) -> Degraded:
    """Notes left where their page ended, between two paragraphs, with no rule and no page
    furniture, as a cleaner that strips headers and footers leaves them."""
    pages = _pages(source)
    text = _print_pages(source, pages, rule=False, furniture=False)
    changes = [
        f"notes {', '.join(page.notes)} between paragraphs" for page in pages[:-1] if page.notes
    ]
    return Degraded("notes between paragraphs", text, changes)


def paragraph_cut(source: Source, rng: random.Random) -> Degraded:
    """One paragraph cut in two by a page break, its page's notes (under their rule), the
    page number and the next running head in between."""
    long = [i for i, p in enumerate(source.paragraphs) if len(_wrap(p)) > 2 and i > 3]
    if not long:
        return Degraded("paragraph cut by a page", source.clean(), [])
    with_notes = [i for i in long if MARK_OPEN in source.paragraphs[i]]
    cut = rng.choice(with_notes or long)
    text = _print_pages(source, _pages(source, cut))
    return Degraded("paragraph cut by a page", text, [f"paragraph on line {cut + 1} cut"])


DEGRADATIONS: dict[str, Callable[[Source, random.Random], Degraded]] = {
    "mixed notes": mixed_notes,
    "notes without rule": notes_without_rule,
    "notes between paragraphs": notes_between_paragraphs,
    "paragraph cut by a page": paragraph_cut,
    "lost list labels": lost_list_labels,
    "hyphen breaks": hyphen_breaks,
    "stray spaces": stray_spaces,
    "nfd": nfd,
    "ligatures": ligatures,
}


def degrade(name: str, source: Source, seed: int = 9) -> Degraded:
    """Degradation ``name`` of ``source``, with its own seeded generator: the same input and
    seed always give the same text. The document's symbol is part of the seed, so documents
    differ in where they are damaged while the six languages of one resolution are damaged
    alike (their scores can be compared)."""
    return DEGRADATIONS[name](source, random.Random(f"{seed}:{name}:{source.symbol}"))
