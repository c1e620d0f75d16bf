"""Quality gates of the published site: valid HTML, accessible, printable, no horizontal scroll.

The site is built once per session from ``policy/`` and ``tests/fixtures/`` (so tables, a
table of contents and a change history are covered) into a temporary folder. Each fragment is
also wrapped in a minimal valid page, as a CMS would include it.

- ``vnu``: the Nu HTML Checker (``node_modules/vnu-jar``, ``npm ci``) on Java reports no errors;
- ``browser``: in Debian's Chromium through Playwright, axe-core (WCAG 2.1 A/AA and best
  practice) reports no violations, the page loads without a Content-Security-Policy error,
  prints to A4 with all of the notice's text (``pdfinfo``, ``pdftotext``), and does not
  scroll sideways at 375 or 1280 px;
- the rest needs no tools: Markdown has no raw HTML or skipped heading levels, every link
  resolves, the JSON cites the text's SHA-256.

Missing tools skip these tests; ``SELOSTE_REQUIRE_BROWSER=1`` makes the skips failures.
"""

from __future__ import annotations

import collections
import hashlib
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import unicodedata
import urllib.parse

import pytest
from conftest import register_files
from conftest import FIXTURES
from conftest import POLICY
from conftest import ROOT
from conftest import skip_unless_required

from seloste import output
from seloste import produce
from seloste import project
from seloste.site import Site
from tools import chromium

REGISTER_FILES = register_files(POLICY) + register_files(FIXTURES)
REGISTER_IDS = [path.stem for path in REGISTER_FILES]


