"""akn: United Nations resolutions as Akoma Ntoso 3.0 — convert their text, validate the XML."""

from akn.diagnostics import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity"]
