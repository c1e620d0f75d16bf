"""The first layer of a notice (WP260): the short page and fragment made from the register's
facts, each part linking to the sections of the full notice it sums up.

The expected facts are read here from the register files themselves, not from the module."""

from __future__ import annotations

import html.parser
import pathlib
import shutil

import pytest
import yaml
from conftest import FIXTURES
from conftest import POLICY
from conftest import register_files

from seloste import languages
from seloste import project
from seloste import resources
from seloste.first_layer import render_first_layer
from seloste.render import render_notice_files
from seloste.site import Site
from seloste.translations import source_hash

EXAMPLE = POLICY / "esimerkki-rekrytointirekisteri.yaml"


class _Page(html.parser.HTMLParser):
    """A page's words (one string, whitespace as one space), ids, links and part headings."""

    def __init__(self):
        super().__init__()
        self.words: list[str] = []
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (href, link text)
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a":
            self._link = [attributes.get("href", ""), ""]

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1]))
            self._link = None

    def handle_data(self, data):
        self.words.append(data)
        if self._link is not None:
            self._link[1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())


def _parsed(content: bytes) -> _Page:
    page = _Page()
    page.feed(content.decode("utf-8"))
    return page


def _notices(path: pathlib.Path, folder: pathlib.Path | None = None):
    folder = folder or path.parent
    registers, problems = project.load_registers(project.with_translations([folder / path.name]), folder)
    assert len(registers) == 1 and not [problem for problem in problems if problem.is_error], problems
    return languages.notices(registers[0])


def _section(part_id: str, page: bytes) -> str:
    """The words of one part of a first-layer page."""
    text = page.decode("utf-8")
    start = text.index(f'<h2 id="lyhyesti-{part_id}">')
    body = text[start:text.index("</section>", start)]
    return _parsed(body.encode("utf-8")).text


