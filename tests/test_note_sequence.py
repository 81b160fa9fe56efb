"""Note markers settled by the whole document: the order of notes 1..N, the words it writes,
the dates it writes, and how it writes its markers (issue 9, items 4 and 9).

Each case is a class seen in the clean texts made from the UN's AKN of ``corpus/wide``."""

from __future__ import annotations

from akn.converter.blocks import Block, Kind
from akn.converter.footnotes import Note
from akn.converter.marks.placement import place_notes
from akn.converter.source import Line
from akn.mapping import load_mapping

es, ru = load_mapping("es"), load_mapping("ru")


def _block(kind: Kind, text: str, line: int = 1) -> Block:
    block = Block(kind, [Line(line, text, 0)], "test")
    block.text, block.starts = text, [0]
    return block


def _notes(*markers: str) -> list[Note]:
    return [
        Note(m, [Line(90 + i, f"Note {m}.")], 0, Line(90 + i, m)) for i, m in enumerate(markers)
    ]


def _placed(blocks: list[Block], placements) -> list[str]:
    """Each first placement as the word before it, and the space if one stands between."""
    placed = []
    for p in placements:
        if not p.repeat:
            before = blocks[p.block].text[: p.offset]
            placed.append(before.rsplit(None, 1)[-1] + (" " if before.endswith(" ") else ""))
    return placed


def test_a_marker_after_a_year_range_with_a_non_breaking_hyphen():
    """ "2015‑20303,": the UN writes its ranges with U+2011; 2030 is the range's end and 3
    the note (A/RES/75/127), not "nivel 3" further on."""
    blocks = [
        _block(Kind.RECITAL, "el Marco de Sendái para la Reducción 2015\u201120303,", 1),
        _block(Kind.RECITAL, "Acogiendo el Acuerdo de París4 y su pronta entrada,", 2),
        _block(Kind.PARAGRAPH, "1. Pide el procedimiento de activación de nivel 3 para;", 3),
    ]
    placements, diagnostics = place_notes(blocks, _notes("3", "4"), es)
    assert _placed(blocks, placements) == ["2015\u20112030", "París"]
    assert blocks[2].text.endswith("de nivel 3 para;")
    assert diagnostics == []


def test_one_lost_marker_does_not_take_the_notes_after_it(en):
    """Note 2's marker is not in the text: taken in order, "level 2" far on would be note 2,
    and notes 3 to 5, all before it, would have no place. Paired as a whole, note 2 alone is
    left out, with a warning that names the lines of the notes around it."""
    blocks = [
        _block(Kind.RECITAL, "Recalling the Charter,1", 1),
        _block(Kind.RECITAL, "Recalling the Declaration on the Right to Development,", 2),
        _block(Kind.RECITAL, "Recalling the Convention,3 the Protocol4 and the Agreement,5", 3),
        _block(Kind.PARAGRAPH, "1. Decides on the level 2 activation procedure;", 4),
    ]
    placements, diagnostics = place_notes(blocks, _notes("1", "2", "3", "4", "5"), en)
    assert _placed(blocks, placements) == [
        "Charter,",
        "Convention,",
        "Protocol",
        "Agreement,",
    ]
    assert blocks[3].text == "1. Decides on the level 2 activation procedure;"
    (warning,) = [d for d in diagnostics if d.code == "N404"]
    assert warning.line == 91 and "1 and 3, stand in lines 1 and 3" in warning.message


def test_a_marker_glued_to_the_word_after_it(en):
    """ "Agreement4and", "2011 4and", ", 8including": the XML had the space before the note;
    the word after it ("and") is one the document writes on its own. "4th" is not."""
    blocks = [
        _block(Kind.RECITAL, "Welcoming the 4th session and the Paris Agreement4and its entry,"),
        _block(
            Kind.RECITAL,
            "Recalling the Agenda for Sustainable Development, 5including the Goals, including",
        ),
    ]
    placements, diagnostics = place_notes(blocks, _notes("4", "5"), en)
    assert _placed(blocks, placements) == ["Agreement", "Development, "]
    assert blocks[0].text.startswith("Welcoming the 4th session")
    assert [d.code for d in diagnostics] == ["N403", "N403"]


