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

from yaml.parser import Parser as _PyParserBase
from yaml.reader import Reader as _Reader
from yaml.scanner import Scanner as _Scanner


class PurePythonParser(_Reader, _Scanner, _PyParserBase):
    """PyYAML's pure-Python event parser, for machines whose PyYAML lacks libyaml."""

    def __init__(self, stream):
        _Reader.__init__(self, stream)
        _Scanner.__init__(self)
        _PyParserBase.__init__(self)


try:  # The C parser is much faster; both yield the same events.
    from yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = PurePythonParser


MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

Path = tuple  # a path into the data: keys (str) and list indexes (int)


@dataclasses.dataclass
class Document:
    """A loaded YAML file: its data and where each piece of it stands in the file.

    ``positions[path]`` is the (line, column) of the value at ``path``;
    ``key_positions[path]`` is that of the mapping key that leads to it.
    """

    path: str
    data: object
    positions: dict
    key_positions: dict

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


def load_text(source: bytes, path: str, boolean_keys: frozenset = frozenset()) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file's bytes strictly.

    Returns ``(document, problems)``; ``document`` is None when the file cannot be used.
    Duplicate keys are reported without stopping, so one run shows all of them.
    """
    if len(source) > MAX_BYTES:
        return None, [Problem(path, 1, 1, "Y009", ERROR,
                              f"tiedosto on liian suuri ({len(source)} tavua, enintään {MAX_BYTES})",
                              "jaa rekisteri osiin tai poista tiedostosta ylimääräinen sisältö")]
    if source.startswith(b"\xef\xbb\xbf"):
        source = source[3:]
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = source.count(b"\n", 0, exc.start) + 1
        column = exc.start - (source.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(path, line, column, "Y010", ERROR,
                              f"tiedosto ei ole UTF-8-merkistöä: virheellinen tavu 0x{source[exc.start]:02X} kohdassa {exc.start}",
                              "tallenna tiedosto editorissa UTF-8-merkistönä")]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [Problem(path, 1, 1, "Y011", ERROR, "tiedosto on tyhjä",
                              "rekisterin kuvaus alkaa esimerkiksi riveillä 'layout:' ja 'name:'")]
    tab = _tab_indentation(text)
    if tab:
        return None, [Problem(path, tab, 1, "Y002", ERROR, "rivi on sisennetty sarkaimella",
                              "YAML sallii sisennyksessä vain välilyönnit; korvaa sarkain välilyönneillä")]
    composer = _Composer(path, boolean_keys)
    try:
        data = composer.compose(text)
    except _Abort as abort:
        return None, [*composer.problems, abort.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (exc.problem or exc.context or "virheellinen YAML").strip()
        return None, [*composer.problems, Problem(path, line, column, "Y001", ERROR,
                                                  f"YAML-syntaksivirhe: {message}", _syntax_hint(message))]
    except yaml.YAMLError as exc:
        return None, [*composer.problems, Problem(path, 1, 1, "Y001", ERROR, f"YAML-syntaksivirhe: {exc}")]
    if not isinstance(data, dict):
        line, column = composer.positions.get((), (1, 1))
        return None, [*composer.problems, Problem(path, line, column, "Y012", ERROR,
                                                  "tiedoston ylin taso ei ole avain–arvo-kartta",
                                                  "rekisterin kuvaus koostuu riveistä muotoa 'avain: arvo'")]
    document = Document(path, data, composer.positions, composer.key_positions)
    return document, composer.problems


def _tab_indentation(text: str) -> int:
    """The 1-based number of the first line indented with a tab, or 0."""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip():
            return number
    return 0


def _syntax_hint(message: str) -> str:
    if "mapping values are not allowed" in message:
        return "arvossa on kaksoispiste ja välilyönti; laita arvo lainausmerkkeihin"
    if "nesting depth" in message:
        return f"sisäkkäisiä tasoja saa olla enintään {MAX_DEPTH}"
    if "found character '\\t'" in message or "tab" in message:
        return "YAML sallii sisennyksessä vain välilyönnit"
    return "tarkista sisennys, kaksoispisteet ja lainausmerkit tällä tai edellisellä rivillä"


class _Composer:
    """Builds plain data from parser events, refusing everything outside the strict subset."""

    def __init__(self, path: str, boolean_keys: frozenset):
        self.path = path
        self.boolean_keys = boolean_keys
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.problems: list[Problem] = []

    def _problem(self, event, code: str, message: str, hint: str = "") -> Problem:
        mark = event.start_mark
        return Problem(self.path, mark.line + 1, mark.column + 1, code, ERROR, message, hint)

    def compose(self, text: str):
        parser = _Parser(text)
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
                                       "kirjoita arvo auki; ankkurit ja viittaukset eivät ole käytössä"))
        if getattr(event, "anchor", None):
            raise _Abort(self._problem(event, "Y004", f"ankkuri '&{event.anchor}' ei ole sallittu",
                                       "kirjoita arvo auki; ankkurit ja viittaukset eivät ole käytössä"))
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Abort(self._problem(event, "Y006", f"YAML-tagi '{tag}' ei ole sallittu",
                                       "poista tagi (huutomerkillä alkava sana); arvot luetaan aina tekstinä"))

    def _node(self, event, parser, path: Path, key_name):
        if len(path) > MAX_DEPTH:
            raise _Abort(self._problem(event, "Y008", f"sisäkkäisiä tasoja on yli {MAX_DEPTH}",
                                       "rekisterin kuvaus ei tarvitse näin syvää rakennetta"))
        self._check_node_event(event)
        mark = event.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = event.value
            if event.implicit[0] and key_name in self.boolean_keys and value in ("true", "false"):
                return value == "true"
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
                    raise _Abort(self._problem(key_event, "Y001", "avaimen on oltava tekstiä, ei lista tai kartta"))
                key = key_event.value
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


_REGISTER_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_register_id(stem: str) -> bool:
    """True when ``stem`` is a safe register id: lowercase letters, digits and single hyphens."""
    return bool(_REGISTER_ID.match(stem))
