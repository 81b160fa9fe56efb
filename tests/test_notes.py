"""Where footnote markers stand once the superscript is lost."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from akn.converter.blocks import Block, Kind
from akn.converter.footnotes import Note
from akn.converter.marks.candidates import marker_candidates as _candidates
from akn.converter.marks.placement import place_notes
from akn.converter.source import Line


def _first(text: str, marker: str, mapping, repeat: bool = False):
    found = _candidates(text, marker, mapping, repeat)
    return (text[: found[0].insert], found[0].strong) if found else None


@pytest.mark.parametrize(
    ("text", "marker", "before"),
    [
        ("de Bangkok du 8 août 19671, en particulier", "1", "de Bangkok du 8 août 1967"),
        ("à l’horizon 20307 et du projet", "7", "à l’horizon 2030"),
        ("la décennie 2022-203112 et le Programme", "12", "la décennie 2022-2031"),
        ("de l’Asie du Sud-Est3, et", "3", "de l’Asie du Sud-Est"),
        ("des droits de l’homme10 et aux autres", "10", "des droits de l’homme"),
        (
            "the Committee on the Peaceful Uses,1 at a time",
            "1",
            "the Committee on the Peaceful Uses,",
        ),
    ],
)
def test_glued_markers(fr, text, marker, before):
    assert _first(text, marker, fr) == (before, True)


@pytest.mark.parametrize(
    ("text", "marker", "before"),
    [
        ("de l’Asie du Sud-Est 8, au Traité", "8", "de l’Asie du Sud-Est"),
        ("sur le droit de la mer 11 et d’autres", "11", "sur le droit de la mer"),
        ("of outer space activities, 1 at a time when", "1", "of outer space activities,"),
    ],
)
def test_markers_standing_alone(en, text, marker, before):
    assert _first(text, marker, en) == (before, False)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("in accordance with paragraph 2 of its resolution", "2"),
        ("held on 3 and 4 December 2020", "3"),
        ("in 2023, 1 out of 11 people", "1"),
        ("by 25 per cent by 2025", "25"),
        ("the 2030 Agenda", "0"),
        ("see A/RES/70/1 and COVID-19", "1"),
        ("Sustainable Development Goal 16", "16"),
        ("the 3 Member States", "3"),
        ("du 27 septembre 2007 ;", "7"),
        ("0,1 pour cent", "1"),
    ],
)
def test_numbers_that_are_not_markers(en, fr, text, marker):
    mapping = fr if "pour" in text or "septembre" in text else en
    assert _first(text, marker, mapping) is None


def test_the_day_of_a_date_without_its_year_is_no_marker():
    """A/RES/75/326 in Spanish: "El viernes 3 de junio, de las 10.00 …" took note 3's
    marker (the day, then "de" and the month)."""
    from akn.mapping import load_mapping

    assert (
        _first("El viernes 3 de junio, de las 10.00 a las 13.00", "3", load_mapping("es")) is None
    )


def test_repeated_marker_after_a_number_and_comma_is_text(en):
    """ "UNISPACE+50,1" is plain text in the PDF of A/RES/73/6, not a note reference."""
    assert _first("the priorities of UNISPACE+50,1 Noting", "1", en, repeat=True) is None


def _block(kind: Kind, text: str, page: int = 0) -> Block:
    block = Block(kind, [Line(1, text, page)], "test")
    block.text, block.starts = text, [0]
    return block


def test_notes_are_placed_in_order_on_their_page(fr):
    blocks = [
        _block(Kind.RECITAL, "Rappelant la Déclaration de 19671, en 2017,", page=0),
        _block(Kind.PARAGRAPH, "Encourage à l’horizon 20307 et 2017", page=1),
    ]
    notes = [
        Note("1", [Line(5, "A.")], 0, Line(5, "1")),
        Note("7", [Line(9, "B.")], 1, Line(9, "7")),
    ]
    placements, diagnostics = place_notes(blocks, notes, fr)
    assert [(p.block, p.offset, p.repeat) for p in placements] == [
        (0, len("Rappelant la Déclaration de 1967"), False),
        (1, len("Encourage à l’horizon 2030"), False),
    ]
    assert blocks[0].text == "Rappelant la Déclaration de 1967, en 2017,"
    assert blocks[1].text == "Encourage à l’horizon 2030 et 2017"
    assert diagnostics == []


def test_a_note_whose_marker_is_missing_is_reported(fr):
    blocks = [_block(Kind.RECITAL, "Rappelant la Déclaration,")]
    notes = [Note("*", [Line(5, "Au nom des États.")], 0, Line(5, "*"))]
    placements, diagnostics = place_notes(blocks, notes, fr)
    assert placements == [] and [d.code for d in diagnostics] == ["N404"]


def test_a_later_marker_of_the_same_number_is_a_reference(en):
    blocks = [
        _block(Kind.RECITAL, "Recalling the 2030 Agenda for Sustainable Development,2 and"),
        _block(Kind.PARAGRAPH, "Decides that the Sustainable Development Goals2 for all;"),
    ]
    notes = [Note("2", [Line(5, "Resolution 70/1.")], 0, Line(5, "2"))]
    placements, _ = place_notes(blocks, notes, en)
    assert [(p.block, p.repeat) for p in placements] == [(0, False), (1, True)]


def test_a_spaced_repeat_is_a_reference_only_where_it_names_the_same_thing(en):
    """pdftotext leaves a space before a superscript: "…Development Goals 2 for" repeats
    note 2 (its words echo the words note 2 stood after, A/RES/73/6); "the level 2
    activation" counts levels, and stays text."""
    blocks = [
        _block(Kind.RECITAL, "Recalling the 2030 Agenda for Sustainable Development,2 and"),
        _block(Kind.PARAGRAPH, "Decides that the Sustainable Development Goals 2 for all;"),
        _block(Kind.PARAGRAPH, "Decides to respond, based on the level 2 activation procedure;"),
    ]
    notes = [Note("2", [Line(5, "Resolution 70/1.")], 0, Line(5, "2"))]
    placements, _ = place_notes(blocks, notes, en)
    assert [(p.block, p.repeat) for p in placements] == [(0, False), (1, True)]
    assert blocks[2].text.endswith("the level 2 activation procedure;")


