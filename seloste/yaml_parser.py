"""The YAML parsers :mod:`seloste.load` reads events from, and their syntax errors in Finnish.

libyaml (PyYAML's C parser) reads files when PyYAML has it. A file it rejects is read again
by :class:`PurePythonParser`, whose message and position are reported, so that a mistake
reads the same on every machine; :func:`syntax_problem` words it in Finnish.
"""

from __future__ import annotations

import re

import yaml
from yaml.parser import Parser as _PyParserBase
from yaml.reader import Reader as _Reader
from yaml.scanner import Scanner as _Scanner

from seloste.problem import ERROR
from seloste.problem import Problem

MAX_DEPTH = 40  # nesting the loader allows (it counts the levels itself)

HINT_INVISIBLE = "poista merkki; näkymättömiä ohjausmerkkejä tulee usein kopioidun tekstin mukana"
HINT_TAG = "poista tagi (huutomerkillä alkava sana); arvot luetaan aina tekstinä"
HINT_ANCHOR = "kirjoita arvo auki; ankkurit ja viittaukset eivät ole käytössä"


class PurePythonParser(_Reader, _Scanner, _PyParserBase):
    """PyYAML's pure-Python event parser.

    It reads files when PyYAML lacks libyaml, and it describes every file the C parser
    rejects, so that a problem reads the same (message, line, column) on every machine.
    """

    def __init__(self, stream):
        _Reader.__init__(self, stream)
        _Scanner.__init__(self)
        _PyParserBase.__init__(self)

    # PyYAML's scanner refuses every tab outside quotes; libyaml takes a tab between tokens
    # and between the words of a value, as YAML allows. The two methods below read tabs as
    # libyaml does, so that a tab pasted after a value reads the same on every machine.

    def scan_to_next_token(self):
        """Skip blanks, comments and line breaks; a tab only where no block token can start."""
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        found = False
        while not found:
            while self.peek() == " " or (self.peek() == "\t" and (self.flow_level or not self.allow_simple_key)):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if self.scan_line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                found = True

    def scan_plain_spaces(self, indent, start_mark):
        """The blanks after a word of a plain value: kept inside the line, tabs included."""
        length = 0
        while self.peek(length) in " \t":
            length += 1
        blanks = self.prefix(length)
        if "\t" not in blanks:
            return super().scan_plain_spaces(indent, start_mark)
        self.forward(length)
        if self.peek() in "\r\n\x85\u2028\u2029":
            # Blanks before a line break are dropped; PyYAML folds the break itself.
            return super().scan_plain_spaces(indent, start_mark)
        return [blanks]

    def scan_flow_scalar_non_spaces(self, double, start_mark):
        """A quoted value's text; an escape beyond Unicode (``\\U00110000``) is a syntax error."""
        try:
            return super().scan_flow_scalar_non_spaces(double, start_mark)
        except (ValueError, OverflowError):
            mark = self.get_mark()  # just after the "\\U": point at the backslash
            mark.index, mark.column = mark.index - 2, mark.column - 2
            raise yaml.scanner.ScannerError("while scanning a double-quoted scalar", start_mark,
                                            "found an escape beyond the last Unicode character", mark) from None


try:  # The C parser is much faster; both yield the same events for a valid file.
    from yaml._yaml import CParser as FastParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    FastParser = PurePythonParser



def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``text[index]``, counting line breaks as PyYAML's marks do."""
    line, start = 1, 0
    for position, character in enumerate(text[:index]):
        if character in "\n\x85\u2028\u2029" or (character == "\r" and text[position + 1:position + 2] != "\n"):
            line, start = line + 1, position + 1
    return line, index - start + 1



def syntax_problem(error: yaml.YAMLError, text: str, path: str) -> Problem:
    """A parser's error as a Finnish problem at its place in the file."""
    if isinstance(error, yaml.reader.ReaderError):
        line, column = line_column(text, error.position)
        return Problem(path, line, column, "Y013", ERROR,
                       f"tiedostossa on merkki U+{error.character:04X}, jota ei voi käyttää rekisterin kuvauksessa",
                       HINT_INVISIBLE)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    english = (getattr(error, "problem", None) or getattr(error, "context", None) or str(error)).strip()
    message, hint = finnish_syntax_message(english)
    return Problem(path, line, column, "Y001", ERROR, f"YAML-syntaksivirhe: {message}",
                   hint or "tarkista sisennys, kaksoispisteet ja lainausmerkit tällä tai edellisellä rivillä")


_HINT_QUOTE = "laita koko arvo lainausmerkkeihin"
_HINT_ESCAPE = "kirjoita kenoviiva kahdesti (\\\\) tai käytä lainausmerkkien sijaan heittomerkkejä ('...')"
_HINT_CLOSE_QUOTE = "lisää puuttuva lainausmerkki tekstin loppuun"

