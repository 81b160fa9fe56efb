"""The library API: validate() and is_valid() on paths, bytes and lxml trees."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from akn.validation import Finding, is_valid, validate
from akn.validation.document import Document, Hit
from akn.validation.locator import Locator
from akn.validation.rules import UnknownRuleError

from .conftest import CLEAN, clean_text, edited

WARNED = edited([['<container name="Noting"', '<container name="Noting "']])
BROKEN = edited([['<docNumber refersTo="#symbol">', '<docNumber refersTo="#nowhere">']])


def test_sources_of_every_kind():
    tree = etree.parse(str(CLEAN))
    for source in (CLEAN, str(CLEAN), CLEAN.read_bytes(), tree, tree.getroot()):
        assert validate(source) == [], type(source)


def test_findings_are_records_with_a_place():
    (finding,) = validate(BROKEN.encode(), label="doc.xml")
    assert isinstance(finding, Finding)
    assert finding.code == "AKN103" and finding.path == "doc.xml"
    assert finding.format().startswith(f"doc.xml:{finding.line}:{finding.column}: error: AKN103 ")
    assert finding.to_dict()["severity"] == "error"


def test_a_tree_built_in_memory_has_no_lines_but_is_checked():
    root = etree.fromstring(BROKEN.encode())
    rebuilt = etree.fromstring(etree.tostring(root))
    assert [f.code for f in validate(rebuilt)] == ["AKN103"]


def test_a_subtree_is_checked_on_its_own_and_left_untouched():
    tree = etree.parse(str(CLEAN))
    statement = tree.getroot()[0]
    findings = validate(statement)
    assert [f.code for f in findings] == ["IN008"]  # a statement is not a whole document
    assert statement.getparent() is tree.getroot()


def test_is_valid():
    assert is_valid(CLEAN)
    assert is_valid(WARNED.encode())
    assert not is_valid(WARNED.encode(), strict=True)
    assert not is_valid(BROKEN.encode())
    assert is_valid(BROKEN.encode(), ignore=["AKN103"])
    assert not is_valid(b"")


def test_select_and_ignore():
    assert validate(BROKEN.encode(), select=["XSD"]) == []
    assert validate(BROKEN.encode(), select=["dangling-reference"]) != []
    with pytest.raises(UnknownRuleError):
        validate(CLEAN, select=["AKN999"])
    with pytest.raises(TypeError):
        validate(42)


def test_grouping_keeps_every_line():
    text = clean_text()
    for name in ("Recalling", "Noting"):
        text = text.replace(f'<container name="{name}"', f'<container name="{name} "')
    (grouped,) = validate(text.encode())
    assert grouped.extra["occurrences"] == 2 and len(grouped.extra["locations"]) == 2
    assert all(set(place) == {"line", "column"} for place in grouped.extra["locations"])
    assert len(validate(text.encode(), group=False)) == 2


def test_columns_point_at_the_attribute_in_a_tag_on_several_lines():
    data = b'<a xmlns="x">\n  <b one="1"\n     two=" 2">t</b></a>'
    root = etree.fromstring(data)
    hit = Hit(root[0], "m", attribute="two")
    assert Locator(data, "utf-8").position(hit) == (3, 6)
    assert Locator(data, "utf-8").position(Hit(root[0], "m")) == (2, 3)


def test_columns_skip_quoted_values_even_across_lines():
    # A '>' or 'name=' inside a value is neither the tag's end nor an attribute; a value may
    # go on for several lines (the scan steps by tokens, not characters).
    data = b'<a xmlns="x"><b one="x > two=" three=\'a\nb > c\n\'\n  two="2" four=\'"\'>t</b></a>'
    root = etree.fromstring(data)
    locator = Locator(data, "utf-8")
    assert locator.position(Hit(root[0], "m", attribute="two")) == (4, 3)
    assert locator.position(Hit(root[0], "m", attribute="four")) == (4, 11)
    assert locator.position(Hit(root[0], "m", attribute="three")) == (1, 32)
    assert locator.position(Hit(root[0], "m", attribute="none")) == (1, 14)


def test_the_tag_index_gives_what_iter_gives():
    from akn.validation.document import AKN_PREFIX, INDEXED_TAGS

    tree = etree.parse(str(CLEAN))
    document = Document(tree)
    root = tree.getroot()
    for name in sorted(INDEXED_TAGS):
        assert document.elements(name) == list(root.iter(AKN_PREFIX + name)), name
    pair = ("FRBRthis", "FRBRuri")
    assert document.elements(*pair) == list(root.iter(*(AKN_PREFIX + n for n in pair)))
    assert document.descendants(document.parts[0], "num") == list(
        document.parts[0].iter(AKN_PREFIX + "num")
    )
    root.append(etree.Element(AKN_PREFIX + "num"))  # outside the part: no shortcut
    assert Document(tree).descendants(document.parts[0], "num") is None
    with pytest.raises(KeyError):
        document.elements("p", "num")


def test_document_indexes():
    document = Document(etree.parse(str(CLEAN)))
    assert set(document.ids) >= {"para_1", "ga", "authorialNote_2"}
    assert [p.tag.rpartition("}")[2] for p in document.parts] == ["statement"]
    with pytest.raises(KeyError):
        document.attribute("class")


def test_reference_attributes_match_the_schema():
    from akn.resources import data_dir
    from akn.validation.rules._references import REFERENCE_ATTRIBUTES

    xs = "{http://www.w3.org/2001/XMLSchema}"
    schema = etree.parse(str(Path(data_dir("schemas")) / "akomantoso30.xsd"))
    ref_types = {
        "eIdRef", "wIdRef", "roleRef", "agentRef", "conceptRef", "referenceRef", "voteRef",
        "eventRefRef", "temporalGroupRef",
    }  # fmt: skip
    found = set()
    for attribute in schema.iter(f"{xs}attribute"):
        declared = attribute.get("type")
        restriction = attribute.find(f".//{xs}restriction")
        if declared in ref_types or (
            restriction is not None and restriction.get("base") in ref_types
        ):
            found.add(attribute.get("name"))
    assert found == set(REFERENCE_ATTRIBUTES)