def test_a_repeat_after_a_year_and_its_comma_is_a_reference_where_its_words_echo(en):
    """ "of 12 August 1949,2 continue" repeats note 2, placed after the same words
    (A/RES/79/83); "in 2019,2 States" echoes nothing and stays text."""
    blocks = [
        _block(Kind.RECITAL, "Reaffirming the Geneva Convention of 12 August 1949,2 to the"),
        _block(Kind.PARAGRAPH, "Reaffirms that the Geneva Convention of 12 August 1949,2 continue"),
        _block(Kind.PARAGRAPH, "Notes that in the year 2019,2 countries acted;"),
    ]
    notes = [Note("2", [Line(5, "United Nations, Treaty Series.")], 0, Line(5, "2"))]
    placements, _ = place_notes(blocks, notes, en)
    assert [(p.block, p.repeat) for p in placements] == [(0, False), (1, True)]
    assert blocks[2].text.endswith("2019,2 countries acted;")


def test_a_marker_glued_to_a_code_is_found_where_the_order_of_notes_leaves_it(en):
    """ "HIV/AIDS7": a marker glued to a symbol looks like part of it, but note 7 has no other
    place between notes 6 and 8 (A/RES/78/182); the code before it is left whole."""
    blocks = [
        _block(Kind.RECITAL, "Recalling the Declaration,6 and the Declaration on HIV/AIDS7 and"),
        _block(Kind.RECITAL, "Recalling also the Political Declaration,8"),
    ]
    notes = [Note(m, [Line(5, f"Note {m}.")], 0, Line(5, m)) for m in ("6", "7", "8")]
    placements, diagnostics = place_notes(blocks, notes, en)
    assert [(p.block, p.note) for p in placements] == [(0, 0), (0, 1), (1, 2)]
    assert "HIV/AIDS and" in blocks[0].text
    assert [d.code for d in diagnostics] == ["N403"]


