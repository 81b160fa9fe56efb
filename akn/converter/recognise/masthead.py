"""The front matter: the masthead lines and the title that precede the enacting formula.

Each masthead item is recognised by a rule of its own (MASTHEAD_CHAIN: the role, the mapping
key of its pattern), tried in order on one line, then on two or three joined lines (an item
wrapped); what the items say (symbol, dates, session, actor…) is recorded as facts for the
metadata. Lines right after the agenda item are its title; what follows the last item is the
resolution's own title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any

from akn.converter.blocks import Block, Kind
from akn.converter.source import Line, split_columns
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping

# The masthead rules in the order they are tried: (role, the mapping key of its pattern);
# the authority and the body are exact texts of the mapping, not patterns.
MASTHEAD_CHAIN: tuple[tuple[str, str | None], ...] = (
    ("authority", None),
    ("symbol", "symbol"),
    ("body", None),
    ("distribution", "masthead.distribution"),
    ("original", "masthead.original"),
    ("session", "masthead.session"),
    ("agenda_item", "masthead.agenda_item"),
    ("adopted", "masthead.adopted"),
    ("adopted_by_council", "masthead.adopted_by_council"),
    ("council_title", "masthead.council_title"),
    ("committee", "masthead.committee"),
    ("draft", "masthead.draft"),
    ("date", "dates.pattern"),
)


@dataclass
class FrontMatter:
    """The masthead blocks (in the order of the text), the title and the facts they state."""

    masthead: list[Block]
    title: Block | None
    facts: dict[str, str]
    diagnostics: list[Diagnostic]
    # The letter on its own line under the title of a resolution adopted in parts ("76/244."
    # title, then "B"): it goes in a paragraph of its own, with the note it may carry.
    letter: Block | None = None


def parse_front_matter(lines: list[Line], mapping: Mapping) -> FrontMatter:
    """Read the masthead lines and the title that precede the enacting formula.

    A masthead item may be wrapped over two or three lines; lines that follow the agenda item
    are its title; what follows the last masthead item is the resolution's own title, possibly
    after its number ("80/2." on its own line or before the title).
    """
    # pdftotext -layout puts the two sides of the masthead on one line, in columns
    # ("United Nations      A/RES/73/6"): each column is an item of its own.
    gap = mapping.page.column_gap
    content = [piece for line in lines if line.text.strip() for piece in split_columns(line, gap)]
    facts: dict[str, str] = {}
    items, leftovers = _masthead_items(content, mapping, facts)
    # Lines right after the agenda item (or its title) are its title; the others wait.
    role_at = {
        position + offset: block.role
        for position, block in items
        for offset in range(len(block.lines))
    }
    title_lines: list[tuple[int, Line]] = []
    for position, line in leftovers:
        if role_at.get(position - 1) in ("agenda_item", "agenda_title"):
            block = Block(Kind.MASTHEAD, [line], "masthead.agenda_title", role="agenda_title")
            block.text = line.text.strip()
            items.append((position, block))
            role_at[position] = "agenda_title"
            continue
        title_lines.append((position, line))
    items = _merge_agenda_titles(sorted(items, key=lambda item: item[0]))
    diagnostics: list[Diagnostic] = []
    title: Block | None = None
    if title_lines:
        last_item = max((position + len(b.lines) - 1 for position, b in items), default=-1)
        for position, line in title_lines:
            if position < last_item:
                items.append((position, _unknown_line(line, diagnostics)))
        items.sort(key=lambda item: item[0])
        after = [line for position, line in title_lines if position > last_item]
        letter = _letter_line(after, mapping)
        if letter is not None:
            after = after[:-1]
        if after:
            title = Block(Kind.TITLE, after, "title")
        return FrontMatter([block for _, block in items], title, facts, diagnostics, letter)
    return FrontMatter([block for _, block in items], title, facts, diagnostics)


def _letter_line(lines: list[Line], mapping: Mapping) -> Block | None:
    """The part's letter alone on the title's last line ("B", "B1" with its note's marker),
    under a title that has a line of its own: numbering.component."""
    if len(lines) < 2:
        return None
    text = lines[-1].text.strip()
    match = _letter_pattern(mapping.numbering.component.pattern).fullmatch(text)
    if match is None:
        return None
    return Block(Kind.TITLE, [lines[-1]], "numbering.component", num=match["num"], role="letter")


@cache
def _letter_pattern(component: str) -> re.Pattern[str]:
    # (a note's marker may follow the letter: "B1", "B 1", "باء(1)")
    return re.compile(rf"(?:{component})\s?(?:\d{{1,2}}|\(\d{{1,2}}\))?")


def _masthead_items(
    content: list[Line], mapping: Mapping, facts: dict[str, str]
) -> tuple[list[tuple[int, Block]], list[tuple[int, Line]]]:
    """The masthead items with the position of their first line, and the lines no item
    claims, with theirs."""
    items: list[tuple[int, Block]] = []
    leftovers: list[tuple[int, Line]] = []
    index = 0
    while index < len(content):
        matched = None
        for size in (1, 2, 3):
            if index + size > len(content):
                break
            # A wrapped item never swallows a line that is a masthead item of its own.
            if size > 1 and _masthead_role(content[index + size - 1].text, mapping, facts)[0]:
                break
            text = " ".join(line.text.strip() for line in content[index : index + size])
            role, data = _masthead_role(text, mapping, facts)
            if role is not None:
                matched = (size, role, data, text)
                break
        if matched is None:
            halves = _two_items(content[index], mapping, facts)
            if halves:  # "United Nations A/RES/73/7": pdftotext -raw joins the columns
                content[index : index + 1] = halves
                continue
            leftovers.append((index, content[index]))
            index += 1
            continue
        size, role, data, text = matched
        block = Block(
            Kind.MASTHEAD, content[index : index + size], f"masthead.{role}", role=role, data=data
        )
        block.text = text
        _record_fact(role, data, text, facts, mapping)
        items.append((index, block))
        index += size
    return items, leftovers


def _merge_agenda_titles(items: list[tuple[int, Block]]) -> list[tuple[int, Block]]:
    """Agenda titles run over several lines: consecutive ones are one block."""
    merged: list[tuple[int, Block]] = []
    for position, block in items:
        if merged and block.role == "agenda_title" and merged[-1][1].role == "agenda_title":
            merged[-1][1].lines.extend(block.lines)
            merged[-1][1].text += " " + block.text
        else:
            merged.append((position, block))
    return merged


def _unknown_line(line: Line, diagnostics: list[Diagnostic]) -> Block:
    """A line among the masthead items that none of them claims: kept on the cover page."""
    block = Block(Kind.TEXT, [line], "masthead.unknown", role="unknown")
    block.text = line.text.strip()
    diagnostics.append(
        Diagnostic(
            "S301",
            Severity.WARNING,
            f"masthead line not recognised, kept on the cover page: {line.text.strip()[:60]!r}",
            line=line.number,
        )
    )
    return block


def _two_items(line: Line, mapping: Mapping, facts: dict[str, str]) -> list[Line]:
    """A masthead line that is two items joined by a space ("General Assembly Distr.:
    General"), as two Lines; [] if no split gives two items."""
    text = line.text.strip()
    if len(text) > 80:
        return []
    lead = len(line.text) - len(line.text.lstrip())
    for match in re.finditer(" ", text):
        left, right = text[: match.start()], text[match.end() :]
        if _masthead_role(left, mapping, facts)[0] and _masthead_role(right, mapping, facts)[0]:
            column = line.column + lead
            return [
                Line(line.number, left, line.page, column, line.after_break),
                Line(line.number, right, line.page, column + match.end(), line.after_break),
            ]
    return []


def _masthead_role(
    text: str, mapping: Mapping, facts: dict[str, str]
) -> tuple[str | None, dict[str, Any]]:
    text = " ".join(text.split())
    if text == mapping.masthead.authority:
        return "authority", {}
    for body in mapping.masthead.bodies:
        if text == body.text:
            return "body", {"actor": body.actor}
    for role, pattern in _role_patterns(mapping):
        match = pattern.fullmatch(text)
        if match:
            if role == "date" and "issued" in facts:
                return None, {}
            if role == "symbol" and "symbol" in facts:
                return None, {}
            return role, {k: v for k, v in match.groupdict().items() if v is not None}
    return None, {}


def _role_patterns(mapping: Mapping) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns of MASTHEAD_CHAIN's roles, read from the mapping once (every masthead
    line, and every split of one into two items, is tried against each)."""
    known: tuple[tuple[str, re.Pattern[str]], ...] | None = mapping.caches.get("masthead_roles")
    if known is None:
        known = mapping.caches["masthead_roles"] = tuple(
            (role, attrgetter(key)(mapping)) for role, key in MASTHEAD_CHAIN if key is not None
        )
    return known


def _record_fact(
    role: str, data: dict[str, Any], text: str, facts: dict[str, str], mapping: Mapping
) -> None:
    if role == "symbol":
        facts.setdefault("symbol", data.get("symbol", text))
    elif role == "body":
        facts.setdefault("actor", data["actor"])
    elif role == "date":
        facts.setdefault("issued", text)
    elif role == "session":
        facts.setdefault("session", text)
    elif role == "agenda_item":
        facts.setdefault("agenda_item", text)
    elif role in ("adopted", "adopted_by_council"):
        facts.setdefault("adopted", data.get("date", ""))
        if data.get("meeting"):
            facts.setdefault("meeting", data["meeting"])
        actor = mapping.actor_of(data.get("body", ""))
        if actor:
            facts.setdefault("actor", actor)
    elif role == "committee":
        facts.setdefault("committee", data.get("text", text))
    elif role == "draft":
        facts.setdefault("draft", data.get("sponsors", text))
    elif role == "council_title":
        facts.setdefault("council_number", f"{data['number']}-{data['year']}")
        facts.setdefault("actor", "unsc")
