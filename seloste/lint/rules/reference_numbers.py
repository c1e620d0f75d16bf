"""A reference linked to a section has that section's number (GDPR 12(1)).

A notice that says "ks. kohta 8" must send the reader to section 8. Written as a link to the
section's id, ``[kohta 8](#oikeudet)``, the reference names its section, so this rule can tell
when the number no longer fits: a section added, moved, left out or moved into another
(``within``) changes the numbers after it. A link to a section the notice does not have, or
to one without a number, is reported too.

PASS:
    rights:
      intro: Oikeuksistasi kerrotaan tarkemmin alla.
      items:
        - right: access
    complaint:
      intro: Voit myös valittaa, jos oikeuksiasi ([kohta 3](#oikeudet)) ei toteuteta.
FAIL:
    rights:
      items:
        - right: access
    complaint:
      intro: Voit myös valittaa, jos oikeuksiasi ([kohta 8](#oikeudet)) ei toteuteta.
"""

from __future__ import annotations

import difflib

from seloste.lint.finding import problem_at_position
from seloste.lint.references import numbering
from seloste.lint.references import references
from seloste.problem import ERROR

ID = "NOTICE-REF-NUMBER"
TITLE = "A reference linked to a section has that section's number"
REFERENCE = "GDPR 12(1)"
LEVEL = ERROR


def check(register):
    linked = [reference for reference in references(register) if reference.section is not None]
    if not linked:
        return
    sections = numbering(register)
    for reference in linked:
        words, section = reference.words, reference.section
        if section not in sections.ids:
            close = difflib.get_close_matches(section, sections.ids, n=1, cutoff=0.6)
            yield problem_at_position(register, reference.position, ID, LEVEL,
                                      f"{REFERENCE}: viittaus ”{words}” vie lukuun '{section}', jota selosteessa ei ole",
                                      f"tarkoititko '#{close[0]}'?" if close else
                                      f"selosteen luvut: {', '.join(sections.ids)}")
        elif section not in sections.numbers:
            yield problem_at_position(register, reference.position, ID, LEVEL,
                                      f"{REFERENCE}: viittaus ”{words}” vie lukuun '{section}', jolla ei ole numeroa",
                                      "kirjoita viittaus ilman numeroa (esim. luvun nimellä) tai numeroi luvut")
        elif sections.numbers[section] != reference.number:
            now = sections.numbers[section]
            yield problem_at_position(register, reference.position, ID, LEVEL,
                                      f"{REFERENCE}: viittaus ”{words}” vie lukuun '{section}', jonka numero on {now}",
                                      f"kirjoita [{_renumbered(words, now)}](#{section})")


def _renumbered(words: str, number: str) -> str:
    """The reference's words with the section's number in place of the one written."""
    head, _, _ = words.rpartition(" ")
    return f"{head} {number}"
