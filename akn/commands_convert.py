"""Convert the text of a UN resolution (a file, or - for standard input) to Akoma Ntoso XML.

The XML goes to standard output, or to the file given with -o. It is checked against the
official Akoma Ntoso schema before it is written. Diagnostics go to standard error as
"path:line:col: severity: CODE message". Several inputs, or a directory (searched for
*.txt), are converted into the directory -o names, in worker processes (--jobs), with a
summary at the end. Exit status: 0 converted (warnings allowed), 1 an input could not be
converted or an output failed the schema (the XML is still written for inspection), 2 usage
error (a bad option, contradictory dates, an output that cannot be written)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TYPE_CHECKING, TypedDict

from akn.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # the parser is built for every akn command: import only what runs
    from akn.report import FileStatus

from akn.batch import MAX_INPUT_BYTES

EXAMPLES = """examples:
  akn convert resolution.txt -o resolution.xml      language detected from the text
  akn convert texts/ -o xml/                        every *.txt below texts/, in parallel
  pdftotext A-RES-73-6.pdf - | akn convert - --lang en > A-RES-73-6.xml
  akn convert draft.txt --draft --symbol A/75/L.25 --issued 2020-11-17
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) akn convert r.txt   reproducible bytes

akn convert reads no configuration file: its options describe one document."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from akn.resources import available_languages

    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="text file to convert, - for stdin; or several files or directories (with -o DIR)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        help="write the XML here; a directory for several inputs (created if missing)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_whole_number,
        metavar="N",
        help="convert several inputs in N worker processes (default: the number of cores)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="several inputs: no progress bar, no warnings"
    )
    parser.add_argument(
        "--lang",
        choices=available_languages(),
        help="language of the text (default: detected from the text)",
    )
    parser.add_argument(
        "--symbol", help="UN document symbol, e.g. A/RES/75/15 (it names the work in the IRIs)"
    )
    parser.add_argument(
        "--adopted", metavar="DATE", type=_iso_date, help="adoption date, YYYY-MM-DD"
    )
    parser.add_argument("--issued", metavar="DATE", type=_iso_date, help="issue date, YYYY-MM-DD")
    parser.add_argument(
        "--markup-date",
        metavar="DATE",
        type=_markup_date,
        help="date of this conversion for the FRBR manifestation, YYYY-MM-DD or 'today' "
        "(default: SOURCE_DATE_EPOCH when set, for reproducible output, else today)",
    )
    parser.add_argument("--draft", action="store_true", help="the text is a draft resolution")
    parser.add_argument(
        "--iri-style",
        choices=["un", "oasis"],
        default="un",
        help="FRBR IRIs as the UN writes them (eng@!main/, the default) or as the Akoma Ntoso "
        "naming convention does (eng@/!main)",
    )
    parser.add_argument(
        "--diagnostics",
        choices=["text", "json"],
        default="text",
        help="how to print diagnostics on stderr (default: text)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also print informational diagnostics"
    )
    parser.add_argument(
        "--rules",
        action=_PrintRules,
        nargs=0,
        help="list the recognition rules in the order they are tried, with their ids, and exit",
    )
    parser.add_argument(
        "--explain", metavar="CODE", action=_Explain, help="say what a diagnostic code means"
    )
    parser.add_argument(
        "--dump",
        choices=["lines", "pages", "tree"],
        help="print that stage of the conversion as JSON on standard output instead of the "
        "XML (not to -o): the lines, the page split, or the document tree",
    )


class _PrintRules(argparse.Action):
    """``--rules``: print the rule chains and exit, as ``--version`` does (no input needed)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from akn.converter.recognise import describe_chains

        chain = None
        for rule in describe_chains():
            if rule["chain"] != chain:
                chain = rule["chain"]
                print(f"{'' if chain == 'masthead' else chr(10)}{chain} chain:")
            ids = ", ".join(rule["ids"])  # type: ignore[arg-type]
            print(f"  {rule['rule']:<22} {ids}\n  {'':<22} {rule['summary']}")
        parser.exit()


class _Explain(argparse.Action):
    """--explain CODE prints the code's entry in akn/converter/codes.py and exits, before
    INPUT is asked for (as --version does)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from akn.converter.codes import explain

        text = explain(str(values))
        if text is None:
            parser.exit(2, f"akn convert: error: {values} is no code of akn convert\n")
        print(text, end="")
        parser.exit(0)


def _whole_number(text: str) -> int:
    from akn.cli import positive_int

    return positive_int(text)


def _iso_date(value: str) -> str:
    from akn.converter.dates import valid_iso_date

    if not valid_iso_date(value):
        raise argparse.ArgumentTypeError(f"must be a date written YYYY-MM-DD, not {value!r}")
    return value


def _markup_date(value: str) -> str:
    return value if value == "today" else _iso_date(value)


def _read(source: str) -> tuple[bytes, str]:
    """The input's bytes (at most one more than the limit) and the name to report it by."""
    if source == "-":
        if sys.stdin is None:  # started with standard input closed (`akn convert - <&-`)
            raise OSError(0, "standard input is closed")
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "<stdin>"
    from akn.files import read_regular

    return read_regular(source, MAX_INPUT_BYTES), source


