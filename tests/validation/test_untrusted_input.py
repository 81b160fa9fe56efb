"""The attack files of issue 4: each gives a finding and an exit status, and nothing is fetched.

Every file is generated in a temporary directory. A throwaway HTTP server on 127.0.0.1 is the
target of every external reference; it must receive no request at all.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from akn.validation import validate

from .conftest import clean_text

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.hits.append(self.path)
        body = b'<!ENTITY leak "fetched">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    """An HTTP server on the loopback interface that records every request it gets."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    assert _Recorder.hits == [], f"the validator fetched {_Recorder.hits}"


def _write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _clean_body() -> str:
    return clean_text().split("\n", 1)[1]  # without the XML declaration


def _expect(cli, path, code: str, status: int = 1) -> str:
    exit_status, out, err = cli(str(path))
    assert exit_status == status, (out, err)
    assert f" {code} " in out, out
    assert "Traceback" not in out + err
    return out


def test_xxe_to_a_local_file(cli, tmp_path):
    secret = _write(tmp_path, "secret.txt", "TOP-SECRET")
    path = _write(
        tmp_path,
        "xxe-file.xml",
        f'<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f'<akomaNtoso xmlns="{AKN}">&x;</akomaNtoso>',
    )
    out = _expect(cli, path, "IN005")
    assert "TOP-SECRET" not in out


def test_xxe_over_http(cli, tmp_path, server):
    path = _write(
        tmp_path,
        "xxe-http.xml",
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "{server}/xxe">]>\n'
        f'<akomaNtoso xmlns="{AKN}">&x;</akomaNtoso>',
    )
    _expect(cli, path, "IN005")


def test_billion_laughs(cli, tmp_path):
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    path = _write(
        tmp_path,
        "laughs.xml",
        f"<!DOCTYPE akomaNtoso [{''.join(entities)}]>\n"
        f'<akomaNtoso xmlns="{AKN}">&lol9;</akomaNtoso>',
    )
    _expect(cli, path, "IN005")


def test_external_dtd(cli, tmp_path, server):
    path = _write(
        tmp_path,
        "dtd.xml",
        f'<!-- a comment first --><!DOCTYPE akomaNtoso SYSTEM "{server}/akn.dtd">\n'
        + _clean_body(),
    )
    _expect(cli, path, "IN005")


def test_schema_location_elsewhere_is_ignored(cli, tmp_path, server):
    permissive = _write(
        tmp_path,
        "anything.xsd",
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'targetNamespace="{AKN}"><xs:element name="akomaNtoso"/></xs:schema>',
    )
    root = (
        f'<akomaNtoso xmlns="{AKN}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{AKN} {server}/evil.xsd {AKN} {permissive}">'
    )
    valid = _write(
        tmp_path, "located.xml", _clean_body().replace(f'<akomaNtoso xmlns="{AKN}">', root)
    )
    out = _expect(cli, valid, "IN010", status=0)  # information only: the file is valid
    assert " XSD " not in out
    # A schema the document points to must not make an invalid document pass.
    invalid = _write(
        tmp_path,
        "located-invalid.xml",
        f"{root}<nonsense/></akomaNtoso>",
    )
    out = _expect(cli, invalid, "XSD")
    assert "IN010" in out


def test_xinclude_is_not_processed(cli, tmp_path, server):
    secret = _write(tmp_path, "included.xml", "<p>INCLUDED-TEXT</p>")
    body = _clean_body().replace(
        "<mainBody>",
        '<mainBody><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{secret}"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{server}/include.xml"/>',
    )
    path = _write(tmp_path, "xinclude.xml", body)
    out = _expect(cli, path, "IN009")
    assert "INCLUDED-TEXT" not in out


def test_fifty_megabyte_text_node(cli, tmp_path):
    path = tmp_path / "big.xml"
    with open(path, "wb") as stream:
        stream.write(f'<akomaNtoso xmlns="{AKN}"><x>'.encode())
        chunk = b"a" * (1024 * 1024)
        for _ in range(50):
            stream.write(chunk)
        stream.write(b"</x></akomaNtoso>")
    _expect(cli, path, "IN002")
    # With the size cap raised, libxml2's own 10 MB text-node limit still holds.
    status, out, _ = cli("--max-bytes", str(60 * 1024 * 1024), str(path))
    assert status == 1 and " IN002 " in out and "parser limit" in out


def test_ten_thousand_nested_elements(cli, tmp_path):
    path = _write(
        tmp_path,
        "deep.xml",
        f'<akomaNtoso xmlns="{AKN}">' + "<p>" * 10000 + "</p>" * 10000 + "</akomaNtoso>",
    )
    _expect(cli, path, "IN007")


def test_invalid_utf8(cli, tmp_path):
    data = clean_text().encode().replace(b"Welcomes", b"Welc\xff\xfemes")
    path = _write(tmp_path, "bad-utf8.xml", data)
    out = _expect(cli, path, "IN006")
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    assert f":{line}:" in out  # the line of the bad bytes


def test_utf16_with_bom_is_read_like_utf8(cli, tmp_path):
    text = clean_text().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = _write(tmp_path, "utf16.xml", text.encode("utf-16"))  # with a BOM
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    status, out, _ = cli(str(path))
    assert status == 0, out
    broken = text.replace('<container name="Noting"', '<container name="&#9;Noting"')
    path = _write(tmp_path, "utf16-broken.xml", broken.encode("utf-16"))
    utf8 = validate(broken.replace('encoding="UTF-16"', 'encoding="UTF-8"').encode())
    utf16 = validate(path)
    assert [(f.code, f.line, f.column) for f in utf16] == [(f.code, f.line, f.column) for f in utf8]
    assert utf16 and utf16[0].column is not None


def test_empty_file(cli, tmp_path):
    _expect(cli, _write(tmp_path, "empty.xml", b""), "IN003")
    _expect(cli, _write(tmp_path, "blank.xml", b"  \n\t\n"), "IN003")


def test_not_xml(cli, tmp_path):
    _expect(cli, _write(tmp_path, "image.xml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "IN004")
    _expect(cli, _write(tmp_path, "text.xml", "Resolution 75/15, as plain text."), "IN004")
    _expect(
        cli, _write(tmp_path, "broken.xml", f'<akomaNtoso xmlns="{AKN}"><p></akomaNtoso>'), "IN004"
    )


def test_another_namespace(cli, tmp_path):
    out = _expect(
        cli,
        _write(tmp_path, "xhtml.xml", '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'),
        "IN008",
    )
    assert "XSD" not in out  # not checked against the schema: it is not an AKN document


def test_missing_file_and_directory(cli, tmp_path):
    _expect(cli, tmp_path / "missing.xml", "IN001")
    (tmp_path / "folder.xml").mkdir()
    (tmp_path / "folder.xml" / "inner.xml").write_text(clean_text(), encoding="utf-8")
    status, out, _ = cli(str(tmp_path / "folder.xml"))
    assert status == 0, out  # a directory is searched, whatever its name


def test_input_codes_cannot_be_ignored(cli, tmp_path):
    path = _write(tmp_path, "empty.xml", b"")
    status, out, _ = cli("--ignore", "IN", str(path))
    assert status == 1 and " IN003 " in out


def test_library_never_raises_for_bad_bytes():
    for data in (b"", b"\x00\x01", b"<a", "<a>é</a>".encode("latin-1"), b"<!DOCTYPE a><a/>"):
        findings = validate(data)
        assert findings and findings[0].code.startswith("IN")
