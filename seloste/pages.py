"""Every page and file the tool writes through ``templates/``: its three Jinja environments, and
what each HTML page (the notices, the index, the lint matrix, the diff page) needs to extend
``_page.html.j2`` with the same Content-Security-Policy and stylesheet handling.

The HTML environment autoescapes; each environment registers the same filters, ``rich``,
``inline`` and ``plain``, that present a text field in its format (see :mod:`seloste.markup`).
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import functools
import hashlib

from seloste import __version__
from seloste import markup
from seloste import resources


def environment(fmt: str):
    """The Jinja environment of a format (``html``, ``md``, ``txt``) over :func:`resources.template_dirs`."""
    return _environment(fmt, resources.template_dirs())


@functools.lru_cache(maxsize=None)
def _environment(fmt: str, folders: tuple):
    import jinja2
    import markupsafe

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    # What a project's settings add to a page (seloste.site); the pages that take none have none.
    environment.globals.update(site=None, canonical="", root="", site_stylesheet="", site_style_hash="")
    if fmt == "html":
        environment.globals["once"] = _once
        environment.filters["rich"] = lambda text: markupsafe.Markup(markup.to_html(text))
        environment.filters["inline"] = lambda text: markupsafe.Markup(markup.to_html(text, inline=True))
        environment.filters["plain"] = lambda value: value
    elif fmt == "md":
        environment.filters["rich"] = markup.to_markdown
        environment.filters["inline"] = lambda text: markup.to_markdown(text, inline=True)
        environment.filters["plain"] = markup.plain_markdown
        environment.filters["table_cell"] = markup.to_markdown_cell
    else:
        environment.filters["rich"] = markup.to_text
        environment.filters["inline"] = lambda text: markup.to_text(text, inline=True)
        environment.filters["plain"] = lambda value: value
    return environment


# Within html_once(): each block's HTML by its id, with the block, which keeps the id from
# being reused while the memo lives.
_written: contextvars.ContextVar[dict | None] = contextvars.ContextVar("written", default=None)


@contextlib.contextmanager
def html_once():
    """Within, each block's HTML (the ``once`` of ``_blocks.html.j2``, where every text is
    written) is made once however many pages show it (a notice's page and its fragment)."""
    token = _written.set({})
    try:
        yield
    finally:
        _written.reset(token)


def _once(block, macro):
    """``macro(block)``, made once within :func:`html_once` (a block looks the same on the
    notice's page and in its fragment)."""
    written = _written.get()
    if written is None:
        return macro(block)
    found = written.get(id(block))
    if found is None:
        found = written[id(block)] = (block, macro(block))
    return found[1]


def forget() -> None:
    """Read the templates and stylesheets anew from the next page on (the preview, after a
    change under a project's ``templates/``)."""
    _environment.cache_clear()
    _stylesheet_context.cache_clear()


def style_hash(stylesheet: str) -> str:
    """The CSP source (``sha256-…``) that allows exactly this inline stylesheet."""
    return "sha256-" + base64.b64encode(hashlib.sha256(stylesheet.encode("utf-8")).digest()).decode("ascii")


def stylesheet_context(name: str) -> dict:
    """What ``_page.html.j2``-like pages need to embed ``templates/<name>`` (the project's own
    if it has one): the stylesheet, the hash their Content-Security-Policy allows it by, and
    the generator version."""
    return _stylesheet_context(resources.template_file(name))


@functools.lru_cache(maxsize=None)
def _stylesheet_context(path) -> dict:
    import markupsafe

    stylesheet = path.read_text(encoding="utf-8").strip()
    # The stylesheet is the project's own file, not register data: it goes in unescaped, and
    # the Content-Security-Policy allows exactly this stylesheet by its hash.
    return {"stylesheet": markupsafe.Markup(stylesheet), "style_hash": style_hash(stylesheet), "version": __version__}


def html_template(name: str):
    """A template of ``templates/`` in the autoescaping HTML environment."""
    return environment("html").get_template(name)
