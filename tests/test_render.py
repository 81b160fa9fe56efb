"""akn render: clean text that converts back to the same tree, and a page that reads like
the resolution (its content checked here; its look in a real browser in test_browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import CORPUS, LANGUAGES, corpus_files, render_round_trip
from lxml import etree
from lxml import html as lxml_html

import akn
from akn.converter.pipeline import convert
from akn.reading import AKN, ReadError

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
FILES = [(language, path) for language in LANGUAGES for path in corpus_files(language)]


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


# --------------------------------------------------------------------------- text


@pytest.mark.corpus
@pytest.mark.parametrize(("language", "path"), FILES, ids=[f"{a}/{p.name}" for a, p in FILES])
def test_text_round_trip_gives_the_same_tree(language, path):
    """text -> convert -> render -> convert: the same tree (eIds and markup date aside)."""
    trip = render_round_trip(path, language)
    assert trip.same, trip.failed or trip.differences[:12]


@pytest.mark.parametrize("name", ["collection-en", "table-tabs-en", "draft-en"])
def test_text_of_a_converted_fixture_is_the_fixture(name):
    """Converted and rendered back, a clean text is itself: components, tables (cells by
    tabs), the sponsor line of a draft."""
    rendered = akn.render(GOLDEN / f"{name}.xml", to="text")
    assert rendered == (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.corpus
def test_text_layout_of_a_un_file():
    text = akn.render(CORPUS / "akn/eng/A-RES-80-1.xml", to="text")
    lines = text.splitlines()
    assert lines[:2] == ["United Nations", "A/RES/80/1"]
    assert "80/1. Participation by the State of Palestine during the eightieth session" in lines
    assert lines[lines.index("The General Assembly,") + 1].startswith("Expressing concern")
    assert any(line.startswith("(a) The State of Palestine may submit") for line in lines)
    assert "Headquarters of the United Nations1 are prevented" in text  # the marker glued
    assert lines[-3:] == ["19 September 2025", "_" * 18, "1 See resolution 169 (II)."]


@pytest.mark.corpus
def test_arabic_markers_in_brackets():
    text = akn.render(CORPUS / "akn/ara/A-RES-75-15.xml", to="text")
    assert "1967(1)" in text and "\n(1) " in text


# --------------------------------------------------------------------------- html


def page(path: Path, check: bool = False) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(akn.render(path, to="html", check=check))


@pytest.mark.corpus
def test_page_is_self_contained_and_inert():
    source = akn.render(CORPUS / "akn/eng/A-RES-80-3.xml", to="html")
    document = lxml_html.fromstring(source)
    assert source.startswith("<!DOCTYPE html>")
    assert not document.xpath("//script | //link | //img | //iframe | //object | //embed")
    assert not document.xpath("//@src | //@*[starts-with(name(), 'on')]")
    style = document.findtext(".//style")
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    policy = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy


@pytest.mark.corpus
def test_page_counts_and_anchors():
    path = CORPUS / "akn/eng/A-RES-75-15.xml"
    tree = etree.parse(str(path))
    document = page(path)
    assert len(document.find_class("recital")) == len(tree.findall(f".//{q('container')}"))
    assert len(document.find_class("akn-paragraph")) == len(list(tree.iter(q("paragraph"))))
    notes = document.find_class("footnote")
    assert len(notes) == len(list(tree.iter(q("authorialNote")))) == 10
    ids = set(document.xpath("//@id"))
    for link in document.xpath("//a[starts-with(@href, '#')]/@href"):
        assert link[1:] in ids, link
    assert document.get_element_by_id("para_28") is not None  # the UN's own eIds
    italic = document.xpath("//*[contains(@class, 'recital')]//i")
    assert italic[0].text_content() == "Recalling"


def test_page_of_akn_output_anchors_points_by_eid():
    result = convert((FIXTURES / "deep-lists-fr.txt").read_bytes(), lang="fr")
    document = lxml_html.fromstring(akn.render(result.tree, to="html"))
    shown = result.tree[0]
    eids = [
        e.get("eId")
        for part in shown
        if part.tag != q("meta")
        for e in part.iter()
        if isinstance(e.tag, str) and e.get("eId")
    ]
    ids = set(document.xpath("//@id"))
    assert set(eids) <= ids
    anchor = document.get_element_by_id("para_1__list_1__point_a")
    assert anchor.find_class("eid")[0].get("href") == "#para_1__list_1__point_a"


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("language", "direction", "lang"), [("ara", "rtl", "ar"), ("zho", "ltr", "zh")]
)
def test_page_direction_and_fonts(language, direction, lang):
    document = page(CORPUS / f"akn/{language}/A-RES-77-259.xml")
    assert document.get("dir") == direction and document.get("lang") == lang
    assert f"lang-{language}" in document.find("body").get("class")
    if language == "zho":
        assert "Noto Serif CJK SC" in document.findtext(".//style")


@pytest.mark.corpus
def test_check_marks_findings_where_they_apply():
    path = CORPUS / "akn/fra/A-RES-75-15.xml"
    document = page(path, check=True)
    listed = document.xpath("//nav[@class='findings']//li")
    assert len(listed) == len(akn.validate(path, group=False))
    marks = document.find_class("mark")
    assert marks and all(m.get("href", "").startswith("#finding-") for m in marks)
    numbered = document.get_element_by_id("para_20")  # eId para_20 holds paragraph 1.
    assert any("AKN102" in m.text_content() for m in numbered.find_class("mark"))
    ids = set(document.xpath("//@id"))
    assert all(h[1:] in ids for h in document.xpath("//nav//a/@href"))


def test_render_refuses_what_is_no_akn(tmp_path):
    (tmp_path / "plain.xml").write_text("<html/>")
    (tmp_path / "broken.xml").write_text("<akomaNtoso")
    with pytest.raises(ReadError, match="IN008"):
        akn.render(tmp_path / "plain.xml")
    with pytest.raises(ReadError, match="IN004"):
        akn.render(tmp_path / "broken.xml", to="text")
    with pytest.raises(ValueError, match="cannot render to 'pdf'"):
        akn.render(tmp_path / "plain.xml", to="pdf")  # type: ignore[arg-type]


@pytest.mark.corpus
def test_page_text_follows_the_document():
    document = page(CORPUS / "akn/eng/A-RES-80-1.xml")
    text = re.sub(r"\s+", " ", document.find_class("akn-document")[0].text_content())
    point = document.get_element_by_id("para_7_list_point_a")
    assert point.find_class("akn-num")[0].text_content() == "(a)"
    assert text.index("The General Assembly") < text.index("Decides") < text.index("3rd plenary")


@pytest.mark.corpus
def test_page_of_a_collection_and_of_an_annex():
    collection = page(GOLDEN / "collection-en.xml")
    components = collection.find_class("akn-component")
    assert [c.get("id") for c in components] == ["cmp_1", "cmp_2"]
    assert len(collection.find_class("akn-paragraph")) == 4
    annexed = page(CORPUS / "akn/eng/A-RES-80-3.xml")
    [annex] = annexed.find_class("akn-attachment")
    assert "Awaza Political Declaration" in annex.text_content()
    assert annexed.find_class("akn-conclusions")


@pytest.mark.parametrize("name", ["collection-en", "table-tabs-en"])
def test_page_golden(name, request):
    """The whole page of two committed inputs, byte for byte (review it in a browser after
    ``--update-golden``)."""
    produced = akn.render(GOLDEN / f"{name}.xml", to="html")
    path = GOLDEN / f"{name}.html"
    if request.config.getoption("--update-golden"):
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with --update-golden and review it"
    assert produced == path.read_text(encoding="utf-8"), f"{name} differs from {path.name}"


_SUBLIST = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution"><meta/><mainBody>
<paragraph eId="para_1"><num>2.</num><list eId="para_1_list">
<intro eId="i"><p>Expresses its concern about:</p></intro>
<point eId="a"><num>(a)</num><content eId="ac">
<p>The reports of violations, including:</p></content></point>
<sublist eId="s"><point eId="s1"><num>(i)</num><content eId="s1c"><p>Torture;</p></content></point>
<point eId="s2"><num>(ii)</num><content eId="s2c"><p>Forced labour;</p></content></point></sublist>
<point eId="b"><num>(b)</num><content eId="bc"><p>The refusal to cooperate.</p></content></point>
</list></paragraph></mainBody></statement></akomaNtoso>"""


