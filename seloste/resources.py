"""The project's resources, the bottom layer that every stage reads.

Where the templates, the schema and the data files are, and the data itself, each loaded
once: the schema, the layouts (section titles, order, numbering), the phrases of each
language and the supervisory authorities. Every word the tool itself writes is asked for by
language, one of :data:`LANGUAGES`, Finnish when none is named: :func:`phrases`,
:func:`layouts`, :func:`authorities`, and for one register :func:`register_phrases` and
:func:`register_sections`. The order of a register's topics is the order of the schema's
top-level keys: it is read from the schema, not typed again elsewhere.

Paths are read from this module when used, so a test can point one elsewhere.
"""

from __future__ import annotations

import functools
import json
import pathlib

PACKAGE_DIR = pathlib.Path(__file__).resolve().parent


def _shipped(name: str) -> pathlib.Path:
    """A folder the tool ships: inside the installed package (the wheel puts ``schema/`` and
    ``templates/`` there), else at the top of this repository, where they are kept."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


TEMPLATES_DIR = _shipped("templates")
SCHEMA_DIR = _shipped("schema")
SCHEMA_PATH = SCHEMA_DIR / "register.schema.json"
TRANSLATION_SCHEMA_PATH = SCHEMA_DIR / "translation.schema.json"
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_TEMPLATES = "templates"  # a project's own templates, in the working folder


def template_dirs() -> tuple[pathlib.Path, ...]:
    """Where templates are looked for, first first: the project's own ``templates/`` (in the
    working folder, as ``policy/`` and ``output/`` are), then the ones the tool ships. A
    project's template of the same name replaces the tool's; the others stay the tool's."""
    own = pathlib.Path.cwd() / PROJECT_TEMPLATES
    if own.is_dir() and own.resolve() != TEMPLATES_DIR.resolve():
        return own, TEMPLATES_DIR
    return (TEMPLATES_DIR,)


def template_file(name: str) -> pathlib.Path:
    """The file of template (or stylesheet) ``name``: the project's own, else the tool's."""
    for folder in template_dirs():
        if (folder / name).is_file():
            return folder / name
    return TEMPLATES_DIR / name

# The languages the tool writes its own words in (``seloste/data/<language>.yaml``): the
# phrases, the layouts' titles, the authorities and the dates each have every one of them.
LANGUAGES = ("fi", "sv", "en")

