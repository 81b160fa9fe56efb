"""The mapping of one language as the converter reads it: typed sections, built once.

``mapping.notes.brackets``, ``mapping.numbering.operative`` (a compiled pattern),
``mapping.dates.months``: each section is a frozen dataclass (``akn.mapping.sections``),
built from the checked YAML the first time it is read, so that choosing a language among
seven builds only the few sections the choice looks at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any

from akn.mapping import programs
from akn.mapping import sections as s
from akn.mapping.phrases import Detection, PhraseMatcher, phrase_source


@dataclass(frozen=True, eq=False)
class Mapping:
    """The merged, checked rules of one language (``name``: its file's name).

    ``data`` is the merged YAML the sections are built from; read the sections, not it.
    """

    name: str
    data: dict[str, Any]

    def compile(self, pattern: str) -> re.Pattern[str]:
        """A pattern of this mapping, compiled: from its program kept by an earlier run when
        there is one (``akn.mapping.programs``)."""
        return programs.compile_pattern(pattern)

    # ------------------------------------------------------------------ sections

    @cached_property
    def language(self) -> s.Language:
        return s.build(s.Language, self.data["language"], self.compile)

    @cached_property
    def page(self) -> s.Page:
        return s.build(s.Page, self.data["page"], self.compile)

    @cached_property
    def notes(self) -> s.Notes:
        return s.build(s.Notes, self.data["notes"], self.compile)

    @cached_property
    def numbering(self) -> s.Numbering:
        return s.build(s.Numbering, self.data["numbering"], self.compile)

    @cached_property
    def preamble(self) -> s.Preamble:
        return s.build(s.Preamble, self.data["preamble"], self.compile)

    @cached_property
    def operative(self) -> s.Operative:
        return s.build(s.Operative, self.data["operative"], self.compile)

    @cached_property
    def masthead(self) -> s.Masthead:
        return s.build(s.Masthead, self.data["masthead"], self.compile)

    @cached_property
    def conclusions(self) -> s.Conclusions:
        return s.build(s.Conclusions, self.data["conclusions"], self.compile)

    @cached_property
    def decision(self) -> s.Decision:
        return s.build(s.Decision, self.data["decision"], self.compile)

    @cached_property
    def dates(self) -> s.Dates:
        return s.build(s.Dates, self.data["dates"], self.compile)

    @cached_property
    def tables(self) -> s.Tables:
        return s.build(s.Tables, self.data["tables"], self.compile)

    @cached_property
    def typography(self) -> s.Typography:
        return s.build(s.Typography, self.data["typography"], self.compile)

    @cached_property
    def script(self) -> s.Script:
        return s.build(s.Script, self.data["script"], self.compile)

    @cached_property
    def words(self) -> s.Words:
        return s.build(s.Words, self.data["words"], self.compile)

    @cached_property
    def markers(self) -> s.Markers:
        return s.build(s.Markers, self.data["markers"], self.compile)

    @cached_property
    def citations(self) -> s.Citations:
        return s.build(s.Citations, self.data["citations"], self.compile)

    @cached_property
    def _top(self) -> s.TopLevel:
        return s.build(s.TopLevel, self.data, self.compile)

    @property
    def symbol(self) -> re.Pattern[str]:
        """A UN document symbol standing alone (masthead, running head)."""
        return self._top.symbol

    @property
    def annex(self) -> re.Pattern[str]:
        """An annex heading."""
        return self._top.annex

    @property
    def formula(self) -> tuple[s.ActorText, ...]:
        """The enacting formulas ("The General Assembly,") and the actor each names."""
        return self._top.formula

    @property
    def ordinals(self) -> MappingProxyType[str, int]:
        """Number words of session names, by lower-case word."""
        return self._top.ordinals

    # ------------------------------------------------------------------ derived

    @cached_property
    def caches(self) -> dict[str, Any]:
        """Room for stages to keep what they learn about this mapping between documents."""
        return {}

    @cached_property
    def detection(self) -> Detection:
        """What language detection reads of this mapping, built without the sections."""
        return Detection.of(self.data, self.compile)

    @property
    def phrase_pattern(self) -> PhraseMatcher:
        """The listed opening phrases of preambular paragraphs, longest first."""
        return self.detection.phrases

    @property
    def verb_pattern(self) -> PhraseMatcher:
        """The listed opening verbs of operative paragraphs, longest first."""
        return self.detection.verbs

    @cached_property
    def particle_patterns(self) -> dict[str, re.Pattern[str]]:
        """By an operative verb's first word, the words that close its clause and belong to
        it (``operative.particles``): the first of them before a comma, semicolon, colon or
        full stop."""
        patterns = {}
        for verb, particles in self.operative.particles.items():
            words = phrase_source(particles, self.typography.spaced)
            patterns[verb] = self.compile(rf"(?<=\s){words}(?=\s*[,;:.]|$)")
        return patterns

    @cached_property
    def closing_pattern(self) -> re.Pattern[str] | None:
        """The words that close a preambular paragraph whose verb comes last
        (``preamble.closing``), at the end of a clause ("the grave consequences … deploring",
        in the order of such a language); None where the language lists none (its verbs open
        their clauses)."""
        closing = self.preamble.closing
        if not closing:
            return None
        spaced = self.typography.spaced
        start = r"(?<![\w’'\-])" if spaced else ""  # the first word starts a word
        return self.compile(rf"{start}{phrase_source(closing, spaced)}$")

    @property
    def formula_pattern(self) -> re.Pattern[str]:
        """The enacting formulas, longest first."""
        return self.detection.formula

    def opens_paragraph(self, text: str) -> bool:
        """Does ``text`` open a paragraph: a number, a listed phrase or verb, a meeting line,
        an annex heading?"""
        numbering = self.numbering
        for pattern in (numbering.operative, numbering.point, numbering.section):
            match = pattern.match(text)
            if match and (match.end() == len(text) or text[match.end()].isspace()):
                return True
        if self.phrase_pattern.match(text) or self.verb_pattern.match(text):
            return True
        return bool(self.conclusions.meeting.fullmatch(text) or self.annex.fullmatch(text))

    def continues(self, text: str) -> bool:
        """Could ``text`` go on the sentence of the line before (a wrapped line)? Where case
        marks a sentence's start (``typography.case_marks_start``) and the letter has case,
        a lower-case start says so; elsewhere, not opening a paragraph."""
        first = text[:1]
        if self.typography.case_marks_start and first.lower() != first.upper():
            return first.islower()
        if not first.isalpha():  # a number, a bracket, a quotation mark: no sign either way
            return False
        return not self.opens_paragraph(text)

    def actor_of(self, formula_or_body: str) -> str | None:
        """The actor a formula or a body's name stands for ("unga"), or None."""
        text = " ".join(formula_or_body.split()).replace("'", "’")
        for item in (*self.formula, *self.masthead.bodies):
            if item.text in text:
                return item.actor
        return None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
