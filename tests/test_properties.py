"""Any text converts without an exception, and every character of it is accounted for.

"Accounted for" is counted per character: each letter and digit of the input must appear in
the output XML (text or attribute values: markers, link addresses) or in a diagnostic, as
often as in the input. Moving text (notes to their markers, furniture to diagnostics) is
allowed; dropping it is not. Examples are derived deterministically (derandomize=True).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from akn.converter.pipeline import convert

FRAGMENTS = [
    "United Nations",
    "A/RES/75/15",
    "General Assembly",
    "Distr.: General",
    "15 October 2025",
    "25-15779 (E)",
    "*2515779*",
    "2/5",
    "Seventy-fifth session",
    "Agenda item 130 (q)",
    "Resolution adopted by the General Assembly on 23 November 2020",
    "[without reference to a Main Committee (A/75/L.25)]",
    "75/15. Cooperation",
    "The General Assembly,",
    "L’Assemblée générale,",
    "Recalling its resolution 71/317,",
    "Rappelant la Déclaration de 19671, en particulier",
    "Noting with concern the",
    "report,",
    "1.",
    "2.",
    "1. Decides",
    "2. Requests",
    "(a)",
    "(b) To act;",
    "(i) Annually;",
    "a) agir ;",
    "I",
    "II. Other matters",
    "Annex",
    "30th plenary meeting",
    "23 November 2020",
    "__________",
    "1",
    "1 Resolution 70/1.",
    "* Au nom des États Membres.",
    "https://undocs.org/fr/A/RES/70/1",
    "n",
    "o",
    " 22341.",
    "internat ionales",
    "Sud -",
    "Est,",
    "\f",
    "",
    " ",
    "Préside n t",
    "the Sustainable Development Goals2 for",
    "the 2030 Agenda, 7 and",
    "« Coopération »",
    "shall be as follows:",
    "Member State\tScale (percentage)",
    "Afghanistan\t0.006",
    "Albania    0.008    0.009",
    "0.101",
    "Total",
    "1.\tDecides",
]
LINE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join)


def accounted(result) -> Counter[str]:
    pieces = [d.message for d in result.diagnostics]
    if result.tree is not None:
        pieces.append("".join(result.tree.itertext()))
        for element in result.tree.iter():
            if isinstance(element.tag, str):
                pieces.extend(element.attrib.values())
    return Counter(ch for ch in " ".join(pieces) if ch.isalnum())


def check(text: str, language: str) -> None:
    result = convert(text, lang=language)
    if result.tree is None:
        assert result.diagnostics and result.diagnostics[-1].code.startswith("E1")
        return
    etree.tostring(result.tree)  # serialisable
    have = accounted(result)
    lost = {
        ch: n - have[ch]
        for ch, n in Counter(c for c in text if c.isalnum()).items()
        if have[ch] < n
    }
    assert not lost, f"characters lost: {lost}"


@settings(
    max_examples=250, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(DOCUMENT, st.sampled_from(["en", "fr"]))
def test_any_text_converts_and_nothing_is_lost(text, language):
    check(text, language)


def test_nothing_is_lost_from_the_real_texts():
    from conftest import PDF_TEXT, SEED

    check(SEED.read_text(encoding="utf-8"), "fr")
    for path in sorted(PDF_TEXT.glob("*.txt")):
        check(path.read_text(encoding="utf-8"), "en")
