"""Stage 1, load: a strict YAML subset into plain data plus source positions.

PyYAML's defaults silently change what legal staff wrote (``no`` becomes False, ``00100``
becomes 64, a duplicate key wins silently, an alias bomb expands without bound). This loader
builds the data itself from PyYAML's event stream (the C parser where present), so that:

- every scalar is a ``str`` exactly as written, except a plain ``true``/``false`` under a key
  that the schema declares boolean;
- duplicate keys, anchors, aliases, merge keys, tags and second documents are errors;
- size and nesting depth are capped before anything can blow up;
- the input must be UTF-8 (a BOM is accepted) and may not be indented with tabs.

The result is a :class:`Document`: the data and a map from each node's path to its position.
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.yaml_parser import HINT_ANCHOR
from seloste.yaml_parser import HINT_TAG
from seloste.yaml_parser import MAX_DEPTH
from seloste.yaml_parser import FastParser
from seloste.yaml_parser import PurePythonParser
from seloste.yaml_parser import line_column
from seloste.yaml_parser import syntax_problem



_Parser = FastParser  # the parser that reads files (tests set the pure-Python one)

MAX_BYTES = 1024 * 1024

Path = tuple  # a path into the data: keys (str) and list indexes (int)


@dataclasses.dataclass
class Document:
    """A loaded YAML file: its data and where each piece of it stands in the file.

    ``positions[path]`` is the (line, column) of the value at ``path``;
    ``key_positions[path]`` is that of the mapping key that leads to it.
    ``text`` is the decoded source, so that a finding inside a long text can be placed
    at its own line.
    """

    path: str
    data: object
    positions: dict
    key_positions: dict
    text: str = ""

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """The nearest known (line, column) for ``path``, walking up to its parents."""
        path = tuple(path)
        table = self.key_positions if key else self.positions
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class _Abort(Exception):
    """Raised inside the composer to stop at the first fatal problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def too_large_problem(path: str, size: int) -> Problem:
    """Y009: a file of ``size`` bytes, more than :data:`MAX_BYTES`."""
    return Problem(path, 1, 1, "Y009", ERROR, f"tiedosto on liian suuri ({size} tavua, enintään {MAX_BYTES})",
                   "jaa rekisteri osiin tai poista tiedostosta ylimääräinen sisältö")


def load_text(source: bytes, path: str, boolean_keys: frozenset = frozenset()) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file's bytes strictly.

    Returns ``(document, problems)``; ``document`` is None when the file cannot be used.
    Duplicate keys are reported without stopping, so one run shows all of them.
    """
    if len(source) > MAX_BYTES:
        return None, [too_large_problem(path, len(source))]
    bom = 3 if source.startswith(b"\xef\xbb\xbf") else 0
    source = source[bom:]
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = source[:exc.start].decode("utf-8")
        line, column = line_column(before, len(before))
        return None, [Problem(path, line, column, "Y010", ERROR,
                              f"tiedosto ei ole UTF-8-merkistöä: virheellinen tavu 0x{source[exc.start]:02X}, "
                              f"{bom + exc.start} tavua tiedoston alusta",
                              "tallenna tiedosto editorissa UTF-8-merkistönä")]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [Problem(path, 1, 1, "Y011", ERROR, "tiedosto on tyhjä",
                              "rekisterin kuvaus alkaa esimerkiksi riveillä 'layout:' ja 'name:'")]
    tab = _tab_indentation(text)
    if tab:
        return None, [Problem(path, tab[0], tab[1], "Y002", ERROR, "rivi on sisennetty sarkaimella",
                              "YAML sallii sisennyksessä vain välilyönnit; korvaa sarkain välilyönneillä")]
    # Both parsers place an empty value at the end of a file without a final line break
    # differently; with one, they agree, and the last line reads as any other.
    composer, data, fatal = _compose(text if text.endswith("\n") else text + "\n", path, boolean_keys)
    if fatal is not None:
        return None, [*composer.problems, fatal]
    if not isinstance(data, dict):
        line, column = composer.positions.get((), (1, 1))
        return None, [*composer.problems, Problem(path, line, column, "Y012", ERROR,
                                                  "tiedoston ylin taso ei ole avain–arvo-kartta",
                                                  "rekisterin kuvaus koostuu riveistä muotoa 'avain: arvo'")]
    document = Document(path, data, composer.positions, composer.key_positions, text)
    return document, composer.problems


def _tab_indentation(text: str) -> tuple[int, int] | None:
    """The 1-based (line, column) of the first tab that indents a line (or is all of it), or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number, len(line) - len(stripped) + 1
    return None



