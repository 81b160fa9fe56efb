"""Each recognition rule alone: what it claims, what it leaves to the rules after it.

A rule is called the way the reader calls it, with a state (zone, counters, the blocks so
far), a view of the line (the line before, the next one) and the body's context; the chain
(chains.py) is tested as data: ids declared, order, and that a rule gives no id it does not
declare.
"""

from __future__ import annotations

import pytest

from akn.converter.blocks import Block, Kind
from akn.converter.recognise import describe_chains, read_body
from akn.converter.recognise.chains import BODY_CHAIN
from akn.converter.recognise.layout import Layout, Regime, detect_regime
from akn.converter.recognise.rules import (
    annex,
    conclusion,
    continuation,
    decision,
    heading,
    operative,
    point,
    recital,
    section,
    unlabelled,
    unnumbered_operative,
)
from akn.converter.recognise.state import Context, LineView, Progress, ReaderState, Zone
from akn.converter.source import Line, split_lines


def _line(text: str, number: int = 2) -> Line:
    return Line(number, text, 1, 0, False)


def _block(kind: Kind, text: str, rule: str = "test", **fields) -> Block:
    return Block(kind, [_line(text, 1)], rule, **fields)


def _ask(
    rule,
    mapping,
    text,
    previous=None,
    following=None,
    *,
    blocks=(),
    regime=Regime.LINES,
    decision_=False,
    **progress,
):
    """The rule's answer for ``text`` after ``previous`` (a line's text), in a state made of
    ``blocks`` and ``progress`` (zone, next_paragraph…)."""
    progress.setdefault("zone", Zone.PREAMBLE)
    state = ReaderState(
        Progress(**progress), decision_, list(blocks), blocks[-1] if blocks else None
    )
    context = Context(mapping, Layout(regime))
    view = LineView(
        _line(text),
        _line(previous, 1) if previous is not None else None,
        _line(following, 3) if following is not None else None,
        False,
        False,
        state,
        context,
    )
    return rule(state, view, context)


def test_decision_opening_takes_the_first_line_of_a_decision_only(en):
    match = _ask(decision.decision_opening, en, "The General Assembly decided", decision_=True)
    assert match.rule == "decision.opening" and match.opens_decision and match.in_decision
    assert _ask(decision.decision_opening, en, "The General Assembly decided") is None
    paragraph = _block(Kind.PARAGRAPH, "Text")
    assert _ask(decision.decision_opening, en, "x", blocks=[paragraph], decision_=True) is None


def test_label_text_goes_with_a_number_alone_on_its_line(en):
    bare = _block(Kind.PARAGRAPH, "1.", num="1.")
    match = _ask(continuation.label_text, en, "Decides to act;", "1.", blocks=[bare])
    assert match.rule == "continuation.label_text" and match.kind is None
    full = _block(Kind.PARAGRAPH, "1. Decides;")
    assert _ask(continuation.label_text, en, "Requests;", "1. Decides;", blocks=[full]) is None


def test_wrapped_heading_needs_a_wrapped_text(en):
    title = _block(Kind.HEADING, "Measures to build the capacity of States to prevent and")
    args = (en, "combat terrorism", "Measures to build the capacity of States to prevent and")
    assert _ask(continuation.wrapped_heading, *args, blocks=[title]) is None  # one line each
    state = ReaderState(Progress(Zone.OPERATIVE), False, [title], title)
    context = Context(en, Layout(Regime.DENSE, width=60))
    view = LineView(_line("combat terrorism"), title.lines[0], None, False, False, state, context)
    assert continuation.wrapped_heading(state, view, context).rule == "continuation.heading"
    numbered = LineView(_line("1. Decides"), title.lines[0], None, False, False, state, context)
    assert continuation.wrapped_heading(state, numbered, context) is None


def test_conclusion_date_and_annex_title_go_with_the_line_above(en):
    meeting = _block(Kind.CONCLUSION, "73rd plenary meeting")
    match = _ask(continuation.conclusion_date, en, "5 December 2019", blocks=[meeting])
    assert match.rule == "continuation.date"
    assert _ask(continuation.conclusion_date, en, "Signed by all", blocks=[meeting]) is None
    heading_ = _block(Kind.ANNEX, "Annex")
    match = _ask(continuation.annex_title, en, "Plan of action", blocks=[heading_])
    assert match.rule == "continuation.annex_title"
    assert _ask(continuation.annex_title, en, "1. Decides", blocks=[heading_]) is None


