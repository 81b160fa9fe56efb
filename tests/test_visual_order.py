"""pdftotext's left-to-right pieces of Arabic lines put back in reading order."""

from akn.converter.visual_order import LRE, POP, RLE, reading_order, repair_line


def test_paragraph_label_and_resolution_symbol_in_reading_order() -> None:
    assert reading_order(" - 6") == "6 - "
    assert reading_order("( 1514") == "1514 ("
    assert reading_order(" )15-") == "-15) "
    assert reading_order("،)3( 2019") == "2019 (3)،"


def test_latin_runs_and_numbers_keep_their_own_order() -> None:
    assert reading_order(" ،A/75/418") == "A/75/418، "
    assert reading_order(" 2018/18") == "2018/18 "
    assert reading_order(".)A/75/23( 23") == "23 (A/75/23)."


def test_line_repaired_and_counted_only_inside_an_arabic_line() -> None:
    line = RLE + LRE + " - 6" + POP + "تطلب إلى" + POP
    assert repair_line(line) == (RLE + LRE + "6 - " + POP + "تطلب إلى" + POP, 1)
    latin = RLE + LRE + "21 December 2020" + POP + POP
    assert repair_line(latin) == (latin, 0)
    assert repair_line("no marks - 6") == ("no marks - 6", 0)
