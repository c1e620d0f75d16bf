"""The schema itself: a valid 2020-12 schema, Finnish help for editors, every field used."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from conftest import leaves
from conftest import register_files
from conftest import FIXTURES
from conftest import POLICY

from seloste import project
from seloste.first_layer import render_first_layer
from seloste.notice import TOPICS
from seloste.notice import build_notice
from seloste.resources import layouts
from seloste.render import render_html
from seloste.render import render_markdown
from seloste.render import render_text
from seloste.site import Site
from seloste.validate import schema

EVERYTHING = FIXTURES / "kaikki-kentat.yaml"
# Fields that do not change the notice's words, and why:
NOT_RENDERED = {
    "lint": "settings of the lint stage, not part of the notice",
    "language": "one language so far: no other value to change to",
    "languages": "the languages the notice is published in: each is a notice of its own, not words of this one",
    "complaint.authority": "one authority so far: no other value to change to",
}
# A right written in the register's own words classifies that text (for lint and diff);
# without its own text, the kind of right picks the standard sentence (tested here too).
CLASSIFIERS = {("rights", "items", 0, "right")}


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node = {**schema()["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _declared(node: dict, owner: str, prefix: tuple, found: set) -> None:
    """Every (definition, property path) the schema declares, stopping at each $ref."""
    if "$ref" in node:
        return
    for branch in node.get("anyOf", []):
        _declared(branch, owner, prefix, found)
    if isinstance(node.get("items"), dict):
        _declared(node["items"], owner, prefix + ("*",), found)
    for name, sub in node.get("properties", {}).items():
        found.add((owner, prefix + (name,)))
        _declared(sub, owner, prefix + (name,), found)
    if isinstance(node.get("additionalProperties"), dict):
        _declared(node["additionalProperties"], owner, prefix + ("*",), found)


def _schema_fields() -> set:
    found: set = set()
    _declared(schema(), "#", (), found)
    for name, node in schema()["$defs"].items():
        _declared(node, name, (), found)
    return found


def _used(value, node: dict, owner: str, prefix: tuple, found: set) -> None:
    """Every (definition, property path) that ``value`` uses, following the schema."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        _used(value, schema()["$defs"][name], name, (), found)
        return
    for branch in node.get("anyOf", []):
        resolved = _resolve(branch)
        kind = resolved.get("type")
        fits = (isinstance(value, str) and kind == "string") or (isinstance(value, list) and kind == "array") or (
            isinstance(value, dict) and kind == "object" and set(value) <= set(resolved.get("properties", {})))
        if fits:
            _used(value, branch, owner, prefix, found)
            return
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        for item in value:
            _used(item, node["items"], owner, prefix + ("*",), found)
    if isinstance(value, dict) and "properties" in node:
        for key, sub in value.items():
            found.add((owner, prefix + (key,)))
            _used(sub, node["properties"][key], owner, prefix + (key,), found)
    elif isinstance(value, dict) and isinstance(node.get("additionalProperties"), dict):
        for sub in value.values():  # a map of names the register chooses (section_titles)
            _used(sub, node["additionalProperties"], owner, prefix + ("*",), found)


def _fields_used_by(data) -> set:
    found: set = set()
    _used(data, schema(), "#", (), found)
    return found




def _load(path):
    register, problems = project.load_register(path)
    assert register is not None, [p.format_text() for p in problems]
    return register


def _render_all(register_id: str, data: dict) -> bytes:
    notice = build_notice(register_id, data)
    layer = b"".join(render_first_layer(notice, data, Site()).values())
    return render_html(notice) + render_markdown(notice) + render_text(notice) + layer


def test_schema_is_a_valid_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_has_a_finnish_title_for_editors():
    untitled = []

    def walk(node, where):
        for name, sub in node.get("properties", {}).items():
            if "title" not in sub:
                untitled.append(f"{where}.{name}")
            walk(sub, f"{where}.{name}")
        for name, sub in node.get("$defs", {}).items():
            walk(sub, name)
        for key in ("items",):
            if isinstance(node.get(key), dict):
                walk(node[key], where)
        for branch in node.get("anyOf", []):
            walk(branch, where)

    walk(schema(), "")
    assert untitled == []


def test_the_fixtures_use_every_field_of_the_schema():
    used: set = set()
    for path in register_files(FIXTURES):
        used |= _fields_used_by(_load(path).data)
    missing = sorted(_schema_fields() - used)
    assert missing == []


