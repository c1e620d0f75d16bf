"""Stage 2, validate: a loaded register against ``schema/register.schema.json``.

jsonschema knows no line numbers, so each error's path is mapped back to the YAML position
the loader recorded. Errors are rewritten for legal staff: what was expected in words, the
allowed values, the nearest allowed key. Link safety is part of the schema: fields marked
``x-markdown`` or ``x-url`` are checked here for link schemes.
"""

from __future__ import annotations

import functools
import re

from seloste import markup
from seloste import validate_contact
from seloste import validate_content
from seloste import validate_fast
from seloste import validate_sections
from seloste.load import Document
from seloste.problem import ERROR
from seloste.problem import Problem
from seloste.resources import schema
from seloste.validate_content import nearest
from seloste.validate_content import suggestion

_TYPE_WORDS = {
    "string": "tekstiä",
    "object": "avain–arvo-pareja (alakenttiä)",
    "array": "luettelo (rivejä, jotka alkavat '- ')",
    "boolean": "true tai false",
}


@functools.lru_cache(maxsize=1)
def boolean_keys() -> frozenset:
    """Names of the keys whose value the schema declares boolean (the loader reads them as bools)."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                # A yes-or-no field, or one that is yes-or-no or a text (``none``).
                if isinstance(sub, dict) and (sub.get("type") == "boolean" or any(
                        branch.get("type") == "boolean" for branch in sub.get("anyOf", []))):
                    found.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    return frozenset(found)


def link_findings(instance, autolink: bool = False):
    """The problems of a Markdown text, as ``(keyword, message, value)``: a list nested too
    deep, links that cannot be published (with ``autolink``, bare addresses are links too),
    link titles. Both validators run this (:mod:`seloste.validate_fast` too)."""
    if not isinstance(instance, str):
        return
    if "\n" in instance and markup.markdown(instance).deep_list:
        yield "x-deep-list", "list too deep", instance
    if not markup.may_have_links(instance, autolink):
        return
    titles = markup.link_titles_in_source(instance)
    for target, kept in markup.markdown(instance, autolink).links:
        why = markup.link_problem(target, kept)
        # Python-Markdown reads a title in parentheses as part of the target: S112 says it.
        if why is not None and not any(target.endswith(f" {title}") for title in titles):
            yield f"x-link-{why}", f"unsafe link {target}", target
    for title in titles:
        yield "x-link-title", f"link title {title}", title


def url_findings(instance):
    """``x-url``'s problem with a value, as :func:`link_findings` gives them."""
    if isinstance(instance, str) and not instance.lower().startswith(("https://", "http://")):
        yield "x-url", f"not a web address {instance}", instance


def _errors(findings):
    import jsonschema

    for keyword, message, instance in findings:
        yield jsonschema.ValidationError(message, validator=keyword, instance=instance)


def _link_problems(validator, enabled, instance, _schema, autolink: bool = False):
    if enabled:
        yield from _errors(link_findings(instance, autolink))


def _url_problems(validator, enabled, instance, _schema):
    if enabled:
        yield from _errors(url_findings(instance))


@functools.lru_cache(maxsize=2)
def _validator(autolink: bool = False):
    """The schema's validator; with ``autolink`` (the register's ``autolink: true``), one that
    checks bare addresses in Markdown texts as the links they are."""
    import jsonschema

    base = jsonschema.Draft202012Validator
    links = functools.partial(_link_problems, autolink=True) if autolink else _link_problems
    cls = jsonschema.validators.extend(base, {"x-markdown": links, "x-url": _url_problems})
    return cls(_without_refs(schema()), format_checker=base.FORMAT_CHECKER)


# Keywords that describe a schema but never make a value invalid (``x-translate: false`` marks a
# one-line text that is no words to translate: seloste.translations).
_ANNOTATIONS = frozenset({"title", "description", "markdownDescription", "$comment", "default", "examples",
                          "x-translate"})


