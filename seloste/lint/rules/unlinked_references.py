"""A reference to a section by number is a link to that section (GDPR 12(1)).

In a numbered notice (numbered by its layout, or in its own section titles, "3. Tarkoitus"),
"ks. kohta 8" names only a number, and nothing tells when section 8 becomes 9. Written as a
link to the section's id, ``[kohta 8](#oikeudet)``, the reference takes the reader there on
the page and NOTICE-REF-NUMBER checks its number; the hint gives the link to the section that
has the number now.

PASS:
    rights:
      items:
        - right: access
    complaint:
      intro: Voit valittaa, jos oikeuksiasi ([kohta 3](#oikeudet)) ei toteuteta.
FAIL:
    rights:
      items:
        - right: access
    complaint:
      intro: Voit valittaa, jos oikeuksiasi (ks. kohta 3) ei toteuteta.
"""

from __future__ import annotations

from seloste.lint.finding import problem_at_position
from seloste.lint.references import numbering
from seloste.lint.references import references
from seloste.problem import WARNING

ID = "NOTICE-REF-LINK"
TITLE = "A reference to a section by number is a link to that section"
REFERENCE = "GDPR 12(1)"
LEVEL = WARNING


def check(register):
    unlinked = [reference for reference in references(register) if reference.section is None]
    if not unlinked:
        return
    sections = numbering(register)
    if not sections.numbered:
        return  # "kohta 3" of an unnumbered notice names no section
    for reference in unlinked:
        section = sections.section_numbered(reference.number)
        if section is None:
            numbers = sorted(sections.numbers.values(), key=int)
            hint = (f"selosteessa ei ole kohtaa {reference.number} (kohdat {numbers[0]}–{numbers[-1]}); "
                    "kirjoita viittaus linkiksi oikeaan lukuun, esim. "
                    f"[{reference.words}](#{next(iter(sections.numbers))})")
        else:
            hint = (f"kirjoita se linkiksi lukuun, jonka numero on nyt {reference.number}: "
                    f"[{reference.words}](#{section}); silloin tarkistus huomaa, jos numero muuttuu")
        yield problem_at_position(register, reference.position, ID, LEVEL,
                                  f"{REFERENCE}: viittaus ”{reference.words}” on pelkkä numero, joka ei muutu "
                                  "lukujen mukana", hint)
