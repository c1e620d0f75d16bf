"""What ``seloste init`` and ``seloste new`` write: an organisation's own notices repository,
and a register to fill in.

An organisation's repository holds no code of this tool: its ``policy/``, ``seloste.yaml``,
``output/``, the GitHub workflow, the pre-commit configuration, the git attributes that show
a register as its notice in ``git diff``, editor settings that give every register file the
schema's completion, and a copy of the schemas for the editors. Each file is one of the tool's
(``seloste/data/scaffold/``) or made from the options given; values from the options are
written as YAML or JSON strings, never read as templates. Nothing is overwritten: when any of
the files exists, nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import pathlib

from seloste import __version__
from seloste import resources
from seloste.lint import baseline

SCAFFOLD_DIR = resources.DATA_DIR / "scaffold"
EXAMPLE_ID = "asiakasrekisteri"
# The organisation's contact details a new register's controller takes, in the schema's order.
CONTROLLER_FIELDS = ("name", "business_id", "postal_address", "visiting_address", "phone", "email", "website")


@dataclasses.dataclass(frozen=True)
class Organisation:
    """Who publishes the notices, as ``seloste init`` is told."""

    name: str
    business_id: str = ""
    postal_address: str = ""
    visiting_address: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    languages: tuple = ()
    base_url: str = ""


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted string (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def tool_requirement() -> tuple[str, str]:
    """How the organisation's CI installs this tool: ``(requirement line, comment)``.

    The address the tool was installed from (PEP 610's ``direct_url.json``) when it is one CI
    can reach, a git repository or a web address; else the version, from a package index.
    """
    import importlib.metadata

    try:
        direct = json.loads(importlib.metadata.distribution("seloste").read_text("direct_url.json") or "null")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        direct = None
    if isinstance(direct, dict):
        url = direct.get("url", "")
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and url.startswith(("https://", "ssh://", "git@")):
            return f"seloste @ git+{url}@{vcs.get('commit_id', '')}", ""
        if "archive_info" in direct and url.startswith("https://"):
            return f"seloste @ {url}", ""
    return f"seloste=={__version__}", ("# seloste was installed from a folder on this machine: point the line below at "
                                       "where your organisation gets it\n# (a git address: seloste @ git+https://...@vX.Y.Z, "
                                       "or a package index)\n")


# The hooks of this tool's .pre-commit-hooks.yaml that a notices repository runs.
HOOKS = ("seloste-validate", "seloste-check")


def pre_commit_config(requirement: str) -> str:
    """``.pre-commit-config.yaml``: this tool's hooks from its git repository at the commit CI
    installs, or, when the tool comes from elsewhere, the same commands run with the seloste
    installed beside the repository (requirements.txt)."""
    head = ("# pre-commit (https://pre-commit.com): run `pre-commit install` once, and each commit is\n"
            "# checked as CI checks it.\nrepos:\n")
    if requirement.startswith("seloste @ git+"):
        url, _, rev = requirement.removeprefix("seloste @ git+").rpartition("@")
        hooks = "".join(f"      - id: {hook}\n" for hook in HOOKS)
        return f"{head}  - repo: {yaml_string(url)}\n    rev: {yaml_string(rev)}\n    hooks:\n{hooks}"
    hooks = "".join(f"      - id: {hook}\n        name: seloste {hook.split('-')[1]}\n        entry: seloste {hook.split('-')[1]}\n"
                    "        language: system\n        pass_filenames: false\n" for hook in HOOKS)
    return f"{head}  - repo: local\n    hooks:\n{hooks}"


def settings_file(organisation: Organisation) -> str:
    """``seloste.yaml`` for the organisation."""
    lines = ["# yaml-language-server: $schema=schema/project.schema.json",
             "# The settings of these notices (seloste.yaml); every key is explained in its schema.",
             "organisation:"]
    for field in CONTROLLER_FIELDS:
        value = getattr(organisation, field)
        if value:
            lines.append(f"  {field}: {yaml_string(value)}")
    if organisation.languages:
        lines.append(f"languages: [{', '.join(organisation.languages)}]")
    if organisation.base_url:
        lines.append(f"base_url: {yaml_string(organisation.base_url)}")
    lines += ["# Every version of each notice from the git history, a change log and feeds of changes.",
              "versions: true"]
    return "\n".join(lines) + "\n"


def register_file(register_id: str, name: str, organisation: dict, languages: tuple = (), today: str = "") -> str:
    """A new register ``register_id`` to fill in, its controller the organisation's details."""
    controller = "\n".join(f"  {field}: {yaml_string(organisation[field])}"
                           for field in CONTROLLER_FIELDS if organisation.get(field))
    listed = f"languages: [{', '.join(dict.fromkeys(['fi', *languages]))}]\n" if [code for code in languages if code != "fi"] else ""
    text = (SCAFFOLD_DIR / "register.yaml").read_text(encoding="utf-8")
    title = " ".join(name.split())  # in a comment: one line
    for token, value in (("@@title@@", title), ("@@name@@", yaml_string(name)), ("@@controller@@", controller),
                         ("@@languages@@", listed), ("@@today@@", today or datetime.date.today().isoformat())):
        text = text.replace(token, value)
    return text


def init_files(organisation: Organisation, today: str = "") -> dict[str, str]:
    """Every file of a new notices repository, by its path in it."""
    requirement, comment = tool_requirement()
    scaffold = {name: (SCAFFOLD_DIR / name).read_text(encoding="utf-8")
                for name in ("notices.yml", "dependabot.yml", "gitattributes", "gitignore", "README.md",
                             "vscode-settings.json", "vscode-extensions.json", "vscode-tasks.json")}
    files = {
        "seloste.yaml": settings_file(organisation),
        "requirements.txt": f"# The notices' tool, pinned: its version decides the output's bytes.\n{comment}{requirement}\n",
        f"policy/{EXAMPLE_ID}.yaml": register_file(EXAMPLE_ID, "Asiakasrekisteri", dataclasses.asdict(organisation),
                                                  organisation.languages, today),
        ".github/workflows/notices.yml": scaffold["notices.yml"],
        ".github/dependabot.yml": scaffold["dependabot.yml"],
        ".pre-commit-config.yaml": pre_commit_config(requirement),
        ".gitattributes": scaffold["gitattributes"],
        ".gitignore": scaffold["gitignore"],
        ".vscode/settings.json": scaffold["vscode-settings.json"],
        ".vscode/extensions.json": scaffold["vscode-extensions.json"],
        ".vscode/tasks.json": scaffold["vscode-tasks.json"],
        "README.md": scaffold["README.md"].replace("@@organisation@@", organisation.name),
        # No finding is accepted yet: the workflow's lint --baseline fails on every new one.
        baseline.FILE_NAME: baseline.dump([]).decode("utf-8"),
    }
    for schema in sorted(resources.SCHEMA_DIR.glob("*.schema.json")):
        files[f"schema/{schema.name}"] = schema.read_text(encoding="utf-8")
    return files


def write_new(folder: pathlib.Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` under ``folder``, none of which may exist. Returns the paths that already
    exist (then nothing is written); raises OSError when a file cannot be written."""
    existing = [name for name in files if (folder / name).exists() or (folder / name).is_symlink()]
    if existing:
        return existing
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never over another's file
            handle.write(text)
    return []
