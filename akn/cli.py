"""The akn command line: akn convert, akn validate, akn render, akn diff.

Exit status: 0 done (warnings allowed), 1 the input could not be converted or is invalid,
2 usage error. Nothing below this module prints; everything reaches the user from here.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

EXAMPLES = """examples:
  akn convert resolution.txt -o resolution.xml
  akn convert texts/ -o xml/
  akn validate resolutions/

'akn COMMAND --help' describes each command's options."""


def positive_int(text: str) -> int:
    """An option's value that must be a whole number above zero (``--jobs``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits with 2 after one clear line (its default too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


# The commands: name, one-line summary, the module that declares its options and runs it.
COMMANDS = (
    ("convert", "convert the text of a UN resolution to Akoma Ntoso XML", "akn.commands_convert"),
    (
        "validate",
        "check Akoma Ntoso files against the official schema and akn's own rules",
        "akn.validation.cli",
    ),
    ("render", "show an Akoma Ntoso file as clean text or as one HTML page", "akn.commands_render"),
    ("diff", "compare the structure and texts of two Akoma Ntoso files", "akn.commands_diff"),
)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, when ``argv`` names a command, one whose other
    commands are listed but declare no options: parsing ``argv`` reads only the chosen
    command's, and building them all (importing four modules, ~80 options) cost more than
    some of the conversion's stages."""
    from importlib import import_module

    chosen = argv[0] if argv and argv[0] in {name for name, _, _ in COMMANDS} else None
    parser = _Parser(
        prog="akn",
        description=__doc__.splitlines()[0],
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, summary, module_name in COMMANDS:
        if chosen is not None and name != chosen:
            sub.add_parser(name, help=summary)
            continue
        module = import_module(module_name)
        command = sub.add_parser(
            name,
            help=summary,
            description=module.__doc__,
            epilog=getattr(module, "EXAMPLES", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,  # keep the examples' lines
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


class _Version(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs 20 ms to import)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.exit(message=f"{_version()}\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"akn {version('akn')}"
    except PackageNotFoundError:
        return "akn (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    exits_after = argv is None  # the process's own command line: it ends when this returns
    argv = sys.argv[1:] if argv is None else list(argv)
    collecting = gc.isenabled()
    if argv[:1] == ["convert"]:
        # One conversion makes few reference cycles and then exits, while the cyclic
        # collector ran ~50 times over the objects the imports make (all alive to the end):
        # ~25 ms of a conversion's CPU. A batch turns it on again (akn.commands_convert).
        gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()
        if exits_after:
            # Interpreter shutdown would look for cycles through every object of the run
            # (~40 M instructions, cache misses mostly): frozen objects are not traversed.
            gc.freeze()


def _main(argv: list[str]) -> int:
    _compile_schema_early(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("akn: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: one clear line, the traceback only on request
        if os.environ.get("AKN_DEBUG"):
            raise
        print(
            f"akn: internal error: {type(error).__name__}: {error} -- this is a bug in akn, "
            "please report it (set AKN_DEBUG=1 to see where it happened)",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _compile_schema_early(argv: list[str]) -> None:
    """convert and validate check against the official schema, and compiling it is most of
    the cost of a small run: libxml2 starts on it in a background thread (mostly without the
    GIL) before the command line and the command's modules are even imported."""
    if argv[:1] not in (["convert"], ["validate"]) or {"-h", "--help", "--rules"} & set(argv):
        return
    if argv[0] == "validate":
        from akn.validation.cli import option_values, wants_schema

        if not wants_schema(option_values(argv, "--select"), option_values(argv, "--ignore")):
            return
    from akn.schema import preload_official_schema

    if preload_official_schema():
        # libxml2 calls back into lxml (so needs the GIL) now and then while it compiles: a
        # short switch interval keeps the main thread's Python from stalling it 5 ms at a time.
        sys.setswitchinterval(0.001)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
