"""The registry of the converter's diagnostic codes: each code, its level, title and doc.

``akn validate`` has its rules registry (``akn.validation.rules``); this is the converter's.
A code's letter names the stage that finds it, not how serious it is: ``E`` the input as a
whole (its bytes and encoding), ``L`` lines and layout, ``S`` structure, ``N`` notes, ``K``
links, ``M`` metadata and mappings. Codes are stable: a code is never reused for another
finding. When the output fails its own check, the converter reports the codes of ``akn
validate`` (``XSD``, ``AKN1xx``), which are documented there.

The list is written out in code order, not gathered from the stages: it is the table of the
README (``tests/test_codes.py`` checks that the two agree, and that every code the converter
can emit is here, with the level it is emitted at, and nothing more).
"""

from __future__ import annotations

from dataclasses import dataclass

from akn.diagnostics import Severity

INFO, WARNING, ERROR = Severity.INFO, Severity.WARNING, Severity.ERROR


@dataclass(frozen=True, slots=True)
class Code:
    """One diagnostic code: its level, a one-line title (the README table's) and a doc line
    that says why it happens and what to do."""

    code: str
    severity: Severity
    title: str
    doc: str

    def explain(self) -> str:
        """The code as ``akn convert --explain CODE`` prints it."""
        return f"{self.code} ({self.severity}): {self.title}\n\n{self.doc}\n"


