"""The typed sections of a mapping: one read-only dataclass per YAML section, built once.

Each field names the YAML key it is read from (its own name unless ``key`` says otherwise)
and how the value is converted. A pattern field also declares, as data, the named groups
its readers take out of a match (``regex("num")``): a mapping whose pattern lacks one is
refused when it is loaded (``akn.mapping.checking``), not when the converter first needs
the group. Declare a group here when code reads it by name without a fallback.
"""

# RUF009: regex(), value(), words() and word_set() return dataclasses.field(), as field() does.
# ruff: noqa: RUF009

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError, dataclass, field, fields
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeVar

Table = MappingProxyType  # a read-only dict: sections are frozen all the way down

_Section = TypeVar("_Section")


def regex(*groups: str, key: str | None = None, forbid: tuple[str, ...] = ()) -> Any:
    """A regular expression, compiled; ``groups``: the named groups its readers use;
    ``forbid``: the groups it must not define (its reader puts it inside a pattern that
    names them)."""
    return field(metadata={"convert": re.compile, "groups": groups, "forbid": forbid, "key": key})


def value(convert: Callable[[Any], Any] = lambda x: x, key: str | None = None) -> Any:
    """A plain value, passed through ``convert``."""
    return field(metadata={"convert": convert, "key": key})


def _words(items: list[str]) -> tuple[str, ...]:
    return tuple(str(item) for item in items)


def _word_set(items: list[str]) -> frozenset[str]:
    return frozenset(str(item) for item in items)


def _lower_keys(table: dict[str, int]) -> Table[str, int]:
    return Table({str(name).lower(): int(number) for name, number in table.items()})


def words() -> Any:
    """A list of words, in the file's order."""
    return value(_words)


def word_set() -> Any:
    """A set of words: only membership counts."""
    return value(_word_set)


def build(
    cls: type[_Section],
    data: dict[str, Any],
    compile: Callable[[str], re.Pattern[str]] = re.compile,
) -> _Section:
    """The section ``cls`` from its (checked) YAML data; ``compile`` compiles its patterns
    (``re.compile``, or the mapping's kept programs: ``akn.mapping.programs``)."""
    section = object.__new__(cls)
    values = {}
    for item in fields(cls):  # type: ignore[arg-type]
        convert = item.metadata["convert"]
        value = data[item.metadata.get("key") or item.name]
        values[item.name] = compile(value) if convert is re.compile else convert(value)
    section.__dict__.update(values)
    return section


def declared_groups(cls: type) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(YAML key, named groups it must have, named groups it must not have) of every pattern
    field of ``cls`` that declares either."""
    for item in fields(cls):
        groups, forbid = item.metadata.get("groups"), item.metadata.get("forbid")
        if groups or forbid:
            yield item.metadata.get("key") or item.name, groups or (), forbid or ()


# --------------------------------------------------------------------------- small records


@dataclass(frozen=True)
class ActorText:
    """A text that names a body ("The General Assembly") and the actor it stands for."""

    text: str
    actor: str


def _actor_texts(items: list[dict[str, str]]) -> tuple[ActorText, ...]:
    return tuple(ActorText(str(item["text"]), str(item["actor"])) for item in items)


@dataclass(frozen=True)
class Replacement:
    """A spacing rule of the language: ``pattern`` replaced by ``replacement``."""

    pattern: re.Pattern[str]
    replacement: str


def _replacements(items: list[dict[str, str]]) -> tuple[Replacement, ...]:
    return tuple(Replacement(re.compile(i["pattern"]), str(i["replacement"])) for i in items)


def _pair(items: list[str]) -> tuple[str, str]:
    opening, closing = items
    return str(opening), str(closing)


def _pairs(items: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple(_pair(item) for item in items)


def _particles(table: dict[str, list[str]]) -> Table[str, tuple[str, ...]]:
    return Table({str(verb): _words(items) for verb, items in table.items()})


def _strings(table: dict[str, str]) -> Table[str, str]:
    return Table({str(k): str(v) for k, v in table.items()})


# --------------------------------------------------------------------------- sections


class Section:
    """What every section is: read-only once ``build`` has made it.

    A section is a dataclass for its typed fields and their metadata, not a frozen one:
    Python 3.11 compiles six methods for each frozen dataclass, which for these seventeen
    was half the cost of importing the mapping package on every run. A section is made only
    by ``build`` and never compared, so it needs none of them; assigning to a field (or
    deleting one) raises ``FrozenInstanceError`` as it would on a frozen dataclass.
    """

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{item.name}={getattr(self, item.name)!r}"
            for item in fields(self)  # type: ignore[arg-type]
        )
        return f"{type(self).__qualname__}({shown})"


@dataclass(init=False, repr=False, eq=False)
class Language(Section):
    """The language's codes and name."""

    code: str = value(str)  # ISO 639-1, as in --lang
    akn: str = value(str)  # ISO 639-2, as in FRBR IRIs
    name: str = value(str)


