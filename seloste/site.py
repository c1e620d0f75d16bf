"""What a project's settings add to the pages it publishes (``seloste.yaml``, read by
:mod:`seloste.config`): the organisation's name and logo, its stylesheet, the site's address
and the fragments' id prefix. ``Site()``, no settings, adds nothing: pages are as they were.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid


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

    def permanent_id(self, path: str) -> str:
        """The id of the page at ``path`` under ``output/`` (in feeds, in linked data): its
        address when the site's is known, else a ``urn:uuid:`` name made from the path, the
        same on every build and every machine."""
        if self.base_url:
            return self.base_url + path
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'seloste:' + path)}"

    @property
    def logo_path(self) -> str:
        """The logo's place under ``output/`` ("" without a logo)."""
        return f"assets/{self.logo_name}" if self.logo_name else ""
