"""Which block each line starts, and what kind of block it is."""

from __future__ import annotations

from akn.converter.recognise import (
    BodyReader,
    Kind,
    Regime,
    detect_regime,
    int_to_roman,
    letter_index,
    parse_front_matter,
    roman_to_int,
)
from akn.converter.source import split_lines
from akn.mapping import load_mapping


def _read(text: str, mapping, after_break: int | None = None):
    """Read ``text`` with the regime detected as the pipeline does; ``after_break``: the index
    of the line that opens a new page."""
    lines, _ = split_lines(text)
    if after_break is not None:
        lines[after_break].after_break = True
    reader = BodyReader(mapping, detect_regime(lines, mapping))
    return reader.read(lines)


def _kinds(blocks):
    return [(b.kind.value, b.num, b.rule) for b in blocks]


def test_numbering_helpers(en):
    assert [roman_to_int(x) for x in ("i", "iv", "xiv", "IIII")] == [1, 4, 14, None]
    assert int_to_roman(19) == "xix"
    letters = [letter_index(x, en.numbering) for x in ("a", "z", "aa", "bb", "ab")]
    assert letters == [1, 26, 27, 28, None]


def test_letters_typed_in_another_script_or_stretched_are_read_as_the_letter():
    """The mapping says which look-alikes stand for a letter (Russian: Cyrillic "с" typed
    for Latin "c") and which characters only stretch a label (Arabic: the tatweel)."""
    ru, ar = load_mapping("ru"), load_mapping("ar")
    assert letter_index("с", ru.numbering) == letter_index("c", ru.numbering) == 3
    assert letter_index("с", load_mapping("en").numbering) is None
    first = ar.numbering.letters[0]
    assert letter_index(first[0] + "\u0640" + first[1:], ar.numbering) == 1


def test_regimes(en):
    lines = split_lines("Recalling A,\nNoting B,\n1. Decides;\n")[0]
    assert detect_regime(lines, en) is Regime.LINES
    wrapped = "Recalling the purposes of the\n\nassociation and the principles of\n\n" * 5
    assert detect_regime(split_lines(wrapped)[0], en) is Regime.DENSE
    blank = (
        "Recalling the purposes of the\nassociation,\n\nNoting the principles of the\ncharter,\n\n"
        * 4
    )
    assert detect_regime(split_lines(blank)[0], en) is Regime.BLANK


def test_a_section_number_alone_on_its_line_is_no_sign_of_wrapped_text():
    """A/RES/79/281 in Russian: "II" / its title is no sentence going on, and where case says
    nothing (Russian recitals open in lower case) two such pairs in a short text had made it
    read as wrapped text, which glued its last operative paragraph to the recital before."""
    ru = load_mapping("ru")
    text = (
        "ссылаясь на свои резолюции,\nI\nДоклад Группы\nрассмотрев доклад,\n"
        "1. принимает к сведению доклад;\n2. подчеркивает важность;\nII\nОбзор докладов\n"
        "рассмотрев записку,\nпринимает к сведению эти записки.\n"
    )
    assert detect_regime(split_lines(text)[0], ru) is Regime.LINES


def test_clean_text_paragraphs_points_and_sub_points(en):
    blocks = _read(
        "Recalling its resolution 70/1,\n"
        "1. Decides:\n"
        "(a) To act;\n"
        "(b) To report:\n"
        "(i) Annually;\n"
        "(ii) In writing;\n"
        "(c) To meet;\n"
        "2. Requests;\n",
        en,
    )
    assert [(b.kind.value, b.num, b.level) for b in blocks] == [
        ("recital", None, 0),
        ("paragraph", "1.", 0),
        ("point", "(a)", 1),
        ("point", "(b)", 1),
        ("point", "(i)", 2),
        ("point", "(ii)", 2),
        ("point", "(c)", 1),
        ("paragraph", "2.", 0),
    ]


def test_letter_i_after_h_is_a_letter(en):
    text = "1. Decides:\n" + "".join(f"({c}) Item;\n" for c in "abcdefghij")
    blocks = _read(text, en)
    assert [b.num for b in blocks[1:]] == [f"({c})" for c in "abcdefghij"]
    assert {b.level for b in blocks[1:]} == {1}


