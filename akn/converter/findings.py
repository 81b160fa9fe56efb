"""Findings about the recognised text and about the output, reported after the tree is built.

The recognition's findings (text not recognised, paragraphs without numbers, no operative
part, page furniture removed) and the output check: ``akn validate``'s checks run on the
XML, each finding said as the text's doing (INPUT_CAUSED) or as a bug in akn.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from akn.converter.blocks import Block, Kind, recital_points
from akn.converter.source import Line
from akn.converter.tree import NodeKind, Tree
from akn.diagnostics import Diagnostic, Severity

# The text's own numbering skips numbers, and the conversion has said so with the evidence
# (S306, N407): the output's gaps (AKN110) are not reported again.
NUMBERING_GAPS = frozenset({"S306", "N407"})

INPUT_CAUSED = {
    "AKN106": "a footnote of the text with no text of its own",
    "AKN107": "the text's dates and numbers, as written",
    "AKN108": "a date of the text",
    "AKN110": "the numbering of the text, as written",
    "AKN111": "a part the text leaves empty",
}
"""Checks of the output that fail because of what the text says, not because of akn: the
output keeps the text's own numbers, dates and empty parts, and the finding names them.
Every other finding of the output check (XSD, eIds, references) is akn's own mistake."""

_YEAR = re.compile(r"\(year (\d+)\)")


def check_output(
    tree: etree._Element,
    empty_body: bool = False,
    lines: list[Line] | None = None,
    found: list[Diagnostic] | None = None,
) -> list[Diagnostic]:
    """Run ``akn validate``'s checks on the output. A finding that the text itself causes
    (INPUT_CAUSED) is reported as such, on the line of the text when it can be found, or
    dropped when a diagnostic of the conversion already said it (an empty note: N402/N406;
    no operative part: S305); anything else is a bug in akn."""
    from akn.validation import validate as validate_output

    said = {d.code for d in found or ()}
    findings = []
    for finding in validate_output(tree):
        if finding.severity < Severity.WARNING:
            continue  # e.g. placeholder dates, already reported with the option to give
        if empty_body and finding.code == "AKN111" and finding.message.startswith("<mainBody"):
            continue
        if finding.code == "AKN110" and said & NUMBERING_GAPS:
            continue  # the gap in the text's numbering is already reported, on its line
        if finding.code == "AKN106" and said & {"N402", "N406"}:
            continue  # the empty footnote is already reported, on its line
        if finding.code in INPUT_CAUSED:
            findings.append(
                Diagnostic(
                    finding.code,
                    finding.severity,
                    f"the output keeps {INPUT_CAUSED[finding.code]}, and so fails check "
                    f"{finding.code}: {finding.message}; check the text",
                    line=line_naming(finding.message, lines or []),
                )
            )
            continue
        findings.append(
            Diagnostic(
                finding.code,
                finding.severity,
                f"output fails {'the official schema' if finding.code == 'XSD' else 'check'} "
                f"{finding.code} (a bug in akn, please report it): {finding.message}",
            )
        )
    return findings


def line_naming(message: str, lines: list[Line]) -> int | None:
    """The first line of the text that holds the year a date finding names, or None."""
    year = _YEAR.search(message)
    if year is None:
        return None
    for line in lines:
        if year.group(1) in line.text:
            return line.number
    return None


def report_recognition(blocks: list[Block], tree: Tree, furniture: list[Line]) -> list[Diagnostic]:
    """What recognition left to say: text it could not place (S303, S304, quoted as the
    tree has it, markers out), the page furniture removed (L201), no operative part (S305)."""
    texts = {node.seq: node.text for node in tree.units if node.seq is not None}
    return [
        *report_text_blocks(blocks, texts),
        *report_furniture(furniture),
        *report_missing_body(blocks, tree),
    ]


def report_text_blocks(blocks: list[Block], texts: dict[int, str]) -> list[Diagnostic]:
    """Text recognised as no part of a resolution (S303) and paragraphs without a number
    (S304), quoted as the tree has them (``texts``, by reading order: markers taken out)."""
    findings = []
    sole = _sole_paragraph(blocks)
    for seq, block in enumerate(blocks):
        text = texts.get(seq, block.text)
        if block.kind is Kind.TEXT and not block.masthead_line:
            findings.append(
                Diagnostic(
                    "S303",
                    Severity.WARNING,
                    f"text not recognised as any part of a resolution, kept as an unnumbered "
                    f"paragraph: {text[:60]!r}",
                    line=block.line,
                )
            )
        elif (
            block.kind is Kind.PARAGRAPH
            and block.num is None
            and not block.in_decision
            and block is not sole
            and not (block.rows and not block.lines)  # a table of its own: S320 says so
        ):
            findings.append(
                Diagnostic(
                    "S304",
                    Severity.WARNING,
                    f"paragraph without a number (rule {block.rule}): {text[:60]!r}",
                    line=block.line,
                )
            )
    return findings


def _sole_paragraph(blocks: list[Block]) -> Block | None:
    """The operative part's one paragraph, if it has one only (before the annexes): a
    resolution of one operative paragraph leaves it unnumbered, which is no finding."""
    found = None
    for block in blocks:
        if block.kind is Kind.ANNEX:
            break
        if block.kind is Kind.PARAGRAPH:
            if found is not None:
                return None
            found = block
    return found


def report_missing_body(blocks: list[Block], tree: Tree | None = None) -> list[Diagnostic]:
    """A text that stops after its preamble (a first page, a cut paste) has no operative
    part: say so, naming the last line before the end or the annexes, rather than leave an
    empty body unexplained. The tree has the last word: a block of unplaced text is no
    operative part where it went elsewhere (Arabic pdftotext text whose numbers read "- 6"
    had an empty ``mainBody`` and no S305)."""
    structural = {Kind.PARAGRAPH, Kind.POINT, Kind.HEADING, Kind.TEXT, Kind.WRAP_UP}
    before_annexes = list(itertools.takewhile(lambda block: block.kind is not Kind.ANNEX, blocks))
    listed = recital_points(before_annexes)  # a recital's points are no operative part
    has_part = any(b.kind in structural and i not in listed for i, b in enumerate(before_annexes))
    if has_part and not (tree is not None and _an_empty_body(tree)):
        return []
    last = next((block.lines[-1] for block in reversed(before_annexes) if block.lines), None)
    return [
        Diagnostic(
            "S305",
            Severity.WARNING,
            "no operative paragraph: the text goes from its preamble to its end or its annexes; "
            "is it complete? (the body of the output is left empty)",
            line=last.number if last is not None else None,
        )
    ]


def _an_empty_body(tree: Tree) -> bool:
    """Does a document of the tree (or of its collection) have a body with nothing in it?"""
    pending = [tree.root]
    while pending:
        node = pending.pop()
        if node.kind is NodeKind.BODY:
            if not node.children:
                return True
            continue
        pending.extend(child for child in node.children if child.kind in _HOLDERS)
    return False


# The nodes a document's body is found under.
_HOLDERS = frozenset({NodeKind.DOCUMENT, NodeKind.COLLECTION, NodeKind.COMPONENT, NodeKind.BODY})


def report_furniture(furniture: list[Line]) -> list[Diagnostic]:
    return [
        Diagnostic(
            "L201",
            Severity.INFO,
            f"page furniture removed: {line.text.strip()!r}",
            line=line.number,
        )
        for line in furniture
    ]
