"""The project's settings: ``seloste.yaml`` beside the policy folder, checked against
``schema/project.schema.json``.

- ``organisation``: who publishes the notices; its name (and logo) on every page, its contact
  details the controller of a new register (``seloste new``);
- ``languages``: the languages every register must be published in; a bilingual municipality
  publishes each notice in Finnish and Swedish (kielilaki 423/2003), so ``languages: [fi, sv]``
  makes a register that does not list both an error (P702), at the register;
- ``base_url``: where ``output/`` is published: canonical links and ``sitemap.xml``;
- ``stylesheet``: the organisation's own CSS after the tool's, allowed by its hash;
- ``fragments``: an id prefix for the embeddable fragments, and a stylesheet scoped to them;
- ``versions``: ``true`` publishes every version of each notice from the git history, its
  change log and feeds of material changes (:mod:`seloste.versions`);
- ``first_layer``, ``linked_data``: ``false`` leaves out every notice's first layer
  (:mod:`seloste.first_layer`) or its JSON-LD (:mod:`seloste.dpv`), which are made by default;
- ``lint``: rule levels, as ``lint.yaml`` gives them (one or the other).

A missing file is no setting at all. The file is read with the strict YAML loader and every
problem is reported at its line (P701); the files it names are read here, each once.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import pathlib

from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.site import Site

FILE_NAME = "seloste.yaml"
MAX_ASSET_BYTES = 1024 * 1024  # a logo or a stylesheet
# fragments.stylesheet and the switches; the top-level stylesheet is a file name
BOOLEAN_KEYS = frozenset({"stylesheet", "versions", "first_layer", "linked_data"})


@dataclasses.dataclass(frozen=True)
class ProjectConfig:
    languages: tuple = ()  # the languages every register must be published in
    organisation: dict = dataclasses.field(default_factory=dict)
    lint: dict | None = None  # rule levels ({rule: level}) when seloste.yaml gives them
    site: Site = Site()  # what the settings add to the published pages


def read_small_file(path: pathlib.Path, shown: str, code: str, what: str, boolean_keys: frozenset = frozenset()):
    """A project's own small YAML file, loaded strictly: (document or None, problems). A missing
    file is (None, []); ``what`` names the file in messages ("tarkistusten asetustiedosto");
    ``true`` and ``false`` are booleans under ``boolean_keys``, text elsewhere."""
    from seloste.load import load_text

    source, problems = _read_bytes(path, shown, code, what)
    if source is None:
        return None, problems
    return load_text(source, shown, boolean_keys)


def _read_bytes(path: pathlib.Path, shown: str, code: str, what: str, limit: int | None = None):
    from seloste import files
    from seloste.load import MAX_BYTES
    from seloste.load import too_large_problem
    from seloste.problem import os_error_text

    try:
        return files.read_regular(path, limit or MAX_BYTES), []
    except FileNotFoundError:
        return None, []
    except files.TooLarge as exc:
        return None, [too_large_problem(shown, exc.size)]
    except files.NotRegularFile as exc:
        return None, [Problem(shown, 0, 0, code, ERROR, f"{what} ei ole tavallinen tiedosto vaan {files.kind_of(exc)}")]
    except OSError as exc:
        return None, [Problem(shown, 0, 0, code, ERROR, f"{what}a ei voi lukea: {os_error_text(exc)}")]


@functools.lru_cache(maxsize=1)
def project_schema() -> dict:
    """The schema of ``seloste.yaml`` (``schema/project.schema.json``)."""
    from seloste.resources import SCHEMA_DIR

    return json.loads((SCHEMA_DIR / "project.schema.json").read_text(encoding="utf-8"))


def load_config(policy_dir: pathlib.Path) -> tuple[ProjectConfig, list[Problem]]:
    """The settings of the project whose registers are in ``policy_dir``, and the file's problems."""
    from seloste.project import shown_path

    path = policy_dir.parent / FILE_NAME
    shown = shown_path(path)
    document, problems = read_small_file(path, shown, "P701", "projektin asetustiedosto", BOOLEAN_KEYS)
    if document is None:
        return ProjectConfig(), problems
    if not isinstance(document.data, dict):
        return ProjectConfig(), problems + [Problem(shown, 1, 1, "P701", ERROR, "asetustiedostossa on oltava avain–arvo-pareja",
                                                    "esim. 'languages: [fi, sv]'")]
    problems = problems + schema_problems(document)
    if any(problem.is_error for problem in problems):
        return ProjectConfig(), problems
    data = document.data
    problems += contact_problems(document)
    site, asset_problems = _site(data, document, policy_dir.parent)
    problems += asset_problems
    lint_levels = data.get("lint", {}).get("rules", {}) if "lint" in data else None
    if lint_levels is not None:
        problems += _lint_problems(document, policy_dir.parent, lint_levels)
    return ProjectConfig(tuple(data.get("languages", ())), dict(data.get("organisation", {})), lint_levels, site), problems


