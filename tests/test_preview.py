"""``seloste serve``: the live preview, its state, its safety, and a browser watching an edit."""

from __future__ import annotations

import http.client
import re
import shutil
import threading
import time

import pytest
from conftest import FIXTURES
from conftest import POLICY
from conftest import commit
from conftest import git

from seloste.preview.page import editor_link
from seloste.preview.server import PreviewServer
from seloste.preview.server import is_loopback
from seloste.preview.state import State

EXAMPLE = "esimerkki-rekrytointirekisteri"
NAME_LINE = "name: Esimerkki Oy:n rekrytointirekisteri"


@pytest.fixture
def project(tmp_path):
    """A git project with the example register (in three languages) and a second register."""
    policy = tmp_path / "policy"
    policy.mkdir()
    for path in POLICY.glob(f"{EXAMPLE}*.yaml"):
        shutil.copy(path, policy / path.name)
    shutil.copy(FIXTURES / "gdpr-jasenrekisteri.yaml", policy / "jasenet.yaml")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "alku")
    return tmp_path


def _edit(project, old: str, new: str, name: str = f"{EXAMPLE}.yaml") -> None:
    path = project / "policy" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_state_holds_every_notice_file_as_the_build_writes_it(project, run_cli):
    state = State(project / "policy")
    assert run_cli("build", "--no-cache", cwd=project).code == 0
    for name in ("fi/esimerkki-rekrytointirekisteri.html", "sv/esimerkki-rekrytointirekisteri.md",
                 "en/esimerkki-rekrytointirekisteri.txt", "fi/jasenet.json", "sv/esimerkki-rekrytointirekisteri.jsonld",
                 "fi/jasenet/first-layer.html", "sv/esimerkki-rekrytointirekisteri/first-layer.fragment.html",
                 "index.html", "sv/index.html"):
        assert state.file(name) == (project / "output" / name).read_bytes(), name
    assert state.file("../seloste.yaml") is None and state.file("policy/jasenet.yaml") is None
    assert state.file("fi/jasenet/muu/first-layer.html") is None and state.file("fi/muu/first-layer.html") is None


def test_an_edit_reloads_its_register_and_shows_what_it_changes(project):
    state = State(project / "policy")
    jasenet = state.file("fi/jasenet.html")
    _edit(project, NAME_LINE, "name: Esimerkki Oy:n työnhakijarekisteri")
    state.refresh({str(project / "policy" / f"{EXAMPLE}.yaml")})
    assert "työnhakijarekisteri" in state.file(f"fi/{EXAMPLE}.html").decode()
    assert state.file("fi/jasenet.html") is jasenet  # the other register was not made again
    entry = state.entries[EXAMPLE]
    assert entry.changes is not None and any(change.kind == "register_name" for change in entry.changes.changes)
    assert "työnhakijarekisteri" in state.file("index.html").decode()


def test_a_change_of_a_project_template_shows_on_the_next_refresh(project, monkeypatch):
    monkeypatch.chdir(project)  # a project's templates/ are looked for where it runs
    state = State(project / "policy")
    (project / "templates").mkdir()
    (project / "templates" / "notice.txt.j2").write_text("ENSIMMÄINEN {{ notice.name }}\n", encoding="utf-8")
    state.refresh({str(project / "templates" / "notice.txt.j2")})
    assert state.file("fi/jasenet.txt") == b"ENSIMM\xc3\x84INEN J\xc3\xa4senrekisteri\n"
    (project / "templates" / "notice.txt.j2").write_text("TOINEN {{ notice.name }}\n", encoding="utf-8")
    state.refresh({str(project / "templates" / "notice.txt.j2")})
    assert state.file("fi/jasenet.txt") == "TOINEN Jäsenrekisteri\n".encode()


def test_a_broken_register_keeps_its_last_good_notice_with_its_errors(project):
    state = State(project / "policy")
    good = state.file(f"fi/{EXAMPLE}.html")
    _edit(project, "purposes:\n", "purposes:\n  tuntematon: 1\n")
    state.refresh({str(project / "policy" / f"{EXAMPLE}.yaml")})
    entry = state.entries[EXAMPLE]
    assert not entry.valid and state.file(f"fi/{EXAMPLE}.html") == good
    assert [problem.code for problem in entry.problems if problem.is_error] == ["S101"]
    _edit(project, "  tuntematon: 1\n", "")
    state.refresh({str(project / "policy" / f"{EXAMPLE}.yaml")})
    assert state.entries[EXAMPLE].valid and not [p for p in state.entries[EXAMPLE].problems if p.is_error]


