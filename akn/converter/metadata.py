"""The document's identity: FRBR identification and the references every ``#id`` points to.

What the text gives (symbol, dates, session, job number) is combined with what the user
supplies (options override the text); what is still missing gets the UN's placeholder
("0001-01-01") and a warning that names the option that would supply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from akn.converter.dates import UNKNOWN_DATE
from akn.converter.inline import tag

ACTORS = {
    "unga": ("ga", "/akn/ontology/organization/un/generalAssembly", "General Assembly"),
    "unsc": ("sc", "/akn/ontology/organization/un/securityCouncil", "Security Council"),
    "ecosoc": (
        "ecosoc",
        "/akn/ontology/organization/un/economicAndSocialCouncil",
        "Economic and Social Council",
    ),
}
PRODUCER = ("akn", "/akn/ontology/organization/akn", "akn converter")
ROLES = {
    "author": ("/akn/ontology/role/un/author", "Author"),
    "issuer": ("/akn/ontology/role/un/issuer", "Issuer"),
    "editor": ("/akn/ontology/role/un/editor", "Editor"),
}
AKN4UN = "http://un.org/akn4un"
# The manifestation's FRBRdate says which date it is: the day of the conversion or one given
# with --markup-date ("markup", as the UN writes), or a date pinned for a reproducible build,
# which is not the day the XML was made and so must not pass for it.
MARKUP_DATE_NAMES = {"SOURCE_DATE_EPOCH": "markup (SOURCE_DATE_EPOCH)"}


@dataclass
class Metadata:
    """What is known about the document; every field may come from the text or an option."""

    language: str  # ISO 639-2, e.g. "fra"
    actor: str = "unga"
    symbol: str | None = None
    number: str | None = None  # work number: "75-15", "2532-2020"
    adopted: str | None = None
    issued: str | None = None
    markup: str | None = None
    # Where the markup date came from: "conversion" (today), "option" or "SOURCE_DATE_EPOCH".
    markup_origin: str = "conversion"
    iri_style: str = "un"  # IRI_STYLES
    session: int | None = None
    draft: bool = False
    decision: bool = False  # a decision (no formula, no preamble), not a resolution
    job_number: str | None = None
    concepts: set[str] = field(default_factory=set)  # TLCConcepts the body refers to
    doc_type: str = "statement"  # the document element: statement, documentCollection

    @property
    def doc_name(self) -> str:
        if self.decision:
            return "decision"
        return "draftResolution" if self.draft else "resolution"

    def work(self) -> str:
        return (
            f"/akn/un/{self.doc_type}/deliberation/{self.actor}/{self.adopted or UNKNOWN_DATE}/"
            f"{self.number or 'unknown'}"
        )


class MetadataError(ValueError):
    """Metadata the caller gave (an option, ``SOURCE_DATE_EPOCH``) that cannot be right: a
    symbol that is no UN document symbol, dates out of order. A usage error, not a finding:
    the message names the options, so that the command line can say what to change."""


# The shape of a UN document symbol (the same as the mappings' ``symbol`` pattern): an organ,
# parts parted by slashes, then a year in brackets or a letter. No free text, no spaces else.
_SYMBOL = re.compile(
    r"[A-Z]{1,8}/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*[A-Za-z0-9](?: ?\(\d{4}\))?(?: [A-Z])?"
)


def check_symbol(symbol: str) -> str:
    """``symbol`` with its spacing normalised; MetadataError when it is no UN document symbol
    (a symbol becomes the FRBR work number, so free text there would name a work that is not
    the document's)."""
    normal = " ".join(symbol.split())
    if not _SYMBOL.fullmatch(normal):
        raise MetadataError(
            f"--symbol {symbol!r} is not a UN document symbol (such as A/RES/75/15, "
            "S/RES/2532 (2020), A/75/L.25, A/DEC/75/540)"
        )
    return normal


def number_from_symbol(symbol: str) -> str | None:
    """The work number of a symbol: A/RES/75/15 -> 75-15, S/RES/2532 (2020) -> 2532-2020,
    A/DEC/75/540 -> 75-540."""
    symbol = " ".join(symbol.split())
    match = re.fullmatch(r"S/RES/(\d+) ?\((\d{4})\)", symbol)
    if match:
        return f"{match[1]}-{match[2]}"
    match = re.fullmatch(r"A/(?:RES|DEC)/((?:ES-|S-)?\d+)/(\d+)(?: ?([A-Z](?:-[A-Z])?))?", symbol)
    if match:
        return f"{match[1]}-{match[2]}{match[3] or ''}"
    match = re.fullmatch(r"A/(\d+)/(L\.\d+(?:/Rev\.\d+)?)", symbol)
    if match:
        return f"{match[1]}-{match[2].replace('/', '-')}"
    return None


def session_from_symbol(symbol: str) -> int | None:
    match = re.match(r"A/(?:RES/|DEC/)?(\d+)/", symbol)
    return int(match[1]) if match else None


IRI_STYLES = ("un", "oasis")
"""How the FRBR IRIs are written. ``un`` (the default) as the UN's own files write them:
the expression ``.../fra@!main/``, the work ``.../!main/``, URIs with a trailing slash.
``oasis`` as the Akoma Ntoso Naming Convention 1.0 writes them: ``.../fra@/!main``, no
trailing slashes. Both name the same work, expression and manifestation, and ``akn
validate`` accepts both; the UN's is the default so that akn's files sit beside the UN's."""


def frbr_iris(meta: Metadata, component: str = "") -> dict[str, tuple[str, str]]:
    """FRBRthis and FRBRuri of the work, expression and manifestation, in ``meta.iri_style``."""
    work = meta.work()
    language = meta.language
    part = f"!main{component}"
    if meta.iri_style == "oasis":
        return {
            "work": (f"{work}/{part}", work),
            "expression": (f"{work}/{language}@/{part}", f"{work}/{language}@"),
            "manifestation": (f"{work}/{language}@/{part}.xml", f"{work}/{language}@.xml"),
        }
    end = "" if component else "/"
    return {
        "work": (f"{work}/{part}{end}", f"{work}/"),
        "expression": (f"{work}/{language}@{part}{end}", f"{work}/{language}@/"),
        "manifestation": (f"{work}/{language}@/{part}.xml", f"{work}/{language}@.xml"),
    }


def identification(meta: Metadata, component: str = "") -> etree._Element:
    """``identification`` with Work, Expression and Manifestation IRIs that agree."""
    iris = frbr_iris(meta, component)
    language = meta.language
    actor_id = ACTORS[meta.actor][0]
    element = etree.Element(tag("identification"), source="#akn")
    frbr = etree.SubElement(element, tag("FRBRWork"))
    etree.SubElement(frbr, tag("FRBRthis"), value=iris["work"][0])
    etree.SubElement(frbr, tag("FRBRuri"), value=iris["work"][1])
    etree.SubElement(frbr, tag("FRBRdate"), date=meta.adopted or UNKNOWN_DATE, name="adoption")
    etree.SubElement(frbr, tag("FRBRauthor"), {"href": f"#{actor_id}", "as": "#author"})
    etree.SubElement(frbr, tag("FRBRcountry"), value="un")
    expression = etree.SubElement(element, tag("FRBRExpression"))
    etree.SubElement(expression, tag("FRBRthis"), value=iris["expression"][0])
    etree.SubElement(expression, tag("FRBRuri"), value=iris["expression"][1])
    etree.SubElement(
        expression, tag("FRBRdate"), date=meta.issued or UNKNOWN_DATE, name="publication"
    )
    etree.SubElement(expression, tag("FRBRauthor"), {"href": f"#{actor_id}", "as": "#issuer"})
    etree.SubElement(expression, tag("FRBRlanguage"), language=language)
    manifestation = etree.SubElement(element, tag("FRBRManifestation"))
    etree.SubElement(manifestation, tag("FRBRthis"), value=iris["manifestation"][0])
    etree.SubElement(manifestation, tag("FRBRuri"), value=iris["manifestation"][1])
    etree.SubElement(
        manifestation,
        tag("FRBRdate"),
        date=meta.markup or UNKNOWN_DATE,
        name=MARKUP_DATE_NAMES.get(meta.markup_origin, "markup"),
    )
    etree.SubElement(manifestation, tag("FRBRauthor"), {"href": "#akn", "as": "#editor"})
    return element


def references(meta: Metadata) -> etree._Element:
    """``references``: one TLC element for every ``#id`` the document uses."""
    element = etree.Element(tag("references"), source="#akn")
    actor_id, href, show = ACTORS[meta.actor]
    etree.SubElement(element, tag("TLCOrganization"), eId=actor_id, href=href, showAs=show)
    etree.SubElement(
        element, tag("TLCOrganization"), eId=PRODUCER[0], href=PRODUCER[1], showAs=PRODUCER[2]
    )
    for role, (href, show) in ROLES.items():
        etree.SubElement(element, tag("TLCRole"), eId=role, href=href, showAs=show)
    for concept in sorted(meta.concepts):
        etree.SubElement(
            element,
            tag("TLCConcept"),
            eId=concept,
            href=f"/akn/ontology/concept/un/{concept}",
            showAs=_words(concept),
        )
    return element


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()


def proprietary(meta: Metadata) -> etree._Element | None:
    """The job number: metadata of the printed document, never body text."""
    if not meta.job_number:
        return None
    element = etree.Element(tag("proprietary"), source="#akn")
    job = etree.SubElement(element, f"{{{AKN4UN}}}jobNumber", nsmap={"akn4un": AKN4UN})
    job.text = meta.job_number
    return element


def meta_element(meta: Metadata, component: str = "", main: bool = True) -> etree._Element:
    """``meta`` of the document (``main``: with its references) or of one of its parts."""
    element = etree.Element(tag("meta"))
    element.append(identification(meta, component))
    if main:
        element.append(references(meta))
        extra = proprietary(meta)
        if extra is not None:
            element.append(extra)
    return element


@dataclass(frozen=True)
class Identity:
    """The metadata of the document and of each resolution in it, settled before the XML is
    written: ``document`` names the whole (for several resolutions issued as one, the
    collection: "75-101A-B"); ``components`` one entry for each of them ("75-101A")."""

    document: Metadata
    components: tuple[Metadata, ...] = ()


_SET_LETTERS = re.compile(r"(?<=\d)[A-Z](?:-[A-Z])?$")


def identity(meta: Metadata, letters: list[str]) -> Identity:
    """The identity of a document whose components have ``letters`` (none: one resolution)."""
    if not letters:
        return Identity(meta)
    # The symbol may name the set already ("A/RES/75/254 A-C"): the number is the set's.
    number = _SET_LETTERS.sub("", meta.number or "")
    span = letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"  # as the UN: A-C
    return Identity(
        replace(meta, doc_type="documentCollection", number=f"{number}{span}"),
        tuple(replace(meta, number=f"{number}{letter}") for letter in letters),
    )