def _without_refs(root: dict) -> dict:
    """The schema with every ``#/$defs/...`` reference replaced by the definition itself.

    It accepts and rejects exactly what the original does, and reports the same errors in
    the same order, but jsonschema no longer resolves a reference at each of the hundred
    places a register passes one, which makes validation about twice as fast. A reference
    with validating siblings (``minItems``) becomes an ``allOf`` in its place.
    Returns a new schema; raises ValueError on a reference it cannot inline.
    """
    definitions = root.get("$defs", {})
    done: dict[str, object] = {}

    def definition(name: str, seen: tuple):
        if name in seen:
            raise ValueError(f"recursive $ref to {name}")
        if name not in done:
            done[name] = inline(definitions[name], seen + (name,))
        return done[name]

    def inline(node, seen: tuple):
        if isinstance(node, list):
            return [inline(value, seen) for value in node]
        if not isinstance(node, dict):
            return node
        reference = node.get("$ref")
        if not isinstance(reference, str):
            return {key: inline(value, seen) for key, value in node.items()}
        if not reference.startswith("#/$defs/") or "/" in reference[len("#/$defs/"):] or "allOf" in node:
            raise ValueError(f"cannot inline $ref {reference}")
        target = definition(reference[len("#/$defs/"):], seen)
        if set(node) - {"$ref"} <= _ANNOTATIONS:
            return target
        return {("allOf" if key == "$ref" else key): ([target] if key == "$ref" else inline(value, seen))
                for key, value in node.items() if key not in _ANNOTATIONS}

    return {key: inline(value, ()) for key, value in root.items() if key != "$defs"}


def validate_document(document: Document) -> list[Problem]:
    """Every schema problem of one loaded register, at YAML positions, sorted."""
    problems: list[Problem] = []
    autolink = isinstance(document.data, dict) and document.data.get("autolink") is True
    # The fast engine says yes to a valid register; jsonschema words the errors of the others.
    if validate_fast.is_valid(document.data, autolink) is not True:
        for error in _validator(autolink).iter_errors(document.data):
            problems.extend(_translate(error, document))
    problems.extend(validate_sections.problems(document))
    problems.extend(validate_content.problems(document))
    problems.extend(validate_contact.problems(document))
    return sorted(set(problems))


def explain(error, document: Document) -> list[Problem]:
    """One jsonschema error of a loaded YAML file as the problems legal staff read, at their
    positions: the same words for a translation file (seloste.translations) as for a register."""
    return _translate(error, document)


