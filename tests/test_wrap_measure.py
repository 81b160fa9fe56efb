"""The text's own measure of its wrapping (``layout.fitting_width``): a line stopped short of
the width when the next word would have fitted on it. The measure must never claim a fit the
wrapper refused, whatever the width and the words: every line broken inside a paragraph
reaches beyond it."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from akn.converter.recognise.layout import MIN_WRAPS, fitting_width, reach
from akn.converter.source import Line
from akn.mapping import load_mapping

WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=14)
SENTENCE = st.lists(WORDS, min_size=8, max_size=60).map(lambda words: " ".join(words) + ",")


def _lines(paragraphs: list[str], width: int) -> tuple[list[Line], set[int]]:
    """The paragraphs wrapped at ``width``; the indexes of the lines a paragraph goes on after."""
    lines: list[Line] = []
    wrapped: set[int] = set()
    for text in paragraphs:
        pieces = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
        for number, piece in enumerate(pieces):
            if number < len(pieces) - 1:
                wrapped.add(len(lines))
            lines.append(Line(len(lines) + 1, piece, 1, 0, False))
    return lines, wrapped


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=3, max_size=12), st.integers(min_value=30, max_value=110))
def test_no_wrapped_line_is_taken_for_one_that_stopped_short(paragraphs, width):
    typography = load_mapping("ru").typography
    lines, wrapped = _lines(paragraphs, width)
    fit = fitting_width(lines, typography)
    assert fit <= width
    for index in wrapped:
        assert reach(lines[index].text, lines[index + 1].text, typography) > fit


def test_a_text_wrapped_at_one_width_is_measured_at_that_width():
    typography = load_mapping("ru").typography
    words = ("организация", "объединенных", "наций", "и", "ее", "членов", "в", "области")
    paragraph = " ".join(words[i % len(words)] for i in range(400)) + ","
    lines, _ = _lines([paragraph], 72)
    assert sum(1 for line in lines) > MIN_WRAPS
    assert 70 <= fitting_width(lines, typography) <= 72
    assert fitting_width(lines[: MIN_WRAPS - 5], typography) == 0  # too few to measure by


def test_lines_whose_length_does_not_say_their_width_are_not_measured():
    from akn.converter.recognise.layout import measurable

    assert measurable("подчеркивая важность региональных связей для развития территории,")
    assert not measurable("de 20164, 34/41, de 24 de marzo de 20175,")  # notes glued to years
    assert not measurable("Belief,5 and further encourages their work in promoting")
    assert not measurable("الأمم المتحدة (1)")
    assert not measurable("the recom-")  # a word cut at the line's end
