"""The lint rules, one module each; :data:`seloste.lint.RULES` is their registry.

A rule module has ``ID`` (stable, never reused), ``TITLE``, ``REFERENCE`` (the legal
provision every message of the rule cites first), ``LEVEL`` (``error``, ``warning`` or
``info``) and ``check(register)``, which yields problems. Its docstring says why, and shows a
passing (``PASS:``) and a failing (``FAIL:``) piece of a register; the tests run both and
``docs/rules.md`` is generated from them.
"""
