"""Show an Akoma Ntoso document to people: as clean text, or as one HTML page.

>>> import akn
>>> akn.render("A-RES-80-1.xml", to="text")        # doctest: +SKIP
>>> akn.render(tree, to="html", check=True)         # doctest: +SKIP

Both read the UN's files as well as akn's own. The text is the layout ``akn convert`` reads
(so text -> XML -> text -> XML gives the same tree); the page is self-contained (its CSS
inline, nothing fetched, no script) and, with ``check``, shows ``akn validate``'s findings
where they apply.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from akn.reading import ReadError, load

__all__ = ["FORMATS", "ReadError", "render"]

FORMATS = ("html", "text")


def render(
    source: Any,
    to: Literal["html", "text"] = "html",
    *,
    check: bool = False,
    label: str | None = None,
) -> str:
    """``source`` (a path, bytes, an lxml tree or element) as text or as an HTML page.

    ``check`` (HTML only) runs ``akn validate`` and marks its findings on the page. Raises
    ReadError (a ValueError, one line) when the source is no readable Akoma Ntoso document,
    and ValueError for an unknown format."""
    if to not in FORMATS:
        raise ValueError(f"cannot render to {to!r}: choose one of {', '.join(FORMATS)}")
    root = load(source, label)
    if to == "text":
        from akn.rendering.text import render_text

        return render_text(root)
    from akn.rendering.html import render_html

    findings = None
    if check:
        from akn.validation import validate

        named = label or (os.fspath(source) if isinstance(source, str | os.PathLike) else None)
        findings = validate(root.getroottree(), group=False, label=named)
    return render_html(root, findings)
