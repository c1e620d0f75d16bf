"""The fast answer to "is this register valid?": jsonschema-rs with the schema's own keywords.

Almost every register a build sees is valid, and jsonschema (pure Python) spends 2–3 ms on
one; jsonschema-rs, with ``x-markdown`` and ``x-url`` given the very checks jsonschema runs for
them, answers in a tenth of that. Only its yes is used: a register it rejects is validated
again by jsonschema, whose errors are the ones put into Finnish at their positions
(:func:`seloste.validate.validate_document`), so a message never depends on the engine.

The two regex engines must mean the same by the schema's patterns. They differ in one place:
Python's ``$`` also matches before a final line end, Rust's only at the very end. Each pattern's
final ``$`` is given to Rust as ``\\n?$``, which both read as Python reads ``$``.
"""

from __future__ import annotations

import functools


def is_valid(data, autolink: bool = False) -> bool | None:
    """Whether ``data`` is valid against the register schema, or None when the fast engine is
    not installed (then the caller validates as it always did)."""
    validator = _validator(autolink)
    return None if validator is None else validator.is_valid(data)


def rust_pattern(pattern: str) -> str:
    """``pattern`` as Rust's regex must read it to mean what Python's ``re.search`` does."""
    return pattern[:-1] + "\\n?$" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


@functools.lru_cache(maxsize=2)
def _validator(autolink: bool):
    from seloste.resources import schema
    from seloste.validate import _without_refs
    from seloste.validate import link_findings
    from seloste.validate import url_findings

    def keyword(check, **options):
        class Keyword:
            def __init__(self, _parent, value, _path):
                self.enabled = value

            def validate(self, instance):
                if self.enabled:
                    for _problem in check(instance, **options):
                        raise ValueError("invalid")

        return Keyword

    return _compiled(_without_refs(schema()),
                     {"x-markdown": keyword(link_findings, autolink=autolink), "x-url": keyword(url_findings)})


def _compiled(root: dict, keywords: dict | None = None):
    """jsonschema-rs's validator of ``root`` (its patterns read as Python reads them), or None
    when the engine is not installed."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a pinned dependency; kept optional for odd platforms
        return None
    return jsonschema_rs.validator_for(_patterns(root), validate_formats=True, keywords=keywords or {})


def _patterns(node):
    if isinstance(node, list):
        return [_patterns(value) for value in node]
    if not isinstance(node, dict):
        return node
    return {key: rust_pattern(value) if key == "pattern" and isinstance(value, str) else _patterns(value)
            for key, value in node.items()}


def is_valid_translation(data) -> bool | None:
    """Whether ``data`` is valid against the translation schema, or None without the fast
    engine: as :func:`is_valid` for a register."""
    validator = _translation_validator()
    return None if validator is None else validator.is_valid(data)


@functools.lru_cache(maxsize=1)
def _translation_validator():
    from seloste.resources import translation_schema

    return _compiled(translation_schema())