def test_the_document_says_which_number_a_glued_marker_is_cut_from(en):
    """Note 9 glued to "59/300" (A/RES/76/106): "61/29" could also be 61/2 and a note, but the
    text cites 61/29 again and 61/2 never, while it cites 59/300 and never 59/3009."""
    blocks = [
        _block(Kind.RECITAL, "Recalling the Charter,8"),
        _block(Kind.RECITAL, "Recalling its resolution 61/29 of 4 December 2006 and the reports"),
        _block(Kind.RECITAL, "Taking note of the reports pursuant to its resolution 59/3009 and"),
        _block(Kind.PARAGRAPH, "Recalls its resolutions 59/300 and 61/29,10"),
    ]
    notes = [Note(m, [Line(5, f"Note {m}.")], 0, Line(5, m)) for m in ("8", "9", "10")]
    placements, _ = place_notes(blocks, notes, en)
    assert [(p.block, p.note) for p in placements] == [(0, 0), (2, 1), (3, 2)]
    assert "resolution 61/29 of" in blocks[1].text
    assert "resolution 59/300 and" in blocks[2].text


def test_without_spaces_a_repeat_needs_punctuation_or_the_same_words():
    """Chinese: "目标1和2加以铲除" counts goals; a digit inside a sentence is a repeat of note 2
    only where punctuation follows it or the characters before it echo note 2's place."""
    from akn.mapping import load_mapping

    zh = load_mapping("zh")
    blocks = [
        _block(Kind.RECITAL, "回顾《2030年可持续发展议程》2，"),
        _block(Kind.RECITAL, "通过实现可持续发展目标1和2加以铲除，"),
        _block(Kind.PARAGRAPH, "重申《2030年可持续发展议程》2，"),
    ]
    notes = [Note("2", [Line(5, "第70/1号决议。")], 0, Line(5, "2"))]
    placements, _ = place_notes(blocks, notes, zh)
    assert [(p.block, p.repeat) for p in placements] == [(0, False), (2, True)]
    assert blocks[1].text == "通过实现可持续发展目标1和2加以铲除，"


def test_the_day_of_a_date_is_not_a_marker():
    """Spanish "… de 2018, 4 de febrero de 2021": a day after a comma reads like a spaced
    marker, but the language's date pattern starts there (A/RES/77/227 lost its "4")."""
    from akn.mapping import load_mapping

    es = load_mapping("es")
    assert (
        _first("los días 9 de mayo de 2018, 4 de febrero de 2021 y", "4", es, repeat=True) is None
    )


def test_the_tree_pass_marks_the_units_and_keeps_the_tree_it_was_given(fr):
    from akn.converter.assemble import assemble
    from akn.converter.marks.notes import mark_notes
    from akn.converter.tree import NoteMark

    blocks = [
        _block(Kind.FORMULA, "L’Assemblée générale,"),
        _block(Kind.RECITAL, "Rappelant la Déclaration de 19671, en 2017,"),
        _block(Kind.PARAGRAPH, "Encourage les États,"),
    ]
    notes = [
        Note("1", [Line(5, "A.")], 0, Line(5, "1")),
        Note("*", [Line(6, "B.")], 0, Line(6, "*")),
    ]
    tree = assemble(blocks, notes, ["A.", "B."], fr)
    marked, diagnostics = mark_notes(tree, notes, fr)
    recital = marked.units[1]
    assert recital.text == "Rappelant la Déclaration de 1967, en 2017,"
    assert recital.marks == (NoteMark(len("Rappelant la Déclaration de 1967"), 0),)
    assert [marked.notes[i].marker for i in marked.unplaced] == ["*"]
    assert [d.code for d in diagnostics] == ["N404"]
    # The tree the pass was given is as it was: the marker still in the text, no marks.
    assert (
        tree.units[1].text == "Rappelant la Déclaration de 19671, en 2017,"
        and not tree.units[1].marks
    )
    assert tree.unplaced == ()


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 4), st.integers(0, 9)), max_size=25))
def test_repeats_kept_are_those_no_earlier_note_overlaps(spans):
    """_without_overlaps keeps, note by note, each span no span kept before overlaps: what a
    comparison with every kept span says (it looks up only the neighbour)."""
    from akn.converter.marks.repeats import _without_overlaps
    from akn.converter.marks.search_units import Candidate, Placement

    taken = [
        (Candidate(start, start + size, start, True), Placement(0, start, note))
        for start, size, note in spans
    ]
    expected = []
    for candidate, origin in sorted(taken, key=lambda item: item[1].note):
        if all(candidate.end <= k.start or k.end <= candidate.start for k, _ in expected):
            expected.append((candidate, origin))
    expected.sort(key=lambda item: item[0].start, reverse=True)
    assert _without_overlaps(taken) == expected


