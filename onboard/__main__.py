"""`python -m onboard` runs the command line (no sub-command opens the window)."""

import sys

from onboard.cli import main

sys.exit(main())
