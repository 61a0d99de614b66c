"""Entry point of the `floorapp` console script and of `python -m floorapp`."""

from __future__ import annotations

import sys

from floorapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
