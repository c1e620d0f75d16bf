"""What a project's settings add to the pages it publishes (``seloste.yaml``, read by
:mod:`seloste.config`): the organisation's name and logo, its stylesheet, the site's address
and the fragments' id prefix. ``Site()``, no settings, adds nothing: pages are as they were.
"""

from __future__ import annotations

import dataclasses
import hashlib


@dataclasses.dataclass(frozen=True)
class Site:
    organisation: str = ""  # the publisher's name, on every page
    logo_name: str = ""  # the logo's file name, published as output/<logo_name>
    logo: bytes = b""
    stylesheet: str = ""  # the organisation's own CSS, after the tool's
    base_url: str = ""  # where output/ is published, ending in "/"
    fragment_prefix: str = ""  # fragments' ids become <prefix>-<register id>-<id>
    fragment_stylesheet: bool = False  # write output/fragment.css, scoped to .seloste-fragment
    versions: bool = False  # publish every version from git, a change log and feeds (seloste.versions)
    first_layer: bool = True  # each notice's first layer (seloste.first_layer)
    linked_data: bool = True  # each notice's JSON-LD (seloste.dpv)

    def key(self) -> str:
        """What the settings add, as one string for the keys of cached pages."""
        fields = dataclasses.asdict(self)
        fields["logo"] = hashlib.sha256(self.logo).hexdigest()
        return repr(sorted(fields.items()))

    @property
    def logo_path(self) -> str:
        """The logo's place under ``output/`` ("" without a logo)."""
        return f"assets/{self.logo_name}" if self.logo_name else ""
