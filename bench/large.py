#!/usr/bin/env python3
"""Benchmark one register of nearly 1 MiB: ``.venv/bin/python bench/large.py [--rounds N]``.

A seeded generator writes a valid register just under the loader's limit (1 MiB, 1,048,576
bytes), its texts long paragraphs full of abbreviations ("esim.", "mm.", "ks.", "8 §.",
initials) and long lists of items, and two later versions of it of the same size:

- *edited everywhere*: every text of the first with a few words changed, a sentence added
  or dropped;
- *rewritten everywhere*: the same structure with every text written anew.

Then, each the median of ``--rounds`` whole-process runs (wall clock, with the peak memory from
``os.wait4``, as ``bench/run.py`` measures): ``build.py build --no-cache`` of the register into
an empty folder, and ``build.py diff OLD.yaml NEW.yaml`` against each later version. Everything
runs on a copy of the code taken at the start, in a temporary folder. Targets: a build under
5 s, a diff under 10 s. The figures go into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import statistics
import sys
import tempfile

import yaml

from run import PYTHON
from run import copy_project
from run import environment
from run import machine
from run import run

MAX_BYTES = 1024 * 1024  # seloste.load.MAX_BYTES
TARGET_BYTES = MAX_BYTES - 4096  # room for an edited version's longer texts
TARGETS = {"build": 5.0, "diff": 10.0}  # seconds

# Words to make sentences of; written for this benchmark, not taken from any notice.
NOUNS = [
    "asiakas", "hakija", "tieto", "rekisteri", "palvelu", "sopimus", "lasku", "osoite", "puhelin",
    "viesti", "lomake", "järjestelmä", "käyttäjä", "tunnus", "loki", "varmuuskopio", "yhteys",
    "pyyntö", "päätös", "arvio", "selvitys", "raportti", "tilasto", "kysely", "palaute", "tilaus",
    "toimitus", "maksu", "muistutus", "henkilö", "yritys", "viranomainen", "kumppani", "toimittaja",
    "asiakirja", "liite", "kohta", "ohje", "käytäntö", "vastuu", "peruste", "tarkoitus", "aika",
]
VERBS = [
    "käsitellään", "tallennetaan", "säilytetään", "poistetaan", "tarkistetaan", "päivitetään",
    "luovutetaan", "siirretään", "kerätään", "yhdistetään", "arkistoidaan", "salataan", "kirjataan",
    "lähetetään", "vastaanotetaan", "arvioidaan", "korjataan", "rajoitetaan",
]
OTHERS = [
    "ja", "tai", "sekä", "vain", "myös", "aina", "kun", "jos", "ennen", "jälkeen", "kuluessa",
    "mukaan", "varten", "ilman", "osana", "erikseen", "viipymättä", "vuosittain", "tarvittaessa",
    "kuukauden", "vuoden", "kahden", "kolmen", "enintään", "vähintään", "yleensä", "pääosin",
]
NAMES = ["Kela", "Verohallinto", "Tilastokeskus", "Digi- ja väestötietovirasto", "Esimerkki Oy",
         "Malli Ab", "Testi ry", "Kumppani Oy", "Virtanen", "Korhonen", "Nieminen", "Liite"]
# Followed by a capital, none of these ends a sentence: the splitter must look at every one.
ABBREVIATED = ["esim. {name}", "mm. {name}", "ks. {name}", "vrt. {name}", "ns. {Noun}", "ts. {Noun}",
               "n. {number} {noun}", "klo {number}. {Noun}", "{number} §. {Noun}", "{initial}. {name}",
               "{number}. {Noun}", "puh. {number}", "jne. {Noun}", "huom. {Noun}", "nro {number}"]


class Writer:
    """Sentences, paragraphs and items from a seeded generator."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def phrase(self) -> str:
        r = self.random
        return r.choice(ABBREVIATED).format(
            name=r.choice(NAMES), Noun=r.choice(NOUNS).capitalize(), noun=r.choice(NOUNS),
            number=r.randint(1, 99), initial=r.choice("ABDEHJKLMPRSTV"))

    def sentence(self) -> str:
        r = self.random
        words = [r.choice(NOUNS).capitalize(), r.choice(VERBS)]
        for _ in range(r.randint(4, 16)):
            pick = r.random()
            if pick < 0.25:
                words.append(self.phrase())
            elif pick < 0.6:
                words.append(r.choice(NOUNS))
            elif pick < 0.7:
                words.append(r.choice(VERBS))
            else:
                words.append(r.choice(OTHERS))
        if r.random() < 0.05:
            words[-1] = f"*{words[-1]}*"
        if r.random() < 0.03:
            words.append(f"([ohje](https://esimerkki.example/ohje/{r.randint(1, 500)}))")
        return " ".join(words) + r.choice(".........?!")

    def paragraph(self, size: int) -> str:
        sentences, length = [], 0
        while length < size:
            sentence = self.sentence()
            sentences.append(sentence)
            length += len(sentence) + 1
        return " ".join(sentences)

    def run_on(self, size: int) -> str:
        """One sentence of ``size`` characters: clauses full of abbreviations, one full stop."""
        r = self.random
        clauses, length = [], 0
        while length < size:
            clause = " ".join([r.choice(NOUNS), r.choice(VERBS), self.phrase(), r.choice(OTHERS), self.phrase()])
            clauses.append(clause)
            length += len(clause) + 2
        return r.choice(NOUNS).capitalize() + " " + ", ".join(clauses) + "."

    def item(self) -> str:
        r = self.random
        words = [r.choice(NOUNS).capitalize()] + [r.choice(NOUNS + OTHERS) for _ in range(r.randint(2, 12))]
        if r.random() < 0.3:
            words.insert(r.randint(1, len(words)), self.phrase())
        return " ".join(words)