def test_wrapped_text_follows_the_numbers_not_the_line_starts(en):
    blocks = _read(
        "Recalling the commitments made in the outcome document, in paragraph\n"
        "2. of which the Assembly decided to continue\n"
        "the work,\n"
        "1. Decides to continue the work referred to in paragraph\n"
        "1 (a) above and to report to the Assembly\n"
        "at its next session;\n"
        "2. Requests the Secretary-General to report in\n"
        "2025.\n",
        en,
    )
    assert [(b.kind.value, b.num, len(b.lines)) for b in blocks] == [
        ("recital", None, 3),
        ("paragraph", "1.", 3),
        ("paragraph", "2.", 2),
    ]


def test_unknown_opening_phrase_is_found_from_layout(en):
    blocks = _read("Recalling its resolution 70/1,\nPondering the facts,\n1. Decides;\n", en)
    assert [(b.kind.value, b.rule) for b in blocks[:2]] == [
        ("recital", "preamble.phrases"),
        ("recital", "preamble.opening"),
    ]


def test_no_new_recital_inside_a_quotation(en):
    blocks = _read(
        "Reaffirming its resolution entitled “Declaration on the Benefit of All States,\n"
        "Taking into Account the Needs of Developing Countries”, and\n"
        "the need to promote it,\n"
        "1. Decides;\n",
        en,
    )
    assert [b.kind.value for b in blocks] == ["recital", "paragraph"]


def test_a_quotation_closed_with_its_opening_mark_is_closed():
    """The UN's Chinese types “…“ for “…” (A/RES/77/242: 题为“我们希望的未来“的成果文件):
    the same mark does not nest, so the second closes the quotation, and the recitals after
    it are recitals of their own, not the first one's quoted text."""
    from akn.converter.quotes import open_quote

    zh = load_mapping("zh")
    text = (
        "回顾题为“我们希望的未来“的成果文件，\n重申其第70/1号决议，\n又重申其第69/313号决议，\n"
        "1. 决定继续审议。\n"
    )
    assert [b.kind.value for b in _read(text, zh)] == ["recital"] * 3 + ["paragraph"]
    pairs = zh.typography.quotes
    assert not open_quote("题为“我们希望的未来“的", pairs) and open_quote("题为“我们", pairs)
    assert not open_quote("„Frieden“ und", (("„", "“"), ("«", "»")))


def test_sections_headings_conclusions_annex(en):
    blocks = _read(
        "I\n"
        "Activities of the Office\n"
        "Recalling its resolutions,\n"
        "1. Notes the report;\n"
        "II. Other matters\n"
        "1. Decides;\n"
        "Partnerships and support mechanisms\n"
        "2. Invites;\n"
        "30th plenary meeting\n"
        "23 November 2020\n"
        "Annex\n"
        "Political Declaration\n"
        "1. We welcome;\n",
        en,
    )
    assert _kinds(blocks) == [
        ("heading", "I", "numbering.section"),
        ("recital", None, "preamble.phrases"),
        ("paragraph", "1.", "numbering.operative"),
        ("heading", "II.", "numbering.section"),
        ("paragraph", "1.", "numbering.operative"),
        ("heading", None, "heading.unnumbered"),
        ("paragraph", "2.", "numbering.operative"),
        ("conclusion", None, "conclusions.meeting"),
        ("annex", None, "annex"),
        ("paragraph", "1.", "numbering.operative"),
    ]
    assert len(blocks[0].lines) == 2 and len(blocks[7].lines) == 2 and len(blocks[8].lines) == 2


def test_front_matter_of_a_pdf(en):
    lines, _ = split_lines(
        "United Nations\nA/RES/80/2\nGeneral Assembly\nDistr.: General\n15 October 2025\n"
        "Eightieth session\nAgenda item 140\nScale of assessments for the apportionment\n"
        "of the expenses of the United Nations\n"
        " Resolution adopted by the General Assembly\non 14 October 2025\n"
        "[on the report of the Fifth Committee (A/80/401, para. 6)]\n"
        "80/2. Scale of assessments for the apportionment of the expenses of the\n"
        "United Nations: requests under Article 19 of the Charter\n"
    )
    front = parse_front_matter(lines, en)
    assert [b.role for b in front.masthead] == [
        "authority",
        "symbol",
        "body",
        "distribution",
        "date",
        "session",
        "agenda_item",
        "agenda_title",
        "adopted",
        "committee",
    ]
    assert front.facts["symbol"] == "A/RES/80/2"
    assert front.facts["adopted"] == "14 October 2025"
    assert front.title is not None and len(front.title.lines) == 2
    assert front.diagnostics == []


