"""Citations of UN documents become links."""

from __future__ import annotations

from akn.converter.marks.citations import find_citations, link_for, symbol_of_url


def _symbols(text: str, mapping) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.symbol) for c in find_citations(text, mapping)]


def test_resolution_lists_and_forms(fr, en):
    assert _symbols("Résolutions 57/35, 59/5, 71/255 et 73/259.", fr) == [
        ("57/35", "A/RES/57/35"),
        ("59/5", "A/RES/59/5"),
        ("71/255", "A/RES/71/255"),
        ("73/259", "A/RES/73/259"),
    ]
    assert _symbols("la résolution 1325 (2000) du Conseil", fr) == [
        ("1325 (2000)", "S/RES/1325(2000)")
    ]
    assert _symbols("Résolution 217 A (III).", fr) == [("217 A (III)", "A/RES/217(III)")]
    assert _symbols(
        "resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of 10 December 1982", en
    ) == [("2453 A (XXIII)", "A/RES/2453(XXIII)"), ("37/90", "A/RES/37/90")]
    assert _symbols("its resolution 48/218 B of 29 July 1994", en) == [
        ("48/218 B", "A/RES/48/218B")
    ]


def test_document_symbols(en):
    assert _symbols("Voir A/75/345-S/2020/898, sect. II.", en) == [
        ("A/75/345-S/2020/898", "A/75/345")
    ]
    assert _symbols("A/78/6 (Sect. 2) and S/2017/710.", en) == [
        ("A/78/6 (Sect. 2)", "A/78/6(Sect.2)"),
        ("S/2017/710", "S/2017/710"),
    ]
    assert _symbols("for 2017/18 and decision 1/CP.21", en) == []


def test_links_listed_by_the_pdf_win():
    listed = {"a/res/71/317": "https://undocs.org/fr/A/RES/71/317"}
    assert link_for("A/RES/71/317", "fr", listed) == "https://undocs.org/fr/A/RES/71/317"
    assert link_for("A/74/811", "fr", listed) == "https://undocs.org/fr/A/74/811"
    assert symbol_of_url("https://docs.un.org/en/S/RES/1325(2000)") == "S/RES/1325(2000)"
