"""``python -m articlekit``: the same as the ``articlekit`` command."""

import sys

from .cli import main

sys.exit(main())
