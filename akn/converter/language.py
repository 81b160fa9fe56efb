"""Which language a text is in, when the caller does not say: the mapping whose formula,
decision opening, adoption line and opening phrases match most of its lines."""

from __future__ import annotations

from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping, load_mapping
from akn.resources import available_languages

SAMPLE_LINES = 600  # the top of the text says it: a long text is not read to its end


def choose_mapping(lines: list[Line], lang: str | None) -> tuple[Mapping, list[Diagnostic]]:
    """The mapping of ``lang``, or of the language detected (with an L200 saying which)."""
    if lang is not None:
        return load_mapping(lang), []
    sample = [line.text.strip() for line in lines[:SAMPLE_LINES] if line.text.strip()]
    best, best_score = None, -1
    for code in available_languages():
        mapping = load_mapping(code)
        score = _score(sample, mapping)
        if score > best_score:
            best, best_score = mapping, score
    assert best is not None
    found = Diagnostic(
        "L200",
        Severity.INFO,
        f"language detected: {best.language.code} ({best.language.name}, "
        f"mappings/{best.name}.yaml); use --lang to choose",
    )
    return best, [found]


def _score(sample: list[str], mapping: Mapping) -> int:
    """Reads only the mapping's detection facts, so that the sections of the languages not
    chosen are never built."""
    facts = mapping.detection
    return sum(
        (10 if facts.formula.match(text) or facts.decision_opening.match(text) else 0)
        + (5 if facts.adopted.fullmatch(text) else 0)
        + (1 if facts.phrases.match(text) or facts.verbs.match(text) else 0)
        for text in sample
    )
