"""`python -m voisinage.cli`: the same as the `voisinage` command."""

import sys

from .main import main

sys.exit(main())
