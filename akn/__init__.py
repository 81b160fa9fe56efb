"""akn: United Nations resolutions as Akoma Ntoso 3.0 — convert, validate, render, compare.

>>> import akn
>>> result = akn.convert(text, lang="fr")      # doctest: +SKIP
>>> result.to_bytes(), result.diagnostics      # doctest: +SKIP
>>> for done in akn.convert_many(["texts/"], output_dir="xml/"):  # doctest: +SKIP
...     print(done.source, done.ok)                 # in worker processes, in input order
>>> akn.validate("A-RES-75-15.xml")            # doctest: +SKIP
>>> akn.render("A-RES-75-15.xml", to="text")   # doctest: +SKIP
>>> akn.diff("theirs.xml", "ours.xml").same    # doctest: +SKIP

The heavy parts load on first use, so that importing akn (and starting the command line)
stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from akn import dataclass_code

dataclass_code.install()  # before the first of akn's dataclasses is made

from akn.diagnostics import Diagnostic, Severity  # noqa: E402

if TYPE_CHECKING:
    from akn.batch import BatchResult, convert_many
    from akn.comparison import Diff, diff
    from akn.converter.metadata import MetadataError
    from akn.converter.pipeline import Conversion, convert
    from akn.rendering import render
    from akn.validation import Finding, is_valid, validate

__all__ = [
    "BatchResult",
    "Conversion",
    "Diagnostic",
    "Diff",
    "Finding",
    "MetadataError",
    "Severity",
    "convert",
    "convert_many",
    "diff",
    "is_valid",
    "render",
    "validate",
]

_LAZY = {
    "convert": "akn.converter.pipeline",
    "convert_many": "akn.batch",
    "BatchResult": "akn.batch",
    "Conversion": "akn.converter.pipeline",
    "MetadataError": "akn.converter.metadata",
    "validate": "akn.validation",
    "is_valid": "akn.validation",
    "Finding": "akn.validation",
    "render": "akn.rendering",
    "diff": "akn.comparison",
    "Diff": "akn.comparison",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'akn' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