@dataclass(init=False, repr=False, eq=False)
class Page(Section):
    """Page furniture: what PDF text prints around the text of a page."""

    footnote_rule: re.Pattern[str] = regex()
    link: re.Pattern[str] = regex("url")
    job_number: re.Pattern[str] = regex()
    barcode: re.Pattern[str] = regex()
    page_number: re.Pattern[str] = regex()
    print_date: re.Pattern[str] = regex()
    column_gap: re.Pattern[str] = regex()


@dataclass(init=False, repr=False, eq=False)
class Notes(Section):
    """Footnotes: the marker pattern, the brackets around a marker, and the abbreviations
    that end with a full stop without ending a footnote's sentence."""

    # The page reader wraps the marker: (?P<marker>…)\s+(?P<text>…).
    marker: re.Pattern[str] = regex(forbid=("marker", "text"))
    brackets: tuple[str, str] = value(_pair)
    abbreviations: tuple[str, ...] = words()


@dataclass(init=False, repr=False, eq=False)
class Numbering(Section):
    """The numbers and labels of paragraphs, points, sections and components."""

    operative: re.Pattern[str] = regex("num")  # "suffix" is optional ("5 bis.")
    point: re.Pattern[str] = regex("num")
    subpoint: re.Pattern[str] = regex("num")
    dash: re.Pattern[str] = regex("num")
    section: re.Pattern[str] = regex("num")  # "heading" is optional
    subsection: re.Pattern[str] = regex("heading")
    component: re.Pattern[str] = regex("num")
    letters: tuple[str, ...] = words()
    # Letters of another script that look like the language's, typed by mistake in point
    # labels (Cyrillic "а)" for "a)"): each is read as the letter it stands for.
    homoglyphs: Table[str, str] = value(_strings)
    # Characters that only stretch a letter and are ignored in labels (the Arabic tatweel).
    label_fillers: str = value(str)

    @cached_property  # read for every point label: made once (a frozen dataclass allows it)
    def homoglyph_table(self) -> dict[int, int]:
        """``homoglyphs`` for ``str.translate``."""
        return str.maketrans("".join(self.homoglyphs), "".join(self.homoglyphs.values()))


@dataclass(init=False, repr=False, eq=False)
class Preamble(Section):
    """The preambular paragraphs: their opening phrases and how they are found."""

    phrases: tuple[str, ...] = words()
    opening: re.Pattern[str] = regex()
    opening_alone: re.Pattern[str] = regex()
    phrase_window: int = value(int)
    closing: tuple[str, ...] = words()


@dataclass(init=False, repr=False, eq=False)
class Operative(Section):
    """The operative paragraphs: their opening verbs and the particles of those verbs."""

    verbs: tuple[str, ...] = words()
    particles: Table[str, tuple[str, ...]] = value(_particles)


@dataclass(init=False, repr=False, eq=False)
class Masthead(Section):
    """The lines of the masthead (cover page) and of the adoption line."""

    authority: str = value(str)
    bodies: tuple[ActorText, ...] = value(_actor_texts)
    distribution: re.Pattern[str] = regex()
    original: re.Pattern[str] = regex()
    session: re.Pattern[str] = regex("ordinal")
    agenda_item: re.Pattern[str] = regex()
    adopted: re.Pattern[str] = regex("body", "date")
    adopted_by_council: re.Pattern[str] = regex("date")  # "body", "meeting" are optional
    council_title: re.Pattern[str] = regex("number", "year")
    committee: re.Pattern[str] = regex()
    draft: re.Pattern[str] = regex()


@dataclass(init=False, repr=False, eq=False)
class Conclusions(Section):
    """The conclusions: the meeting line."""

    meeting: re.Pattern[str] = regex()


@dataclass(init=False, repr=False, eq=False)
class Decision(Section):
    """A decision's opening and the meeting it names."""

    opening: re.Pattern[str] = regex()
    meeting: re.Pattern[str] = regex()


