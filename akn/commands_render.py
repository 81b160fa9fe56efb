"""Show an Akoma Ntoso file (the UN's or akn's) as clean text or as one HTML page.

--to text: one block per line, numbers in front, note markers glued to their word, the notes
after a ____ rule: the layout akn convert reads, so converting it again gives the same tree.
--to html: one self-contained page (CSS inline, no script, nothing fetched) that reads like
the resolution, every element anchored by its eId; --check marks the findings of akn validate
where they apply and lists them at the top. Output goes to standard output, or to -o FILE.
Exit status: 0 rendered, 1 the input is no readable Akoma Ntoso file, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="FILE", help="Akoma Ntoso file to render")
    parser.add_argument(
        "--to", choices=["text", "html"], default="html", help="what to make (default: html)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="html: mark the findings of akn validate where they apply, and list them on top",
    )
    parser.add_argument("-o", "--output", metavar="OUTPUT", help="write the result here")


def run(args: argparse.Namespace) -> int:
    from akn.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
    from akn.rendering import ReadError, render

    if args.check and args.to != "html":
        print("akn render: error: --check needs --to html", file=sys.stderr)
        return EXIT_USAGE
    try:
        output = render(args.input, to=args.to, check=args.check)
    except ReadError as error:
        print(f"akn render: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    data = output.encode("utf-8")
    if not args.output:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        print(f"akn render: error: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
