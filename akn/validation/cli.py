"""Check Akoma Ntoso files against the official schema and akn's own rules.

Paths may be files, directories (searched recursively for *.xml), glob patterns, or - for
standard input. Exit status: 0 nothing at or above the failing severity (error; warning with
--strict), 1 findings at or above it, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from akn.cli import positive_int

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from akn.diagnostics import Severity
    from akn.validation.config import Config
    from akn.validation.engine import FileResult, Input, Settings

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

DEFAULT_MAX_FILES = 100_000
"""Files one run checks at most: the count is known before any is read, and memory stays
flat per file, so the limit bounds the run's time (about 2 ms a file), not its memory."""

_FORMATS = ("text", "json", "junit", "github", "sarif")  # formats.FORMATS, without importing it


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``akn validate``'s options (kept import-free: the parser is built for every run)."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, directories, glob patterns, or - for standard input "
        "(with --rules: the rule codes to document)",
    )
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default=None,
        help="output format (default: text, one finding per line then a summary)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: comma-separated codes, prefixes or names (XSD,AKN1,numbering)",
    )
    parser.add_argument("--ignore", action="append", metavar="CODES", help="switch these rules off")
    parser.add_argument(
        "--strict", action="store_true", default=None, help="warnings fail too (exit 1)"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        default=None,
        help="retell schema findings with xmlschema: the expected elements and an XPath "
        "(slower: about a second more)",
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="list the rules (code, severity, name, title) and exit; with codes, document them",
    )
    parser.add_argument(
        "--show-all",
        action="store_true",
        default=None,
        help="one line per occurrence, instead of one per repeated defect and file",
    )
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=None,
        metavar="N",
        help="refuse files larger than N bytes (default: 16 MiB)",
    )
    parser.add_argument(
        "--max-files",
        type=positive_int,
        default=None,
        metavar="N",
        help="refuse to start when the paths name more than N files (default: 100,000)",
    )
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="the name to report for standard input"
    )
    parser.add_argument(
        "--config", metavar="FILE", help="read [tool.akn.validate] from FILE, not pyproject.toml"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every pyproject.toml")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    parser.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=None,
        metavar="N",
        help="check files in N worker processes (default: the number of cores; small runs "
        "stay in one process)",
    )


class UsageError(Exception):
    """A problem with how akn validate was called (exit status 2)."""


