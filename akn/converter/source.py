"""Decode the input and split it into numbered lines.

Everything later refers to the input by 1-based line and column, so the line table is made
once, here, from the text exactly as the user gave it (after decoding and newline folding).
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from akn.converter import visual_order
from akn.diagnostics import Diagnostic, Severity
from akn.mapping.programs import compile_pattern

# Characters akn uses internally to mark superscripts inside a text; the input may not carry them.
SUP_OPEN = "\ue000"
SUP_CLOSE = "\ue001"
_CONTROLS = compile_pattern("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \v: a line break here
# Characters XML 1.0 cannot carry (form feeds and vertical tabs are read as breaks instead).
_NOT_XML = compile_pattern("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NOT_XML_RUN = compile_pattern(_NOT_XML.pattern + "+")


# What PDF extraction leaves that is not text: ligatures as single characters (PyMuPDF's
# default output), and invisible direction marks: pdftotext's bidi embeddings around Arabic
# lines (U+202A-U+202E, the isolates U+2066-U+2069), a byte-order mark inside the text, and
# a left-to-right or right-to-left mark beside a line's leading number or point label ("6.\u200e
# Decides", the Arabic "\u200f19 -\u200f تحيط", "\u200f(ب)\u200f التركيز", A/RES/77/335).
# Elsewhere the marks an author typed (U+200E, U+200F, U+200B) stay, as do the joiners
# (U+200C, U+200D) that choose letter forms.
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = compile_pattern("[" + "".join(_LIGATURES) + "]")
_EMBEDDINGS = compile_pattern("[\u202a-\u202e\u2066-\u2069\ufeff]")
# One look at the whole text: anything the normalisation changes (ligatures, invisible marks,
# the direction marks beside a label), and anything else a line may need repaired (reserved
# and control characters, page breaks, vertical tabs).
_TO_NORMALISE = compile_pattern(
    "[" + "".join(_LIGATURES) + "\u202a-\u202e\u2066-\u2069\ufeff\u200e\u200f]"
)
_TO_REPAIR = compile_pattern(
    "[" + SUP_OPEN + SUP_CLOSE + "\f\v\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]"
)
_MARKED_LABEL = compile_pattern(
    r"^(\s*)([\u200e\u200f]*)(\(?\d[\d.)\-]{0,5}(?: -)?|\([^\s()]{1,5}\))([\u200e\u200f]*)(?=\s|$)"
)


@dataclass
class _Normalised:
    """How many characters of each kind the normalisation changed, and the first line."""

    counts: Counter[str]
    first_line: dict[str, int]
    needed: bool = True  # does the text hold anything to normalise at all?

    @classmethod
    def of(cls, text: str) -> _Normalised:
        """A count for ``text``, with ``needed`` found by looking at the whole text once."""
        needed = not text.isascii() and (
            not unicodedata.is_normalized("NFC", text) or bool(_TO_NORMALISE.search(text))
        )
        return cls(Counter(), {}, needed)

    def note(self, kind: str, count: int, line: int) -> None:
        if count:
            self.counts[kind] += count
            self.first_line.setdefault(kind, line)

    def diagnostics(self) -> list[Diagnostic]:
        said = {
            "nfc": "decomposed letters composed (Unicode NFC: 'e' + U+0301 is 'é')",
            "ligature": "ligatures written out ('ﬁ' is 'fi')",
            "invisible": "invisible direction marks removed (U+202A…, U+200E by a number)",
            "visual": (
                "left-to-right pieces of right-to-left lines put in reading order"
                " (pdftotext's ' - 6' is '6 - ')"
            ),
        }
        return [
            Diagnostic(
                "L220",
                Severity.INFO,
                f"{self.counts[kind]} {said[kind]}; the first on this line",
                line=self.first_line[kind],
            )
            for kind in said
            if self.counts[kind]
        ]


def _normalise(raw: str, number: int, found: _Normalised) -> str:
    """One line with the characters of extraction made text: NFC, ligatures, no invisible
    marks. ASCII lines (most of English text) pass untouched at once, and so does every line
    of a text that holds none of these (``found.needed``, looked up once for the text)."""
    if raw.isascii() or not found.needed:
        return raw
    if not unicodedata.is_normalized("NFC", raw):
        composed = unicodedata.normalize("NFC", raw)
        if len(composed) < len(raw):  # letters composed ("e" + U+0301), not marks reordered
            found.note("nfc", len(raw) - len(composed), number)
            raw = composed
    raw, count = _LIGATURE.subn(lambda m: _LIGATURES[m.group(0)], raw)
    found.note("ligature", count, number)
    raw, count = visual_order.repair_line(raw)
    found.note("visual", count, number)
    raw, count = _EMBEDDINGS.subn("", raw)
    found.note("invisible", count, number)
    label = _MARKED_LABEL.match(raw)
    if label and (label.group(2) or label.group(4)):
        found.note("invisible", len(label.group(2)) + len(label.group(4)), number)
        raw = label.group(1) + label.group(3) + raw[label.end() :]
    return raw


class InputError(Exception):
    """The input cannot be read as text at all (binary, undecodable, empty)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(slots=True)