def test_operative_paragraph_follows_the_numbering(en):
    recital_ = _block(Kind.RECITAL, "Recalling its resolution 70/1,")
    match = _ask(
        operative.operative_paragraph,
        en,
        "1. Decides to act;",
        "Recalling 70/1,",
        blocks=[recital_],
    )
    assert match.rule == "numbering.operative" and match.num == "1." and match.strip == 2
    assert match.progress.zone is Zone.OPERATIVE and match.progress.next_paragraph == 2
    # 3 where 2 is expected: a gap of one is taken, and reported
    paragraph = _block(Kind.PARAGRAPH, "Decides;")
    match = _ask(
        operative.operative_paragraph,
        en,
        "3. Requests;",
        "Decides;",
        blocks=[paragraph],
        zone=Zone.OPERATIVE,
        next_paragraph=2,
    )
    assert [d.code for d in match.diagnostics] == ["S306"]
    # too far on: not a paragraph
    assert (
        _ask(
            operative.operative_paragraph,
            en,
            "9. Requests;",
            "Decides;",
            blocks=[paragraph],
            zone=Zone.OPERATIVE,
            next_paragraph=2,
        )
        is None
    )
    # "1.5" is not "1."
    assert _ask(operative.operative_paragraph, en, "1.5 per cent", "Recalling,") is None


def test_operative_paragraph_refuses_a_wrapped_reference(en):
    paragraph = _block(Kind.PARAGRAPH, "Decides;")
    assert (
        _ask(
            operative.operative_paragraph,
            en,
            "2. of its resolution",
            "as set out in paragraph",
            blocks=[paragraph],
            zone=Zone.OPERATIVE,
            next_paragraph=2,
            regime=Regime.DENSE,
        )
        is None
    )


def test_point_opens_lists_and_follows_their_letters(en):
    paragraph = _block(Kind.PARAGRAPH, "Decides:")
    match = _ask(
        point.point, en, "(a) To act;", "Decides:", blocks=[paragraph], zone=Zone.OPERATIVE
    )
    assert match.rule == "numbering.point" and match.progress.points == (("letter", 1),)
    item = _block(Kind.POINT, "To report:")
    match = _ask(
        point.point,
        en,
        "(i) Annually;",
        "To report:",
        blocks=[item],
        zone=Zone.OPERATIVE,
        points=(("letter", 2),),
    )
    assert match.rule == "numbering.subpoint" and match.level == 2
    # "(i)" after "(h)" is the ninth letter, not the roman one
    match = _ask(
        point.point,
        en,
        "(i) To meet;",
        "To act;",
        blocks=[item],
        zone=Zone.OPERATIVE,
        points=(("letter", 8),),
    )
    assert match.rule == "numbering.point" and match.progress.points == (("letter", 9),)
    assert (
        _ask(point.point, en, "(c) To act;", "Decides:", blocks=[paragraph], zone=Zone.OPERATIVE)
        is None
    )  # a list opens at (a)
    assert _ask(point.point, en, "(a) To act;", "Recalling,") is None  # not in the preamble


def test_section_counts_its_headings(en):
    match = _ask(
        section.section, en, "II. Funding", "Decides;", zone=Zone.OPERATIVE, next_section=2
    )
    assert match.rule == "numbering.section" and match.num == "II."
    assert match.progress.next_section == 3 and match.progress.section_preamble
    assert (
        _ask(section.section, en, "IV. Funding", "Decides;", zone=Zone.OPERATIVE, next_section=2)
        is None
    )


def test_meeting_opens_the_conclusions(en):
    match = _ask(conclusion.meeting, en, "73rd plenary meeting", "Decides;", zone=Zone.OPERATIVE)
    assert match.rule == "conclusions.meeting" and match.progress.zone is Zone.CONCLUSIONS
    assert _ask(conclusion.meeting, en, "the meeting was held", "Decides;") is None


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("es", "54a sesión plenaria(continuación)"),  # A/RES/76/232: no space before "("
        ("es", "48a sesión plenaria (continuación)"),
        ("fr", "52e séance plénière(reprise)"),
    ],
)
def test_a_resumed_meeting_with_or_without_the_space_before_its_bracket(language, line):
    from akn.mapping import load_mapping

    match = _ask(conclusion.meeting, load_mapping(language), line, "Decide;", zone=Zone.OPERATIVE)
    assert match is not None and match.rule == "conclusions.meeting"


