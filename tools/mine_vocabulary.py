"""Mine the opening phrases and operative verbs of one language from the UN's own AKN files.

The UN marks each preambular paragraph's opening phrase as ``container/@name`` (and in italics)
and each operative paragraph's verb in italics; this script lists them with their counts, to
curate ``mappings/<lang>.yaml``. Usage::

    python tools/mine_vocabulary.py ../shared/corpus/akn/fra
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from lxml import etree

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def leading_italic(p: etree._Element) -> str | None:
    """The text of the italic span a ``p`` opens with, if it opens with one."""
    if squash(p.text):
        return None
    span = p.find(f"{AKN}span")
    if span is None or span.get("class") != "italic":
        return None
    return squash("".join(span.itertext())) or None


def mine(folder: Path) -> tuple[collections.Counter[str], collections.Counter[str]]:
    phrases: collections.Counter[str] = collections.Counter()
    verbs: collections.Counter[str] = collections.Counter()
    for path in sorted(folder.glob("*.xml")):
        tree = etree.parse(str(path))
        for container in tree.iter(f"{AKN}container", f"{AKN}crossHeading"):
            p = container.find(f"{AKN}p")
            phrase = leading_italic(p if p is not None else container)
            if phrase:
                phrases[phrase.rstrip(",")] += 1
        for paragraph in tree.iter(f"{AKN}paragraph"):
            p = paragraph.find(f".//{AKN}p")
            verb = leading_italic(p) if p is not None else None
            if verb:
                verbs[verb.rstrip(",")] += 1
    return phrases, verbs


def main() -> None:
    phrases, verbs = mine(Path(sys.argv[1]))
    for title, counter in (("phrases", phrases), ("verbs", verbs)):
        print(f"{title}:")
        for text, _count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
            print(f'  - "{text}"')


if __name__ == "__main__":
    main()
