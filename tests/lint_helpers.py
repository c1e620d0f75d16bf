"""What the lint tests share: a register from YAML text, and a rule's findings on it."""

from __future__ import annotations

from seloste.load import load_text
from seloste.project import Register
from seloste.validate import boolean_keys
from seloste.validate import validate_document

# The smallest valid register: five lines, so a body added after it starts at line 6.
MINIMAL = "layout: gdpr\nname: R\ncontroller:\n  name: Oy\n  email: a@b.fi\n"


def register_from(text: str, path: str = "rekisteri.yaml") -> Register:
    """A validated register from YAML text (the test fails if the text is not a valid register)."""
    document, problems = load_text(text.encode("utf-8"), path, boolean_keys())
    assert document is not None, problems
    problems += validate_document(document)
    assert problems == [], problems
    return Register(path.rsplit(".", 1)[0], path, document)


def findings(rule, body: str, head: str = MINIMAL) -> list:
    """The problems ``rule`` finds in a register made of ``head`` and ``body``."""
    return list(rule.check(register_from(head + body)))


def located(rule, body: str, head: str = MINIMAL) -> list[tuple[str, int, int]]:
    """(code, line, column) of each problem ``rule`` finds in ``head`` + ``body``, in the rule's order."""
    return [(problem.code, problem.line, problem.column) for problem in findings(rule, body, head)]


def codes(problems) -> list[str]:
    """The code of each problem, in order."""
    return [problem.code for problem in problems]