def test_annex_restarts_the_numbering(en):
    match = _ask(
        annex.annex,
        en,
        "Annex",
        "meeting",
        "Plan of action",
        zone=Zone.CONCLUSIONS,
        next_paragraph=9,
    )
    assert match.rule == "annex" and match.progress == Progress(Zone.ANNEX)
    assert _ask(annex.annex, en, "Annex", "meeting", "to the present resolution") is None


def test_unnumbered_operative_needs_a_verb_a_colon_and_point_a(en):
    match = _ask(
        unnumbered_operative.unnumbered_operative,
        en,
        "Decides:",
        "Recalling,",
        "(a) To include the item;",
    )
    assert match.rule == "operative.unnumbered" and match.progress.zone is Zone.OPERATIVE
    assert (
        _ask(
            unnumbered_operative.unnumbered_operative,
            en,
            "Decides:",
            "Recalling,",
            "(b) To include the item;",
        )
        is None
    )
    assert (
        _ask(
            unnumbered_operative.unnumbered_operative,
            en,
            "Recalling:",
            "Noting,",
            "(a) its resolution;",
        )
        is None
    )


def test_recital_opens_with_a_phrase_of_the_mapping(en):
    match = _ask(recital.recital, en, "Recalling its resolution 70/1,", "Noting,")
    assert match.rule == "preamble.phrases"
    assert (
        _ask(recital.recital, en, "Recalling its resolution,", "Noting,", zone=Zone.OPERATIVE)
        is None
    )


def test_unnumbered_heading_needs_the_next_number(en):
    match = _ask(
        heading.unnumbered_heading,
        en,
        "Follow-up",
        "Decides;",
        "3. Requests;",
        zone=Zone.OPERATIVE,
        next_paragraph=3,
    )
    assert match.rule == "heading.unnumbered"
    assert (
        _ask(
            heading.unnumbered_heading,
            en,
            "Follow-up",
            "Decides;",
            "5. Requests;",
            zone=Zone.OPERATIVE,
            next_paragraph=3,
        )
        is None
    )


@pytest.mark.parametrize(
    ("progress", "decision_", "expected"),
    [
        ({"zone": Zone.PREAMBLE}, False, "preamble.layout"),
        ({"zone": Zone.OPERATIVE, "points": (("letter", 2),)}, False, "wrapUp.layout"),
        ({"zone": Zone.CONCLUSIONS}, False, "conclusions.layout"),
        ({"zone": Zone.OPERATIVE}, True, "decision.paragraph"),
        ({"zone": Zone.OPERATIVE}, False, "paragraph.unnumbered"),
    ],
)
def test_unlabelled_blocks_take_their_zone(en, progress, decision_, expected):
    match = _ask(
        unlabelled.unlabelled, en, "Some text", "Text before.", decision_=decision_, **progress
    )
    assert match.rule == expected


def test_every_rule_id_a_conversion_gives_is_declared(en):
    """No rule gives a block an id the chain does not declare for it (so ``--rules`` and
    ``--dump tree`` tell the truth)."""
    declared = {rule_id for entry in BODY_CHAIN for rule_id in entry.rule_ids}
    text = (
        "Recalling its resolution 70/1,\nNoting with concern the situation,\n"
        "Welcoming the report,\n1. Decides:\n(a) To act;\n(b) To report:\n(i) Annually;\n"
        "(ii) In writing;\nand requests a report;\nI. Funding\n2. Requests;\nFollow-up\n"
        "3. Invites;\n73rd plenary meeting\n5 December 2019\nAnnex\nPlan of action\n"
    )
    lines, _ = split_lines(text)
    blocks, _ = read_body(lines, en, detect_regime(lines, en))
    given = {block.rule for block in blocks} - {"text"}
    assert given <= declared, given - declared
    assert len(given) >= 8


def test_the_chain_is_data_and_is_listed(en):
    names = [entry.name for entry in BODY_CHAIN]
    assert len(names) == len(set(names))
    assert names[0] == "decision_opening" and names[-1] == "after_table"
    listed = describe_chains()
    assert [r["rule"] for r in listed if r["chain"] == "body"] == names
    assert all(r["summary"] for r in listed)


