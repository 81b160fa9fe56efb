"""The order in which the rules are tried: data, not code.

The body chain is tried for every line of the body after the enacting formula; the first rule
that answers decides what the line is, and a line no rule claims goes on with the block before
(or, at the very start, opens a text block: rule ``text``). The order matters where two rules
could both claim a line, and each place where it does is a reason written beside the entry.
``akn convert --rules`` prints these chains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from akn.converter.recognise.rules import (
    annex,
    conclusion,
    continuation,
    decision,
    decoration,
    heading,
    operative,
    point,
    recital,
    section,
    unlabelled,
    unnumbered_operative,
)
from akn.converter.recognise.state import Context, LineView, Match, ReaderState

Rule = Callable[[ReaderState, LineView, Context], Match | None]


@dataclass(frozen=True)
class ChainEntry:
    """One rule of a chain: its name, the function and the rule ids it can give a block
    (a test checks that it gives no other)."""

    name: str
    rule: Rule
    rule_ids: tuple[str, ...]

    @property
    def summary(self) -> str:
        """The first sentence of the rule's docstring: what it recognises."""
        return " ".join((self.rule.__doc__ or "").split()).split(". ")[0].rstrip(".")


# The ids an unlabelled block gets, by zone (rules/unlabelled.py).
UNLABELLED = (
    "preamble.layout",
    "wrapUp.layout",
    "point.unlabelled",
    "conclusions.layout",
    "decision.paragraph",
    "paragraph.unnumbered",
)

BODY_CHAIN: tuple[ChainEntry, ...] = (
    # A decision's first line opens its paragraph, whatever it looks like.
    ChainEntry("decision_opening", decision.decision_opening, ("decision.opening",)),
    # Lines that go on with the block before come before anything that could start a block.
    ChainEntry("label_text", continuation.label_text, ("continuation.label_text",)),
    ChainEntry("wrapped_heading", continuation.wrapped_heading, ("continuation.heading",)),
    ChainEntry("conclusion_date", continuation.conclusion_date, ("continuation.date",)),
    ChainEntry("annex_title", continuation.annex_title, ("continuation.annex_title",)),
    # Numbers first: a number that goes on outweighs a phrase or the layout.
    ChainEntry("operative_paragraph", operative.operative_paragraph, ("numbering.operative",)),
    ChainEntry("point", point.point, ("numbering.point", "numbering.subpoint")),
    ChainEntry("dash_point", point.dash_point, ("numbering.dash",)),
    ChainEntry("section", section.section, ("numbering.section", "numbering.subsection")),
    ChainEntry("meeting", conclusion.meeting, ("conclusions.meeting",)),
    ChainEntry("annex", annex.annex, ("annex",)),
    ChainEntry("decoration", decoration.decoration, ("decoration.line",)),
    # "Decides:" + "(a)" before the recital rule: an operative verb is no opening phrase.
    ChainEntry(
        "unnumbered_operative",
        unnumbered_operative.unnumbered_operative,
        ("operative.unnumbered",),
    ),
    ChainEntry(
        "recital",
        recital.recital,
        ("preamble.phrases", "preamble.opening", "preamble.closing", "preamble.restated"),
    ),
    ChainEntry("unnumbered_heading", heading.unnumbered_heading, ("heading.unnumbered",)),
    # What the layout alone says, last.
    ChainEntry("unlabelled", unlabelled.unlabelled, UNLABELLED),
    ChainEntry("after_table", unlabelled.after_table, UNLABELLED),
)

CHAINS: dict[str, tuple[ChainEntry, ...]] = {"body": BODY_CHAIN}


def rules_of(chain: tuple[ChainEntry, ...]) -> tuple[Rule, ...]:
    """The functions of ``chain``, in order: taken out of their entries once per text, not
    once per rule tried on each line."""
    return tuple(entry.rule for entry in chain)


def first_match(
    rules: tuple[Rule, ...], state: ReaderState, line: LineView, context: Context
) -> Match | None:
    """The answer of the first of ``rules`` (a chain's, ``rules_of``) that claims the line."""
    for rule in rules:
        match = rule(state, line, context)
        if match is not None:
            return match
    return None
