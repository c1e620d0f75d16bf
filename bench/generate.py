"""A seeded generator of *different* registers, as a city or a university has them: varied
names, texts, list lengths and shapes (groups of data or not, recipients or none, transfers,
a DPO or none). The same seed gives the same registers on any machine.

``registers(count, seed)`` yields ``(register id, YAML text)``; every register validates.
"""

from __future__ import annotations

import random

import yaml

from large import NOUNS
from large import Writer

BASES = ["contract", "consent", "legal_obligation", "legitimate_interests", "public_task"]
LAWS = ["Kirjanpitolaki (1336/1997)", "Laki yleisistä kirjastoista (1492/2016)", "Kuntalaki (410/2015)"]
RIGHTS = ["access", "rectification", "erasure", "restriction", "objection", "portability", "withdraw_consent"]


def register(number: int, seed: int = 0) -> dict:
    """Register ``number`` of the series ``seed``."""
    r = random.Random(seed * 1_000_003 + number)
    write = Writer(seed * 7919 + number)
    name = f"{write.item()} – rekisteri {number}"
    purposes = []
    for _ in range(r.randint(1, 6)):
        purpose = {"text": write.item(), "legal_basis": r.choice(BASES)}
        if purpose["legal_basis"] in ("legal_obligation", "public_task"):
            purpose["law"] = r.choice(LAWS)
        if purpose["legal_basis"] == "legitimate_interests":
            purpose["legitimate_interest"] = write.sentence()
        purposes.append(purpose)
    if r.random() < 0.5:
        categories = {"items": [write.item() for _ in range(r.randint(2, 12))]}
    else:
        categories = {"groups": [{"name": f"{r.choice(NOUNS).capitalize()}tiedot {group}",
                                  "items": [write.item() for _ in range(r.randint(1, 6))]}
                                 for group in range(r.randint(2, 5))]}
    data = {
        "layout": "gdpr", "language": "fi", "title": "TIETOSUOJASELOSTE", "name": name,
        "updated": f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        "controller": {"name": f"{r.choice(NOUNS).capitalize()} {number} Oy", "business_id": "2925676-3",
                       "postal_address": f"PL {r.randint(1, 999)}, 00100 Helsinki",
                       "email": f"tietosuoja{number}@esimerkki.example"},
        "dpo": {"email": f"dpo{number}@esimerkki.example"} if r.random() < 0.7 else {"none": True},
        "purposes": {"intro": write.paragraph(r.randint(100, 900)), "items": purposes},
        "data_subjects": {"items": [write.item() for _ in range(r.randint(1, 5))]},
        "data_categories": categories,
        "sources": {"items": [{"text": write.item(), "origin": "data_subject"} for _ in range(r.randint(1, 4))]},
        "recipients": ({"items": [{"text": write.item(), "purpose": write.item().lower()} for _ in range(r.randint(1, 5))]}
                       if r.random() < 0.6 else {"none": True}),
        "processors": {"items": [write.item() for _ in range(r.randint(0, 4)) ] or [write.item()]},
        "transfers": ({"items": [{"text": write.item(), "country": "Yhdysvallat", "safeguard": "adequacy_decision"}]}
                      if r.random() < 0.3 else {"none": True}),
        "retention": {"items": [{"text": write.item(), "period": write.item().lower()} for _ in range(r.randint(1, 5))]},
        "security": {"items": [write.sentence() for _ in range(r.randint(2, 6))]},
        "rights": {"items": [{"right": right} for right in RIGHTS]},
        "complaint": {"authority": "tietosuojavaltuutettu"},
        "automated_decisions": {"none": True},
    }
    if r.random() < 0.4:
        data["sections"] = [{"id": "lisatietoja", "title": "Lisätietoja", "content": [write.paragraph(r.randint(200, 1500))]}]
    return data


def registers(count: int, seed: int = 0):
    """``(register id, YAML text)`` of ``count`` different registers."""
    for number in range(count):
        text = yaml.safe_dump(register(number, seed), allow_unicode=True, sort_keys=False, width=100)
        yield f"rekisteri-{number:05d}", "# yaml-language-server: $schema=../schema/register.schema.json\n" + text
