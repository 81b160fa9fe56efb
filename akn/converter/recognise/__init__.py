"""Recognition: what each line of the text is, as ordered chains of small named rules.

- ``masthead``: the front matter (masthead items, the title), a chain of item rules;
- ``layout``: the measures of the whole body (regime, margins, wrap width), taken once;
- ``reader``: the driver that reads the body through the rule chain (``chains``), one module
  per rule in ``rules/``; rules answer with a Match, only the driver changes the state;
- ``tables``: tables in the three forms extraction leaves them;
- ``numerals``, ``punctuation``: the evidence of numbers and sentence ends the rules share.

``read_body`` is the body stage as the pipeline calls it; ``describe_chains`` is what
``akn convert --rules`` prints.
"""

from __future__ import annotations

from akn.converter.blocks import Block, Kind, strip_number, with_cells
from akn.converter.recognise.chains import CHAINS
from akn.converter.recognise.layout import Regime, detect_regime
from akn.converter.recognise.masthead import MASTHEAD_CHAIN, FrontMatter, parse_front_matter
from akn.converter.recognise.numerals import (
    int_to_roman,
    is_number_label,
    letter_index,
    roman_to_int,
    section_number,
)
from akn.converter.recognise.punctuation import is_closed
from akn.converter.recognise.reader import BodyReader
from akn.converter.recognise.rules import late_heading as late_module
from akn.converter.recognise.rules import sole_operative as sole_module
from akn.converter.recognise.rules.late_heading import RULE_ID as LATE_HEADING
from akn.converter.recognise.rules.sole_operative import RULE_ID as SOLE_OPERATIVE
from akn.converter.recognise.tables import TableShape, heading_row
from akn.converter.source import Line
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping

__all__ = [
    "Block",
    "BodyReader",
    "FrontMatter",
    "Kind",
    "Regime",
    "TableShape",
    "describe_chains",
    "detect_regime",
    "heading_row",
    "int_to_roman",
    "is_closed",
    "is_number_label",
    "letter_index",
    "parse_front_matter",
    "read_body",
    "roman_to_int",
    "section_number",
]


def read_body(
    lines: list[Line], mapping: Mapping, regime: Regime, decision: bool = False
) -> tuple[list[Block], list[Diagnostic]]:
    """The blocks of a body (the lines after the formula), numbers cut from their text, each
    table's cells as blocks after the block that holds the table; and what reading found."""
    reader = BodyReader(mapping, regime, decision)
    blocks = reader.read(lines)
    for block in blocks:
        strip_number(block)
    return with_cells(blocks), reader.diagnostics


def describe_chains() -> list[dict[str, object]]:
    """The rule chains in order, as data: for each rule its name, what it recognises and the
    rule ids it gives blocks (the ids diagnostics and ``--dump tree`` name)."""
    chains: list[dict[str, object]] = [
        {
            "chain": "masthead",
            "rule": role,
            "summary": "the exact text of the mapping"
            if key is None
            else f"the mapping's pattern {key}",
            "ids": [f"masthead.{role}"],
        }
        for role, key in MASTHEAD_CHAIN
    ]
    for name, chain in CHAINS.items():
        chains += [
            {"chain": name, "rule": e.name, "summary": e.summary, "ids": list(e.rule_ids)}
            for e in chain
        ]
    for module, rule, rule_id in (
        (sole_module, "sole_operative", SOLE_OPERATIVE),
        (late_module, "late_heading", LATE_HEADING),
    ):
        title = (module.__doc__ or "").split("\n", 1)[0]
        chains.append(
            {
                "chain": "after reading",
                "rule": rule,
                "summary": title.split(" — ", 1)[-1].rstrip("."),
                "ids": [rule_id],
            }
        )
    return chains