def schema_problems(document) -> list[Problem]:
    """The schema's problems of the file, worded as a register's are, as P701."""
    import jsonschema

    from seloste.validate import explain

    validator = jsonschema.Draft202012Validator(project_schema())
    found = []
    for error in validator.iter_errors(document.data):
        found += [dataclasses.replace(problem, code="P701") for problem in explain(error, document)]
    return sorted(set(found))


def contact_problems(document) -> list[Problem]:
    """A Y-tunnus, e-mail or phone of the organisation that would publish broken (P701)."""
    from seloste.contact_checks import EMAIL_HINT
    from seloste.contact_checks import business_id_problem
    from seloste.contact_checks import is_email
    from seloste.contact_checks import phone_problem

    organisation = document.data.get("organisation", {})
    found = []

    def at(key, message, hint):
        line, column = document.position(("organisation", key))
        found.append(Problem(document.path, line, column, "P701", ERROR, message, hint))

    if "business_id" in organisation and (wrong := business_id_problem(organisation["business_id"])):
        at("business_id", *wrong)
    if "email" in organisation and not is_email(organisation["email"]):
        at("email", f"”{organisation['email']}” ei ole sähköpostiosoite", EMAIL_HINT)
    if "phone" in organisation and (wrong := phone_problem(organisation["phone"], note_allowed=True)):
        at("phone", wrong, "esim. 09 123 4500 tai +358 9 123 4500")
    return found


def _site(data: dict, document, project_dir: pathlib.Path) -> tuple[Site, list[Problem]]:
    """The pages' settings, with the logo and stylesheet files read."""
    problems: list[Problem] = []

    def asset(where: tuple, what: str) -> tuple[str, bytes | None]:
        name = data
        for key in where:
            name = name.get(key, {}) if isinstance(name, dict) else {}
        if not isinstance(name, str):
            return "", None
        line, column = document.position(where)
        path = (project_dir / name)
        if ".." in pathlib.PurePosixPath(name).parts or name.startswith("/"):
            problems.append(Problem(document.path, line, column, "P701", ERROR,
                                    f"{what} '{name}' ei ole projektin kansiossa",
                                    "anna tiedoston polku projektin kansiosta, esim. kuvat/logo.svg"))
            return name, None
        content, found = _read_bytes(path, document.path, "P701", what, MAX_ASSET_BYTES)
        problems.extend(dataclasses.replace(problem, line=line, column=column) for problem in found)
        if content is None and not found:
            problems.append(Problem(document.path, line, column, "P701", ERROR, f"{what}a '{name}' ei ole",
                                    "tiedosto on projektin kansiossa, samassa kuin seloste.yaml"))
        return name, content

    logo_name, logo = asset(("organisation", "logo"), "logotiedosto")
    stylesheet_name, stylesheet = asset(("stylesheet",), "tyylitiedosto")
    css = ""
    if stylesheet is not None:
        try:
            css = stylesheet.decode("utf-8").strip()
        except UnicodeDecodeError:
            line, column = document.position(("stylesheet",))
            problems.append(Problem(document.path, line, column, "P701", ERROR,
                                    f"tyylitiedosto '{stylesheet_name}' ei ole UTF-8-tekstiä", "tallenna tiedosto UTF-8-muodossa"))
        if "</" in css:
            line, column = document.position(("stylesheet",))
            problems.append(Problem(document.path, line, column, "P701", ERROR,
                                    f"tyylitiedostossa '{stylesheet_name}' on merkkijono '</', joka päättäisi sivun <style>-osan",
                                    "poista tiedostosta HTML-merkinnät; siinä on vain CSS:ää"))
            css = ""
    fragments = data.get("fragments", {})
    site = Site(
        organisation=data.get("organisation", {}).get("name", ""),
        logo_name=pathlib.PurePosixPath(logo_name).name if logo is not None else "",
        logo=logo or b"",
        stylesheet=css,
        base_url=data.get("base_url", ""),
        fragment_prefix=fragments.get("id_prefix", ""),
        fragment_stylesheet=bool(fragments.get("stylesheet", False)),
        versions=data.get("versions", False) is True,
        first_layer=data.get("first_layer", True) is not False,
        linked_data=data.get("linked_data", True) is not False,
    )
    return site, problems