def test_masthead_line_nobody_knows_is_kept_and_reported(en):
    lines, _ = split_lines("United Nations\nSomething unexpected\nA/RES/80/2\nThe title\n")
    front = parse_front_matter(lines, en)
    assert [d.code for d in front.diagnostics] == ["S301"]
    assert any(b.kind is Kind.TEXT for b in front.masthead)


def test_inserted_paragraphs_and_deep_lists(en):
    text = "1. Decides:\n" + "".join(f"({c}) Item;\n" for c in "abcdefghijklmnopqrstuvwxyz")
    text += "(aa) Item;\n(bb) Item:\n(i) Sub;\n(ii) Sub;\n(iii) Sub;\n(iv) Sub;\n"
    text += "2. Requests;\n2 bis. Also requests;\n3. Invites;\n"
    blocks = _read(text, en)
    labels = [b.num for b in blocks]
    assert labels[27:29] == ["(aa)", "(bb)"]
    assert [b.level for b in blocks[29:33]] == [2, 2, 2, 2]
    assert labels[-3:] == ["2.", "2 bis.", "3."]


def test_a_line_that_stops_short_ends_its_paragraph():
    """Russian preambular paragraphs open in lower case, and this one lacks its comma: only
    the short line says that the paragraph ended (A/RES/75/157)."""
    blocks = _read(
        "ссылаясь на свои предыдущие резолюции о праве человека на безопасную питьевую воду и\n"
        "санитарные услуги, в частности на резолюцию 64/292, и на другие резолюции по этому\n"
        "вопросу,\n"
        "вновь подтверждая право каждого человека на наивысший достижимый уровень физического\n"
        "и психического здоровья\n"
        "напоминая в этой связи о том, что пользование этим правом играет важную роль в\n"
        "обеспечении здоровья людей и в борьбе с болезнями во всех странах и во всех регионах,\n"
        "1. призывает государства принять меры;\n",
        load_mapping("ru"),
    )
    assert [(b.kind.value, len(b.lines)) for b in blocks] == [
        ("recital", 3),
        ("recital", 2),
        ("recital", 2),
        ("paragraph", 1),
    ]


def test_a_long_heading_wrapped_onto_a_second_line_stays_one_heading(en):
    blocks = _read(
        "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world:\n"
        "the 2030 Agenda for Sustainable Development”, and its resolution 69/313 of 27 July,\n"
        "I. Implementation of the Programme of Action for Landlocked Developing Countries for the\n"
        "Decade 2024–2034\n"
        "1. Decides to continue the work of the Programme of Action for the Landlocked Developing\n"
        "Countries, in particular through the regional commissions and the specialized agencies;\n"
        "2. Requests the Secretary-General to report to the General Assembly at its eighty-first\n"
        "session on the implementation of the present resolution.\n",
        en,
    )
    assert [(b.kind.value, b.num, len(b.lines)) for b in blocks] == [
        ("recital", None, 2),
        ("heading", "I.", 2),
        ("paragraph", "1.", 2),
        ("paragraph", "2.", 2),
    ]


def test_an_indented_line_opens_a_paragraph_after_a_page_break_too(en):
    text = (
        " Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our\n"
        "world: the 2030 Agenda for Sustainable Development”, and recalling also the outcome\n"
        "of the high-level meeting on the subject held in New York in September 2019,\n"
        " Noting that only some specialized agencies and other organizations of the United\n"
        "Nations system have been involved in providing assistance to the Territories,\n"
        " Stressing that, because the development options of the small island Territories\n"
        "are limited, there are special challenges to planning and implementing development,\n"
        " 1. Decides to continue the work referred to above;\n"
    )
    blocks = _read(text, en, after_break=3)
    assert [(b.kind.value, len(b.lines)) for b in blocks] == [
        ("recital", 3),
        ("recital", 2),
        ("recital", 2),
        ("paragraph", 1),
    ]
