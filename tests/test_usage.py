"""The user's mistakes are named as theirs: usage errors (exit 2) that name the option, clear
exceptions in the library, never "a bug in akn"; and each line says how serious it is."""

from __future__ import annotations

import re

import pytest
from conftest import SEED

import akn
from akn.cli import main
from akn.converter.metadata import MetadataError
from akn.diagnostics import Diagnostic, Severity

TEXT = SEED.read_bytes()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- every line has a position and a severity ---------------------------------------------


def test_document_level_findings_have_a_position_and_every_line_a_severity() -> None:
    whole = Diagnostic("M501", Severity.WARNING, "no symbol", path="a.txt")
    line_only = Diagnostic("S321", Severity.WARNING, "rows", path="a.txt", line=5)
    placed = Diagnostic("AKN103", Severity.ERROR, "dangling", path="a.xml", line=4, column=23)
    assert whole.format() == "a.txt:1:1: warning: M501 no symbol"
    assert line_only.format() == "a.txt:5:1: warning: S321 rows"
    assert placed.format() == "a.xml:4:23: error: AKN103 dangling"
    assert whole.to_dict()["line"] is None  # machines can still tell


def test_convert_lines_all_parse_as_path_line_col_severity(capsys) -> None:
    code, _, err = run(["convert", str(SEED)], capsys)
    pattern = re.compile(r"^.+:\d+:\d+: (error|warning|info): [A-Z]+\d* ")
    assert code == 0 and err and all(pattern.match(line) for line in err.splitlines()), err


# --- usage errors, not bugs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "named"),
    [
        (["--markup-date", "2019-01-01", "--issued", "2020-11-17"], None, "--markup-date"),
        (["--issued", "2020-11-17"], "1000", "SOURCE_DATE_EPOCH"),
        (["--issued", "2020-01-01", "--adopted", "2020-11-17"], None, "--adopted"),
        ([], "yesterday", "SOURCE_DATE_EPOCH"),
        (["--symbol", "garbage symbol"], None, "--symbol"),
    ],
)
def test_contradictory_options_are_usage_errors(argv, env, named, capsys, monkeypatch) -> None:
    if env is not None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", env)
    code, out, err = run(["convert", str(SEED), *argv], capsys)
    assert code == 2 and out == ""
    assert err.startswith("akn convert: error: ") and named in err
    assert "bug" not in err and len(err.splitlines()) == 1


def test_a_text_whose_own_dates_disagree_is_converted_with_a_warning() -> None:
    # The caller cannot fix the text: the later date is left unknown, no usage error.
    from akn.converter.pipeline import _Dates

    found: list[Diagnostic] = []
    dates = _Dates({})
    assert dates.check("adopted", "2020-11-17", found) == "2020-11-17"
    assert dates.check("issued", "2020-01-02", found) is None
    assert [d.code for d in found] == ["M505"] and "--issued" in found[0].message


def test_output_into_a_missing_directory_is_the_same_usage_error_for_both_commands(
    tmp_path, capsys
) -> None:
    target = tmp_path / "missing" / "out"
    xml = tmp_path / "doc.xml"
    converted, _, convert_err = run(["convert", str(SEED), "-o", str(target)], capsys)
    xml.write_bytes(akn.convert(TEXT).to_bytes())
    validated, _, validate_err = run(["validate", str(xml), "-o", str(target)], capsys)
    assert converted == validated == 2
    same = convert_err.splitlines()[-1].removeprefix("akn convert")
    assert same == validate_err.strip().removeprefix("akn validate")
    assert f"cannot write -o {target}" in validate_err


# --- the symbol names the work ------------------------------------------------------------


def test_symbol_must_be_a_un_symbol_in_the_library_too() -> None:
    with pytest.raises(MetadataError, match="not a UN document symbol"):
        akn.convert(TEXT, metadata={"symbol": "garbage symbol"})
    result = akn.convert(TEXT, metadata={"symbol": "A/75/L.25"})
    assert b"/75-L.25/" in result.to_bytes()


