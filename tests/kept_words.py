"""Nothing is lost: the multiset of the input's words against the output's and the reports'.

The property the tests hold the converter to (``lost_words``): every word of the input,
counted with its repeats, is a word of the output's document text, unless a diagnostic
reports that the converter repaired it or took it out.

- Words: maximal runs of letters and digits; a Chinese or Japanese character is a word by
  itself (no space parts them, and a line break may fall anywhere). Hyphens, apostrophes and
  punctuation part words, so that moving them ("Sud -" / "Est" is "Sud-Est") changes none.
- The input's words are taken after the repairs the converter reports, and only those: each
  ``L210`` (split word rejoined), ``L211``/``L213`` (hyphen put back), ``L212`` (line-end
  hyphenation joined) turns the words it quotes into the word it made; ``L220`` says letters
  were composed (NFC) and ligatures written out; ``E103`` that U+E000/U+E001 were removed.
- The output's words are those of its document text: the text of every element but
  ``<meta>`` (the FRBR dates and IRIs the converter makes up), each footnote's marker twice
  (where the text calls it, where the note begins), a repeated marker (``noteRef``), and the
  address of a link the input prints. A marker glued to the word before it ("19671" is 1967
  and note 1, "Est3") counts as that glued word, and so does a superscript ("n<sup>o</sup>"
  is "no", or "n" and "o" where the text put the superscript on a line of its own).
- A diagnostic accounts only for what it says was taken out, and only for the words it
  quotes: page furniture (``L201``), a listed link that matches no citation (``K601``).
  The rest of a message's words (its prose, the start of a paragraph it names) count for
  nothing, so that a lost paragraph cannot hide behind a report that quotes it.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from akn.diagnostics import Diagnostic

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
# Format characters of the BMP (those the converter removes are all there; others stay on
# both sides alike).
_FORMAT = dict.fromkeys(i for i in range(0x10000) if unicodedata.category(chr(i)) == "Cf")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_QUOTED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""")
# Akoma Ntoso's inline elements: they stand inside a line of text, and a word may go on
# across their edges ("1<sup>er</sup>"). Every other element is a block: words end at its edges.
_INLINE = frozenset((
    "a", "abbr", "b", "date", "def", "docAuthority", "docCommittee", "docDate", "docNumber",
    "docProponent", "docStage", "docStatus", "docTitle", "docType", "entity", "i", "inline",
    "legislature", "location", "mref", "organization", "person", "quantity", "ref", "remark",
    "role", "session", "shortTitle", "span", "sub", "term", "u",
))  # fmt: skip
# Repairs: code -> how many quoted strings are the words before (the rest are the word after).
_REPAIRS = {"L210": 1, "L211": 1, "L212": 2, "L213": 1}


def words(text: str) -> Counter[str]:
    """The words of ``text``, counted. Invisible format characters (soft hyphens, direction
    marks, joiners) are no part of any word, nor do they part one."""
    return Counter(_WORD.findall(text.translate(_FORMAT)))


def _quoted(message: str) -> list[str]:
    """The Python literals a message quotes ('...' or "..."), read back as strings."""
    found = []
    for literal in _QUOTED.findall(message):
        try:
            found.append(ast.literal_eval(literal))
        except (ValueError, SyntaxError):
            found.append(literal[1:-1])
    return found


def input_words(text: str, diagnostics: list[Diagnostic]) -> Counter[str]:
    """The input's words after the repairs the diagnostics report (and no others)."""
    codes = {d.code for d in diagnostics}
    if "L220" in codes:
        text = unicodedata.normalize("NFC", text)
        text = re.sub("[" + "".join(_LIGATURES) + "]", lambda m: _LIGATURES[m[0]], text)
    if "E103" in codes:
        text = text.replace("\ue000", " ").replace("\ue001", " ")
    counted = words(text)
    for diagnostic in diagnostics:
        before = _REPAIRS.get(diagnostic.code)
        if before is None:
            continue
        pieces = _quoted(diagnostic.message)
        assert len(pieces) == before + 1, f"cannot read the repair {diagnostic.format()}"
        for piece in pieces[:before]:
            counted.subtract(words(piece))
        counted.update(words(pieces[before]))
    return counted


