"""``python -m akn.validation`` is ``akn validate`` without loading the rest of akn's CLI."""

import sys

from akn.validation.cli import main

sys.exit(main())