CODES: tuple[Code, ...] = (
    Code("E101", ERROR, "the input is binary data, not text: nothing is converted",
         "NUL bytes, or mostly characters no text holds; give akn the text (`pdftotext`)."),
    Code("E102", ERROR, "the input is not UTF-8 (nor UTF-16 with a BOM): nothing is converted",
         "The byte, line and column are named; convert the file first, e.g. with iconv."),
    Code("E103", WARNING, "the private-use characters U+E000 and U+E001 removed from the input",
         "akn reserves them to mark superscripts while it reads; it repairs and goes on."),
    Code("E104", ERROR, "the input is empty: nothing is converted",
         "An empty file or standard input, or one of white space only."),
    Code("E105", ERROR, "not a resolution: no enacting formula and no numbered paragraph",
         "Nothing is converted; if the language was detected wrongly, give it with --lang."),
    Code("E106", ERROR, "the input is larger than the limit (8 MiB): nothing is converted",
         "Checked before any work: the longest resolutions are under 1 MB of text."),
    Code("E107", WARNING, "a control character XML cannot carry removed from the input",
         "Between two words it leaves a space, so that the words stay apart."),
    Code("E108", INFO, "vertical tabs read as line breaks",
         "U+000B is a word processor's manual line break; line numbers stay the file's."),
    Code("E110", ERROR, "the input is a PDF and the pdf extra is not installed",
         "Install it (pip install 'akn[pdf]'), or give akn the PDF's text."),
    Code("E111", ERROR, "the PDF is encrypted: nothing is converted",
         "Give akn a copy without the password, or the PDF's text."),
    Code("E112", ERROR, "the PDF is damaged: nothing is converted",
         "PDFium could not open it or it has no pages; get the file again."),
    Code("E113", ERROR, "the PDF has no text layer (a scan): nothing is converted",
         "Run OCR first, e.g. ocrmypdf, and convert the result."),
    Code("E114", ERROR, "the PDF has more pages than the limit (2000): nothing is converted",
         "Resolutions are a few pages; split the file if it holds many documents."),
    Code("L200", INFO, "the language detected",
         "From the mappings' own vocabulary; give --lang to choose another."),
    Code("L201", INFO, "page furniture removed: job number, bar code, page number, running head",
         "The removed line is quoted, so that nothing of the input goes unreported."),
    Code("L202", WARNING, "wordfreq is not installed: split words are rejoined from the "
         "document's own vocabulary only",
         "Install the akn[convert] extra to rejoin words with wordfreq's word lists."),
    Code("L203", WARNING, "no mapping recognises this text's language",
         "No line matches any language's formula, decision opening, adoption line or opening "
         "phrases; give --lang if the text is a resolution."),
    Code("L204", WARNING, "--lang names a language the text is not in",
         "No line matches that language's formula or decision opening, while another "
         "mapping's do: the text is named; give its --lang, or leave --lang out."),
    Code("L210", INFO, "a word split by spaces rejoined",
         "Extraction spaced its letters ('internat ionales'); both forms are quoted."),
    Code("L211", INFO, "the hyphen of a compound number put back where extraction glued it",
         "'twentyfirst' -> 'twenty-first', where the language hyphenates such numbers."),
    Code("L212", INFO, "a word hyphenated at a line end joined",
         "'enshri-' / 'ned' -> 'enshrined', where the word list knows the whole and the "
         "pieces are not both words ('risk-' / 'informed' keeps its hyphen)."),
    Code("L213", INFO, "a hyphen extraction dropped at a line end put back",
         "'SouthSouth' -> 'South-South', where the glued form is no word and the document "
         "writes the compound at least three times as often."),
    Code("L220", INFO, "characters of extraction made text: letters composed, ligatures "
         "written out, invisible marks removed",
         "Unicode NFC, 'ﬁ' written 'fi', direction and width marks taken out; how many, and "
         "the first line."),
    Code("S301", WARNING, "a masthead line not recognised, kept on the cover page",
         "The line is quoted; a masthead item of a new kind belongs in the mapping."),
    Code("S302", WARNING, "no enacting formula",
         "The formula ('The General Assembly,') opens the preamble; none was found."),
    Code("S303", WARNING, "text not recognised, kept as an unnumbered paragraph",
         "The text is quoted; nothing is dropped."),
    Code("S304", WARNING, "a paragraph without a number, kept unnumbered",
         "Among numbered paragraphs; its number may be lost in extraction."),
    Code("S305", WARNING, "no operative paragraph: the body is left empty",
         "The text stops after its preamble, or goes from it to its annexes: is it all there?"),
    Code("S306", WARNING, "an operative number skips one or two numbers",
         "A label lost in extraction: the numbering goes on, the missing numbers named."),
    Code("S307", WARNING, "an operative number out of order, kept as written",
         "A number repeated or going back, on a line of its own with an operative verb after "
         "it: the numbering goes on from it."),
    Code("S310", WARNING, "a preambular paragraph whose opening phrase is not in the mapping",
         "Found from layout and punctuation; add the phrase to the mapping if it is one."),
    Code("S320", INFO, "a table read: rows, columns, lines and rule",
         "Cells parted by tabs or runs of spaces, or one cell per line with figures at a "
         "fixed period."),
    Code("S321", WARNING, "lines that look like a table whose columns could not be found",
         "Kept in order, one row of text each; separate the cells with tabs to get a table."),
    Code("N401", WARNING, "footnote text without a marker, kept as a note marked '?'",
         "A note at the foot of a page that opens with no number."),
    Code("N402", WARNING, "a footnote marker without text at the foot of its page, kept empty",
         "The number is printed in the text but no note of that number follows."),
    Code("N403", INFO, "a marker read where only the order of the notes puts it",
         "Glued to a number or code ('HIV/AIDS7'), or away from the page that prints the note."),
    Code("N404", WARNING, "a footnote's marker not found in the text: the note is kept on the "
         "preface",
         "The note's text is kept whole; only its place in the text is unknown."),
    Code("N405", INFO, "a marker repeated after its note, read as another reference to it",
         "The second place gets a noteRef to the note."),
    Code("N406", WARNING, "an empty footnote",
         "A note's marker with nothing after it."),
    Code("N407", WARNING, "footnote numbers skip: the missing numbers named",
         "The notes go on from the number found."),
    Code("K601", WARNING, "a link the PDF lists that matches no citation, not in the output",
         "PDF text lists a page's link addresses; the address is quoted."),
    Code("M001", ERROR, "a mapping file is broken: file, line and key",
         "The mapping is checked against its schema when it is loaded."),
    Code("M501", WARNING, "no symbol or resolution number in the text: give it with --symbol",
         "Without one the work number is 'unknown-' and a digest of the text, so that two such "
         "documents never share an IRI."),
    Code("M502", WARNING, "the adoption date not in the text: give it with --adopted",
         "0001-01-01 stands for it (a date further off belongs to a cited document)."),
    Code("M503", WARNING, "the issue date not in the text: give it with --issued",
         "0001-01-01 stands for it."),
    Code("M504", WARNING, "--symbol differs from the symbol or number the text prints",
         "The IRIs follow the option, the cover page and preface the text."),
    Code("M505", WARNING, "the text's own dates are out of order (issued before adopted)",
         "The later one is left unknown (0001-01-01); give it with its option."),
)  # fmt: skip

BY_CODE: dict[str, Code] = {entry.code: entry for entry in CODES}


def explain(code: str) -> str | None:
    """The documentation of ``code`` (any case), or None when no such code exists."""
    entry = BY_CODE.get(code.strip().upper())
    return entry.explain() if entry else None
