"""Save the README's screenshot of the seed notice page: ``python -m tools.screenshot``.

It opens the committed ``output/fi/genetta-asiakasrekisteri.html`` in Debian's Chromium (as
the tests do, see :mod:`tools.chromium`) at 1280×900 and writes the visible part of the page
to ``docs/screenshot-genetta.png``. Run it after a change to the templates or the stylesheet,
then look at the picture before committing it.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

PAGE = ROOT / "output" / "fi" / "genetta-asiakasrekisteri.html"
PICTURE = ROOT / "docs" / "screenshot-genetta.png"


def save_screenshot(page: pathlib.Path, picture: pathlib.Path, width: int = 1280, height: int = 900) -> None:
    """Write a PNG of the top of ``page`` as seen in a ``width``×``height`` window.

    Raises RuntimeError when Chromium or Playwright is missing, and Playwright's errors.
    """
    reason = chromium.missing()
    if reason:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            view = browser.new_page(viewport={"width": width, "height": height})
            view.goto(page.resolve().as_uri())
            picture.parent.mkdir(parents=True, exist_ok=True)
            view.screenshot(path=str(picture), full_page=False)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=pathlib.Path, default=PAGE, help=f"HTML page (default: {PAGE.relative_to(ROOT)})")
    parser.add_argument("--out", type=pathlib.Path, default=PICTURE, help=f"PNG file (default: {PICTURE.relative_to(ROOT)})")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    try:
        save_screenshot(args.page, args.out, args.width, args.height)
    except RuntimeError as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 2
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