def register(seed: int, budget: int = TARGET_BYTES) -> dict:
    """A register whose texts come from ``seed``, of about ``budget`` bytes as YAML."""
    write = Writer(seed)
    shape = random.Random(1)  # the same structure for every seed
    data: dict = {
        "layout": "gdpr", "language": "fi", "title": "TIETOSUOJASELOSTE",
        "name": "Suuren esimerkin asiakasrekisteri", "updated": "2026-01-15",
        "controller": {"name": "Esimerkki Oy", "business_id": "2925676-3",
                       "postal_address": "PL 100, 00101 Helsinki", "email": "tietosuoja@esimerkki.example",
                       "notes": write.paragraph(2000)},
        "dpo": {"name": "Tietosuojavastaava", "email": "tietosuoja@esimerkki.example"},
        "purposes": {"intro": write.run_on(36_000),
                     "items": [{"text": write.item(),
                                "legal_basis": shape.choice(["contract", "consent", "legal_obligation"])}
                               for _ in range(150)],
                     "notes": write.paragraph(3000)},
        "data_subjects": {"items": [write.item() for _ in range(40)]},
        "data_categories": {"intro": write.paragraph(4000),
                            "groups": [{"name": f"Tietoryhmä {number}",
                                        "intro": write.paragraph(shape.randint(500, 3000)),
                                        "items": [write.item() for _ in range(shape.randint(5, 15))]}
                                       for number in range(1, 41)]},
        "sources": {"items": [{"text": write.item(), "origin": "data_subject"} for _ in range(30)]},
        "recipients": {"items": [{"text": write.item(), "purpose": write.item().lower()} for _ in range(60)]},
        "processors": {"items": [{"text": write.item(), "purpose": write.item().lower()} for _ in range(40)]},
        "transfers": {"none": True},
        "security": {"intro": [write.paragraph(3000), {"list": [write.sentence() for _ in range(30)]}]},
        "retention": {"items": [{"text": write.item(), "period": write.item().lower()} for _ in range(60)]},
        "rights": {"items": [{"right": right} for right in ("access", "rectification", "erasure", "restriction",
                                                              "objection", "portability", "withdraw_consent")]},
        "complaint": {"authority": "tietosuojavaltuutettu"},
        "provision_requirement": {"kind": "contract_prerequisite", "consequences": write.paragraph(1000)},
        "automated_decisions": {"none": True},
        "sections": [],
        "history": [{"date": "2026-01-15", "text": write.sentence()}],
    }
    used = size(data)
    number = 0
    while used < budget:
        number += 1
        paragraphs = [write.paragraph(shape.randint(1000, 12_000)) for _ in range(shape.randint(2, 5))]
        if number % 4 == 0:
            paragraphs.append(write.run_on(shape.randint(2000, 8000)))
        content: list = [paragraphs[0], {"heading": f"Tarkennus {number}"}, *paragraphs[1:]]
        if number % 3 == 0:
            content.append({"list": [write.sentence() for _ in range(shape.randint(3, 10))]})
        section = {"id": f"luku-{number}", "title": f"Lisätietoja, osa {number}", "content": content}
        data["sections"].append(section)
        used += len(dump([section]).encode("utf-8"))
    while size(data) > budget:  # the last section took it past the budget
        content = data["sections"][-1]["content"]
        if len(content) > 1:
            content.pop()
        else:
            data["sections"].pop()
    return data


