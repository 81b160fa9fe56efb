"""Read the expected structure of a UN resolution from its PDF, for test fixtures.

The PDF is the answer key where the UN's AKN is not in the corpus (A/RES/73/6, 73/7): the
fonts say what the text cannot. Italic text opening a paragraph is a preambular phrase or
an operative verb; a number alone at the left margin opens an operative paragraph;
superscript numbers are note markers; the small type under the rule is the notes.
Requires PyMuPDF (not a dependency of akn): pip install pymupdf.
Usage: python tools/pdf_structure.py file.pdf > tests/fixtures/NAME.json
"""

from __future__ import annotations

import json
import re
import sys

import pymupdf


def main() -> None:
    doc = pymupdf.open(sys.argv[1])
    recitals: list[str] = []
    paragraphs: list[str] = []
    markers: list[str] = []
    notes: dict[str, str] = {}
    in_body = False
    current_note: str | None = None
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                spans = [s for s in line["spans"] if s["text"].strip()]
                if not spans:
                    continue
                text = "".join(s["text"] for s in spans).strip()
                first = spans[0]
                size = first["size"]
                if "_" * 5 in text:
                    continue
                if text.startswith(("The General Assembly", "L’Assemblée générale")):
                    in_body = True
                    continue
                if not in_body:
                    continue
                if size < 9:  # footnote area: markers are superscript or lead the line
                    if re.fullmatch(r"\d+/\d+|\d{2}-\d{5}.*|A/RES/\S+", text):
                        continue  # page number, job number, running head
                    for index, span in enumerate(spans):
                        piece = span["text"].strip()
                        leading = index == 0 and re.fullmatch(r"\d{1,3}", piece)
                        if (span["flags"] & 1 or leading) and piece.isdigit():
                            current_note = piece
                            notes.setdefault(current_note, "")
                        elif current_note is not None:
                            notes[current_note] += span["text"]
                    if current_note is not None:
                        notes[current_note] += " "
                    continue
                for span in spans:
                    if span["flags"] & 1 and span["text"].strip().isdigit():
                        markers.append(span["text"].strip())
                if first["flags"] & 2 and 140 <= first["bbox"][0] <= 160 and not paragraphs:
                    recitals.append(" ".join(first["text"].split()))  # italic, indented
                elif re.fullmatch(r"\d+\.", first["text"].strip()) or (
                    re.match(r"^\d+\.\s", text) and len(spans) > 1 and spans[1]["flags"] & 2
                ):
                    paragraphs.append(text.split()[0])
    notes = {marker: " ".join(text.split()) for marker, text in notes.items()}
    print(
        json.dumps(
            {"recitals": recitals, "paragraphs": paragraphs, "markers": markers, "notes": notes},
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
