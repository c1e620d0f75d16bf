"""What a project's settings add to its pages (seloste.site): the organisation's name, logo and
stylesheet, canonical links and the sitemap, the index's groups, the fragments' ids; and a
project's own templates."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ElementTree

from conftest import POLICY

from seloste import produce
from seloste import project
from seloste import render
from seloste.blocks import IndexEntry
from seloste.fragments import prefixed
from seloste.index import groups
from seloste.index import sort_key
from seloste.pages import style_hash
from seloste.site import Site

EXAMPLE = POLICY / "esimerkki-rekrytointirekisteri.yaml"
BRAND = Site(organisation="Esimerkki Oy", logo_name="logo.svg", logo=b"<svg/>", stylesheet="h1{color:#036}",
             base_url="https://tietosuoja.esimerkki.example/", fragment_prefix="ts", fragment_stylesheet=True)


def _registers():
    paths, _ = project.discover(POLICY)
    registers, problems = project.load_registers(paths, POLICY)
    assert not [problem for problem in problems if problem.is_error]
    return registers


def test_without_settings_every_file_is_as_it_was():
    registers = _registers()
    assert produce.render_site(registers) == produce.render_site(registers, site=Site())


def test_an_organisation_s_page_names_it_and_allows_exactly_its_stylesheet_and_logo():
    files = produce.render_site(_registers(), site=BRAND)
    page = files["fi/esimerkki-rekrytointirekisteri.html"].decode()
    assert "<title>Esimerkki Oy:n rekrytointirekisteri – TIETOSUOJASELOSTE – Esimerkki Oy</title>" in page
    assert "<h1>TIETOSUOJASELOSTE: Esimerkki Oy:n rekrytointirekisteri</h1>" in page
    assert '<img src="../assets/logo.svg" alt="" height="48">Esimerkki Oy</p></header>' in page
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"'{style_hash(BRAND.stylesheet)}'" in policy and "img-src 'self'" in policy
    assert "script-src" not in policy and "<style>h1{color:#036}</style>" in page
    assert '<link rel="canonical" href="https://tietosuoja.esimerkki.example/fi/esimerkki-rekrytointirekisteri.html">' in page
    assert files["assets/logo.svg"] == b"<svg/>"
    index = files["index.html"].decode()
    assert '<img src="assets/logo.svg"' in index and '<link rel="canonical" href="https://tietosuoja.esimerkki.example/index.html">' in index


def test_the_sitemap_lists_every_page_with_its_date():
    files = produce.render_site(_registers(), site=BRAND)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(files["sitemap.xml"])
    urls = {url.find("s:loc", namespace).text: getattr(url.find("s:lastmod", namespace), "text", None)
            for url in root.findall("s:url", namespace)}
    base = BRAND.base_url
    assert urls[f"{base}fi/esimerkki-rekrytointirekisteri.html"] == "2025-03-01"
    assert urls[f"{base}sv/esimerkki-rekrytointirekisteri.html"] == "2025-03-01"
    assert f"{base}index.html" in urls and f"{base}sv/index.html" in urls
    pages = {name for name in files if name.endswith(".html") and not name.endswith(".fragment.html")}
    assert {base + name for name in pages} == set(urls)
    assert "sitemap.xml" not in produce.render_site(_registers())


def _entry(name, controller, register_id="a"):
    return IndexEntry(register_id, "fi", name, controller, "", "", {})


def test_the_index_sorts_as_finnish_does_and_groups_by_controller_when_there_are_several():
    names = ["Öljy", "Äänestys", "Åland", "Zeta", "avain", "Auto"]
    assert sorted(names, key=sort_key) == ["Auto", "avain", "Zeta", "Åland", "Äänestys", "Öljy"]
    one = groups([_entry("B", "Oy"), _entry("A", "Oy")])
    assert [(group, [e.name for e in entries]) for group, entries in one] == [("", ["A", "B"])]
    two = groups([_entry("B", "Yhtiö Oy"), _entry("C", "Ab Ltd"), _entry("A", "Yhtiö Oy")])
    assert [(group, [e.name for e in entries]) for group, entries in two] == [("Ab Ltd", ["C"]), ("Yhtiö Oy", ["A", "B"])]


def test_a_fragment_s_ids_and_the_links_to_them_take_the_prefix_and_nothing_else_does():
    html = ('<article class="seloste" lang="fi">\n<h1>X</h1>\n<section aria-labelledby="oikeudet">'
            '<h2 id="oikeudet">8. Oikeudet</h2>\n<p>Katso <a href="#oikeudet">kohta 8</a> ja '
            '<a href="#muualla">muu</a>, id="ei-tagi" tekstissä, <a href="https://x.example/#oikeudet">x</a>.</p></section>'
            '</article>')
    out = prefixed(html, "rek", BRAND)
    assert '<article class="seloste seloste-fragment"' in out
    assert '<h2 id="ts-rek-oikeudet">' in out and '<a href="#ts-rek-oikeudet">kohta 8</a>' in out
    assert '<a href="#muualla">' in out  # no id of the fragment: the host page's own
    assert 'id="ei-tagi" tekstissä' in out and 'href="https://x.example/#oikeudet"' in out
    assert "<section>" in out  # no landmark that two embedded notices would name alike
    assert prefixed(html, "rek", Site()) == html


def test_the_scoped_stylesheet_reaches_only_the_fragment():
    css = render.site_files({}, {}, dataclasses.replace(Site(), fragment_stylesheet=True))["fragment.css"].decode()
    rules = [rule.split("{")[0] for rule in re.sub(r"/\*.*?\*/", "", css, flags=re.S).split("}") if "{" in rule]
    selectors = [part.strip() for rule in rules if not rule.strip().startswith("@media")
                 for part in rule.replace("@media (max-width:30rem){", "").split(",")]
    assert selectors and all(selector.startswith(".seloste-fragment") for selector in selectors)


def test_a_project_s_own_template_replaces_the_tool_s_and_the_rest_stay(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "notice.txt.j2").write_text("OMA POHJA {{ notice.name }}\n", encoding="utf-8")
    registers = _registers()
    monkeypatch.chdir(tmp_path)
    files = produce.render_site(registers)
    assert files["fi/esimerkki-rekrytointirekisteri.txt"] == b"OMA POHJA Esimerkki Oy:n rekrytointirekisteri\n"
    assert b"<h1>TIETOSUOJASELOSTE</h1>" in files["fi/esimerkki-rekrytointirekisteri.html"]  # the tool's
