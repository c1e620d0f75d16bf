"""The project's settings: ``seloste.yaml`` beside the policy folder.

For now it says which languages every register must be published in: a bilingual
municipality publishes each notice in Finnish and Swedish (kielilaki 423/2003), so
``languages: [fi, sv]`` makes a register that does not list both an error (P702), at the
register. A missing file is no setting at all. The file is read with the strict YAML loader,
every problem at its line (P701).
"""

from __future__ import annotations

import dataclasses
import pathlib

from seloste.problem import ERROR
from seloste.problem import Problem

FILE_NAME = "seloste.yaml"


@dataclasses.dataclass(frozen=True)
class ProjectConfig:
    languages: tuple = ()  # the languages every register must be published in


def read_small_file(path: pathlib.Path, shown: str, code: str, what: str):
    """A project's own small YAML file, loaded strictly: (document or None, problems). A missing
    file is (None, []); ``what`` names the file in messages ("tarkistusten asetustiedosto")."""
    from seloste import files
    from seloste.load import MAX_BYTES
    from seloste.load import load_text
    from seloste.load import too_large_problem
    from seloste.problem import os_error_text

    try:
        source = files.read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return None, []
    except files.TooLarge as exc:
        return None, [too_large_problem(shown, exc.size)]
    except files.NotRegularFile as exc:
        return None, [Problem(shown, 0, 0, code, ERROR, f"{what} ei ole tavallinen tiedosto vaan {files.kind_of(exc)}")]
    except OSError as exc:
        return None, [Problem(shown, 0, 0, code, ERROR, f"{what}a ei voi lukea: {os_error_text(exc)}")]
    return load_text(source, shown)


def load_config(policy_dir: pathlib.Path) -> tuple[ProjectConfig, list[Problem]]:
    """The settings of the project whose registers are in ``policy_dir``, and the file's problems."""
    from seloste.project import shown_path
    from seloste.resources import LANGUAGES

    path = policy_dir.parent / FILE_NAME
    shown = shown_path(path)
    document, problems = read_small_file(path, shown, "P701", "projektin asetustiedosto")
    if document is None:
        return ProjectConfig(), problems
    data = document.data if isinstance(document.data, dict) else {}
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, 1, 1, "P701", ERROR, "asetustiedostossa on oltava avain–arvo-pareja",
                                "esim. 'languages: [fi, sv]'"))
    for key in sorted(set(data) - {"languages"}):
        line, column = document.position((key,), key=True)
        problems.append(Problem(shown, line, column, "P701", ERROR, f"tuntematon asetus '{key}'",
                                "asetukset: languages (kielet, joilla jokainen seloste julkaistaan)"))
    languages = data.get("languages", [])
    if not isinstance(languages, list) or not all(code in LANGUAGES for code in languages):
        line, column = document.position(("languages",))
        problems.append(Problem(shown, line, column, "P701", ERROR,
                                f"'languages' on luettelo kielistä: {', '.join(LANGUAGES)}", "esim. 'languages: [fi, sv]'"))
        languages = []
    return ProjectConfig(tuple(languages)), problems


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
                                 "ja käännökset sen viereen (python build.py translations export)"))
    return found