def _published_in(path: pathlib.Path) -> list[str]:
    """The languages a register file lists (Finnish alone when it lists none)."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")).get("languages") or ["fi"]


# Every notice page in every language it is published in, and the index of each language.
NOTICES = [f"{code}/{path.stem}.html" for path in REGISTER_FILES for code in _published_in(path)]
INDEXES = ["index.html"] + [f"{code}/index.html" for code in ("sv", "en")
                            if any(code in _published_in(path) for path in REGISTER_FILES)]
FRAGMENTS = [f"fragments/{register_id}.html" for register_id in REGISTER_IDS]
# The same site as an organisation's settings make it (seloste.yaml: its name and logo, its
# stylesheet, the site's address, fragments with an id prefix and their scoped stylesheet),
# and a page that embeds two of its fragments: their ids must not clash.
BRANDED = ["branded/index.html", "branded/fi/esimerkki-rekrytointirekisteri.html",
           "branded/sv/esimerkki-rekrytointirekisteri.html"]
TWO_FRAGMENTS = "fragments/branded-two.html"
# A project that publishes its versions (versions: true), from a scratch git repository with
# two commits: a notice page with its list of versions, a change log and a version's page.
VERSIONED = ["versioned/fi/genetta-asiakasrekisteri.html", "versioned/fi/genetta-asiakasrekisteri/index.html",
             "versioned/fi/genetta-asiakasrekisteri/2026-01-05.html",
             "versioned/fi/genetta-asiakasrekisteri/2026-02-01.html",
             "versioned/sv/esimerkki-rekrytointirekisteri/index.html",
             "versioned/sv/esimerkki-rekrytointirekisteri/2025-03-01.html"]
# Every notice's first layer (seloste.first_layer), its page in every language, and its
# fragment as the organisation's settings make it, in a page.
FIRST_LAYERS = [f"{code}/{path.stem}/first-layer.html" for path in REGISTER_FILES for code in _published_in(path)]
FIRST_LAYER_FRAGMENT = "fragments/first-layer-esimerkki-rekrytointirekisteri.html"
PAGES = INDEXES + NOTICES + FRAGMENTS + BRANDED + [TWO_FRAGMENTS] + VERSIONED + FIRST_LAYERS + [FIRST_LAYER_FRAGMENT]
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48"><rect width="96" height="48" fill="#0b57a4"/></svg>\n'
BRAND_CSS = "header.organisation{font-weight:700;border-bottom:4px solid #0b57a4}"
WIDTHS = (375, 1280)
VNU_JAR = pathlib.Path(os.environ.get("SELOSTE_VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    # Passing options replaces the library's default; keep the result small.
    "resultTypes": ["violations"],
}
FRAGMENT_PAGE = """<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body>
<main>
{fragment}</main>
</body>
</html>
"""


def _page_id(name: str) -> str:
    return name.removesuffix(".html").replace("fi/", "").replace("fragments/", "fragment:").replace("/", ":")


# --- the site -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    """A fresh build of every register and fixture; ``fragments/`` holds each fragment in a page."""
    root = tmp_path_factory.mktemp("published")
    policy = root / "policy"
    policy.mkdir()
    for path in REGISTER_FILES:
        for family in project.with_translations([path]):  # each register with its translations
            shutil.copyfile(family, policy / family.name)
    paths, problems = project.discover(policy)
    registers, found = project.load_registers(paths, policy)
    problems += found
    assert not [problem for problem in problems if problem.is_error], problems
    built = root / "site"
    built.mkdir()
    _, problems = output.write(produce.render_site(registers), built)
    assert problems == []
    branded = Site(organisation="Esimerkki Oy", logo_name="logo.svg", logo=LOGO, stylesheet=BRAND_CSS,
                   base_url="https://tietosuoja.esimerkki.example/", fragment_prefix="tietosuoja",
                   fragment_stylesheet=True)
    (root / "branded").mkdir()
    _, problems = output.write(produce.render_site(registers, site=branded), root / "branded")
    assert problems == []
    two = "".join((root / "branded" / "fi" / f"{register_id}.fragment.html").read_text(encoding="utf-8")
                  for register_id in ("esimerkki-rekrytointirekisteri", "kaksikielinen-kunta"))
    (root / "fragments").mkdir(exist_ok=True)
    (root / TWO_FRAGMENTS).write_text(FRAGMENT_PAGE.format(title="Kaksi upotettua selostetta", fragment=two),
                                      encoding="utf-8")
    layer = (root / "branded" / "fi" / "esimerkki-rekrytointirekisteri" / "first-layer.fragment.html").read_text(encoding="utf-8")
    (root / FIRST_LAYER_FRAGMENT).write_text(FRAGMENT_PAGE.format(title="Upotettu tiivistelmä", fragment=layer),
                                             encoding="utf-8")
    _versioned(root)
    for register_id in REGISTER_IDS:
        fragment = (built / "fi" / f"{register_id}.fragment.html").read_text(encoding="utf-8")
        page = FRAGMENT_PAGE.format(title=f"Upotettava seloste {register_id}", fragment=fragment)
        (root / "fragments").mkdir(exist_ok=True)
        (root / "fragments" / f"{register_id}.html").write_text(page, encoding="utf-8")
    return root


def _versioned(root: pathlib.Path) -> None:
    """The shipped registers in a git repository of two commits, built with their versions."""
    from conftest import commit
    from conftest import git
    from seloste import config
    from seloste import stream

    project_dir = root / "versioned-project"
    shutil.copytree(POLICY, project_dir / "policy")
    (project_dir / "seloste.yaml").write_text("versions: true\n", encoding="utf-8")
    register = project_dir / "policy" / "genetta-asiakasrekisteri.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text + 'updated: "2026-01-05"\n', encoding="utf-8")
    git(root, "init", "-q", "-b", "main", str(project_dir))
    commit(project_dir, "first")
    register.write_text(text.replace("        - Kontaktihistoria\n", "        - Kontaktihistoria\n        - Syntymäaika\n")
                        + 'updated: "2026-02-01"\n', encoding="utf-8")
    commit(project_dir, "a data category")
    settings, problems = config.load_config(project_dir / "policy")
    outcome = stream.run(project_dir / "policy", root / "versioned", settings, None)
    assert not [problem for problem in problems + outcome.problems if problem.is_error], outcome.problems


def _file(site: pathlib.Path, name: str) -> pathlib.Path:
    return site / ("" if name.startswith(("fragments/", "branded/", "versioned/")) else "site") / name


# --- Nu HTML Checker ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def vnu_messages(site) -> dict[str, list[dict]]:
    """The checker's error messages for every page, by page name (one JVM run for all)."""
    java = shutil.which("java")
    if java is None:
        skip_unless_required("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        skip_unless_required(f"the Nu HTML Checker is not at {VNU_JAR} (run 'npm ci')")
    files = {_file(site, name).resolve(): name for name in PAGES}
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--stdout", "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False, timeout=300)
    assert result.stdout.strip(), f"vnu printed nothing (exit {result.returncode}): {result.stderr}"
    messages: dict[str, list[dict]] = {name: [] for name in PAGES}
    for message in json.loads(result.stdout)["messages"]:
        path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(message.get("url", "")).path)).resolve()
        messages[files.get(path, str(path))] = messages.get(files.get(path, str(path)), []) + [message]
    assert set(messages) == set(PAGES), f"messages about unknown files: {set(messages) - set(PAGES)}"
    return messages