def test_a_chain_without_a_rule_reads_differently(en):
    """The order is data: take the recital rule out and "Recalling …" is no longer read by
    its phrase (only the layout rule claims it: the body's first line opens a block)."""
    from akn.converter.recognise import BodyReader

    text = "Recalling its resolution 70/1\nNoting with concern the situation,\n1. Decides;\n"
    lines, _ = split_lines(text)
    full = BodyReader(en, Regime.DENSE).read(lines)
    chain = tuple(e for e in BODY_CHAIN if e.name != "recital")
    reduced = BodyReader(en, Regime.DENSE, chain=chain).read(lines)
    assert [b.rule for b in full] == ["preamble.phrases", "numbering.operative"]
    assert [b.rule for b in reduced] == ["preamble.layout", "numbering.operative"]


def test_an_annex_number_must_go_on_with_the_annexes_before(en):
    """Inside an unnumbered "Annex", "Annex I" heads the annexed convention's own annex; among
    numbered annexes, a number that does not go up does too."""
    unnumbered = _block(Kind.ANNEX, "Annex", num=None)
    first = _block(Kind.ANNEX, "Annex I", num="I")
    ask = {"zone": Zone.ANNEX}
    assert _ask(annex.annex, en, "Annex I", "text.", "Title", blocks=(unnumbered,), **ask) is None
    assert _ask(annex.annex, en, "Annex II", "text.", "Title", blocks=(first,), **ask)
    assert _ask(annex.annex, en, "Annex I", "text.", "Title", blocks=(first,), **ask) is None
    assert _ask(annex.annex, en, "Annex I", "meeting", "Title", zone=Zone.CONCLUSIONS)


def test_unnumbered_operative_reads_a_full_width_colon():
    from akn.mapping import load_mapping

    zh = load_mapping("zh")
    match = _ask(
        unnumbered_operative.unnumbered_operative,
        zh,
        "决定：",
        "回顾，",
        "(a) 将题为“消除”的议程项目列入临时议程；",
    )
    assert match is not None and match.rule == "operative.unnumbered"


def test_a_point_ending_with_a_colon_introduces_unlabelled_points(en):
    introducing = _block(
        Kind.POINT, "(a) The dialogues will address the following themes:", level=1
    )
    listed = ("zone", Zone.OPERATIVE), ("points", (("letter", 1),))
    match = _ask(
        unlabelled.unlabelled,
        en,
        "Dialogue 1: Health;",
        "x:",
        blocks=(introducing,),
        **dict(listed),
    )
    assert match.rule == "point.unlabelled" and match.kind is Kind.POINT and match.level == 2
    item = _block(Kind.POINT, "Dialogue 1: Health;", level=2)
    match = _ask(
        unlabelled.unlabelled, en, "Dialogue 2: Peace;", "x;", blocks=(item,), **dict(listed)
    )
    assert match.rule == "point.unlabelled"
    closing = _block(Kind.POINT, "(b) To report;", level=1)
    match = _ask(
        unlabelled.unlabelled, en, "and requests a report.", "x;", blocks=(closing,), **dict(listed)
    )
    assert match.rule == "wrapUp.layout"


def _body(mapping, text: str) -> list[Block]:
    lines, _ = split_lines(text)
    return read_body(lines, mapping, detect_regime(lines, mapping))[0]


def test_unlabelled_points_keep_their_place_before_the_next_point(en):
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\n1. Decides as follows:\n(a) The themes are:\n"
        "Theme 1: health;\nTheme 2: peace;\n(b) Each dialogue has two Co-Chairs;\n"
        "2. Requests a report.\n",
    )
    assert [(b.kind, b.num, b.level) for b in blocks[2:6]] == [
        (Kind.POINT, "(a)", 1),
        (Kind.POINT, None, 2),
        (Kind.POINT, None, 2),
        (Kind.POINT, "(b)", 1),
    ]


@pytest.mark.parametrize(
    ("text", "sole"),
    [
        (
            "Recalling its resolution 70/1,\nNoting the report,\nDecides to include the item.\n",
            True,
        ),
        (
            "Recalling its resolution 70/1,\nAdopts the declaration.\n90th plenary meeting\n",
            True,
        ),
        # a preamble cut short: its last recital goes on with a comma
        ("Recalling its resolution 70/1,\nNoting the report,\n", False),
        # numbered paragraphs: the last recital is no operative part
        ("Recalling its resolution 70/1,\nNoting the report.\n1. Decides to act.\n", False),
        # a line that opens with a number it was not read with
        ("Recalling its resolution 70/1,\n1 bis.\n", False),
    ],
)
def test_a_sole_unnumbered_paragraph_ending_with_a_full_stop_is_the_operative_part(en, text, sole):
    blocks = _body(en, text)
    operative = [b for b in blocks if b.rule == "operative.sole"]
    assert bool(operative) is sole
    if sole:
        assert (
            operative[0].kind is Kind.PARAGRAPH
            and operative[0] is [b for b in blocks if b.kind in (Kind.PARAGRAPH, Kind.RECITAL)][-1]
        )