def run(args: argparse.Namespace) -> int:
    """Run ``akn convert``: one input, or a batch (``akn.commands_convert_many``)."""
    if is_batch(args):
        import gc

        from akn.commands_convert_many import run_batch  # not imported for one input

        gc.enable()  # off for one input (akn.cli.main); a batch may run for hours
        return run_batch(args)
    args.input = args.inputs[0]
    return run_one(args)


def is_batch(args: argparse.Namespace) -> bool:
    """Several inputs, a directory as input, or ``-o`` naming a directory (or ending in /)."""
    output = args.output
    if len(args.inputs) > 1 or os.path.isdir(args.inputs[0]):
        return True
    return bool(output) and (output.endswith(("/", os.sep)) or os.path.isdir(output))


class ConversionOptions(TypedDict):
    """The keyword arguments of ``akn.convert`` that the options give (one input or many)."""

    lang: str | None
    metadata: dict[str, object]
    iri_style: str


def conversion_options(args: argparse.Namespace) -> ConversionOptions:
    """The keyword arguments of ``akn.convert`` that the options give."""
    metadata: dict[str, object] = {}
    for key in ("symbol", "adopted", "issued"):
        if getattr(args, key):
            metadata[key] = getattr(args, key)
    if args.markup_date:
        metadata["markup"] = args.markup_date
    if args.draft:
        metadata["draft"] = True
    return {"lang": args.lang, "metadata": metadata, "iri_style": args.iri_style}


def run_one(args: argparse.Namespace) -> int:
    """One input (a file or standard input) to standard output or the file -o."""
    from akn.schema import preload_official_schema

    # The output is checked against the schema: libxml2 compiles it in a second thread
    # (mostly without the GIL) while this one imports the converter and converts.
    preload_official_schema()
    from akn.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
    from akn.converter.metadata import MetadataError
    from akn.converter.pipeline import convert
    from akn.files import same_file, write_atomic
    from akn.report import FileStatus

    if args.output and args.input != "-" and same_file(args.output, [args.input]):
        print(
            f"akn convert: error: -o {args.output} is the input {args.input}: writing it would "
            "destroy the text; choose another output",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        data, name = _read(args.input)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"akn convert: error: cannot read {args.input}: {reason}", file=sys.stderr)
        return EXIT_FAILED
    if len(data) > MAX_INPUT_BYTES:
        too_large = Diagnostic(
            "E106",
            Severity.ERROR,
            f"input is larger than the limit of {MAX_INPUT_BYTES // 2**20} MiB; "
            "a resolution is a few hundred kilobytes at most",
            path=name,
        )
        _print_diagnostics(args, [too_large], FileStatus(name, False, False))
        return EXIT_FAILED
    if args.dump:  # a stage as JSON, not the XML: akn.converter.dump
        from akn.converter.dump import dump

        text, found = dump(args.dump, data, lang=args.lang)
        errors = [d.with_path(name) for d in found if d.severity >= Severity.ERROR]
        _print_diagnostics(args, errors, FileStatus(name, text is not None, text is not None))
        sys.stdout.write(text or "")
        return EXIT_OK if text is not None else EXIT_FAILED
    started = time.perf_counter()
    try:
        result = convert(data, **conversion_options(args))
    except MetadataError as error:  # the options (or SOURCE_DATE_EPOCH) contradict themselves
        print(f"akn convert: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    threshold = Severity.INFO if args.verbose else Severity.WARNING
    # A finding that names its own file (a broken mapping) keeps it; the rest are the input's.
    shown = [
        d if d.path else d.with_path(name) for d in result.diagnostics if d.severity >= threshold
    ]
    status = FileStatus(name, result.tree is not None, result.ok, time.perf_counter() - started)
    _print_diagnostics(args, shown, status)
    if result.tree is None:
        return EXIT_FAILED
    xml = result.to_bytes()
    if args.output:
        try:
            write_atomic(args.output, xml)
        except OSError as error:
            # The same failure, the same status and words as akn validate -o: a usage error.
            print(f"akn convert: error: {cannot_write(args.output, error)}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.buffer.write(xml)
        sys.stdout.buffer.flush()
    return EXIT_OK if result.ok else EXIT_FAILED


def _print_diagnostics(
    args: argparse.Namespace, shown: list[Diagnostic], status: FileStatus
) -> None:
    """On standard error: one line each, or the JSON report akn validate writes too."""
    if args.diagnostics == "json":
        from akn.report import dumps, report

        sys.stderr.write(dumps(report("convert", [status], shown, Severity.ERROR)))
    else:
        for diagnostic in shown:
            print(diagnostic.format(), file=sys.stderr)


def cannot_write(output: str, error: OSError) -> str:
    """The one message both commands give when -o cannot be written (exit status 2)."""
    return f"cannot write -o {output}: {error.strerror or error}"