def _lint_problems(document, project_dir: pathlib.Path, levels: dict) -> list[Problem]:
    """Rule levels in ``seloste.yaml``: known rules only, and not beside a ``lint.yaml``."""
    from seloste import lint

    found = []
    if (project_dir / lint.CONFIG_FILE).exists():
        line, column = document.position(("lint",), key=True)
        found.append(Problem(document.path, line, column, "P701", ERROR,
                             f"tarkistusten tasot on annettu sekä tässä että tiedostossa {lint.CONFIG_FILE}",
                             f"siirrä tasot yhteen paikkaan: tähän kohtaan lint.rules tai tiedostoon {lint.CONFIG_FILE}"))
    known = set(lint.rule_ids())
    for rule_id in levels:
        if rule_id not in known:
            line, column = document.position(("lint", "rules", rule_id), key=True)
            found.append(Problem(document.path, line, column, "P701", ERROR, f"tuntematon tarkistus '{rule_id}'",
                                 lint.closest_rule_hint(rule_id)))
    return found


def lint_config(settings: ProjectConfig, policy_dir: pathlib.Path, path: pathlib.Path | None = None):
    """The rule levels lint runs with, and the problems of reading them: a file named
    (``--config``), else ``seloste.yaml``'s ``lint`` (checked with the settings), else the
    project's ``lint.yaml``."""
    from seloste import lint
    from seloste.project import shown_path

    if path is None and settings.lint is not None:
        return lint.LintConfig(dict(settings.lint)), []
    path = path or policy_dir.parent / lint.CONFIG_FILE
    return lint.load_config(path, shown_path(path))


def language_problems(config: ProjectConfig, registers) -> list[Problem]:
    """P702 for each register that is not published in a language the project requires."""
    from seloste.languages import published_languages

    found = []
    for register in registers:
        missing = [code for code in config.languages if code not in published_languages(register.data)]
        if missing:
            at = ("languages",) if "languages" in register.data else ("language",) if "language" in register.data else ("name",)
            line, column = register.document.position(at)
            found.append(Problem(register.path, line, column, "P702", ERROR,
                                 f"projekti julkaisee jokaisen selosteen kielillä {', '.join(config.languages)} "
                                 f"({FILE_NAME}), mutta tätä ei julkaista kielellä {', '.join(missing)}",
                                 f"lisää rekisteriin 'languages: [{', '.join(dict.fromkeys(['fi', *config.languages]))}]' "
                                 "ja käännökset sen viereen (seloste translations export)"))
    return found
