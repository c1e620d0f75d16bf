"""A small register and its translation files, written into a scratch policy folder for tests."""

from __future__ import annotations

import pathlib

from seloste.translations import source_hash

# Lines: 1 modeline, 4 languages, 6 controller.name, 9 purposes.intro, 11 purposes.items.0.text,
# 13 purposes.items.1.
REGISTER = """\
# yaml-language-server: $schema=../schema/register.schema.json
layout: gdpr
name: Asiakasrekisteri
languages: [fi, sv]
controller:
  name: Esimerkki Oy
  business_id: 2695377-4
purposes:
  intro: Käsittelemme tietoja [verkkosivuillamme](https://esimerkki.fi) kerrotuin tavoin.
  items:
    - text: Asiakassuhteen hoitaminen
      legal_basis: contract
    - Suoramarkkinointi
"""

SWEDISH = {
    "name": "Kundregister",
    "controller.name": "Exempel Ab",
    "purposes.intro": "Vi behandlar uppgifter så som vi berättar [på vår webbplats](https://esimerkki.fi).",
    "purposes.items.0.text": "Skötsel av kundrelationen",
    "purposes.items.1": "Direktmarknadsföring",
}

FINNISH = {
    "name": "Asiakasrekisteri",
    "controller.name": "Esimerkki Oy",
    "purposes.intro": "Käsittelemme tietoja [verkkosivuillamme](https://esimerkki.fi) kerrotuin tavoin.",
    "purposes.items.0.text": "Asiakassuhteen hoitaminen",
    "purposes.items.1": "Suoramarkkinointi",
}


def translation_yaml(texts: dict[str, str], language: str = "sv", sources: dict[str, str] | None = None) -> str:
    """A translation file of ``texts`` (path -> translation); each ``source`` is the hash of the
    Finnish text at the path, or the text ``sources`` gives for it."""
    sources = {**FINNISH, **(sources or {})}
    lines = ["# yaml-language-server: $schema=../schema/translation.schema.json", f"language: {language}", "texts:"]
    for key, text in texts.items():
        lines += [f"  {key}:", f"    source: {source_hash(sources.get(key, ''))}", f"    text: {text}"]
    return "\n".join(lines) + "\n"


def policy(folder: pathlib.Path, register: str = REGISTER, **translations: str) -> pathlib.Path:
    """A policy folder in ``folder`` with ``rek.yaml`` and a file ``rek.<lang>.yaml`` for each
    keyword (``sv=...``); returns the policy folder."""
    policy_dir = folder / "policy"
    policy_dir.mkdir(exist_ok=True)
    (policy_dir / "rek.yaml").write_text(register, encoding="utf-8")
    for language, text in translations.items():
        (policy_dir / f"rek.{language}.yaml").write_text(text, encoding="utf-8")
    return policy_dir
