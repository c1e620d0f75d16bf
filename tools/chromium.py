"""Debian's Chromium driven by Playwright for Python, as the tests and tools start it.

Playwright's own browser download is never used: ``executable_path`` points at the system
browser (Debian package ``chromium``). ``--no-sandbox`` is needed when running as root, as CI
containers do.
"""

from __future__ import annotations

import os
import pathlib
import shutil

CHROMIUM = os.environ.get("SELOSTE_CHROMIUM", "/usr/bin/chromium")
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)


def missing() -> str | None:
    """Why the browser cannot be started here, or None when it can."""
    if not pathlib.Path(CHROMIUM).is_file() and shutil.which(CHROMIUM) is None:
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set SELOSTE_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements-test.txt)"
    return None


def launch(playwright):
    """A headless Chromium browser from a started ``sync_playwright()``; raises Playwright's errors."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(ARGS))