def test_a_symbol_other_than_the_texts_is_reported() -> None:
    text = (SEED.parent.parent / "tests" / "fixtures" / "draft-en.txt").read_bytes()  # A/75/L.25

    def codes(symbol: str) -> list[str]:
        result = akn.convert(text, lang="en", metadata={"symbol": symbol})
        return [d.code for d in result.diagnostics]

    assert codes("A/75/L.99").count("M504") == 1
    assert "M504" not in codes("A/75/L.25")


def test_documents_without_a_symbol_do_not_share_a_work_iri() -> None:
    first = akn.convert(TEXT)
    second = akn.convert(TEXT.replace(b"Conseil", b"Conseil ", 1))
    again = akn.convert(TEXT)

    def work(result):
        return result.tree.find(".//{*}FRBRWork/{*}FRBRuri").get("value")

    assert "/unknown-" in work(first)
    assert work(first) != work(second)
    assert work(first) == work(again)  # the same text, the same IRI


# --- the library's arguments ----------------------------------------------------------------


def test_library_argument_errors_are_exceptions_that_say_what_to_pass() -> None:
    with pytest.raises(TypeError, match="str or bytes, not NoneType"):
        akn.convert(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language 'xx': akn has mappings for ar, de, en"):
        akn.convert(TEXT, lang="xx")
    assert akn.convert(bytearray(TEXT)).ok


# --- the markup date is the date of the conversion --------------------------------------------


def _markup(result: akn.Conversion) -> tuple[str, str]:
    date = result.tree.find(".//{*}FRBRManifestation/{*}FRBRdate")
    return date.get("date"), date.get("name")


def test_markup_date_is_today_by_default_not_the_issue_date() -> None:
    import datetime

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    result = akn.convert(TEXT, metadata={"issued": "2020-11-17"})
    assert _markup(result) == (today, "markup")


def test_source_date_epoch_pins_the_markup_date_and_says_so(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = akn.convert(TEXT), akn.convert(TEXT)
    assert _markup(first) == ("2023-11-14", "markup (SOURCE_DATE_EPOCH)")
    assert first.to_bytes() == second.to_bytes()
    assert akn.validate(first.tree) == [] or all(
        f.code != "AKN107" for f in akn.validate(first.tree)
    )


def test_a_given_markup_date_is_written_as_given() -> None:
    result = akn.convert(TEXT, metadata={"markup": "2021-02-03"})
    assert _markup(result) == ("2021-02-03", "markup")


# --- the documentation says what the code does -------------------------------------------------


def test_every_code_the_converter_emits_is_in_the_readme_table() -> None:
    from corpus import ROOT

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "akn").glob("*.py"))
    emitted = set(re.findall(r'"([ELSNKM]\d{3})"', source)) | {"E106"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| Code | Level | Meaning |") :].split("\n\n", 1)[0]
    documented = set(re.findall(r"`([A-Z]\d{3})`", table))
    for low, high in re.findall(r"`([A-Z]\d{3})`–`([A-Z]\d{3})`", table):
        documented |= {f"{low[0]}{n}" for n in range(int(low[1:]), int(high[1:]) + 1)}
    assert emitted - documented == set()


def test_the_readme_says_convert_reads_no_configuration() -> None:
    from corpus import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "other akn commands use `[tool.akn]`" not in readme
    assert "`akn convert` reads no configuration, on purpose" in readme


def test_a_too_large_input_is_reported_in_the_chosen_format(tmp_path, capsys, monkeypatch) -> None:
    import json

    from akn import commands_convert

    monkeypatch.setattr(commands_convert, "MAX_INPUT_BYTES", 10)
    code, _, err = run(["convert", str(SEED), "--diagnostics", "json"], capsys)
    document = json.loads(err)
    assert code == 1 and [f["code"] for f in document["findings"]] == ["E106"]
    assert document["files"][0]["checked"] is False