def _translate(error, document: Document) -> list[Problem]:
    if error.validator in ("anyOf", "oneOf"):
        return _translate_alternatives(error, document)
    path = tuple(error.absolute_path)
    line, column = document.position(path)
    where = _describe_path(path)

    def problem(code, message, hint="", at=None):
        at_line, at_column = at or (line, column)
        return Problem(document.path, at_line, at_column, code, ERROR, message, hint)

    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        found = []
        for key in sorted(set(error.instance) - set(allowed)):
            hint = suggestion(key, allowed, "keys") or f"sallitut avaimet: {', '.join(allowed)}"
            found.append(problem("S101", f"tuntematon avain '{key}'{where}", hint,
                                 at=document.position(path + (key,), key=True)))
            found.extend(_as_meant(error, key, nearest(key, allowed, "keys"), document))
        return found
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.message)
        at = document.position(path, key=True) if path else (1, 1)
        return [problem("S102", f"pakollinen kenttä '{missing}' puuttuu{where}",
                        f"lisää rivi '{missing}: ...'", at=at)]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " tai ".join(_TYPE_WORDS.get(t, t) for t in expected)
        hint = ""
        if "boolean" in expected:
            hint = "kirjoita true tai false ilman lainausmerkkejä"
        elif "array" in expected:
            hint = "kirjoita kukin kohta omalle rivilleen muodossa '- kohta'"
        elif "object" in expected:
            hint = "kirjoita alakentät seuraaville riveille sisennettyinä"
        return [problem("S103", f"odotettiin {words}, mutta arvo on {_describe_value(error.instance)}{where}", hint)]
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        hint = suggestion(str(error.instance), allowed, "values") or ""
        return [problem("S104", f"arvo '{error.instance}' ei ole sallittu{where}; sallitut arvot: {', '.join(allowed)}", hint)]
    if kind == "format":
        pattern = error.schema.get("pattern")
        if pattern and isinstance(error.instance, str) and not re.search(pattern, error.instance):
            return []  # the pattern's own error says what is wrong with the form
        return [problem("S105", f"'{error.instance}' ei ole olemassa oleva päivämäärä{where}",
                        "kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2024-05-31")]
    if kind == "minLength":
        return [problem("S106", f"arvo on tyhjä{where}", "kirjoita arvo tai poista koko rivi")]
    if kind == "minItems":
        return [problem("S106", f"luettelo on tyhjä{where}", "lisää vähintään yksi kohta tai poista koko kenttä")]
    if kind == "x-deep-list":
        return [problem("S119", f"luettelo on sisennetty yli {markup.MAX_LIST_DEPTH} tason syvyyteen, ja sen "
                                f"kohdat näkyisivät yhtenä rivinä{where}",
                        f"sisennä luetteloita enintään {markup.MAX_LIST_DEPTH} tasoa: luettelo, sen alakohdat ja "
                        "niiden alakohdat")]
    if kind == "uniqueItems":
        items = error.instance
        again = next(index for index, item in enumerate(items) if item in items[:index])
        return [problem("S118", f"'{items[again]}' on luettelossa useammin kuin kerran{where}",
                        "kirjoita kukin kohta vain kerran", at=document.position(path + (again,)))]
    if kind == "x-link-scheme":
        return [problem("S107", f"linkin osoite '{error.instance}' ei ole sallittu{where}",
                        "sallitut osoitteet alkavat https:, http:, mailto: tai tel: (tai #ankkuri)")]
    if kind == "x-link-invalid":
        return [problem("S107", f"linkin osoite '{error.instance}' ei ole kelvollinen osoite, ja linkki "
                                f"katoaisi selosteesta{where}",
                        "kirjoita osoite kokonaan, esim. https://www.esimerkki.fi/sivu")]
    if kind == "x-link-characters":
        return [problem("S107", f"linkin osoitteessa '{error.instance}' on välilyönti, lainausmerkki, "
                                f"kulmasulje tai ohjausmerkki{where}",
                        "kirjoita välilyönti muodossa %20 ja lainausmerkki muodossa %22, tai poista ne")]
    if kind == "x-link-title":
        return [problem("S112", f"linkin otsikko {error.instance} ei näkyisi selosteessa{where}",
                        "kirjoita otsikon sanat linkin tekstiin hakasulkeiden sisään ja poista otsikko")]
    if kind == "x-url":
        return [problem("S107", f"'{error.instance}' ei ole verkko-osoite{where}",
                        "verkko-osoite alkaa https:// tai http://")]
    if kind == "pattern":
        return [_pattern_problem(error, where, problem)]
    return [problem("S199", f"virheellinen arvo{where}: {error.message}")]


def _as_meant(error, key: str, meant: str | None, document: Document) -> list[Problem]:
    """The problems under a misspelt key, read as the key it likely means (``purposess`` as
    ``purposes``), so that one slip of a key hides none of the mistakes written under it."""
    if meant is None or meant in error.instance:
        return []
    # The key's schema with its references inlined from the register schema's definitions (it
    # may be a part of either form of the schema), validated as the register is.
    wrapped = {"properties": {meant: error.schema["properties"][meant]}, "$defs": schema()["$defs"]}
    meant_schema = _without_refs(wrapped)["properties"][meant]
    validator = type(_validator())(meant_schema, format_checker=_validator().format_checker)
    found = []
    for sub in validator.iter_errors(error.instance[key]):
        sub.path.extendleft(reversed((*error.absolute_path, key)))
        found.extend(_translate(sub, document))
    return found