# Top-level keys that are settings of the tool, not topics a notice tells.
_SETTINGS = frozenset({"languages", "numbered", "autolink", "section_titles", "section_order", "omit_sections", "wording",
                       "subtitle", "preamble", "closing", "first_layer", "lint", "updated_position", "within"})


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    """The register schema (``schema/register.schema.json``)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def translation_schema() -> dict:
    """The schema of a translation file (``schema/translation.schema.json``)."""
    return json.loads(TRANSLATION_SCHEMA_PATH.read_text(encoding="utf-8"))


def publication_languages() -> tuple[str, ...]:
    """Every language a notice may be published in (the schema's ``languages``), the register's own first."""
    return tuple(schema()["properties"]["languages"]["items"]["enum"])


def translation_languages() -> tuple[str, ...]:
    """The languages a register's texts may be translated into: those a notice may be published
    in, less the languages a register is written in (``language``, fi)."""
    own = schema()["properties"]["language"]["enum"]
    return tuple(language for language in publication_languages() if language not in own)


def language_name(language: str) -> str:
    """A language's name in Finnish (``sv`` -> ``ruotsi``), from the schema's help for editors."""
    items = schema()["properties"]["languages"]["items"]
    return dict(zip(items["enum"], items["enumDescriptions"])).get(language, language)


def topic_order() -> tuple[str, ...]:
    """The register's top-level topics in the order a notice tells them: the schema's order."""
    return tuple(key for key in schema()["properties"] if key not in _SETTINGS)


# The words of a layout written in each language: the Finnish under the key itself, the others
# beside it under the key and the language (``title_sv``, ``heading_en``).
LAYOUT_WORDS = ("title", "heading", "heading_after_groups")


@functools.lru_cache(maxsize=None)
def _layout_files() -> dict:
    """The layout files by id, as written: the words of every language in them."""
    from seloste.load import load_text

    found = {}
    for path in sorted((DATA_DIR / "layouts").glob("*.yaml")):
        document, problems = load_text(path.read_bytes(), str(path), frozenset({"numbered", "optional"}))
        if problems or document is None:
            raise RuntimeError(f"broken layout {path}: {problems}")
        found[document.data["id"]] = document.data
    return found


def layouts(language: str = "fi") -> dict:
    """The shipped layouts by id, their titles and headings in ``language`` (one of
    :data:`LANGUAGES`; ValueError for another). A section marked ``optional`` is one that only
    some registers have (a study's): an own order of sections may leave it out while its
    topics hold no data."""
    return _layouts_in(known_language(language))


@functools.lru_cache(maxsize=None)
def _layouts_in(language: str) -> dict:
    return {layout_id: _in_language(layout, language) for layout_id, layout in _layout_files().items()}


def _in_language(value, language: str):
    """A layout's part with each of its words (:data:`LAYOUT_WORDS`) in ``language`` and the
    other languages' words left out."""
    if isinstance(value, list):
        return [_in_language(entry, language) for entry in value]
    if not isinstance(value, dict):
        return value
    translated = {f"{word}_{other}" for word in LAYOUT_WORDS for other in LANGUAGES if other != "fi"}
    shown = {}
    for key, entry in value.items():
        if key in translated:
            continue
        if key in LAYOUT_WORDS and language != "fi":
            shown[key] = value[f"{key}_{language}"]
        else:
            shown[key] = _in_language(entry, language)
    return shown


def source_language(data: dict) -> str:
    """The language a register's own texts are written in: its own words (``wording``,
    ``section_titles``, ``title``, a moved topic's heading) are of that language only."""
    return data.get("language", "fi")


def register_sections(data: dict, language: str | None = None) -> list[dict]:
    """The sections of a valid register's layout as the register shapes them: its own titles
    (``section_titles``), its own order (``section_order``), without the sections it omits
    (``omit_sections``), each topic in the section the register moves it to (``within``), and
    without an optional section it has no data for. Each is the layout's section, its title
    replaced where the register names one; a moved topic is placed after the section's own
    topics, with its sub-heading.

    The layout's titles are in ``language`` (by default the register's own language); the
    register's own titles and headings, words of its own language, only in that language:
    in another, the shape stays and the layout's words stand in for them."""
    own = language in (None, source_language(data))
    sections = layouts(source_language(data) if language is None else language)[data["layout"]]["sections"]
    titles = data.get("section_titles", {}) if own else {}
    omitted = set(data.get("omit_sections", []))
    shaped = [{**section, "title": titles[section["id"]]} if section["id"] in titles else section
              for section in sections]
    moved = _moved_topics(data, shaped, own)
    if moved:
        shaped = [{**section, "topics": [*(placement for placement in section["topics"] if placement["topic"] not in moved),
                                         *(placement for section_id, placement in moved.values() if section_id == section["id"])]}
                  for section in shaped]
    if "section_order" in data:
        by_id = {section["id"]: section for section in shaped}
        shaped = [by_id[section_id] for section_id in data["section_order"]]
    return [section for section in shaped if section["id"] not in omitted and not unused_optional(section, data)]


def unused_optional(section: dict, data: dict) -> bool:
    """True for an optional section of a layout (a study's) whose topics the register has no data
    for: the register does not have that section at all, so its id and its place are free."""
    return bool(section.get("optional")) and not any(placement["topic"] in data for placement in section["topics"])


def _moved_topics(data: dict, sections: list[dict], own: bool = True) -> dict[str, tuple[str, dict]]:
    """topic -> (the section it moves to, its placement there), in the order ``within`` names
    them. Without a heading of its own, a moved topic is headed as it was where it stood: by
    its sub-heading there, or by the title of the section it leaves; ``""`` is no heading.
    Without ``own`` (a language other than the register's), an own heading is not used."""
    moved = {}
    for topic, target in data.get("within", {}).items():
        section_id, heading = (target, None) if isinstance(target, str) else (target["section"], target.get("heading"))
        if heading and not own:
            heading = None
        if heading is None:
            home = next(section for section in sections if any(p["topic"] == topic for p in section["topics"]))
            placement = next(p for p in home["topics"] if p["topic"] == topic)
            heading = placement.get("heading") or home["title"]
        moved[topic] = (section_id, {"topic": topic, "heading": heading} if heading else {"topic": topic})
    return moved


@functools.lru_cache(maxsize=None)
def data_file(name: str) -> dict:
    """A YAML file of ``seloste/data`` as data."""
    from seloste.load import load_text

    path = DATA_DIR / name
    document, problems = load_text(path.read_bytes(), str(path))
    if problems or document is None:
        raise RuntimeError(f"broken data file {path}: {problems}")
    return document.data


def phrases(language: str = "fi") -> dict:
    """Labels, names, standard sentences, formats and the words of the pages around a notice
    (``page``) in ``language``, one of :data:`LANGUAGES`; ValueError for another."""
    return data_file(f"{known_language(language)}.yaml")


def known_language(language: str) -> str:
    """``language`` when it is one of :data:`LANGUAGES`; ValueError otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"no phrases for the language {language!r}: the languages are {', '.join(LANGUAGES)}")
    return language


def register_phrases(data: dict, language: str | None = None) -> dict:
    """The phrases a valid register's notice in ``language`` uses (by default the register's
    own language): those of the language, with the register's own ``wording`` in place of any
    of them in the register's own language, whose words they are."""
    base = phrases(source_language(data) if language is None else language)
    own = data.get("wording") if language in (None, source_language(data)) else None
    if not own:
        return base
    return {group: {**entries, **own.get(group, {})} for group, entries in base.items()}


def authorities(language: str = "fi") -> dict:
    """Supervisory authorities by id, each with its contact details (name, visiting_address,
    postal_address, phone, email, website) as ``language`` writes them; ValueError for a
    language not of :data:`LANGUAGES`."""
    language = known_language(language)
    return {authority: details[language] for authority, details in data_file("authorities.yaml").items()}


def forget() -> None:
    """Drop what was loaded, so that the next use reads the files again."""
    for function in (schema, translation_schema, _layout_files, _layouts_in, data_file):
        function.cache_clear()
