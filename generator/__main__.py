"""`python -m generator` runs the `strategie` command line."""

import sys

from generator.cli.commands import main

sys.exit(main())
