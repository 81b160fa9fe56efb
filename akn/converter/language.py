"""Which language a text is in, when the caller does not say: the mapping whose formula,
decision opening, adoption line and opening phrases match most of its lines.

When the caller does say (``--lang``), the text is still asked whether it agrees: a text whose
lines match nothing of the chosen mapping's formula and decision opening, while another
mapping's match, is in that other language, and converting it with the wrong one loses its
whole structure without an error (issue 9: ``--lang fr`` on an English text). The check reads
the other mappings only in that case, so that a right ``--lang`` costs nothing.
"""

from __future__ import annotations

from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping, load_mapping
from akn.mapping.phrases import first_word
from akn.resources import available_languages

SAMPLE_LINES = 600  # the top of the text says it: a long text is not read to its end
OPENING = 10  # what one line matching the formula or the decision opening scores


def choose_mapping(lines: list[Line], lang: str | None) -> tuple[Mapping, list[Diagnostic]]:
    """The mapping of ``lang``, or of the language detected (with an L200 saying which, or an
    L203 when no mapping recognises the text); with ``lang``, an L204 when the text's own
    vocabulary says another language."""
    sample = [line.text.strip() for line in lines[:SAMPLE_LINES] if line.text.strip()]
    if lang is not None:
        chosen = load_mapping(lang)
        return chosen, [] if _opens(sample, chosen) else _disagreement(chosen, sample)
    words = [first_word(text) for text in sample]  # read once for every language
    scores = _scores(sample, words, available_languages())
    best, best_score = max(scores, key=lambda scored: scored[1])  # the first of equals
    if best_score == 0:
        return best, [_unrecognised(best)]
    found = Diagnostic(
        "L200",
        Severity.INFO,
        f"language detected: {best.language.code} ({best.language.name}, "
        f"mappings/{best.name}.yaml); use --lang to choose",
    )
    return best, [found]


def unrecognised(diagnostics: list[Diagnostic]) -> bool:
    """Whether language detection said that no mapping recognises the text (L203): then a
    text that is no resolution is not said to be in the language read by default."""
    return any(d.code == "L203" for d in diagnostics)


def _scores(
    sample: list[str], words: list[str | None], codes: list[str]
) -> list[tuple[Mapping, int]]:
    return [(mapping, _score(sample, words, mapping)) for mapping in map(load_mapping, codes)]


def _opens(sample: list[str], mapping: Mapping) -> bool:
    """Whether a line matches the mapping's formula or decision opening: the test a right
    ``--lang`` passes within the first lines of its text."""
    formula, opening = mapping.detection.formula, mapping.detection.decision_opening
    return any(formula.match(text) or opening.match(text) for text in sample)


def _disagreement(chosen: Mapping, sample: list[str]) -> list[Diagnostic]:
    """An L204 when another mapping finds an opening line, and more of the text than the
    chosen one (which found no opening line)."""
    words = [first_word(text) for text in sample]
    own = _score(sample, words, chosen)
    others = [code for code in available_languages() if code != chosen.language.code]
    scores = _scores(sample, words, others)
    if not scores:
        return []
    other, score = max(scores, key=lambda scored: scored[1])
    if score < OPENING or score <= own:
        return []
    return [
        Diagnostic(
            "L204",
            Severity.WARNING,
            f"--lang {chosen.language.code} given, but the text reads as "
            f"{other.language.code} ({other.language.name}): no line matches the "
            f"{chosen.language.name} formula or decision opening, while the "
            f"{other.language.name} mapping recognises the text; give --lang "
            f"{other.language.code}, or leave --lang out to detect it",
        )
    ]


def _unrecognised(read_as: Mapping) -> Diagnostic:
    return Diagnostic(
        "L203",
        Severity.WARNING,
        "no mapping recognises this text: no line matches the formula, decision opening, "
        f"adoption line or opening phrases of any language ({', '.join(available_languages())});"
        f" read with mappings/{read_as.name}.yaml; give --lang if it is a resolution",
    )


def _score(sample: list[str], words: list[str | None], mapping: Mapping) -> int:
    """Reads only the mapping's detection facts, so that the sections of the languages not
    chosen are never built. ``words``: each line's ``first_word``."""
    facts = mapping.detection
    formula, opening, adopted = facts.formula, facts.decision_opening, facts.adopted
    phrases, verbs = facts.phrases, facts.verbs
    return sum(
        (OPENING if formula.match(text) or opening.match(text) else 0)
        + (5 if adopted.fullmatch(text) else 0)
        + (1 if phrases.match_word(text, word) or verbs.match_word(text, word) else 0)
        for text, word in zip(sample, words, strict=True)
    )
