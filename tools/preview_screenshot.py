"""Save the README's picture of the live preview: ``python -m tools.preview_screenshot``.

It copies the example register into a scratch git project, makes one edit (another legal basis of
a purpose: a material change), starts the preview there, then makes a mistake (an error, shown above the
last good notice)
with ``seloste serve``'s state and server on a free loopback port, and writes what Chromium shows
of the notice page at 1280×900 to ``docs/screenshot-preview.png``. Look at it before committing.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import chromium  # noqa: E402

PICTURE = ROOT / "docs" / "screenshot-preview.png"
EXAMPLE = "esimerkki-rekrytointirekisteri"


def main() -> int:
    from seloste.preview.server import PreviewServer
    from seloste.preview.state import State

    reason = chromium.missing()
    if reason:
        print(f"preview_screenshot: {reason}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        project = pathlib.Path(work)
        (project / "policy").mkdir()
        for path in (ROOT / "policy").glob(f"{EXAMPLE}*.yaml"):
            shutil.copy(path, project / "policy" / path.name)
        git = ["git", "-c", "user.name=k", "-c", "user.email=k@example.org"]
        subprocess.run([*git, "init", "-q"], cwd=work, check=True)
        subprocess.run([*git, "add", "-A"], cwd=work, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "alku"], cwd=work, check=True)
        register = project / "policy" / f"{EXAMPLE}.yaml"
        text = register.read_text(encoding="utf-8")
        text = text.replace("hakijoiden arviointi ja valinta\n      legal_basis: contract",
                            "hakijoiden arviointi ja valinta\n      legal_basis: consent", 1)
        register.write_text(text, encoding="utf-8")
        os.chdir(work)  # paths as the user sees them, relative to the project
        state = State(pathlib.Path("policy"))
        # then a mistake: the last good notice stays, the error above it
        register.write_text(text.replace("name: Esimerkki Oy:n rekrytointirekisteri",
                                         "name: Esimerkki Oy:n rekrytointirekisteri\nupdated_position: ylhaalla", 1),
                            encoding="utf-8")
        state.refresh({str(register)})
        server = PreviewServer(state, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{server.url}fi/{EXAMPLE}.html")
            page.screenshot(path=str(PICTURE), full_page=False)
            browser.close()
        server.shutdown()
        os.chdir(ROOT)
    print(PICTURE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