def test_a_sole_operative_paragraph_is_converted_without_warnings():
    from akn.converter.pipeline import convert

    text = (
        "The General Assembly,\nRecalling its resolution 70/1,\n"
        "Decides to include the item in its agenda.\n90th plenary meeting\n30 June 2022\n"
    )
    result = convert(text, lang="en")
    assert result.tree is not None
    body = result.tree.find(".//{*}mainBody")
    assert "Decides to include" in "".join(body.itertext())
    assert not [d for d in result.diagnostics if d.code in ("S304", "S305")]


def test_a_recital_that_ends_with_a_colon_introduces_a_list(en):
    """Issue 9's class 2: "… a major contribution to:" / "(a) International peace and
    security," — the points are the recital's, not preambular paragraphs of their own."""
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\nConvinced that it contributes to:\n(a) Peace,\n"
        "(b) Security,\nNoting the report,\nWelcoming:\n(a) The plan,\n1. Decides to act.\n",
    )
    assert [(b.kind, b.num) for b in blocks] == [
        (Kind.RECITAL, None),
        (Kind.RECITAL, None),
        (Kind.POINT, "(a)"),
        (Kind.POINT, "(b)"),
        (Kind.RECITAL, None),
        (Kind.RECITAL, None),
        (Kind.POINT, "(a)"),  # a recital closes the list before it: (a) opens again
        (Kind.PARAGRAPH, "1."),
    ]
    # no colon, no list: a recital's "(a)" stays a recital of its own
    blocks = _body(en, "Recalling its resolution 70/1,\n(a) Peace,\n1. Decides to act.\n")
    assert [b.kind for b in blocks] == [Kind.RECITAL, Kind.RECITAL, Kind.PARAGRAPH]


def test_a_recitals_list_is_written_as_a_block_list_in_its_container():
    from akn.converter.pipeline import convert

    text = (
        "The General Assembly,\nConvinced that it contributes to:\n(a) Peace,\n(b) Security,\n"
        "Decides to include the item in its agenda.\n"
    )
    result = convert(text, lang="en")
    container = result.tree.find(".//{*}preamble/{*}container")
    listing = container.find("{*}blockList")
    assert "".join(listing.find("{*}listIntroduction").itertext()).endswith("contributes to:")
    items = listing.findall("{*}item")
    assert [i.findtext("{*}num") for i in items] == ["(a)", "(b)"]
    assert items[0].get("eId").endswith("__item_a")
    # the points are the preamble's: the last paragraph is still the one operative part
    assert "Decides" in "".join(result.tree.find(".//{*}mainBody").itertext())
    assert not [d for d in result.diagnostics if d.code in ("S304", "S305")]


def test_a_heading_over_a_subheading_before_the_next_number(en):
    """ "AMISOM" / "Priorities and tasks" / "9. Decides …", a line each: two headings (the
    number after both is the evidence); they had been two unnumbered paragraphs."""
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\n1. Decides to act;\nAMISOM\nPriorities and tasks\n"
        "2. Requests a report.\n",
    )
    assert [(b.kind, b.rule) for b in blocks[2:4]] == [
        (Kind.HEADING, "heading.unnumbered"),
        (Kind.HEADING, "heading.unnumbered"),
    ]
    # without the number after them they stay paragraphs
    blocks = _body(en, "1. Decides to act;\nAMISOM\nPriorities and tasks\nMore text.\n")
    assert Kind.HEADING not in [b.kind for b in blocks]


def test_an_unlisted_opening_word_after_a_closed_line_in_wrapped_text(en):
    """Wrapped text whose layout parts nothing: "Affirming" (not in the mapping's phrases)
    after a line that closed opens a recital; "United Nations" after a comma does not, nor a
    line after one that did not close."""
    kwargs = {"regime": Regime.DENSE}
    match = _ask(recital.recital, en, "Affirming the importance of a clean", "rights,", **kwargs)
    assert match is not None and match.rule == "preamble.opening"
    assert _ask(recital.recital, en, "Strongly deploring all acts of", "belief,", **kwargs)
    assert _ask(recital.recital, en, "United Nations Children’s Fund and", "the,", **kwargs) is None
    assert _ask(recital.recital, en, "Affirming the importance of", "respect for", **kwargs) is None