# PyYAML's syntax messages (and libyaml's wording of the same) in Finnish, with a hint.
# ``{found}`` is the character the parser stumbled on, when it names one. The first match wins.
_SYNTAX_MESSAGES = tuple((re.compile(pattern), message, hint) for pattern, message, hint in (
    (r"found a tab character|found character '\\t'", "sarkain rivin sisennyksessä",
     "YAML sallii sisennyksessä vain välilyönnit; korvaa sarkain välilyönneillä"),
    (r"mapping values are not allowed", "kaksoispiste ja välilyönti aloittaisivat tässä uuden avaimen",
     "jos kaksoispiste kuuluu arvoon, laita koko arvo lainausmerkkeihin; muuten tarkista rivin sisennys"),
    (r"found unexpected ':'", "odottamaton kaksoispiste", _HINT_QUOTE),
    (r"could not find expected ':'", "odotettiin avainta ja kaksoispistettä (avain: arvo)",
     "jokainen rivi on muotoa 'avain: arvo'; edellisen rivin tekstin jatko sisennetään avainta syvemmälle"),
    (r"found character (?:(?P<found>'.+') )?that cannot start any token", "arvo ei voi alkaa merkillä{found}",
     _HINT_QUOTE),
    (r"expected <block end>|did not find expected key|did not find expected '-' indicator",
     "sisennys ei täsmää: rivi ei jatka edellisiä rivejä samalla tasolla",
     "samaan luetteloon tai karttaan kuuluvat rivit alkavat samasta sarakkeesta; luettelon kohdat alkavat '- '"),
    (r"expected ',' or '\]'|did not find expected ',' or '\]'",
     "hakasulkeella '[' alkanut luettelo ei pääty merkkiin ']'",
     "jos arvo alkaa hakasulkeella, laita koko arvo lainausmerkkeihin; muuten erota kohdat pilkuilla ja sulje luettelo"),
    (r"expected ',' or '\}'|did not find expected ',' or '\}'",
     "aaltosulkeella '{' alkanut kartta ei pääty merkkiin '}'",
     "jos arvo alkaa aaltosulkeella, laita koko arvo lainausmerkkeihin; muuten erota kohdat pilkuilla ja sulje kartta"),
    (r"found unexpected end of stream", "tiedosto loppui kesken lainausmerkeissä olevan tekstin", _HINT_CLOSE_QUOTE),
    (r"found unexpected document (?:separator|indicator)",
     "lainausmerkeissä oleva teksti jatkuu rivin '---' tai '...' yli", _HINT_CLOSE_QUOTE),
    (r"found an escape beyond the last Unicode character",
     "kenoviivamerkinnän merkkikoodi on suurempi kuin suurin Unicode-merkki (U+10FFFF)",
     "tarkista merkkikoodi tai kirjoita merkki sellaisenaan"),
    (r"found unknown escape character(?: '(?P<escape>.+)')?",
     "lainausmerkeissä on tuntematon kenoviivamerkintä{escape}", _HINT_ESCAPE),
    (r"expected escape sequence of \d+ hexadecimal numbers|did not find expected hexdecimal number",
     "kenoviivamerkinnän \\x, \\u tai \\U perästä puuttuu heksadesimaaliluku", _HINT_ESCAPE),
    (r"expected '<document start>'|did not find expected <document start>|found unknown directive name",
     "ylimääräistä tekstiä YAML-dokumentin jälkeen",
     "poista rivi tai korjaa sen sisennys; rivi ei voi alkaa merkillä '%' eikä rakenteen sulkevalla merkillä"),
    (r"expected the node content(?:, but found (?P<found>'.'))?|did not find expected node content",
     "arvo puuttuu tai alkaa merkillä{found}, jolla arvo ei voi alkaa", _HINT_QUOTE),
    (r"found undefined tag handle", "tuntematon YAML-tagi", HINT_TAG),
    (r"expected '>'|did not find the expected '>'", "YAML-tagi on kesken: siitä puuttuu '>'", HINT_TAG),
    (r"sequence entries are not allowed", "luettelon kohta ('- ') ei voi alkaa tässä",
     "kirjoita luettelon kohdat omille riveilleen avaimen alle sisennettyinä; jos viiva kuuluu tekstiin, "
     "laita teksti lainausmerkkeihin"),
    (r"mapping keys are not allowed", "avain ('? ') ei voi alkaa tässä",
     "jos kysymysmerkki kuuluu tekstiin, laita teksti lainausmerkkeihin"),
    (r"(?:expected|did not find expected) alphabetic or numeric character",
     "merkin &, * tai ! perästä puuttuu nimi",
     "jos arvo alkaa merkillä &, * tai !, laita koko arvo lainausmerkkeihin"),
    (r"expected a comment or a line break|did not find expected comment or line break|"
     r"expected (?:chomping or )?indentation indicator",
     "tekstilohkon merkin | tai > perässä on samalla rivillä tekstiä",
     "aloita teksti seuraavalta riviltä sisennettynä tai laita arvo lainausmerkkeihin"),
    (r"nesting depth", "sisäkkäisiä tasoja on liikaa", f"sisäkkäisiä tasoja saa olla enintään {MAX_DEPTH}"),
    (r"found (?:incompatible YAML document|duplicate YAML directive|duplicate tag handle)",
     "virheellinen %YAML- tai %TAG-rivi", "poista tiedoston alusta %-merkillä alkavat rivit"),
))


def finnish_syntax_message(english: str) -> tuple[str, str]:
    """``(message, hint)`` in Finnish for a PyYAML syntax message; unknown ones as written, no hint."""
    for pattern, message, hint in _SYNTAX_MESSAGES:
        match = pattern.search(english)
        if match:
            found = match.groupdict().get("found")
            escape = match.groupdict().get("escape")
            # Placeholders are replaced, not formatted: some messages quote '{' and '}'.
            message = message.replace("{found}", f" {found}" if found else "")
            return message.replace("{escape}", f" \\{escape}" if escape else ""), hint
    return english, ""