TEXTS = ("intro", "notes", "text", "purpose", "period", "consequences", "content", "list", "items")


def edited(data, seed: int):
    """``data`` with every text changed a little: words swapped, a sentence dropped or added."""
    r = random.Random(seed)
    write = Writer(seed + 1)

    def change(text: str) -> str:
        words = text.split(" ")
        for _ in range(max(1, len(words) // 40)):
            at = r.randrange(len(words))
            if words[at].isalpha():
                words[at] = r.choice(NOUNS + OTHERS)
        sentences = " ".join(words).split(". ")
        if len(sentences) > 3:  # one sentence dropped or one added
            at = r.randrange(1, len(sentences) - 1)
            if r.random() < 0.5:
                del sentences[at]
            else:
                sentences.insert(at, write.sentence().rstrip(".?!"))
        return ". ".join(sentences)

    def walk(value, key=""):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in TEXTS:
            return change(value)
        return value

    return walk(data)


# Other shapes of nearly the same size, each timed once a round: one paragraph dense with one
# kind of inline element, or thousands of one-line items.
DENSE = {
    "64,000 emphasised words": lambda r: " ".join(f"*{r.choice(NOUNS)}*" for _ in range(64_000)),
    "85,000 underscored words": lambda r: " ".join(f"_{r.choice(NOUNS)}_" for _ in range(85_000)),
    "64,000 code spans": lambda r: " ".join(f"`{r.choice(NOUNS)}`" for _ in range(64_000)),
    "27,000 links": lambda r: " ".join(f"[{r.choice(NOUNS)}](https://a.example/{r.randint(0, 9)})"
                                        for _ in range(27_000)),
    "200,000 backslash escapes": lambda r: " ".join(f"{r.choice('abcdefg')}\\*" for _ in range(200_000)),
    "78,000 hard line breaks": lambda r: "  \n".join(r.choice(NOUNS) for _ in range(78_000)),
    "64,000 hard line breaks, each line indented": lambda r: " ".join(f"{r.choice(NOUNS)}  \n" for _ in range(64_000)),
    "58,000 character references": lambda r: " ".join(f"{r.choice(NOUNS)} &amp;" for _ in range(58_000)),
    "37,000 autolinks": lambda r: " ".join(f"<https://a.example/{r.randint(0, 9)}>" for _ in range(37_000)),
    "22,000 links with a query": lambda r: " ".join(f"[{r.choice(NOUNS)}](https://a.example/?a=1&b={r.randint(0, 9)})"
                                                     for _ in range(22_000)),
}


def small(seed: int) -> dict:
    """The register of :func:`register` without its long texts: a frame for one dense shape."""
    data = register(seed)
    data["sections"] = []
    data["purposes"]["intro"] = "Tietoja käsitellään alla kerrotuin tavoin."
    return data


def dense(kind: str) -> dict:
    data = small(seed=4)
    data["sections"] = [{"id": "tiivis", "title": "Tiivis kappale", "content": [DENSE[kind](random.Random(5))]}]
    return data


def items(seed: int, rename: str = "") -> dict:
    """4,400 data category groups of 5 one-line items (22,000 items), ``rename`` added to each."""
    r = random.Random(seed)
    data = small(seed=4)
    data["data_categories"] = {"groups": [
        {"name": f"Tietoryhmä {group}",
         "items": [f"Tieto{rename} {group}.{item} {r.choice(NOUNS)} {r.choice(NOUNS)}" for item in range(5)]}
        for group in range(4_400)]}
    return data


def dump(data) -> str:
    return "# yaml-language-server: $schema=../schema/register.schema.json\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=1_000_000)


def size(data: dict) -> int:
    return len(dump(data).encode("utf-8"))


def texts(value) -> list[str]:
    """Every string in ``value``."""
    if isinstance(value, dict):
        return [text for part in value.values() for text in texts(part)]
    if isinstance(value, list):
        return [text for part in value for text in texts(part)]
    return [value] if isinstance(value, str) else []


def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t for t, _ in samples), max(m for _, m in samples)


def verdict(name: str, seconds: float) -> str:
    limit = TARGETS[name]
    return f"met (target < {limit:g} s)" if seconds < limit else f"MISSED (target < {limit:g} s)"


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark a register of nearly 1 MiB.")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each command (default: 3)")
    parser.add_argument("--keep", metavar="DIR", help="also write the generated registers into DIR")
    args = parser.parse_args()
    for line in machine():
        print(line)
    base = register(seed=1)
    versions = {"edited everywhere": edited(base, seed=2), "rewritten everywhere": register(seed=3)}
    with tempfile.TemporaryDirectory(prefix="seloste-large-") as folder:
        work = pathlib.Path(folder)
        build = str(copy_project(work) / "build.py")
        env = environment(work / "cache")  # never the project's own cache

        def timed(*command: str) -> tuple[float, float]:
            return run([PYTHON, build, *command], env, cwd=work)

        policy = work / "policy-large"
        policy.mkdir()
        old = policy / "suuri-rekisteri.yaml"
        files = {"": old}
        old.write_text(dump(base), encoding="utf-8")
        for number, (label, data) in enumerate(versions.items(), 1):
            files[label] = work / f"suuri-rekisteri-{number}.yaml"
            files[label].write_text(dump(data), encoding="utf-8")
        if args.keep:
            for path in files.values():
                (pathlib.Path(args.keep) / path.name).write_bytes(path.read_bytes())
        print()
        for label, path in files.items():
            data = path.read_bytes()
            if len(data) > MAX_BYTES:
                raise RuntimeError(f"{path.name}: {len(data)} bytes, more than {MAX_BYTES}")
            timed("validate", str(path))
            print(f"{path.name}: {len(data):,} bytes{f' ({label})' if label else ''}, valid")
        strings = texts(base)
        print(f"the first: {len(strings):,} strings, {len(base['sections'])} own sections, the longest text "
              f"{max(map(len, strings)):,} characters, {sum(text.count('. ') for text in strings):,} '. '")

        print(f"\n== median of {args.rounds}")
        samples = [timed("build", "--no-cache", "--policy", str(policy), "--output", str(work / f"output-{index}"))
                   for index in range(args.rounds)]
        seconds, memory = median(samples)
        print(f"{'build --no-cache':<38} {seconds:6.2f} s  {memory:5.0f} MB: {verdict('build', seconds)}")
        for label in versions:
            samples = [timed("diff", str(old), str(files[label])) for _ in range(args.rounds)]
            seconds, memory = median(samples)
            print(f"{'diff, ' + label:<38} {seconds:6.2f} s  {memory:5.0f} MB: {verdict('diff', seconds)}")

        print(f"\n== other shapes, median of {args.rounds}")
        shapes = {f"build, {kind}": dense(kind) for kind in DENSE}
        shapes["build, 22,000 one-line items"] = items(seed=6)
        for number, (label, data) in enumerate(shapes.items()):
            folder = work / f"policy-shape-{number}"
            folder.mkdir()
            path = folder / "tiivis-rekisteri.yaml"
            path.write_text(dump(data), encoding="utf-8")
            if path.stat().st_size > MAX_BYTES:
                raise RuntimeError(f"{label}: {path.stat().st_size} bytes, more than {MAX_BYTES}")
            samples = [timed("build", "--no-cache", "--policy", str(folder), "--output", str(work / f"out-{number}-{i}"))
                       for i in range(args.rounds)]
            seconds, memory = median(samples)
            size_kb = path.stat().st_size // 1024
            print(f"{label + f' ({size_kb:,} kB)':<52} {seconds:6.2f} s  {memory:5.0f} MB: {verdict('build', seconds)}")
        renamed = work / "items-renamed.yaml"
        renamed.write_text(dump(items(seed=6, rename="t")), encoding="utf-8")
        samples = [timed("diff", str(folder / "tiivis-rekisteri.yaml"), str(renamed)) for _ in range(args.rounds)]
        seconds, memory = median(samples)
        print(f"{'diff, 22,000 one-line items each changed':<52} {seconds:6.2f} s  {memory:5.0f} MB: "
              f"{verdict('diff', seconds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