# Fixtures of the shapes that kaikki-kentat.yaml does not have (each field of them checked too).
SHAPES = (FIXTURES / "ryhmat-ja-kasittelijat.yaml", FIXTURES / "tutkimusrekisteri.yaml")


def _rendered_leaves():
    for fixture in (EVERYTHING, *SHAPES):
        for path, _ in leaves(_load(fixture).data):
            shown = ".".join(str(part) for part in path if not isinstance(part, int))
            if not any(shown == name or shown.startswith(name + ".") for name in NOT_RENDERED) and path not in CLASSIFIERS:
                yield fixture, path


@pytest.mark.parametrize("fixture, path", sorted(_rendered_leaves()),
                         ids=lambda p: p.stem if hasattr(p, "stem") else ".".join(map(str, p)))
def test_every_field_reaches_the_rendered_notice(fixture, path):
    register = _load(fixture)
    baseline = _render_all(register.id, register.data)
    changed = copy.deepcopy(register.data)
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    value = parent[path[-1]]
    if isinstance(value, bool):
        parent[path[-1]] = not value
    else:
        enum = _enum_for(path)
        if enum:
            parent[path[-1]] = next(v for v in enum if v != value)
        elif path[-1] == "date" or path == ("updated",):
            parent[path[-1]] = "2001-02-03"
        else:
            parent[path[-1]] = value + " Zqx"
    assert _render_all(register.id, changed) != baseline, f"changing {path} did not change the notice"


def _enum_for(path: tuple):
    node = schema()
    for key in path:
        node = _resolve(node)
        if isinstance(key, int):
            options = [node] if "items" in node else []
            node = node.get("items") or next((b for b in node.get("anyOf", []) if "items" in _resolve(b)), {})
            node = _resolve(node).get("items", node) if "items" in _resolve(node) and not options else node
            continue
        props = node.get("properties") or {}
        if key not in props:
            for branch in node.get("anyOf", []):
                branch = _resolve(branch)
                if key in branch.get("properties", {}):
                    props = branch["properties"]
                    break
        node = props.get(key, {})
    node = _resolve(node)
    if "enum" in node:
        return node["enum"]
    for branch in node.get("anyOf", []):
        if "enum" in _resolve(branch):
            return _resolve(branch)["enum"]
    return None


def test_every_topic_has_exactly_one_place_in_every_layout():
    for layout in layouts().values():
        placed = [placement["topic"] for section in layout["sections"] for placement in section["topics"]]
        assert sorted(placed) == sorted(TOPICS), layout["id"]


def test_schema_layout_values_match_the_shipped_layouts():
    assert sorted(schema()["properties"]["layout"]["enum"]) == sorted(layouts())


def test_every_policy_file_starts_with_the_schema_modeline():
    from seloste.resources import translation_schema
    from seloste.translations import translation_of

    for path in register_files(POLICY) + register_files(FIXTURES):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path.name
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        expected = translation_schema() if translation_of(path.name) else schema()
        assert json.loads(target.read_text(encoding="utf-8"))["$id"] == expected["$id"], path.name


OWN_SHAPE = FIXTURES / "oma-rakenne.yaml"


@pytest.mark.parametrize("path", [("subtitle",), ("preamble",), ("closing",), ("section_titles", "tarkoitukset"),
                                  ("wording", "labels", "updated"), ("wording", "labels", "business_id"),
                                  ("wording", "labels", "origin_data_subject"), ("wording", "legal_bases", "contract")],
                         ids=lambda p: ".".join(p))
def test_the_register_s_own_words_around_its_sections_reach_every_format(path):
    register = _load(OWN_SHAPE)
    data = copy.deepcopy(register.data)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = "Aivan omat sanat"
    notice = build_notice(register.id, data)
    for rendered in (render_html(notice), render_markdown(notice), render_text(notice)):
        assert "Aivan omat sanat".encode() in rendered


def test_the_register_s_own_order_and_omissions_shape_its_sections():
    register = _load(OWN_SHAPE)
    notice = build_notice(register.id, register.data)
    ids = [section.id for section in notice.sections]
    omitted = register.data["omit_sections"]
    assert ids == [section_id for section_id in register.data["section_order"] if section_id not in omitted]
    assert "rekisterin-nimi" not in ids and "tietosuojavastaava" not in ids
    assert notice.sections[0].title == register.data["section_titles"]["rekisterinpitaja"]