def test_a_sublist_is_rendered_and_outlined_under_its_point(tmp_path):
    """The UN writes a point's sub-points as a ``sublist`` beside it: they are printed where
    they stand and compared as the point's own ((a)/(i))."""
    from akn.outline import outline

    path = tmp_path / "sublist.xml"
    path.write_text(_SUBLIST, encoding="utf-8")
    lines = akn.render(path, to="text").splitlines()
    at = lines.index("(a) The reports of violations, including:")
    assert lines[at + 1 : at + 4] == [
        "(i) Torture;",
        "(ii) Forced labour;",
        "(b) The refusal to cooperate.",
    ]
    keys = [item.key for item in outline(etree.parse(str(path)).getroot()).items["point"]]
    assert keys == ["(a)", "(a)/(i)", "(a)/(ii)", "(b)"]


_RECITAL_LISTS = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution"><meta/><preamble>
<container name="Convinced" eId="c1"><p>Convinced that it contributes to:</p></container>
<blockList eId="l1"><item eId="i1"><num>(a)</num><p>Peace,</p></item>
<item eId="i2"><num>(b)</num><p>Security,</p></item></blockList>
<container name="Reaffirming" eId="c2"><blockList eId="l2">
<listIntroduction>Reaffirming that the plan:</listIntroduction>
<item eId="i3"><num>(a)</num><p>Helps,</p></item></blockList></container>
</preamble></statement></akomaNtoso>"""


def test_a_recitals_list_is_rendered_an_item_a_line_and_outlined_with_it(tmp_path):
    """The UN writes a recital's list beside its container or inside it: both print an item
    a line and compare as the recital's text."""
    from akn.outline import outline

    path = tmp_path / "lists.xml"
    path.write_text(_RECITAL_LISTS, encoding="utf-8")
    lines = akn.render(path, to="text").splitlines()
    assert lines == [
        "Convinced that it contributes to:",
        "(a) Peace,",
        "(b) Security,",
        "Reaffirming that the plan:",
        "(a) Helps,",
    ]
    recitals = [i.text for i in outline(etree.parse(str(path)).getroot()).items["recital"]]
    assert recitals == [
        "Convinced that it contributes to: (a) Peace, (b) Security,",
        "Reaffirming that the plan: (a) Helps,",
    ]