class Line:
    """One line of the input: its 1-based number, its text, and the page it was found on."""

    number: int
    text: str
    page: int = 0
    column: int = 1  # 1-based column where ``text`` starts in the input line
    after_break: bool = False  # the line follows removed page furniture or footnotes

    @property
    def stripped(self) -> str:
        return self.text.strip()


def decode(data: bytes | str) -> str:
    """Return the input as text: UTF-8 with or without BOM (or UTF-16 with BOM).

    Raises InputError for binary data or bytes that are not UTF-8, naming the line and column.
    """
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError as error:
                raise InputError(_decode_error(data, error, "UTF-16")) from None
        else:
            if b"\x00" in data[:8192]:
                raise InputError(
                    Diagnostic(
                        "E101",
                        Severity.ERROR,
                        "input is binary data, not text (it contains NUL bytes); "
                        "give akn the text of the resolution, e.g. from `pdftotext file.pdf`",
                        line=data[: data.index(b"\x00")].count(b"\n") + 1,
                    )
                )
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise InputError(_decode_error(data, error, "UTF-8")) from None
    return text


def _decode_error(data: bytes, error: UnicodeDecodeError, encoding: str) -> Diagnostic:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = error.start - (before.rfind(b"\n") + 1) + 1
    return Diagnostic(
        "E102",
        Severity.ERROR,
        f"input is not valid {encoding} (byte 0x{data[error.start]:02x}); "
        "convert the file to UTF-8 first, e.g. `iconv -f latin1 -t utf-8`",
        line=line,
        column=column,
    )