@pytest.mark.parametrize("topic", ["recipients", "transfers", "automated_decisions"])
def test_none_in_the_register_s_own_words_replaces_the_standard_sentence(topic):
    register = _load(OWN_SHAPE)
    standard = build_notice(register.id, register.data).items
    sentence = next(item.text for item in standard if item.topic == topic and item.kind == "none")
    data = copy.deepcopy(register.data)
    data[topic]["none"] = "Tätä emme tee lainkaan."
    notice = build_notice(register.id, data)
    for rendered in (render_html(notice), render_markdown(notice), render_text(notice)):
        assert "Tätä emme tee lainkaan.".encode() in rendered and sentence.encode() not in rendered


def test_a_source_s_note_may_be_left_out_by_the_register_s_wording():
    register = _load(OWN_SHAPE)
    shown = build_notice(register.id, register.data)
    data = copy.deepcopy(register.data)
    data["wording"]["labels"]["origin_data_subject"] = ""
    notice = build_notice(register.id, data)
    before, after = render_text(shown).decode(), render_text(notice).decode()
    assert "- Jäsen itse liittyessään (jäsen itse)\n" in before
    assert "- Jäsen itse liittyessään\n" in after and "()" not in after


def test_contact_details_without_their_labels_stand_as_lines_of_an_address():
    register = _load(OWN_SHAPE)
    data = copy.deepcopy(register.data)
    data["wording"]["labels"].update({"name": "", "postal_address": "", "business_id": ""})
    data["controller"]["postal_address"] = "PL 7, 00100 Helsinki"
    notice = build_notice(register.id, data)
    controller = data["controller"]
    html = render_html(notice).decode()
    # the name and the address on lines of one paragraph; the labelled fields still label–value lines
    assert f"<p>{controller['name']}<br>{controller['business_id']}<br>{controller['postal_address']}</p>" in html
    assert "<dt>Sähköposti:</dt>" in html
    markdown = render_markdown(notice).decode()
    assert f"{controller['name']}\\\n{controller['business_id']}\\\n{controller['postal_address']}\n" in markdown
    text = render_text(notice).decode()
    assert f"\n{controller['name']} {controller['business_id']} {controller['postal_address']}\n" in text
    assert f"Yhdistyksen yhteystiedot\n\nRekisterinpitäjä:\t{controller['name']}" in render_text(
        build_notice(register.id, register.data)).decode()


def test_the_authority_s_card_shows_the_details_the_register_chooses_in_its_order():
    register = _load(FIXTURES / "kaikki-kentat.yaml")
    data = copy.deepcopy(register.data)
    data["complaint"]["authority_fields"] = ["email", "name"]
    text = render_text(build_notice(register.id, data)).decode()
    full = render_text(build_notice(register.id, register.data)).decode()
    assert "Käyntiosoite:\tLintulahdenkuja 4" in full
    assert "Sähköposti:\ttietosuoja@om.fi\nValvontaviranomainen:\tTietosuojavaltuutetun toimisto\n" in text
    assert "Lintulahdenkuja" not in text and "Puhelin:\t029" not in text
    from seloste import diff

    [change] = diff.register_changes(register.data, data)
    assert (change.kind, change.action) == ("authority", "changed") and "email, name" in change.detail


def test_a_dpo_not_appointed_is_said_in_the_standard_sentence_or_the_register_s_own():
    register = _load(FIXTURES / "verkkokauppa-asiakasrekisteri.yaml")
    assert register.data["dpo"] == {"none": True}
    standard = "Rekisterinpitäjä ei ole nimittänyt tietosuojavastaavaa."
    notice = build_notice(register.id, register.data)
    (item,) = [item for item in notice.items if item.topic == "dpo"]
    assert (item.kind, item.text.split(" Tietosuojaa")[0]) == ("none", standard)
    data = copy.deepcopy(register.data)
    data["dpo"]["none"] = "Yhdistys ei ole nimittänyt tietosuojavastaavaa."
    own = build_notice(register.id, data)
    for rendered, before in zip((render_html(own), render_markdown(own), render_text(own)),
                                (render_html(notice), render_markdown(notice), render_text(notice))):
        assert standard.encode() in before
        assert b"Yhdistys ei ole nimitt\xc3\xa4nyt tietosuojavastaavaa." in rendered and standard.encode() not in rendered
