"""The CSS of a typeset resolution: the geometry measured on the UN's own PDFs.

Measured with PyMuPDF on ../shared/corpus/pdf/A-RES-73-6.eng.pdf (US letter, Word 2016): the
text column runs from x = 123.4 to 491.2 pt (about 368 pt), Times 10 pt on a 12 pt line,
justified, 6 pt between paragraphs; a recital's first line is indented 24 pt (x = 147.1), an
operative number stands there and its text starts on the tab at 47.5 pt (x = 170.9); notes
are 8.5 pt with the call 5.5 pt, under a rule of 18 bold underscores at x = 99.6 (text,
not a drawn line: extractors read "__________________", and the converter looks for it); the
running head (symbol, 8.5 pt bold) is at the outer margin, x = 60 or flush right at 552;
the page number "2/5" in bold at the foot's outer side, the job number in 7 pt at the inner
side; page 1 carries the masthead and, at its foot, "18-17962 (E)    021118" over the bar
code "*1817962*" (left to right in every language, an Arabic page too: the footer is the
UN's template, not the document's text). Liberation Serif has the metrics of Times New
Roman; Arabic and Chinese use Noto.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .bidi import CSS as ISOLATE_CSS

if TYPE_CHECKING:
    from .html import Masthead

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
COLUMN_LEFT, COLUMN_RIGHT = 123.4, 491.2
OUTER = 60.0  # where the running head and the page number stand
INDENT = 23.7  # first-line indent
TAB = 47.5  # where an operative paragraph's text starts after its number
NOTE_RULE = "_" * 18
RULE_SPACE = 12.0  # kept free above every page's notes: the rule goes there (pdf.py)

FONTS = {
    "ara": '"Noto Naskh Arabic", "Noto Sans Arabic", "Liberation Serif"',
    "zho": '"Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif"',
}
LATIN = '"Liberation Serif", "Times New Roman", serif'


def _string(text: str) -> str:
    """A CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(language: str, head: Masthead) -> str:
    """The whole stylesheet of one document; ``head`` gives the running head and footers."""
    rtl = language == "ara"
    font = FONTS.get(language, LATIN)
    inner, outer = COLUMN_LEFT, PAGE_WIDTH - COLUMN_RIGHT
    symbol = _string(head.symbol)
    job = _string(head.job_number)
    # "\\A" is a line break inside a CSS string: the job number over the bar code.
    first_foot = _string(f"{head.job}    {head.date_code}").rstrip('"') + f'\\A {head.barcode}"'

    start, end = ("right", "left") if rtl else ("left", "right")
    return f"""
@page {{
  size: {PAGE_WIDTH}pt {PAGE_HEIGHT}pt;
  margin: 72pt {outer}pt 56pt {inner}pt;
  @footnote {{
    margin-{start}: -{INDENT}pt; padding-{start}: {INDENT}pt; padding-top: {RULE_SPACE}pt;
    margin-top: 10pt;
  }}
}}
@page :left {{
  @top-left-corner {{ content: {symbol}; font: bold 8.5pt {LATIN};
    padding-left: {OUTER}pt; vertical-align: bottom; padding-bottom: 12pt; text-align: left; }}
  @bottom-left-corner {{ content: counter(page) "/" counter(pages); font: bold 8.5pt {LATIN};
    padding-left: {OUTER}pt; vertical-align: top; padding-top: 18pt; text-align: left; }}
  @bottom-right-corner {{ content: {job}; font: 7pt {LATIN};
    padding-right: {OUTER}pt; vertical-align: top; padding-top: 18pt; text-align: right; }}
}}
@page :right {{
  @top-right-corner {{ content: {symbol}; font: bold 8.5pt {LATIN};
    padding-right: {OUTER}pt; vertical-align: bottom; padding-bottom: 12pt; text-align: right; }}
  @bottom-right-corner {{ content: counter(page) "/" counter(pages); font: bold 8.5pt {LATIN};
    padding-right: {OUTER}pt; vertical-align: top; padding-top: 18pt; text-align: right; }}
  @bottom-left-corner {{ content: {job}; font: 7pt {LATIN};
    padding-left: {OUTER}pt; vertical-align: top; padding-top: 18pt; text-align: left; }}
}}
@page :first {{
  margin-top: 36pt;
  @top-left-corner {{ content: none; }}
  @top-right-corner {{ content: none; }}
  @bottom-right-corner {{ content: none; }}
  @bottom-left-corner {{ content: none; }}
  @bottom-left {{ content: {first_foot}; white-space: pre; font: 10pt {LATIN}; direction: ltr;
    margin-left: -{inner - OUTER - 5}pt; vertical-align: top; padding-top: 8pt;
    text-align: left; }}
}}
html {{ font: 10pt/12pt {font}; text-align: justify; }}
body {{ margin: 0; }}
p, h1 {{ margin: 0 0 6pt; orphans: 2; widows: 2; }}
.masthead {{ margin-{end}: -{outer - OUTER}pt; text-align: {start}; margin-bottom: 18pt; }}
.masthead .row {{ display: flex; justify-content: space-between; align-items: baseline; }}
.masthead .authority {{ font-size: 13.7pt; }}
.masthead .symbol {{ font: 10pt {LATIN}; direction: ltr; unicode-bidi: isolate; }}
.masthead .symbol .big {{ font-size: 20pt; }}
.masthead .organ {{ font-weight: bold; font-size: 19.7pt; }}
.masthead .distr {{ width: {PAGE_WIDTH - OUTER - 397}pt; line-height: 12pt; direction: ltr;
  unicode-bidi: isolate; text-align: left; }}
.masthead .rule {{ border-top: 1.5pt solid black; margin: 96pt -{inner - OUTER}pt 3pt; }}
.masthead p {{ margin: 0; text-align: {start}; }}
.masthead .session, .masthead .cover {{ margin-{start}: -{inner - OUTER}pt; }}
.masthead .session {{ font-weight: bold; }}
.masthead .adopted {{ font: bold 14pt/15pt {font}; margin-top: 16pt; }}
.masthead .proponent {{ font-style: italic; margin-top: 10pt; }}
h1.title {{ font: bold 12pt/13.5pt {font}; text-align: {start};
  margin: 0 0 14pt -{INDENT + 14.6}pt; padding-{start}: 0; }}
h1.title .num {{ display: inline-block; width: {INDENT + 14.6}pt; }}
{_first_line_indents(rtl)}
.preface {{ text-align: center; font-weight: bold; }}
.num {{ display: inline-block; text-indent: 0; width: {TAB - INDENT}pt; }}
.point .num {{ width: {INDENT}pt; }}
.heading {{ text-align: center; font-weight: bold; text-indent: 0; margin-top: 6pt; }}
.conclusions {{ text-align: {end}; font-style: italic; margin: 18pt 0 0; }}
.annex {{ break-before: page; }}
table {{ border-collapse: collapse; margin: 0 0 6pt; font-size: 9pt; }}
td, th {{ padding: 1pt 4pt; vertical-align: top; text-align: {start}; }}
.fn {{ float: footnote; font: 8.5pt/10.5pt {font}; text-indent: -6.4pt; text-align: {start};
  margin: 0 0 1.5pt; font-style: normal; font-weight: normal; }}
.fn::footnote-call {{ content: "\\00a0" attr(data-call); vertical-align: super; font-size: 6.5pt;
  line-height: 0; font-style: normal; font-weight: normal; }}
.fn::footnote-marker {{ content: none; }}
.fn .mark {{ font-size: 5.5pt; line-height: 0; }}
.fn.first::before {{ content: "{NOTE_RULE}"; display: block; margin: -{RULE_SPACE}pt 0 0;
  margin-{start}: -{INDENT}pt; font: bold 8pt/{RULE_SPACE}pt {LATIN}; text-indent: 0; }}
span.symbol-nowrap {{ white-space: nowrap; }}
{ISOLATE_CSS if rtl else ""}
sup.call {{ font-size: 6.5pt; line-height: 0; }}
"""


# The first-line indent of each kind of paragraph, in points.
FIRST_LINE_INDENTS = [
    (".formula, .recital, .intro, .plain, .para", INDENT),
    (".point.level1, .point.level0", TAB),
    (".point.level2", TAB + INDENT),
    (".point.level3", TAB + 2 * INDENT),
]


def _first_line_indents(rtl: bool) -> str:
    """The rules that indent first lines. The UN indents a right-to-left paragraph's first
    line from the right margin; WeasyPrint applies ``text-indent`` to a right-to-left line's
    left end instead (the first line starts at the right margin and stops short of the left
    one), so there an empty inline block as wide as the indent opens the first line."""
    if not rtl:
        return "\n".join(
            f"{css} {{ text-indent: {width}pt; }}" for css, width in FIRST_LINE_INDENTS
        )
    rules = []
    for css, width in FIRST_LINE_INDENTS:
        before = ", ".join(f"{selector.strip()}::before" for selector in css.split(","))
        rules.append(f"{css} {{ text-indent: 0; }}")
        rules.append(f'{before} {{ content: ""; display: inline-block; width: {width}pt; }}')
    return "\n".join(rules)