def split_lines(text: str) -> tuple[list[Line], list[Diagnostic]]:
    """Split ``text`` into lines (LF, CRLF or CR), keeping form feeds as their own lines,
    each line normalised as extraction requires (NFC, ligatures, invisible marks: ``L220``).

    A form feed (page break in ``pdftotext`` output) becomes a line of its own holding just
    ``\\f`` so that the page pass can see it; its line number is the line it was found on.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    normalised = _Normalised.of(text)
    marked = _lines_holding(_TO_REPAIR, text)  # the lines with something to repair
    if normalised.needed or marked:
        lines, diagnostics = _repaired_lines(text, normalised, marked)
    else:  # most texts: nothing to repair on any line, looked up once for the whole text
        lines = [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
        diagnostics = []
    if lines and lines[-1].text == "" and text.endswith("\n"):
        lines.pop()
    return lines, diagnostics


def _repaired_lines(
    text: str, normalised: _Normalised, marked: set[int]
) -> tuple[list[Line], list[Diagnostic]]:
    """The lines of a text that holds something to repair (on the lines ``marked``) or
    normalise, with what was done."""
    diagnostics: list[Diagnostic] = []
    lines: list[Line] = []
    breaks, first_break = 0, 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if number not in marked and (raw.isascii() or not normalised.needed):
            lines.append(Line(number, raw))  # most lines, even of a text that needs repairs
            continue
        raw = _normalise(raw, number, normalised)
        if SUP_OPEN in raw or SUP_CLOSE in raw:
            diagnostics.append(
                Diagnostic(
                    "E103",
                    Severity.WARNING,
                    "private-use characters U+E000/U+E001 removed (akn reserves them)",
                    line=number,
                )
            )
            raw = raw.replace(SUP_OPEN, "").replace(SUP_CLOSE, "")
        bad = _NOT_XML.search(raw)
        if bad:
            diagnostics.append(
                Diagnostic(
                    "E107",
                    Severity.WARNING,
                    f"control character U+{ord(bad.group(0)):04X} removed: XML cannot carry "
                    "it (between two words it is read as a space)",
                    line=number,
                    column=bad.start() + 1,
                )
            )
            raw = _NOT_XML_RUN.sub(_word_break, raw)
        if "\v" in raw:
            breaks += raw.count("\v")
            first_break = first_break or number
        if "\f" in raw or "\v" in raw:
            lines += _split_breaks(raw, number)
        else:
            lines.append(Line(number, raw))
    if breaks:
        diagnostics.append(
            Diagnostic(
                "E108",
                Severity.INFO,
                f"{breaks} vertical tab{'s' if breaks > 1 else ''} (U+000B, a manual line break "
                f"in word processors) read as line break{'s' if breaks > 1 else ''}; the first "
                "on this line",
                line=first_break,
            )
        )
    return lines, diagnostics + normalised.diagnostics()


def _lines_holding(pattern: re.Pattern[str], text: str) -> set[int]:
    """The numbers of the lines of ``text`` where ``pattern`` matches: found by one scan of
    the whole text (the form feeds of a PDF text stand on a few of its lines)."""
    numbers: set[int] = set()
    number, counted = 1, 0
    for match in pattern.finditer(text):
        number += text.count("\n", counted, match.start())
        counted = match.start()
        numbers.add(number)
    return numbers


def _word_break(match: re.Match[str]) -> str:
    """What a run of removed control characters leaves: a space between two non-spaces (so
    that 'to\x01continue' and 'act\x1f\x1fnow' stay two words), nothing beside a space or
    at an end of the line. The run is taken whole: U+001C-U+001F count as white space to
    Python, so a character of the run is never the neighbour that decides."""
    text = match.string
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return "" if before.isspace() or after.isspace() else " "


def _split_breaks(raw: str, number: int) -> list[Line]:
    """A line cut at its form feeds (each kept as a line holding just ``\f``, for the page
    pass) and vertical tabs (line breaks): every piece keeps the input's line number and
    its own column."""
    pieces: list[Line] = []
    column = 1
    for part in re.split("([\f\v])", raw):
        if part == "\f":
            pieces.append(Line(number, "\f", column=column))
        elif part and part != "\v":
            pieces.append(Line(number, part, column=column))
        column += len(part)
    return pieces


def looks_like_text(text: str) -> bool:
    """False when ``text`` is mostly control characters (a binary file decoded by chance)."""
    sample = text[:20000]
    if not sample:
        return False
    # A floor, so that a short text with a stray control character is not called binary.
    return len(_CONTROLS.findall(sample)) <= max(8, len(sample) // 100)


def split_columns(line: Line, gap: re.Pattern[str]) -> list[Line]:
    """The columns of a line parted by ``gap`` (tabs, runs of spaces), each a Line at its own
    column of the input, without the spaces around it; ``[line]`` when it has one column."""
    text = line.text
    stripped = text.strip()
    if not gap.search(stripped):
        return [line]
    pieces = []
    at = len(text) - len(text.lstrip())
    for piece in gap.split(stripped):
        piece = piece.strip()  # what is left of a longer run of spaces
        if not piece:
            continue
        start = text.index(piece, at)
        pieces.append(Line(line.number, piece, line.page, line.column + start, line.after_break))
        at = start + len(piece)
    return pieces


def has_columns(lines: list[Line], gap: re.Pattern[str]) -> bool:
    """Does any line hold columns (parted by ``gap``)? One scan of the text spares one per line
    in the many texts that have none."""
    text = "\n".join(line.text.strip() for line in lines)
    literals = literal_alternatives(gap)
    if literals is not None:  # the usual gap, "\t|   ": found by str methods, at C speed
        return any(literal in text for literal in literals)
    return gap.search(text) is not None


# One alternative of a pattern that is plain text: characters with no meaning to ``re``, and
# escaped ones ("\t", "\ ", "\.").
_LITERAL = re.compile(r"(?:[^\\.^$*+?{}\[\]()|]|\\[\\.^$*+?{}\[\]()| tnrfv\-])+")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v"}


@functools.lru_cache(maxsize=32)
def literal_alternatives(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The strings ``pattern`` is an alternation of ("\t|   " is a tab or three spaces), or
    None when it is more than that (or has flags that change what its text matches): a
    search for any of them is a substring test, where the regular expression engine tries
    the pattern at every space of a text."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    literals = []
    for part in pattern.pattern.split("|"):
        if not _LITERAL.fullmatch(part):
            return None
        literals.append(re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), part))
    return tuple(literals)