def _pattern_problem(error, where, problem) -> Problem:
    pattern = error.validator_value
    if isinstance(error.schema, dict) and "x-pattern-message" in error.schema:  # the schema says what is meant
        return problem("S108", f"'{error.instance}' {error.schema['x-pattern-message']}{where}",
                       error.schema.get("x-pattern-hint", ""))
    if pattern.startswith("^[0-9]{4}"):
        finnish = re.fullmatch(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})", str(error.instance))
        hint = (f"kirjoita {finnish[3]}-{int(finnish[2]):02}-{int(finnish[1]):02}" if finnish
                else "esim. 2024-05-31")
        return problem("S105", f"'{error.instance}' ei ole päivämäärä muodossa VVVV-KK-PP{where}", hint)
    if pattern.startswith("^[a-z0-9]+"):
        return problem("S109", f"tunnus '{error.instance}' ei kelpaa{where}",
                       "käytä vain pieniä kirjaimia a–z, numeroita ja väliviivoja")
    if "\\s" in pattern:
        return problem("S108", f"arvossa ei saa olla välilyöntejä eikä rivinvaihtoja{where}")
    return problem("S108", f"tekstin on oltava yhdellä rivillä{where}",
                   "tämä kenttä näytetään sellaisenaan yhtenä rivinä; poista rivinvaihdot")


def _translate_alternatives(error, document: Document) -> list[Problem]:
    """For 'one of these shapes', report against the shape that matches the value's type."""
    by_branch: dict[int, list] = {}
    for sub in error.context:
        by_branch.setdefault(sub.schema_path[0], []).append(sub)
    # A branch whose type or value list does not fit at all is the wrong shape; among the
    # others, the one with the fewest errors is what the editor meant.
    matching = [
        errors for errors in by_branch.values()
        if not any(e.validator in ("type", "enum") and not e.relative_path for e in errors)
    ]
    if matching:
        # A branch whose keys the value has is nearer than one it misses keys of: a table row
        # with a mistaken value is still a table, not a list with a misspelt key.
        best = min(matching, key=lambda errors: (_shape_misses(errors), len(errors)))
        problems = []
        for sub in best:
            problems.extend(_translate(sub, document))
        return problems
    value_misfits = [
        errors for errors in by_branch.values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    if value_misfits:
        # The value has a fitting type but is not one of the allowed values.
        return _translate(min(value_misfits, key=len)[0], document)
    expected = []
    for errors in by_branch.values():
        for e in errors:
            if e.validator == "type" and not e.relative_path:
                values = e.validator_value if isinstance(e.validator_value, list) else [e.validator_value]
                expected.extend(v for v in values if v not in expected)
    path = tuple(error.absolute_path)
    line, column = document.position(path)
    words = " tai ".join(_TYPE_WORDS.get(t, t) for t in expected) or "toisenlaista arvoa"
    return [Problem(document.path, line, column, "S103", ERROR,
                    f"odotettiin {words}, mutta arvo on {_describe_value(error.instance)}{_describe_path(path)}")]


def _shape_misses(errors: list) -> int:
    """How many keys a value lacks or has beyond one shape, by that shape's own errors."""
    return sum(len(error.instance) - len(error.schema.get("properties", {}).keys() & set(error.instance))
               if error.validator == "additionalProperties" else 1
               for error in errors if error.validator in ("required", "additionalProperties") and not error.relative_path)


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "null"


def _describe_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"teksti '{shown}'"
    if isinstance(value, dict):
        return "avain–arvo-pareja"
    if isinstance(value, list):
        return "luettelo"
    return "tyhjä"


def _describe_path(path: tuple) -> str:
    if not path:
        return ""
    shown = ""
    for part in path:
        shown += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if shown else part)
    return f" (kohdassa {shown})"