def test_an_invisible_mark_after_the_comma_closes_the_line(en):
    from akn.converter.recognise.punctuation import is_closed

    assert is_closed("Climate Change,\u200e", en.typography)
    assert not is_closed("Climate Change\u200e", en.typography)


def test_wrapped_text_body_cues(en):
    """Wrapped text whose layout parts nothing (PDF-like): "1." and an operative verb open
    the body after a recital that lost its comma, even after a counting word ("decisions");
    a heading wrapped onto a second line before the next number is a heading; the items of a
    list without labels open after the colon that introduces them."""
    text = (
        "Recalling its resolutions 2042 (2012) and the obligations of Member States to accept\n"
        "and carry out the Council’s decisions\n"
        "1. Calls upon all parties to ensure principled, sustained and improved humanitarian\n"
        "assistance to Syria in 2020;\n"
        "Pillar III: measures to build States’ capacity to prevent and combat terrorism and to\n"
        "strengthen the role of the United Nations system in this regard\n"
        "2. Further decides that the plenary meetings will be held in New York as follows:\n"
        "Monday, 27 May: from 10 a.m. to 1 p.m., including an opening segment from 10 a.m.;\n"
        "Tuesday, 28 May: from 9 a.m. to 1 p.m. and from 3 to 6 p.m. in the General Assembly\n"
        "Hall;\n"
        "3. Requests the Secretary-General to report to it at its next session on the item.\n"
    )
    lines, _ = split_lines(text)
    blocks, _ = read_body(lines, en, Regime.DENSE)
    assert [(b.kind, b.num) for b in blocks] == [
        (Kind.RECITAL, None),
        (Kind.PARAGRAPH, "1."),
        (Kind.HEADING, None),
        (Kind.PARAGRAPH, "2."),
        (Kind.PARAGRAPH, None),
        (Kind.PARAGRAPH, None),
        (Kind.PARAGRAPH, "3."),
    ]
    assert len(blocks[2].lines) == 2 and len(blocks[5].lines) == 2


def test_an_unlisted_opening_where_case_marks_no_start_needs_a_form_that_opens():
    """Where case says nothing (Arabic has none; Russian recitals open in lower case), only
    ``preamble.opening_alone`` opens a recital after a comma in wrapped text: "وإذ تهيب" and
    "будучи привержена" do; "беженцев" (a noun ending like a gerund) and "并欢迎" ("and
    welcomes", going on) do not."""
    from akn.mapping import load_mapping

    ar, ru, zh = load_mapping("ar"), load_mapping("ru"), load_mapping("zh")
    kwargs = {"regime": Regime.DENSE}
    match = _ask(recital.recital, ar, "وإذ تهيب بجميع الدول الأطراف", "الاتفاقية،", **kwargs)
    assert match is not None and match.rule == "preamble.opening"
    match = _ask(recital.recital, ru, "будучи привержена принципам", "во всем мире,", **kwargs)
    assert match is not None and match.rule == "preamble.opening"
    noun = "беженцев, внутренне перемещенных"
    assert _ask(recital.recital, ru, noun, "народам,", **kwargs) is None
    assert _ask(recital.recital, zh, "并欢迎民间社会的持续参与，", "的利益，", **kwargs) is None
    # the Chinese of the English list's "Determined", "Deploring", "Commending", and "in this
    # regard" before a verb
    for opening in ("决心鼓励严格遵守《宪章》，", "痛惜到2020年仍未实现，", "在这方面欢迎各国，"):
        match = _ask(recital.recital, zh, opening, "的原则，", **kwargs)
        assert match is not None and match.rule == "preamble.opening", opening
    # the line before must close
    assert _ask(recital.recital, ar, "وإذ تهيب بجميع الدول", "في", **kwargs) is None


def test_dash_items_open_a_list_one_level_under_the_block_that_introduces_them(en):
    """The Security Council's dash lists (S/RES/2531 (2020)): under a paragraph that ends
    with a colon, and under a roman sub-point; a dash after a closed paragraph is text."""
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\n1. Urges the parties to:\n– achieve results;\n"
        "– ensure the reform;\n2. Decides that the tasks are:\n(a) Support:\n"
        "(i) To support the Agreement:\n– to support the ceasefire;\n– to monitor it;\n"
        "(ii) To report;\n3. Decides to act;\n– not an item\n",
    )
    got = [(b.kind, b.num, b.level, b.rule) for b in blocks[1:]]
    assert got[1:3] == [(Kind.POINT, "–", 1, "numbering.dash")] * 2
    assert got[6:8] == [(Kind.POINT, "–", 3, "numbering.dash")] * 2
    assert got[8][1:3] == ("(ii)", 2)  # the roman list goes on after its dashes
    assert got[-1][0] is not Kind.POINT


