"""The preview's web server: loopback only, its own address only, the state's files only.

- It binds 127.0.0.1 (or ::1, localhost) unless it is asked, in so many words, for another
  address (``--public``).
- A request must name the server by the address it listens on (the ``Host`` header): a page
  of another site that makes the browser resolve its own name to 127.0.0.1 (DNS rebinding) is
  refused, 403.
- A path is looked up among the files the state holds (what the build would write into
  ``output/``) and the preview's own two files; nothing is read from the disk by a name the
  request gives, so no path reaches outside the project.
"""

from __future__ import annotations

import http.server
import ipaddress
import json
import socket
import urllib.parse

from seloste.preview.page import panel
from seloste.preview.page import preview_page
from seloste.resources import DATA_DIR

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
_TYPES = {".html": "text/html; charset=utf-8", ".md": "text/markdown; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".json": "application/json", ".jsonld": "application/ld+json",
          ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
          ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".xml": "application/xml"}
_OWN = {"/__seloste/preview.js": "preview.js", "/__seloste/preview.css": "preview.css"}


def is_loopback(host: str) -> bool:
    """True for a name or address of this machine's loopback interface."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state, host: str = "127.0.0.1", port: int = 8000):
        self.state = state
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), Handler)
        self.port = self.server_address[1]
        names = {host, *LOOPBACK_NAMES} if is_loopback(host) else {host}
        self.hosts = {f"[{name}]:{self.port}" if ":" in name else f"{name}:{self.port}" for name in names}

    @property
    def url(self) -> str:
        host = self.server_address[0]
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"


class Handler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "seloste-preview"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the preview's terminal shows its own lines
        pass

    def do_HEAD(self):  # noqa: N802
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        if self.headers.get("Host", "").lower() not in self.server.hosts:
            return self._send(403, b"Tuntematon osoite (Host): esikatselu vastaa vain omaan osoitteeseensa.\n",
                              "text/plain; charset=utf-8", head)
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        state = self.server.state
        if path == "/__seloste/state":
            return self._send(200, json.dumps({"generation": state.generation}).encode(), "application/json", head)
        if path in _OWN:
            content = (DATA_DIR / "preview" / _OWN[path]).read_bytes()
            return self._send(200, content, _TYPES["." + _OWN[path].rsplit(".", 1)[1]], head)
        name = "index.html" if path in ("", "/") else path.lstrip("/")
        if name.endswith("/"):
            name += "index.html"
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        content = state.file(name)
        page = suffix == ".html" and not name.endswith(".fragment.html")
        if not page:
            if content is None:
                return self._send(404, "Ei löydy: tätä tiedostoa ei ole esikatselussa.\n".encode(),
                                  "text/plain; charset=utf-8", head)
            return self._send(200, content, _TYPES.get(suffix, "application/octet-stream"), head)
        if name in state.site_files:  # an index page: the problems of the whole project
            entry = None
            problems = state.project_problems + [problem for other in state.entries.values()
                                                 for problem in other.problems if problem.is_error]
        else:
            entry = state.entry_of(name)
            if entry is None or (content is None and entry.files):  # no such register, or no such page of it
                return self._send(404, "Ei löydy: tätä sivua ei ole esikatselussa.\n".encode(),
                                  "text/plain; charset=utf-8", head)
            problems = entry.problems
        page_html = preview_page(content, panel(entry, problems, state.against), state.generation,
                                 entry.id if entry else "Tietosuojaselosteet")
        self._send(200, page_html, _TYPES[".html"], head)

    def _send(self, status: int, content: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(content)