@pytest.fixture
def server(project):
    state = State(project / "policy")
    server = PreviewServer(state, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _get(server, path: str, host: str | None = None) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host if host is not None else f"127.0.0.1:{server.port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), body


def test_a_request_naming_another_host_is_refused(server):
    assert _get(server, "/")[0] == 200
    assert _get(server, "/", f"localhost:{server.port}")[0] == 200
    for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1:1", f"127.0.0.1.evil.example:{server.port}", ""):
        assert _get(server, "/", host)[0] == 403, host


@pytest.mark.parametrize("path", ["/../seloste.yaml", "/%2e%2e/policy/jasenet.yaml", "/policy/jasenet.yaml",
                                  "/fi/../../etc/passwd", "//etc/passwd", "/.git/config", "/fi/nothing.html"])
def test_nothing_outside_what_the_build_would_publish_is_served(server, path):
    assert _get(server, path)[0] == 404


def test_a_notice_page_has_the_panel_and_the_preview_script_the_published_page_has_not(server, project):
    status, kind, body = _get(server, f"/fi/{EXAMPLE}.html")
    page = body.decode()
    assert status == 200 and kind.startswith("text/html")
    assert '<aside class="seloste-preview"' in page and '<script src="/__seloste/preview.js" defer></script>' in page
    assert "script-src 'self'" in page
    assert b"<script" not in server.state.file(f"fi/{EXAMPLE}.html")
    assert _get(server, "/__seloste/state")[2] == b'{"generation": %d}' % server.state.generation
    assert _get(server, f"/fi/{EXAMPLE}.md")[1].startswith("text/markdown")


def test_the_first_layer_is_previewed_with_its_registers_panel_and_the_json_ld_as_itself(server, project):
    status, kind, body = _get(server, f"/fi/{EXAMPLE}/first-layer.html")
    assert status == 200 and kind.startswith("text/html")
    assert '<aside class="seloste-preview"' in body.decode() and "<h1>Tietosuoja lyhyesti: " in body.decode()
    status, kind, body = _get(server, f"/fi/{EXAMPLE}.jsonld")
    assert status == 200 and body == server.state.file(f"fi/{EXAMPLE}.jsonld") and b'"dpv:PrivacyNotice"' in body
    assert kind == "application/ld+json"


def test_a_register_never_valid_shows_its_errors_and_a_page_it_has_not_is_not_found(server, project):
    (project / "policy" / "rikki.yaml").write_text("name: [\n", encoding="utf-8")
    server.state.refresh({str(project / "policy" / "rikki.yaml")})
    status, _, body = _get(server, "/fi/rikki.html")
    assert status == 200 and "eikä siitä ole vielä kelvollista versiota" in body.decode() and "[Y001]" in body.decode()
    assert _get(server, "/en/jasenet.html")[0] == 404  # the register is published in Finnish only
    index = _get(server, "/")[2].decode()
    assert "[Y001]" in index and "policy/rikki.yaml" in index  # the index lists the project's errors


def test_serve_binds_no_address_other_machines_reach_unless_asked(run_cli, project):
    result = run_cli("serve", "--host", "0.0.0.0", cwd=project)
    assert result.code == 2 and "--public" in result.stderr
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10") and not is_loopback("example.org")


def test_a_problem_links_to_its_line_in_the_editor(tmp_path):
    link = editor_link(str(tmp_path / "policy" / "a b.yaml"), 12, 3)
    assert link.startswith("vscode://file/") and link.endswith("/policy/a%20b.yaml:12:3")


# --- in a browser: an edit on disk shows on the page ------------------------------------------

@pytest.fixture
def watched(project):
    from seloste.preview.watch import watch

    state = State(project / "policy")
    server = PreviewServer(state, "127.0.0.1", 0)
    stop = threading.Event()
    threads = [threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True),
               threading.Thread(target=watch, args=(state, stop), daemon=True)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the watcher is listening
    yield server
    stop.set()
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_the_page_shows_an_edit_an_error_at_its_line_and_its_fix(watched, project):
    from conftest import skip_unless_required
    from tools import chromium

    reason = chromium.missing()
    if reason:
        skip_unless_required(reason)
    from playwright.sync_api import expect
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        page = browser.new_page()
        errors = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(f"{watched.url}fi/{EXAMPLE}.html")
        expect(page.locator("h2", has_text="Ongelmat (0)")).to_be_visible()
        page.evaluate("() => window.scrollTo(0, 600)")

        _edit(project, NAME_LINE, "name: Esimerkki Oy:n työnhakijarekisteri")
        expect(page.locator("main")).to_contain_text("työnhakijarekisteri", timeout=2000)
        assert page.evaluate("() => window.scrollY") == 600  # the reader's place is kept
        expect(page.locator("aside.seloste-preview")).to_contain_text("olennainen")

        # YAML that does not parse (a quote left open): the error at its line, the last good notice stays
        _edit(project, "purposes:\n", 'purposes:\n  intro: "avoin lainaus\n')
        error = page.locator("aside.seloste-preview li.error")
        expect(error.first).to_contain_text("[Y0", timeout=2000)
        expect(error.first.locator("a")).to_have_attribute("href", re.compile(
            rf"^vscode://file{re.escape(str(project.resolve()))}/policy/{EXAMPLE}\.yaml:\d+:\d+$"))
        expect(page.locator("main")).to_contain_text("työnhakijarekisteri")  # the last good notice stays

        # a key the schema does not know: the error names its line
        _edit(project, '  intro: "avoin lainaus\n', "  tuntematon: 1\n")
        expect(error).to_contain_text("[S101]", timeout=2000)
        lines = (project / "policy" / f"{EXAMPLE}.yaml").read_text(encoding="utf-8").splitlines()
        line = next(number for number, text in enumerate(lines, 1) if "tuntematon" in text)
        expect(error.locator("a")).to_have_attribute("href", f"vscode://file{project.resolve()}/policy/{EXAMPLE}.yaml:{line}:3")

        _edit(project, "  tuntematon: 1\n", "")
        expect(page.locator("aside.seloste-preview li.error")).to_have_count(0, timeout=2000)
        assert errors == []
        browser.close()