def _dicts(value, path=()):
    """Every mapping in the register's data, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, sub in value.items():
            yield from _dicts(sub, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _dicts(sub, (*path, index))


def _plain(value: str) -> str:
    return " ".join(value.replace("**", "").replace("*", "").split())


def test_example_first_layer_names_every_fact_of_point_3():
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    words = yaml.safe_load((resources.DATA_DIR / "fi.yaml").read_text(encoding="utf-8"))
    notice, published = _notices(EXAMPLE)[0]
    page = render_first_layer(notice, published, Site())["fi/esimerkki-rekrytointirekisteri/first-layer.html"]

    controller = _section("controller", page)
    assert data["controller"]["name"] in controller
    assert data["controller"]["phone"] in controller
    assert data["dpo"]["email"] in controller

    purposes = _section("purposes", page)
    for item in data["purposes"]["items"]:
        assert _plain(item["text"]) in purposes
        for basis in item["legal_basis"] if isinstance(item["legal_basis"], list) else [item["legal_basis"]]:
            assert words["legal_bases"][basis if isinstance(basis, str) else basis["basis"]] in purposes

    impact = _section("impact", page)
    special = {value["special_category"] for _, value in _dicts(data) if "special_category" in value}
    assert special, "the example register has special categories of data"
    for category in special:
        assert words["special_categories"][category] in impact
    for recipient in data["recipients"]["items"]:
        assert _plain(recipient if isinstance(recipient, str) else recipient["text"]) in impact
    for transfer in data["transfers"]["items"]:
        assert _plain(transfer["text"]) in impact and transfer["country"] in impact
        assert words["safeguards"][transfer["safeguard"]] in impact
    assert data["automated_decisions"]["none"] is True
    assert words["statements"]["automated_decisions_none"] in impact

    rights = _section("rights", page)
    for item in data["rights"]["items"]:
        if item["right"] != "other":
            assert words["right_names"][item["right"]] in rights
    assert resources.authorities("fi")["tietosuojavaltuutettu"]["name"] in rights
    assert data["controller"]["contact_person"]["email"] in rights


def test_every_part_links_to_sections_of_the_full_notice_and_the_page_to_each_section():
    for notice, data in _notices(EXAMPLE):
        files = render_notice_files(notice, data)
        full = _parsed(files[f"{notice.language}/{notice.id}.html"])
        layer = _parsed(files[f"{notice.language}/{notice.id}/first-layer.html"])
        targets = [href.split("#", 1)[1] for href, _ in layer.links if href.startswith(f"../{notice.id}.html#")]
        assert set(targets) <= full.ids
        assert {section.id for section in notice.sections} <= set(targets)
        assert (f"../{notice.id}.html", resources.data_file("first_layer.yaml")[notice.language]["full"]) in layer.links
        # Each part's "read more" links go to the sections of what it tells.
        more = dict((text, href) for href, text in layer.links)
        rights_title = next(section.title for section in notice.sections if section.id == "oikeudet")
        assert more[rights_title] == f"../{notice.id}.html#oikeudet"


@pytest.mark.parametrize("path", register_files(POLICY) + register_files(FIXTURES), ids=lambda p: p.stem)
def test_every_register_has_a_first_layer_in_every_language(path):
    for notice, data in _notices(path):
        files = render_notice_files(notice, data)
        page = files[f"{notice.language}/{notice.id}/first-layer.html"]
        own = resources.data_file("first_layer.yaml")[notice.language]
        text = _parsed(page).text
        assert own["title"].format(name=notice.name) in text
        assert notice.controller in text
        assert own["rights"] in text
        assert f'lang="{notice.language}"' in page.decode("utf-8")
        assert f"{notice.language}/{notice.id}/first-layer.fragment.html" in files


def _with(tmp_path: pathlib.Path, source: pathlib.Path, old: str, new: str) -> pathlib.Path:
    for family in project.with_translations([source]):
        shutil.copyfile(family, tmp_path / family.name)
    target = tmp_path / source.name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_the_register_writes_a_part_in_its_own_words_and_its_links_stay(tmp_path):
    path = _with(tmp_path, FIXTURES / "kuntosali-jasenrekisteri.yaml", "\nname:",
                 "\nfirst_layer:\n  purposes: Käsittelemme tietojasi vain **jäsenyytesi** hoitamiseksi.\nname:")
    notice, data = _notices(path)[0]
    page = render_first_layer(notice, data, Site())[f"fi/{notice.id}/first-layer.html"]
    purposes = _section("purposes", page)
    assert "Käsittelemme tietojasi vain jäsenyytesi hoitamiseksi." in purposes
    assert "<strong>jäsenyytesi</strong>" in page.decode("utf-8")
    original = yaml.safe_load((FIXTURES / "kuntosali-jasenrekisteri.yaml").read_text(encoding="utf-8"))
    first = original["purposes"]["items"][0]
    assert _plain(first if isinstance(first, str) else first["text"]) not in purposes
    links = _parsed(page).links
    assert any(href.endswith("#" + next(s.id for s in notice.sections if s.id.startswith("tarkoitu"))) for href, _ in links)


def test_a_translated_notice_shows_the_translation_of_the_registers_own_words(tmp_path):
    words = "Hakemuksesi käsitellään vain tähän hakuun."
    path = _with(tmp_path, EXAMPLE, "\nname:", f"\nfirst_layer:\n  intro: {words}\nname:")
    for code, translated in (("sv", "Din ansökan behandlas bara i denna ansökan."),
                             ("en", "Your application is processed for this application only.")):
        file = tmp_path / f"esimerkki-rekrytointirekisteri.{code}.yaml"
        translation = yaml.safe_load(file.read_text(encoding="utf-8"))
        translation["texts"]["first_layer.intro"] = {"source": source_hash(words), "text": translated}
        file.write_text(yaml.safe_dump(translation, allow_unicode=True, sort_keys=False), encoding="utf-8")
    by_language = {notice.language: (notice, data) for notice, data in _notices(path)}
    finnish = render_first_layer(*by_language["fi"], Site())[f"fi/{path.stem}/first-layer.html"]
    sv = render_first_layer(*by_language["sv"], Site())[f"sv/{path.stem}/first-layer.html"]
    assert words in _parsed(finnish).text
    assert "Din ansökan behandlas bara i denna ansökan." in _parsed(sv).text
    assert resources.data_file("first_layer.yaml")["sv"]["rights"] in _parsed(sv).text


def test_none_statements_are_said_and_an_empty_impact_part_is_left_out(tmp_path):
    source = FIXTURES / "tutkimusrekisteri.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    notice, published = _notices(source)[0]
    page = render_first_layer(notice, published, Site())[f"fi/{notice.id}/first-layer.html"]
    words = yaml.safe_load((resources.DATA_DIR / "fi.yaml").read_text(encoding="utf-8"))["statements"]
    told = {topic: statement for topic, statement in (("recipients", "recipients_none"), ("transfers", "transfers_none"),
                                                       ("automated_decisions", "automated_decisions_none"))
            if data.get(topic, {}).get("none")}
    assert len(told) == 3, "the fixture states that it has none of the three"
    for topic, statement in told.items():
        none = data[topic]["none"]
        assert (none if isinstance(none, str) else words[statement]) in _section("impact", page)
    bare = {key: value for key, value in published.items()
            if key not in ("recipients", "transfers", "automated_decisions", "data_categories", "processors")}
    bare["data_categories"] = {"items": ["Nimi"]}
    empty = render_first_layer(notice, bare, Site())[f"fi/{notice.id}/first-layer.html"]
    assert 'id="lyhyesti-impact"' not in empty.decode("utf-8")
    assert 'id="lyhyesti-rights"' in empty.decode("utf-8")


def test_the_fragment_takes_the_projects_prefix_and_absolute_links():
    notice, data = _notices(EXAMPLE)[0]
    site = Site(base_url="https://tietosuoja.esimerkki.example/", fragment_prefix="tietosuoja")
    fragment = render_first_layer(notice, data, site)[f"fi/{notice.id}/first-layer.fragment.html"].decode("utf-8")
    page = _parsed(fragment.encode("utf-8"))
    assert not fragment.startswith("<!DOCTYPE")
    assert page.ids and all(found.startswith(f"tietosuoja-{notice.id}-") for found in page.ids)
    full = f"https://tietosuoja.esimerkki.example/fi/{notice.id}.html"
    assert all(href.startswith(full) or href.startswith(("mailto:", "https://tietosuoja.fi", "https://esimerkki"))
               for href, _ in page.links)
    assert any(href == f"{full}#oikeudet" for href, _ in page.links)


def test_register_text_is_escaped_on_the_first_layer(tmp_path):
    path = _with(tmp_path, FIXTURES / "kuntosali-jasenrekisteri.yaml", "\nname:",
                 '\nfirst_layer:\n  rights: "Kysy <script>alert(1)</script> meiltä & muilta"\nname:')
    notice, data = _notices(path)[0]
    page = render_first_layer(notice, data, Site())[f"fi/{notice.id}/first-layer.html"].decode("utf-8")
    assert "<script>" not in page
    assert "&amp; muilta" in page


def test_an_unsafe_link_in_the_registers_own_words_is_refused_at_its_line(tmp_path):
    path = _with(tmp_path, FIXTURES / "kuntosali-jasenrekisteri.yaml", "\nname:",
                 '\nfirst_layer:\n  rights: "[linkki](javascript:alert(1))"\nname:')
    registers, problems = project.load_registers([path], tmp_path)
    errors = [problem for problem in problems if problem.is_error]
    line = path.read_text(encoding="utf-8").splitlines().index('  rights: "[linkki](javascript:alert(1))"') + 1
    assert registers == [] and [(problem.line, "first_layer.rights" in problem.message) for problem in errors] == [(line, True)]


def test_the_diff_shows_a_change_of_the_registers_own_words_for_the_first_layer_as_material():
    from seloste import diff
    from seloste.load import load_text

    document, problems = load_text((FIXTURES / "oma-rakenne.yaml").read_bytes(), "oma-rakenne.yaml",
                                   frozenset({"none", "public", "ordered", "numbered"}))
    assert not problems and "first_layer" in document.data
    old = document.data
    new = {**old, "first_layer": {**old["first_layer"], "impact": "Luovutamme tietosi yhteistyökumppaneillemme."}}
    del new["first_layer"]["rights"]
    changes = [(change.section, change.kind, change.action, change.name, change.material)
               for change in diff.register_changes(old, new)]
    own = resources.data_file("first_layer.yaml")["fi"]
    assert sorted(changes) == [(own["name"], "first_layer_part", "changed", own["impact"], True),
                               (own["name"], "first_layer_part", "removed", own["rights"], True)]
