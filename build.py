#!/usr/bin/env python3
"""Build the privacy notices: ``python build.py [build|check|validate|lint|diff|textconv|translations] --help``."""

import sys

from seloste.cli import run

if __name__ == "__main__":
    sys.exit(run())
