"""seloste: Finnish privacy notices (tietosuojaseloste) as code.

Pipeline, one module a stage, data flowing one way:

    load (strict YAML -> data + positions) -> validate (JSON Schema + link safety)
    -> lint (legal rules) -> notice (section model) -> render (HTML, Markdown, text)
    -> output (atomic write, check)

Every stage reports errors as :class:`seloste.problem.Problem`; only the CLI prints or exits.
"""

__version__ = "0.1.0"