@given(
    st.lists(st.integers(0, 60), max_size=12),
    st.lists(
        st.tuples(st.integers(1, 60), st.integers(1, 3), st.integers(0, 1)),
        max_size=8,
        unique_by=lambda c: c[0],
    ),
)
@example(offsets=[7], markers=[(5, 1, 0), (6, 1, 1)])  # cuts that overlap: one by one
def test_placements_move_as_if_after_each_cut(offsets, markers):
    """_shift moves a block's placements by the characters cut before each, all at once: as
    moving them after each cut, last cut first, does (a marker, and the space before it)."""
    from akn.converter.marks.repeats import _shift
    from akn.converter.marks.search_units import Placement

    cuts = [(start, start + size, size + space) for start, size, space in markers]
    one_by_one = [Placement(0, offset, 0) for offset in offsets]
    for start, _, removed in sorted(cuts, reverse=True):
        for placement in one_by_one:
            if placement.offset > start:
                placement.offset -= removed
    at_once = [Placement(0, offset, 0) for offset in offsets]
    _shift(at_once, list(cuts))
    assert [p.offset for p in at_once] == [p.offset for p in one_by_one]


def test_many_repeats_of_a_note_in_one_paragraph_are_each_a_reference():
    """16,000 repeats of note 4 in one paragraph (a fuzzing find: 10 s, quadratic) are each a
    reference to it, and the paragraph keeps every word."""
    from akn import convert

    text = (
        "The General Assembly,\n\n1. Recalls"
        + " the Convention,4 and" * 3000
        + " decides;\n__________________\n4 Resolution 70/1.\n"
    )
    result = convert(text, lang="en", validate=False)
    assert sum(d.code == "N405" for d in result.diagnostics) == 2999
    assert result.to_bytes().count(b"noteRef") == 2999


def test_a_marker_between_two_words_leaves_the_space_between_them():
    """The UN's Arabic sets a note between two words, the marker spaced from the word before
    and glued to the word after ("لعام (1)2030", A/RES/78/136): cutting the marker out must
    keep the words apart, "لعام 2030", not glue them ("لعام2030")."""
    from akn.converter.pipeline import convert

    text = (
        "75/999 - عنوان\nإن الجمعية العامة،\nإذ تشير إلى قرارها 70/1،\n"
        "1 - تقرر مواءمة برامجها مع خطة التنمية المستدامة لعام (1)2030 وفقا لولاياتها؛\n"
        "__________________\n(1) القرار 70/1.\n"
    )
    result = convert(text, lang="ar")
    paragraph = result.tree.find(".//{*}mainBody//{*}paragraph/{*}content/{*}p")
    assert paragraph is not None
    note = paragraph.find(".//{*}authorialNote")
    assert note is not None and note.get("marker") == "1"
    assert note.tail is not None and note.tail.startswith(" 2030 وفقا")
    written = etree.tostring(paragraph, encoding="unicode")
    assert "المستدامة لعام<authorialNote" in written