_REFERRED = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<documentCollection name="publication"><meta/>
<preface><p><docNumber>77/128.</docNumber> <docTitle>Questions</docTitle></p></preface>
<collectionBody><component eId="d0"><documentRef href="comp_0" showAs="A"/></component>
<component eId="d1"><documentRef href="comp_1" showAs="B"/></component></collectionBody>
</documentCollection>
<components>
<component eId="comp_0"><statement name="resolution"><meta/>
<preface><p><docNumber>A</docNumber><docTitle>First</docTitle></p></preface>
<mainBody><paragraph eId="p1"><num>1.</num><content eId="c1">
<p>Urges all States;<authorialNote marker="1" eId="n1"><p>A/77/1.</p></authorialNote></p>
</content></paragraph></mainBody></statement></component>
<component eId="comp_1"><statement name="resolution"><meta/>
<preface><p><docNumber>B</docNumber><docTitle>Second</docTitle></p></preface>
<mainBody><paragraph eId="p2"><num>1.</num><content eId="c2"><p>Decides.</p></content>
</paragraph></mainBody></statement></component>
</components></akomaNtoso>"""


def test_a_collection_whose_components_are_referred_to(tmp_path):
    """The UN's sets of resolutions keep each resolution in ``components`` and refer to it
    with ``documentRef``: the text and the outline read them there."""
    from akn.outline import outline

    path = tmp_path / "set.xml"
    path.write_text(_REFERRED, encoding="utf-8")
    lines = akn.render(path, to="text").splitlines()
    assert lines[:5] == ["77/128. Questions", "A", "First", "1. Urges all States;1", "B"]
    found = outline(etree.parse(str(path)).getroot())
    assert [i.key for i in found.items["paragraph"]] == ["A 1.", "B 1."]
    assert [i.key for i in found.items["note"]] == ["1"]