def test_a_date_is_not_cut_into_a_number_and_a_marker(en):
    """ "24 December 2011," is not 201 and note 1, "del 7 al 12 de marzo" not 1 and note 2:
    the date the language writes stays whole, and the notes glued to numbers further on
    ("sesiones 491, 542") are the notes."""
    blocks = [_block(Kind.RECITAL, "section I of its resolution 66/247 of 24 December 2011, and")]
    placements, diagnostics = place_notes(blocks, _notes("1"), en)
    assert placements == [] and [d.code for d in diagnostics] == ["N404"]
    blocks = [
        _block(Kind.RECITAL, "en Kioto del 7 al 12 de marzo de 2021 y el 21 de diciembre de 2001,"),
        _block(Kind.RECITAL, "en sus períodos de sesiones 491, 542 y 593,"),
    ]
    placements, _ = place_notes(blocks, _notes("1", "2", "3"), es)
    assert _placed(blocks, placements) == ["49", "54", "59"]
    assert "del 7 al 12 de marzo de 2021" in blocks[0].text


def test_an_invisible_mark_between_a_word_and_its_marker():
    """ "pornografía\u200e2": a left-to-right mark stands between the word and note 2."""
    blocks = [_block(Kind.RECITAL, "la utilización de niños en la pornografía\u200e2 y otros")]
    placements, diagnostics = place_notes(blocks, _notes("2"), es)
    assert _placed(blocks, placements) == ["pornografía\u200e"]
    assert diagnostics == []


def test_a_number_apart_is_a_repeat_only_where_the_document_writes_markers_apart(en):
    """A text that glues every marker to its word: "since 2011, 1 will graduate" counts
    countries, it does not call note 1 again (A/RES/79/218)."""
    blocks = [
        _block(Kind.RECITAL, "Recalling the Programme of Action for the Countries,1 and"),
        _block(Kind.PARAGRAPH, "1. Notes that 5 countries have graduated since 2011, 1 will"),
    ]
    placements, _ = place_notes(blocks, _notes("1"), en)
    assert [p.repeat for p in placements] == [False]
    assert blocks[1].text.endswith("since 2011, 1 will")


def test_a_code_in_brackets_keeps_its_digit():
    """ "(U4)": the name of a centre, not U and a repeat of note 4 (A/RES/77/154)."""
    blocks = [
        _block(Kind.RECITAL, "Ссылаясь на Конвенцию4 и"),
        _block(Kind.PARAGRAPH, "1. Отмечает Ресурсный центр по вопросам борьбы с коррупцией (U4),"),
    ]
    placements, _ = place_notes(blocks, _notes("4"), ru)
    assert [p.repeat for p in placements] == [False]
    assert "(U4)," in blocks[1].text


def test_a_bracketed_marker_after_a_name_in_brackets():
    """ "(youth4Disarmament((4)": the name has brackets of its own (A/RES/78/31); a code glued
    to the marker ("SSA2(5)") is still a code."""
    ar = load_mapping("ar")
    blocks = [
        _block(Kind.PARAGRAPH, "5 - للمنصة الرقمية (youth4Disarmament((4)، ومن خلال"),
        _block(Kind.PARAGRAPH, "6 - بالمقرر SSA2(5) المؤرخ"),
    ]
    placements, _ = place_notes(blocks, _notes("4", "5"), ar)
    assert _placed(blocks, placements) == ["(youth4Disarmament("]
    assert "SSA2(5)" in blocks[1].text


def test_the_end_of_a_range_is_not_cut_into_a_number_and_a_marker(en):
    """ "(2008–2017)" is not 2008–20 and note 17."""
    blocks = [_block(Kind.RECITAL, "the Decade for the Eradication of Poverty (2008–2017), and")]
    placements, diagnostics = place_notes(blocks, _notes("17"), en)
    assert placements == [] and [d.code for d in diagnostics] == ["N404"]


def test_without_spaces_a_number_the_document_counts_with_is_no_marker():
    """ "下午5时": the document writes "下午" before other numbers too (1, 3: hours), so the 5
    after it counts hours; note 5 is the one after "审议，" (A/RES/78/318). "圆桌会议1：",
    "圆桌会议2：" count round tables: no repeats of notes 1 and 2."""
    zh = load_mapping("zh")
    blocks = [
        _block(Kind.RECITAL, "回顾《宣言》1 和《纲领》2 ，"),
        _block(Kind.POINT, "(a) 全体会议：上午9时至下午1时和下午3时至6时；"),
        _block(Kind.POINT, "(c) 闭幕部分：第三天下午5时至6时；"),
        _block(Kind.PARAGRAPH, "9. 供其在无异议基础上审议，5 并提请大会注意；"),
        _block(Kind.POINT, "圆桌会议1：加强社会发展；"),
        _block(Kind.POINT, "圆桌会议2：评估进展；"),
    ]
    placements, _ = place_notes(blocks, _notes("1", "2", "5"), zh)
    assert [(p.block, p.repeat) for p in placements] == [(0, False), (0, False), (3, False)]
    assert blocks[2].text == "(c) 闭幕部分：第三天下午5时至6时；"
    assert blocks[4].text == "圆桌会议1：加强社会发展；"
