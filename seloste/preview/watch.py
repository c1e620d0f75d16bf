"""What the preview watches: the registers, the project's templates and its settings files.

Changes come from watchfiles in batches (an editor's save is often several events); each batch
refreshes the state once. A refresh that fails is reported and the watching goes on.
"""

from __future__ import annotations

import pathlib
import threading

SETTINGS_FILES = ("seloste.yaml", "lint.yaml")


def relevant(path: str, policy_dir: pathlib.Path, project_dir: pathlib.Path) -> bool:
    """True for a file whose change the preview shows: a policy file, a project template, a
    settings file (and not the output, the cache or git)."""
    path_ = pathlib.Path(path).resolve()
    if path_.parent == policy_dir.resolve():
        return path_.name.endswith((".yaml", ".yml")) and not path_.name.startswith(".")
    if path_.parent == project_dir.resolve():
        return path_.name in SETTINGS_FILES or path_.suffix in (".css", ".svg", ".png", ".jpg", ".jpeg", ".webp")
    templates = (project_dir / "templates").resolve()
    return templates in path_.parents


def watch(state, stop: threading.Event, report=lambda message: None) -> None:
    """Refresh ``state`` on every change until ``stop`` is set."""
    import watchfiles

    policy_dir = state.policy_dir
    project_dir = policy_dir.parent
    for changes in watchfiles.watch(project_dir, stop_event=stop, debounce=60, step=20, raise_interrupt=False,
                                    watch_filter=lambda _change, path: relevant(path, policy_dir, project_dir)):
        try:
            state.refresh({path for _change, path in changes})
        except Exception as exc:  # noqa: BLE001 - the preview goes on; the next save is tried anew
            report(f"esikatselua ei voitu päivittää: {exc}")