def _compose(text: str, path: str, boolean_keys: frozenset):
    """Compose ``text`` with the fast parser; on a syntax error, again with the pure-Python one.

    libyaml words its errors differently and sometimes places them elsewhere; the second pass
    makes every syntax error read the same (message, line, column) whether or not PyYAML has
    libyaml. Problems the composer finds itself come from the events, which both parsers
    yield alike. Returns ``(composer, data, fatal problem or None)``.
    """
    parsers = [_Parser] if _Parser is PurePythonParser else [_Parser, PurePythonParser]
    for parser_class in parsers:
        composer = _Composer(path, boolean_keys, parser_class)
        try:
            data = composer.compose(text)
        except _Abort as abort:
            return composer, None, abort.problem
        except yaml.YAMLError as error:
            if parser_class is not PurePythonParser:
                continue
            return composer, None, syntax_problem(error, text, path)
        return composer, data, None
    raise AssertionError("unreachable: the pure-Python parser always answers")



class _Composer:
    """Builds plain data from parser events, refusing everything outside the strict subset."""

    def __init__(self, path: str, boolean_keys: frozenset, parser_class=None):
        self.path = path
        self.boolean_keys = boolean_keys
        self.parser_class = parser_class or _Parser
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.problems: list[Problem] = []

    def _problem(self, event, code: str, message: str, hint: str = "") -> Problem:
        mark = event.start_mark
        return Problem(self.path, mark.line + 1, mark.column + 1, code, ERROR, message, hint)

    def compose(self, text: str):
        self.lines = text.split("\n")
        parser = self.parser_class(text)
        try:
            root = None
            documents = 0
            while True:
                event = parser.get_event()
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    break
                if isinstance(event, yaml.StreamStartEvent):
                    continue
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise _Abort(self._problem(event, "Y007", "tiedostossa on useampi kuin yksi YAML-dokumentti",
                                                   "poista rivi '---' ja sen jälkeinen sisältö tai siirrä se omaan tiedostoonsa"))
                    continue
                if isinstance(event, yaml.DocumentEndEvent):
                    continue
                root = self._node(event, parser, (), None)
            return root
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()

    def _check_node_event(self, event) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise _Abort(self._problem(event, "Y004", f"viittaus ankkuriin '*{event.anchor}' ei ole sallittu",
                                       HINT_ANCHOR))
        if getattr(event, "anchor", None):
            raise _Abort(self._problem(event, "Y004", f"ankkuri '&{event.anchor}' ei ole sallittu", HINT_ANCHOR))
        tag = getattr(event, "tag", None)
        if tag is not None:
            # Shown as written: "!!str", not the "tag:yaml.org,2002:str" it stands for.
            if tag.startswith("tag:yaml.org,2002:"):
                tag = "!!" + tag[len("tag:yaml.org,2002:"):]
            raise _Abort(self._problem(event, "Y006", f"YAML-tagi '{tag}' ei ole sallittu", HINT_TAG))

    def _scalar_text(self, event) -> str:
        """The scalar's text; raises _Abort if an escape wrote a character YAML files may not hold.

        A double-quoted scalar can write any code point with ``\\x``, ``\\u`` or ``\\U``. An
        escaped UTF-16 surrogate pair (as JSON writes characters beyond U+FFFF) becomes the one
        character it stands for; a lone surrogate or a control character is refused, as the
        reader refuses them written directly, because no output format could carry it.
        """
        value = event.value
        if _SURROGATE.search(value):
            try:
                value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            except UnicodeDecodeError:
                pass
        bad = _NOT_PRINTABLE.search(value)
        if bad:
            raise _Abort(self._problem(
                event, "Y013",
                f"arvossa on kenoviivamerkinnällä kirjoitettu merkki U+{ord(bad.group()):04X}, jota ei voi näyttää",
                "poista kenoviivamerkintä (esim. \\x00 tai \\u001b) lainausmerkkien sisältä"))
        return value

    def _check_continuation(self, first: int, last: int) -> None:
        """Y014 for a line of a plain text that starts with "- ": YAML joins it to the line
        before (``- Nimi`` with ``- Osoite`` indented under it reads "Nimi - Osoite")."""
        for number in range(first + 1, min(last, len(self.lines) - 1) + 1):
            line = self.lines[number]
            stripped = line.lstrip(" ")
            if stripped.startswith("- ") or stripped == "-":
                self.problems.append(Problem(
                    self.path, number + 1, len(line) - len(stripped) + 1, "Y014", ERROR,
                    "rivi alkaa viivalla, mutta YAML liittää sen edellisen rivin tekstin jatkoksi",
                    "kirjoita kohta samaan sisennykseen kuin muut kohdat; alakohdat eivät ole mahdollisia "
                    "tavallisessa luettelossa, tai kirjoita teksti lainausmerkkeihin, jos viiva kuuluu siihen"))
                return

    def _node(self, event, parser, path: Path, key_name):
        if len(path) > MAX_DEPTH:
            raise _Abort(self._problem(event, "Y008", f"sisäkkäisiä tasoja on yli {MAX_DEPTH}",
                                       "rekisterin kuvaus ei tarvitse näin syvää rakennetta"))
        self._check_node_event(event)
        mark = event.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar_text(event)
            if event.implicit[0] and key_name in self.boolean_keys and value in ("true", "false"):
                return value == "true"
            if not event.style and event.end_mark.line > mark.line:  # plain, over several lines
                self._check_continuation(mark.line, event.end_mark.line)
            return value
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while True:
                child = parser.get_event()
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(child, parser, path + (len(items),), None))
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict = {}
            while True:
                key_event = parser.get_event()
                if isinstance(key_event, yaml.MappingEndEvent):
                    return mapping
                self._check_node_event(key_event)
                if not isinstance(key_event, yaml.ScalarEvent):
                    raise _Abort(self._problem(key_event, "Y001", "avaimen on oltava tekstiä, ei lista tai kartta",
                                               "kirjoita avain tavallisena sanana, esim. 'name:'"))
                key = self._scalar_text(key_event)
                key_mark = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
                if key == "<<" and key_event.implicit[0]:
                    raise _Abort(self._problem(key_event, "Y005", "yhdistämisavain '<<' ei ole sallittu",
                                               "kirjoita avaimet auki tähän karttaan"))
                value_event = parser.get_event()
                if key in mapping:
                    first = self.key_positions[path + (key,)]
                    self.problems.append(Problem(
                        self.path, key_mark[0], key_mark[1], "Y003", ERROR,
                        f"avain '{key}' toistuu; se on jo rivillä {first[0]} sarakkeessa {first[1]}",
                        "yhdistä arvot yhden avaimen alle; YAML ei salli samaa avainta kahdesti"))
                    # Read the duplicate's value so parsing continues, but keep the first one.
                    self._node(value_event, parser, ("<duplicate>",) + path + (key,), key)
                    continue
                self.key_positions[path + (key,)] = key_mark
                mapping[key] = self._node(value_event, parser, path + (key,), key)
        raise _Abort(self._problem(event, "Y001", f"odottamaton YAML-rakenne ({type(event).__name__})"))


_SURROGATE = re.compile("[\ud800-\udfff]")
# The characters PyYAML's reader accepts written directly in a file (its NON_PRINTABLE, inverted).
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

_REGISTER_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def unprintable_character(text: str) -> str | None:
    """The first character of ``text`` that a YAML file may not hold (a control character, a lone
    surrogate), which no output could show; None when there is none."""
    found = _NOT_PRINTABLE.search(text)
    return found.group() if found else None


# The names a policy file may end in: a register (``x.yaml``) or its translation (``x.sv.yaml``).
POLICY_SUFFIXES = (".yaml", ".yml")


def is_register_id(stem: str) -> bool:
    """True when ``stem`` is a safe register id: lowercase letters, digits and single hyphens."""
    return bool(_REGISTER_ID.match(stem))


def as_list(value) -> list:
    """A value the schema lets be written as one item or a list (``legal_basis``), as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
