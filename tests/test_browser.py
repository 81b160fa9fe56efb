"""akn render --to html in a real browser: headless Chromium loads one page per language.

Each page must load without running a script or making a network request (Chromium's own
network log is read for requests made by the page), the DOM it builds must hold the
document's recitals, paragraphs and notes, and every link between a marker and its note must
resolve. A screenshot per language goes to artefacts/screenshots/ (gitignored) for people to
look at. CI installs Debian's chromium (.ci/run); without it these tests are skipped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from corpus import CORPUS, LANGUAGES, ROOT
from lxml import etree
from lxml import html as lxml_html

import akn
from akn.reading import AKN

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (CI installs it: see .ci/run)"
)
ARTEFACTS = ROOT / "artefacts" / "screenshots"
DOCUMENT = "A-RES-75-15.xml"  # in all six languages: 18 recitals, 28 paragraphs, 10 notes
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


def chromium(*arguments: str) -> str:
    """Run headless Chromium with a new empty profile; its standard output."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


def page_requests(netlog: Path) -> list[str]:
    """The URLs the page asked for (Chromium's own requests have no file:// isolation key)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and "url" in event.get("params", {})
        and "file://" in event["params"].get("network_isolation_key", "")
    ]


def load(page: Path, netlog: Path) -> lxml_html.HtmlElement:
    dom = chromium(f"--log-net-log={netlog}", "--dump-dom", page.as_uri())
    return lxml_html.fromstring(dom)


def test_the_network_check_sees_a_request(tmp_path):
    """The check below would see a request if the page made one."""
    page = tmp_path / "fetching.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">')
    load(page, tmp_path / "net.json")
    assert page_requests(tmp_path / "net.json") == ["http://example.invalid/x.png"]


def _document(language: str) -> Path:
    """A/RES/75/15 in the six languages; in a language the test corpus lacks (German), its
    first file in corpus/wide/ that has notes."""
    source = CORPUS / "akn" / language / DOCUMENT
    if source.exists():
        return source
    return next(
        path
        for path in sorted((CORPUS / "wide" / language).glob("*.xml"))
        if b"<authorialNote" in path.read_bytes()
    )


@pytest.mark.corpus
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_page_in_chromium(language, tmp_path):
    source = _document(language)
    written = akn.render(source, to="html", check=True)
    page = tmp_path / f"{language}.html"
    page.write_text(written, encoding="utf-8")
    document = load(page, tmp_path / "net.json")

    assert page_requests(tmp_path / "net.json") == []
    assert not document.xpath("//script")
    built = len(document.xpath("//*"))
    assert built == len(lxml_html.fromstring(written).xpath("//*")), "the DOM was changed"

    tree = etree.parse(str(source))
    assert len(document.find_class("recital")) == len(tree.findall(f".//{q('container')}"))
    assert len(document.find_class("akn-paragraph")) == len(list(tree.iter(q("paragraph"))))
    notes = document.find_class("footnote")
    assert len(notes) == len(list(tree.iter(q("authorialNote")))) > 0
    ids = set(document.xpath("//@id"))
    markers = document.xpath("//sup[contains(@class, 'note-ref')]/a/@href")
    backs = document.xpath("//a[@class='note-back']/@href")
    assert len(markers) == len(backs) == len(notes)
    assert all(link[1:] in ids for link in markers + backs)
    assert document.get("dir") == ("rtl" if language == "ara" else "ltr")

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / f"{language}-{source.stem}.png"
    shot.unlink(missing_ok=True)
    chromium("--window-size=1280,1800", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 20_000


@pytest.mark.corpus
def test_page_prints(tmp_path):
    """The page prints (the print CSS: A4, no screen furniture, the annex on a new page)."""
    page = tmp_path / "A-RES-80-3.html"
    page.write_text(akn.render(CORPUS / "akn/eng/A-RES-80-3.xml", to="html"), encoding="utf-8")
    pdf = tmp_path / "A-RES-80-3.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3  # A4 pages: the resolution and its long annex