def test_a_roman_list_under_a_paragraph_is_numbered_from_its_first_level(en):
    """ "… focusing on:" / "(i) …" / "(ii) …": no letter points above them."""
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\n1. Requests reports focusing on:\n"
        "(i) progress in the Agreement,\n(ii) measures taken;\n2. Decides to act.\n",
    )
    assert [(b.num, b.level) for b in blocks[2:4]] == [("(i)", 1), ("(ii)", 1)]


def test_a_title_wrapped_onto_three_lines_is_a_heading_by_the_number_after_it(en):
    """ "Pillar III: …" wrapped three times in a column, then the next number:
    heading.wrapped; the same lines before a number that does not go on stay a paragraph."""
    title = (
        "Pillar III: measures to build the capacity of States to\n"
        "prevent and combat terrorism and to strengthen the role of\n"
        "the United Nations system in that regard\n"
    )
    head = "Recalling its resolution 70/1,\n1. Decides to act;\n"
    blocks = _body(en, head + title + "2. Requests a report.\n")
    assert [(b.kind, b.rule) for b in blocks if b.lines[0].text.startswith("Pillar")] == [
        (Kind.HEADING, "heading.wrapped")
    ]
    blocks = _body(en, head + title + "5. Requests a report.\n")
    assert Kind.HEADING not in [b.kind for b in blocks]


def test_chinese_sub_points_are_numbered_by_parenthesised_ideographs():
    """The UN's Chinese numbers sub-points "㈠" … "㈩", then "(十一)" (A/RES/76/177, 78/218,
    77/335), under a point that ends with a full-width colon "："."""
    from akn.mapping import load_mapping

    zh = load_mapping("zh")
    items = "".join(
        f"{label} 第{n}项；\n"
        for n, label in enumerate(["㈠", "㈡", "㈢", "㈣", "㈤", "㈥", "㈦", "㈧", "㈨", "㈩"], 1)
    )
    blocks = _body(
        zh,
        "回顾其第70/1号决议，\n1. 表示严重关切：\n(a) 持续不断接到的报告，例如：\n"
        + items
        + "(十一) 第11项；\n(b) 其他报告；\n2. 决定继续审议。\n",
    )
    got = [(b.num, b.level) for b in blocks if b.kind is Kind.POINT]
    assert got[1:3] == [("㈠", 2), ("㈡", 2)]
    assert got[10:] == [("㈩", 2), ("(十一)", 2), ("(b)", 1)]


def test_a_number_written_out_of_order_is_kept_where_each_paragraph_has_its_line(en):
    """A/RES/76/216 numbers "31.", "34.", "33.", "34.", "35.": one paragraph a line, the line
    before closed and an operative verb after the number, so "33." is a paragraph (S307) and
    the numbering goes on from it; in wrapped text a number going back stays text."""
    head = "Recalling its resolution 70/1,\n1. Decides to act;\n2. Requests a report;\n"
    lines, _ = split_lines(head + "4. Stresses the need;\n3. Considers the case;\n4. Notes it.\n")
    blocks, diagnostics = read_body(lines, en, detect_regime(lines, en))
    assert [b.num for b in blocks if b.kind is Kind.PARAGRAPH] == ["1.", "2.", "4.", "3.", "4."]
    assert [d.code for d in diagnostics if d.code.startswith("S30")] == ["S306", "S307"]
    wrapped = _body(
        en, head + "4. Stresses the need to act\nin line with paragraph\n3. of its resolution;\n"
    )
    assert [b.num for b in wrapped if b.kind is Kind.PARAGRAPH] == ["1.", "2.", "4."]


def test_arabic_numbers_typed_with_an_en_dash_and_openings_with_their_tanween():
    """A/RES/78/71 types paragraphs 9-11 "9 –" among "8 -" and "12 -"; A/RES/77/100 opens a
    recital "واقتناعاً منها" (the accusative's tanween written)."""
    from akn.mapping import load_mapping

    ar = load_mapping("ar")
    blocks = _body(
        ar,
        "إذ تشير إلى قرارها 70/1 المؤرخ\nفي 25 أيلول/سبتمبر 2015،\nواقتناعاً منها بأن الاتفاقية\n"
        "مقبولة للدول،\n1 - تقرر أن تعتمد الاتفاقية؛\n2 – تهيب بالحكومات أن توقع؛\n"
        "3 - تطلب تقريرا.\n",
    )
    assert [b.kind for b in blocks] == [Kind.RECITAL] * 2 + [Kind.PARAGRAPH] * 3
    assert [b.num for b in blocks[2:]] == ["1 -", "2 –", "3 -"]