@pytest.mark.vnu
@pytest.mark.parametrize("name", PAGES, ids=_page_id)
def test_page_has_no_html_errors(vnu_messages, name):
    errors = [f"{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m['type']}: {m['message']} "
              f"[{m.get('extract', '').strip()}]" for m in vnu_messages[name]]
    assert errors == []


# --- the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the session."""
    reason = chromium.missing()
    if reason:
        skip_unless_required(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(site):
    """The built files over HTTP on loopback, as a web server publishes them: a page's
    ``img-src 'self'`` means its own origin, which a file: URL does not have."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test's output is the assertions'
        pass


@pytest.fixture
def open_page(browser, site, served):
    """Open a page of the site at a width; returns the Playwright page and its console errors."""
    contexts = []

    def open_(name: str, width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(served + name if name.startswith("branded/") else _file(site, name).as_uri())
        return page, errors

    yield open_
    for context in contexts:
        context.close()


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page, options=AXE_OPTIONS).response
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
            for violation in response["violations"]]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES, ids=_page_id)
def test_page_has_no_accessibility_violations(open_page, name, width):
    page, _ = open_page(name, width)
    assert _axe_violations(page) == []


# A fragment takes the host page's stylesheet, so only the site's own pages are measured.
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", INDEXES + NOTICES, ids=_page_id)
def test_page_does_not_scroll_sideways(open_page, name, width):
    page, _ = open_page(name, width)
    document_width, window_width, scrolling = page.evaluate("""() => [
        document.documentElement.scrollWidth, window.innerWidth,
        [...document.querySelectorAll('body *')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))]""")
    assert document_width <= window_width
    assert scrolling == [], "elements that scroll sideways inside the page"


@pytest.mark.browser
@pytest.mark.parametrize("name", INDEXES + NOTICES, ids=_page_id)
def test_page_loads_its_stylesheet_under_its_content_security_policy(open_page, name):
    page, errors = open_page(name)
    assert errors == []
    # The stylesheet is allowed by its hash; a wrong hash would leave the page unstyled.
    assert page.evaluate("() => getComputedStyle(document.body).maxWidth") != "none"


def _words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


@pytest.mark.browser
@pytest.mark.parametrize("register_id", REGISTER_IDS)
def test_notice_prints_to_a4_with_all_of_its_text(open_page, site, tmp_path, register_id):
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            skip_unless_required(f"{tool} is not installed (apt-get install poppler-utils)")
    page, _ = open_page(f"fi/{register_id}.html")
    pdf = tmp_path / f"{register_id}.pdf"
    # No format given: the page size must come from the stylesheet's @page rule.
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Page size:.*\(A4\)$", info, re.MULTILINE), info
    printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                             capture_output=True, text=True, check=True).stdout
    text = (site / "site" / "fi" / f"{register_id}.txt").read_text(encoding="utf-8")
    missing = _words(text) - _words(printed)
    assert not missing, f"words of the .txt missing from the PDF: {sorted(missing.elements())}"


# --- no tools needed ------------------------------------------------------------------------

@pytest.mark.parametrize("register_id", REGISTER_IDS)
def test_markdown_has_no_raw_html_and_no_skipped_heading_levels(site, register_id):
    from markdown_it import MarkdownIt

    text = (site / "site" / "fi" / f"{register_id}.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    raw = [token.content for token in tokens if token.type == "html_block"]
    raw += [child.content for token in tokens if token.children
            for child in token.children if child.type == "html_inline"]
    assert raw == []
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    assert levels[0] == 1
    skips = [(before, after) for before, after in zip(levels, levels[1:]) if after > before + 1]
    assert skips == []


class _Links(html.parser.HTMLParser):
    """Every ``id`` and every ``href`` of a page, and the CSP meta tag's content."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.id_list: list[str] = []
        self.hrefs: list[str] = []
        self.policy: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
            self.id_list.append(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "content-security-policy":
            self.policy = attributes["content"]


def _links(path: pathlib.Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("name", INDEXES + NOTICES + BRANDED + VERSIONED + FIRST_LAYERS, ids=_page_id)
def test_every_link_of_a_page_resolves(site, name):
    path = _file(site, name)
    page = _links(path)
    broken = []
    for href in page.hrefs:
        parts = urllib.parse.urlsplit(href)
        if parts.scheme:
            continue
        target = (path.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else path
        if not target.is_file():
            broken.append(href)
        elif parts.fragment and parts.fragment not in _links(target).ids:
            broken.append(href)
    assert broken == []


@pytest.mark.parametrize("name", INDEXES + NOTICES, ids=_page_id)
def test_page_policy_allows_no_scripts(site, name):
    policy = _links(site / "site" / name).policy
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", directives["style-src"])


@pytest.mark.parametrize("register_id", REGISTER_IDS)
def test_notice_page_links_its_other_formats(site, register_id):
    hrefs = _links(site / "site" / "fi" / f"{register_id}.html").hrefs
    for suffix in (".md", ".txt", ".json"):
        assert f"{register_id}{suffix}" in hrefs


@pytest.mark.parametrize("register_id", REGISTER_IDS)
def test_json_cites_its_schema_and_the_text_it_was_rendered_as(site, register_id):
    folder = site / "site" / "fi"
    document = json.loads((folder / f"{register_id}.json").read_text(encoding="utf-8"))
    assert (folder / document["schema"]).resolve().is_file()
    assert document["id"] == register_id
    assert document["text_sha256"] == hashlib.sha256((folder / f"{register_id}.txt").read_bytes()).hexdigest()


def test_index_lists_every_notice(site):
    hrefs = _links(site / "site" / "index.html").hrefs
    assert sorted(href for href in hrefs if href.startswith("fi/")) == sorted(n for n in NOTICES if n.startswith("fi/"))


# --- an organisation's own pages ---------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("name", BRANDED, ids=_page_id)
def test_an_organisation_s_page_shows_its_name_logo_and_stylesheet_under_its_policy(open_page, name):
    page, errors = open_page(name)
    assert errors == []  # the policy allows the organisation's stylesheet and its logo, nothing else
    assert page.evaluate("() => getComputedStyle(document.querySelector('header.organisation')).fontWeight") == "700"
    assert page.evaluate("() => document.querySelector('header.organisation img').naturalWidth") == 96
    assert "Esimerkki Oy" in page.title() and "Esimerkki Oy" in page.inner_text("header.organisation")
    assert page.evaluate("() => getComputedStyle(document.body).maxWidth") != "none"  # the tool's own too


def test_two_fragments_on_one_page_have_no_id_in_common(site):
    page = _links(site / TWO_FRAGMENTS)
    assert len(page.ids) > 10
    assert len(page.id_list) == len(set(page.id_list))
    assert all(name.startswith("tietosuoja-") for name in page.ids)