def removed_words(diagnostics: list[Diagnostic]) -> Counter[str]:
    """The words the diagnostics say were taken out of the output, quoting them."""
    counted: Counter[str] = Counter()
    for diagnostic in diagnostics:
        if diagnostic.code == "L201":  # page furniture removed: '…'
            counted.update(words(" ".join(_quoted(diagnostic.message))))
        elif diagnostic.code == "K601":  # link URL listed on the page matches no citation
            url = re.match(r"link (\S+) listed", diagnostic.message)
            counted.update(words(url.group(1) if url else ""))
    return counted


@dataclass
class _Text:
    """The output's document text, read in order: its words, and the words a footnote
    marker is glued to where the text calls the note."""

    squashed_input: str
    pieces: list[str] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    glued: list[tuple[str, str]] = field(default_factory=list)  # (word before, marker)

    def read(self, element: etree._Element) -> None:
        name = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if name == "meta":
            self._tail(element)
            return
        if name in ("authorialNote", "noteRef"):
            marker = element.get("marker", "")
            self._glue(marker)
            self.words.update(words(marker))
            if name == "authorialNote":
                self.words.update(words(marker))  # the note's own number, where it begins
                note = _Text(self.squashed_input)
                note.pieces.append(" ")
                note._children(element)
                note.flush()
                self.words.update(note.words)
                self.glued += note.glued
            self.pieces.append(" ")  # the marker parts the words around it
            self._tail(element)
            return
        if name == "sup":  # "n<sup>o</sup>", "1<sup>er</sup>": as the text wrote it, or glued
            self._glue(element.text or "")
            self.pieces += [" ", element.text or "", " "]
            self._tail(element)
            return
        href = element.get("href") if name in ("a", "ref") else None
        if href and "".join(href.split()) in self.squashed_input:
            self.words.update(words(href))  # an address the input printed (a PDF's link list)
        edge = "" if name in _INLINE else " "
        self.pieces += [edge, element.text or ""]
        self._children(element)
        self.pieces.append(edge)
        self._tail(element)

    def _glue(self, marker: str) -> None:
        """Remember the word ``marker`` follows with no space nor sign between."""
        end = self._end()
        before = _WORD.findall(end)
        if before and end.endswith(before[-1]):
            self.glued.append((before[-1], marker))

    def _end(self, size: int = 60) -> str:
        """The last ``size`` characters of the text read so far."""
        end, at = "", len(self.pieces)
        while at and len(end) < size:
            at -= 1
            end = self.pieces[at] + end
        return end[-size:]

    def _children(self, element: etree._Element) -> None:
        for child in element:
            if isinstance(child.tag, str):
                self.read(child)
            else:
                self._tail(child)

    def _tail(self, element: etree._Element) -> None:
        self.pieces.append(element.tail or "")

    def flush(self) -> None:
        self.words.update(words("".join(self.pieces)))
        self.pieces = []


def output_words(tree: etree._Element, text: str) -> tuple[Counter[str], list[tuple[str, str]]]:
    """The words of the document text of ``tree`` and the (word, marker) pairs where a
    footnote marker follows a word with no space (see the module's docstring)."""
    reader = _Text("".join(text.split()))
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    reader.read(root)
    reader.flush()
    return reader.words, reader.glued


def lost_words(text: str, tree: etree._Element, diagnostics: list[Diagnostic]) -> Counter[str]:
    """The input's words (counted) that are neither in the output nor reported taken out."""
    expected = input_words(text, diagnostics)
    found, glued = output_words(tree, text)
    found.update(removed_words(diagnostics))
    lost = Counter({word: n - found[word] for word, n in expected.items() if n > found[word]})
    spare = Counter({word: n - expected[word] for word, n in found.items() if n > expected[word]})
    for word, marker in glued:  # "19671": the output's "1967" and note "1", glued
        for joined in {word + marker, word + "".join(words(marker))}:
            if lost[joined] > 0 and spare[word] > 0 and all(spare[m] > 0 for m in words(marker)):
                lost[joined] -= 1
                spare[word] -= 1
                spare.subtract(words(marker))
    return +lost