def expand_paths(paths: list[str], stdin_name: str | None = None) -> list[Input]:
    """Files, directories (recursively, *.xml), globs and ``-``, in order, without repeats
    (``akn.validation.paths``); a pattern or directory with no file is a UsageError."""
    from akn.validation.paths import NoFilesError, expand

    try:
        return expand(paths, stdin_name)
    except NoFilesError as error:
        raise UsageError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    """Run ``akn validate``; return the exit status."""
    if not args.rules and wants_schema(args.select, args.ignore):
        # Compiling the schema is most of the cost of a small run: start it before anything else.
        # libxml2 calls back into lxml (and so needs the GIL) while it compiles and validates;
        # a short switch interval keeps the rules running here from stalling it for 5 ms a time.
        from akn.schema import preload_official_schema

        if preload_official_schema():
            sys.setswitchinterval(0.001)
    try:
        return _run(args)
    except UsageError as error:
        print(f"akn validate: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from akn.diagnostics import Severity

    config = _config(args)
    if args.rules:
        rules_format = args.format or "text"
        if rules_format not in ("text", "json"):
            raise UsageError(f"--rules prints text or json, not --format {rules_format}")
        return _print_rules(args.paths, args.output, rules_format)

    codes = _chosen_codes(args, config)
    strict = args.strict if args.strict is not None else config.get("strict", False)
    output_format = args.format or config.get("format", "text")
    if output_format not in _FORMATS:
        raise UsageError(f"unknown format {output_format!r} in {config.source}")
    if not args.paths:
        raise UsageError("no paths given (use - to read standard input)")
    settings = _settings(args, config, codes, output_format)
    inputs = expand_paths(args.paths, args.stdin_filename)
    max_files = args.max_files or config.get("max-files", DEFAULT_MAX_FILES)
    if len(inputs) > max_files:
        print(
            f"akn validate: error: the paths name {len(inputs):,} files, more than the limit "
            f"of {max_files:,}; nothing was checked (raise it with --max-files, or check "
            "fewer at a time)",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    if args.output:
        _refuse_output_over_input(args.output, inputs)
    from akn.validation.parallel import check_files, default_jobs

    jobs = args.jobs or default_jobs()
    failing = Severity.WARNING if strict else Severity.ERROR
    results = check_files(inputs, settings, jobs)
    failed = _report(results, output_format, failing, args.output)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def _config(args: argparse.Namespace) -> Config:
    """[tool.akn.validate] of the pyproject.toml in force (none with --isolated)."""
    from pathlib import Path

    from akn.validation.config import Config, ConfigError, load_config

    try:
        if args.isolated:
            return Config()
        return load_config(Path(args.config) if args.config else None)
    except ConfigError as error:
        raise UsageError(str(error)) from None


def _chosen_codes(args: argparse.Namespace, config: Config) -> frozenset[str]:
    """The codes that are on, from the command line and the configuration; a warning where
    --ignore names a code that is always on."""
    from akn.validation.rules import UnknownRuleError, always_on, choose

    select = _codes(args.select) or config.get("select")
    ignore = [*config.get("ignore", []), *_codes(args.ignore)]
    try:
        codes = choose(select, ignore)
        kept = always_on(ignore)
    except UnknownRuleError as error:
        raise UsageError(str(error)) from None
    if kept:
        print(
            f"akn validate: warning: {', '.join(kept)} cannot be ignored (always on: a file "
            "that could not be read or checked never passes); --ignore has no effect on "
            f"{'it' if len(kept) == 1 else 'them'}",
            file=sys.stderr,
        )
    return codes


def _settings(
    args: argparse.Namespace, config: Config, codes: frozenset[str], output_format: str
) -> Settings:
    """What to check and how, from the options and the configuration."""
    from akn.validation.engine import Settings
    from akn.validation.inputs import DEFAULT_MAX_BYTES, Limits

    limits = Limits(max_bytes=args.max_bytes or config.get("max-bytes", DEFAULT_MAX_BYTES))
    show_all = args.show_all if args.show_all is not None else config.get("show-all", False)
    explain = args.explain if args.explain is not None else config.get("explain", False)
    located = output_format in ("json", "sarif")  # the formats that show every repeat
    return Settings(codes, limits, explain=explain, group=not show_all, locations=located)


def _refuse_output_over_input(output: str, inputs: list[Input]) -> None:
    from akn.files import same_file

    clash = same_file(output, [str(item.path) for item in inputs if item.path])
    if clash is not None:
        raise UsageError(
            f"-o {output} is the input {clash}: the report would replace it; choose another output"
        )


def _report(
    results: Iterable[FileResult], output_format: str, failing: Severity, output: str | None
) -> bool:
    """Write the report; True when a file failed. Text and GitHub annotations are written
    file by file as results come (only a tally is kept), the other formats at the end."""
    from akn.validation.formats import FORMATTERS, STREAMED, Tally

    if output_format not in STREAMED:
        kept = list(results)
        _write(FORMATTERS[output_format](kept, failing), output)
        return any(f.severity >= failing for result in kept for f in result.findings)
    lines_of = STREAMED[output_format]
    tally = Tally()
    pieces: list[str] = []  # for -o: written whole at the end, never half a report
    for result in results:
        tally.add(result, failing)
        lines = lines_of(result)
        if not lines:
            continue
        if output is None:
            sys.stdout.write(lines)
            sys.stdout.flush()
        else:
            pieces.append(lines)
    pieces.append(tally.line() + "\n")
    _write("".join(pieces), output)
    return tally.failed > 0


def wants_schema(select: list[str] | None, ignore: list[str] | None) -> bool:
    """Do these ``--select``/``--ignore`` values leave the schema check on? (Yes when they
    cannot be read: the run then stops with a usage error.) Asked before the schema is
    compiled in the background, which ``--select AKN1`` would otherwise pay for nothing; a
    selection made in pyproject.toml is read later, and a schema compiled for it unused
    costs CPU only."""
    from akn.validation.rules import UnknownRuleError, choose

    try:
        return "XSD" in choose(_codes(select) or None, _codes(ignore))
    except UnknownRuleError:
        return True


def option_values(argv: Sequence[str], option: str) -> list[str]:
    """The values given to ``option`` in ``argv`` (``--select X`` and ``--select=X``), read
    before argparse, for the schema's early start."""
    values = []
    for index, argument in enumerate(argv):
        if argument == option and index + 1 < len(argv):
            values.append(argv[index + 1])
        elif argument.startswith(option + "="):
            values.append(argument[len(option) + 1 :])
    return values


def _codes(values: list[str] | None) -> list[str]:
    return [code.strip() for value in values or () for code in value.split(",") if code.strip()]


def _write(report: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(report)
        sys.stdout.flush()
        return
    from akn.files import write_atomic

    try:
        write_atomic(output, report.encode("utf-8"))
    except OSError as error:
        from akn.commands_convert import cannot_write

        raise UsageError(cannot_write(output, error)) from None


def _print_rules(codes: list[str], output: str | None, output_format: str = "text") -> int:
    from akn.validation.rules import UnknownRuleError, all_rules, match_rules

    rules = all_rules()
    if output_format == "json":
        import json

        try:
            chosen = match_rules(codes, rules) if codes else {rule.code for rule in rules}
        except UnknownRuleError as error:
            raise UsageError(str(error)) from None
        table = [rule.to_dict() for rule in rules if rule.code in chosen]
        _write(json.dumps({"rules": table}, ensure_ascii=False, indent=2) + "\n", output)
        return EXIT_CLEAN
    if not codes:
        width = max(len(rule.name) for rule in rules)
        lines = [
            f"{rule.code:<7} {rule.severity!s:<8} {rule.name:<{width}}  {rule.title}"
            for rule in rules
        ]
        _write("\n".join(lines) + "\n", output)
        return EXIT_CLEAN
    try:
        chosen = match_rules(codes, rules)
    except UnknownRuleError as error:
        raise UsageError(str(error)) from None
    blocks = []
    for rule in rules:
        if rule.code in chosen:
            head = f"{rule.code} {rule.name} ({rule.severity}{', always on' if rule.fatal else ''})"
            blocks.append(f"{head}\n{rule.title}.\n\n{_wrapped(rule.plain_description)}".rstrip())
    _write("\n\n".join(blocks) + "\n", output)
    return EXIT_CLEAN


def _wrapped(text: str, width: int = 88) -> str:
    import textwrap

    return "\n".join(
        textwrap.fill(line, width, subsequent_indent="  " if line.startswith("- ") else "")
        if line
        else ""
        for line in text.splitlines()
    )


EXAMPLES = """examples:
  akn validate resolutions/                 directories are searched for *.xml
  akn validate A-RES-75-15.xml 'annexes/**/*.xml'
  cat A-RES-75-15.xml | akn validate -      standard input
  akn validate --strict --format github documents/
  akn validate --format sarif -o akn.sarif documents/
  akn validate --rules                      the rule table; --rules AKN102 documents one

Settings may live in pyproject.toml, table [tool.akn.validate]."""


def main(argv: list[str] | None = None) -> int:
    """``python -m akn.validation``: the same command without the rest of akn's CLI."""
    parser = argparse.ArgumentParser(
        prog="akn validate",
        description=__doc__,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))
