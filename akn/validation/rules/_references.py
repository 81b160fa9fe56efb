"""The attributes that refer to an element of the same document, shared by AKN103 and AKN104.

Taken from the official schema: every attribute whose type is one of eIdRef, wIdRef, roleRef,
agentRef, conceptRef, referenceRef, voteRef, eventRefRef or temporalGroupRef (``refersTo``
is a space-separated list of referenceRef). The schema documents each as "necessarily #XYZ"
for an existing XYZ, but types them as any URI, so it checks neither the ``#`` nor the target.
A test checks this table against the bundled schema.
"""

from __future__ import annotations

REFERENCE_ATTRIBUTES = {
    "alternativeTo": "eIdRef",
    "as": "roleRef",
    "by": "agentRef",
    "choice": "voteRef",
    "current": "eIdRef",
    "dictionary": "referenceRef",
    "empoweredBy": "agentRef",
    "end": "eventRefRef",
    "for": "agentRef or eIdRef",
    "from": "eIdRef",
    "includedIn": "referenceRef",
    "original": "wIdRef",
    "outcome": "conceptRef",
    "period": "temporalGroupRef",
    "placementBase": "eIdRef",
    "refersTo": "list of referenceRef",
    "source": "agentRef",
    "start": "eventRefRef",
    "to": "agentRef",
    "upTo": "eIdRef",
}

LIST_ATTRIBUTES = frozenset({"refersTo"})
WID_ATTRIBUTES = frozenset({"original"})


def short(value: str, limit: int = 40) -> str:
    """A value shortened for a one-line message."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
