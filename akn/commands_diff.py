"""Compare two Akoma Ntoso files as a reader would: structure and texts, not markup.

Items are aligned (preambular paragraphs by order, operative paragraphs and points by number,
notes by marker, annexes by order); a changed item shows its changed words as [-old-]{+new+};
metadata differences are listed apart; eIds and whitespace do not count unless --strict. The
last line sums up per kind: same, changed, only in A, only in B. Exit status: 0 the structure
and texts are the same, 1 they differ (or a file is no readable Akoma Ntoso), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A.xml", help="the first Akoma Ntoso file")
    parser.add_argument("b", metavar="B.xml", help="the second")
    parser.add_argument(
        "--format", choices=["text", "json"], default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="eId-only and whitespace-only differences count too"
    )


def run(args: argparse.Namespace) -> int:
    from akn.cli import EXIT_FAILED, EXIT_OK
    from akn.comparison import diff
    from akn.comparison_report import format_json, format_text
    from akn.reading import ReadError

    try:
        result = diff(args.a, args.b, strict=args.strict)
    except ReadError as error:
        print(f"akn diff: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    formatter = format_json if args.format == "json" else format_text
    sys.stdout.write(formatter(result, args.a, args.b))
    sys.stdout.flush()
    return EXIT_OK if result.same else EXIT_FAILED