def test_a_point_that_titles_the_text_under_it_introduces_it_as_its_item(en):
    """S/RES/2531 (2020): "(f) Humanitarian assistance" / "In support of the Malian
    authorities, to contribute …;": the text is the title's unlabelled sub-point, not the
    wrap-up of the list; after a list of titles, text going on ("and decides …") is the
    wrap-up still."""
    blocks = _body(
        en,
        "Recalling its resolution 70/1,\n"
        * 50  # (one line going on in 60: clean text)
        + "1. Decides that the tasks are:\n"
        "(a) Quick impact projects\nTo contribute to a secure environment;\n"
        "(b) Cooperation with Sanctions Committees\nTo assist the Committee;\n"
        "2. Recalls the priorities:\n(a) Peace and security\n(b) Human rights\n"
        "and decides to act.\n",
    )
    got = [(b.kind, b.num, b.level) for b in blocks[51:]]
    assert got[:4] == [
        (Kind.POINT, "(a)", 1),
        (Kind.POINT, None, 2),
        (Kind.POINT, "(b)", 1),
        (Kind.POINT, None, 2),
    ]
    assert got[-1][0] is Kind.WRAP_UP


def test_a_row_of_ornaments_between_recitals_is_a_decoration(en):
    """A/RES/78/149: "* * *" between two groups of recitals is the UN's
    ``<p><decoration>* * *</decoration></p>``, no recital; in the operative part it is left
    to the layout."""
    from akn.converter.pipeline import convert

    text = (
        "Recalling its resolution 70/1,\n* * *\nRecognizing the role of hubs,\n"
        "1. Decides to act;\n* * *\n2. Requests a report.\n"
    )
    blocks = _body(en, text)
    assert [b.kind for b in blocks[:3]] == [Kind.RECITAL, Kind.DECORATION, Kind.RECITAL]
    assert Kind.DECORATION not in [b.kind for b in blocks[3:]]
    result = convert("75/999. Title\nThe General Assembly,\n" + text, lang="en")
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    (decoration,) = result.tree.iterfind(".//a:preamble/a:p/a:decoration", ns)
    assert decoration.text == "* * *"
    assert len(result.tree.findall(".//a:preamble/a:container", ns)) == 2


def test_a_point_titling_an_item_in_a_language_whose_items_open_in_lower_case():
    """Russian items open in lower case ("f) Гуманитарная помощь" / "в порядке оказания
    поддержки …;"): only a conjunction first says the text goes on."""
    from akn.mapping import load_mapping

    ru = load_mapping("ru")
    blocks = _body(
        ru,
        "ссылаясь на свою резолюцию 70/1,\n"
        * 50
        + "1. постановляет, что задачи таковы:\na) Гуманитарная помощь\n"
        "в порядке оказания поддержки малийским властям содействовать;\n"
        "2. просит представить доклад.\n",
    )
    assert [(b.kind, b.num, b.level) for b in blocks[51:53]] == [
        (Kind.POINT, "a)", 1),
        (Kind.POINT, None, 2),
    ]


def test_an_empty_body_is_said_even_where_a_text_block_was_read():
    """Arabic pdftotext text reads its numbers "- 6" (the label reversed): no paragraph is
    numbered, and the one unplaced text block went elsewhere, so ``mainBody`` was empty with
    no S305 (exit 0, only AKN111). The tree's empty body says so."""
    from akn.converter.findings import report_missing_body
    from akn.converter.tree import Node, NodeKind, Tree

    blocks = [_block(Kind.RECITAL, "Recalling 70/1,"), _block(Kind.TEXT, "- 6 تطلب")]
    empty = Tree(Node(NodeKind.DOCUMENT, (Node(NodeKind.BODY, ()),)))
    full = Tree(Node(NodeKind.DOCUMENT, (Node(NodeKind.BODY, (Node(NodeKind.PARAGRAPH),)),)))
    assert [d.code for d in report_missing_body(blocks, empty)] == ["S305"]
    assert report_missing_body(blocks, full) == []