@dataclass(init=False, repr=False, eq=False)
class Dates(Section):
    """Dates as the text writes them."""

    pattern: re.Pattern[str] = regex("day", "month", "year")
    months: Table[str, int] = value(_lower_keys)  # by lower-case name


@dataclass(init=False, repr=False, eq=False)
class Tables(Section):
    """Tables written as text: what makes a figure and a row."""

    figure: re.Pattern[str] = regex()
    row_length: int = value(int)
    min_rows: int = value(int)


@dataclass(init=False, repr=False, eq=False)
class Typography(Section):
    """Spacing, punctuation and quotation marks of the language."""

    nbsp_before: tuple[str, ...] = words()
    nbsp_after: tuple[str, ...] = words()
    decimal_separator: str = value(str)
    line_joiner: str = value(str)
    spaced_hyphen: str = value(str)
    number_joiner: str = value(str)
    replacements: tuple[Replacement, ...] = value(_replacements)
    quotes: tuple[tuple[str, str], ...] = value(_pairs)
    closing_marks: str = value(str)
    case_marks_start: bool = value(bool)
    number_words_glued: bool = value(bool)
    full_stops: str = value(str)
    clause_ends: str = value(str)
    commas: str = value(str)

    @cached_property  # read for every line the recognition looks at: made once
    def terminal_marks(self) -> frozenset[str]:
        """Every mark that may end a line of a closed block: full stops, clause ends, commas."""
        return frozenset(self.full_stops + self.clause_ends + self.commas)

    @property
    def spaced(self) -> bool:
        """Is the language written with spaces between words (``line_joiner`` a space)?"""
        return bool(self.line_joiner)


@dataclass(init=False, repr=False, eq=False)
class Script(Section):
    """Facts of the script rather than of the language: which characters are which."""

    # Letters of a script written without spaces between words (CJK ideographs).
    ideographs: re.Pattern[str] = regex()
    # Characters that end a word in text written without spaces: ideographs, CJK punctuation
    # and full-width forms.
    wide: re.Pattern[str] = regex()

    def is_ideograph(self, char: str) -> bool:
        return bool(char) and self.ideographs.fullmatch(char) is not None

    def is_wide(self, char: str) -> bool:
        return bool(char) and self.wide.fullmatch(char) is not None


@dataclass(init=False, repr=False, eq=False)
class Words(Section):
    """Word repairs: elisions, one-letter words, superscripts, conjunctions."""

    elisions: tuple[str, ...] = words()
    one_letter_words: tuple[str, ...] = words()
    superscripts: tuple[str, ...] = words()
    conjunctions: tuple[str, ...] = words()
    rejoin: bool = value(bool)
    rejoin_pairs: bool = value(bool)


@dataclass(init=False, repr=False, eq=False)
class Markers(Section):
    """Words that tell a number in the text from a footnote marker: counting words before
    a number, quantity words after it."""

    counting_words: frozenset[str] = word_set()
    quantity_words: frozenset[str] = word_set()


@dataclass(init=False, repr=False, eq=False)
class Citations(Section):
    """The words that introduce citations of resolutions, decisions and dates."""

    resolution_words: tuple[str, ...] = words()
    decision_words: tuple[str, ...] = words()
    list_words: tuple[str, ...] = words()
    date_words: tuple[str, ...] = words()


@dataclass(init=False, repr=False, eq=False)
class TopLevel(Section):
    """The rules that stand at the top of a mapping file rather than in a section."""

    symbol: re.Pattern[str] = regex()  # "symbol" is optional (the whole line otherwise)
    annex: re.Pattern[str] = regex()  # "num" is optional
    formula: tuple[ActorText, ...] = value(_actor_texts)
    ordinals: Table[str, int] = value(_lower_keys)


# The YAML section each class is read from; TopLevel reads the file's top (key None).
SECTIONS: dict[str | None, type] = {
    None: TopLevel,
    "language": Language,
    "page": Page,
    "notes": Notes,
    "numbering": Numbering,
    "preamble": Preamble,
    "operative": Operative,
    "masthead": Masthead,
    "conclusions": Conclusions,
    "decision": Decision,
    "dates": Dates,
    "tables": Tables,
    "typography": Typography,
    "script": Script,
    "words": Words,
    "markers": Markers,
    "citations": Citations,
}
