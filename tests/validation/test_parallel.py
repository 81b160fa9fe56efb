"""Many files: worker processes give the same report as one process, streamed in order."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, corpus_files, edited

pytestmark = pytest.mark.corpus


def _sample(tmp_path: Path) -> list[str]:
    """Sixteen corpus files and two broken ones in the middle: findings of every kind."""
    files = [str(path) for path in corpus_files()[::16][:16]]
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso", encoding="utf-8")
    renumbered = tmp_path / "renumbered.xml"
    renumbered.write_text(edited([['eId="para_1"', 'eId="para_9"']]), encoding="utf-8")
    return [*files[:8], str(broken), str(renumbered), *files[8:]]


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_workers_report_what_one_process_does(cli, tmp_path, output_format):
    files = _sample(tmp_path)
    alone = cli("--jobs", "1", "--format", output_format, *files)
    workers = cli("--jobs", "2", "--format", output_format, *files)
    assert workers[0] == alone[0] == 1
    assert _without_times(workers[1]) == _without_times(alone[1])
    assert "IN004" in workers[1] and "AKN102" in workers[1]


def _without_times(report: str) -> str:
    return "\n".join(line for line in report.splitlines() if '"seconds"' not in line)


def test_library_results_come_in_input_order(tmp_path):
    from akn.validation.engine import Input, Settings
    from akn.validation.parallel import check_files
    from akn.validation.rules import choose

    files = _sample(tmp_path)
    inputs = [Input(name, Path(name)) for name in files]
    results = list(check_files(inputs, Settings(choose(None, None)), jobs=2))
    assert [result.label for result in results] == files
    assert all(f.path == result.label for result in results for f in result.findings)


def test_one_thread_reports_what_two_do(tmp_path, monkeypatch):
    """Where no core is free for the schema's thread, files are checked one after another,
    with the same results."""
    from akn import schema
    from akn.validation.engine import Input, Settings, check_inputs
    from akn.validation.rules import choose

    invalid = tmp_path / "invalid.xml"
    invalid.write_text(edited([['eId="para_1"', 'eId="para_1" bogus="x"']]), encoding="utf-8")
    inputs = [Input(name, Path(name)) for name in [*_sample(tmp_path), str(invalid)]]
    settings = Settings(choose(None, None))
    two = [(r.label, r.findings, r.checked) for r in check_inputs(inputs, settings)]
    monkeypatch.setattr(schema, "preload_official_schema", lambda: False)
    one = [(r.label, r.findings, r.checked) for r in check_inputs(inputs, settings)]
    assert one == two and any(finding.code == "XSD" for _, found, _ in one for finding in found)


def test_findings_are_printed_before_standard_input_is_read(tmp_path):
    """The first file's findings reach the reader while the last input (stdin) is still
    open: nothing waits for the end of the run."""
    renumbered = tmp_path / "renumbered.xml"  # parsed: it waits for the schema thread too
    renumbered.write_text(edited([['eId="para_1"', 'eId="para_9"']]), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "akn", "validate", "--jobs", "1", str(renumbered), "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "nothing printed while standard input stays open"
        first = process.stdout.readline().decode()
        assert first.startswith(f"{renumbered}:") and "AKN102" in first
        process.stdin.write(b"<akomaNtoso")
        process.stdin.close()
        rest = process.stdout.read().decode()
    finally:
        process.kill()
        process.wait()
    assert "<stdin>" in rest and rest.rstrip().endswith("1 of 2 files failed.")


def test_validate_imports_nothing_of_the_converter(tmp_path):
    """akn validate stays light: no converter module, no word lists, no YAML mappings."""
    files = _sample(tmp_path)
    probe = (
        "import sys\nfrom akn.cli import main\n"
        f"main(['validate', '--jobs', '2', *{files!r}])\n"
        "heavy = [m for m in sys.modules if m.startswith(('akn.converter', 'akn.mapping'))"
        " or m.split('.')[0] in ('wordfreq', 'yaml', 'jsonschema', 'xmlschema', 'tqdm')]\n"
        "print('HEAVY', sorted(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert "HEAVY []" in done.stdout, done.stdout[-500:] + done.stderr[-2000:]


def test_spawned_workers_where_processes_cannot_fork(tmp_path, monkeypatch):
    """Windows and macOS start workers afresh: each compiles the schema; the same results."""
    import multiprocessing

    from akn.validation.engine import Input, Settings
    from akn.validation.parallel import check_files
    from akn.validation.rules import choose

    files = _sample(tmp_path)[:10]
    inputs = [Input(name, Path(name)) for name in files]
    settings = Settings(choose(None, None))
    forked = [r.findings for r in check_files(inputs, settings, jobs=2)]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    spawned = [r.findings for r in check_files(inputs, settings, jobs=2)]
    assert spawned == forked and any(spawned)
