"""Stage 6, diff: what changed in the notices between two versions of the policy folder.

Each side (a git revision, the working tree, a file or a folder; :mod:`.sides`, :mod:`.git`)
is loaded and validated on its own and rendered with the current code. For every register
added, removed or changed the report (:mod:`.model`, made by :mod:`.compare`) holds:

- the changes, found by comparing the registers' entries item by item (not YAML lines) in
  :mod:`.changes`, each named in Finnish under the title of its section and classed *material*
  or *editorial* by the rules of ``docs/diff.md`` (the table in :mod:`.rules`; a change that is
  only a wording fix, :mod:`.wording`, is editorial);
- the rendered plain text compared paragraph by paragraph, word by word inside a changed
  paragraph, a paragraph that only moved shown as a move (:mod:`.text`);
- for each other language it is published in, what is that language's own: a language added
  or withdrawn, a translation corrected or left behind, and its page's text (:mod:`.languages`).

:func:`seloste.diff_format.format_report` writes a report as text, Markdown, JSON or HTML.
Nothing here prints.
"""

from seloste.diff.changes import register_changes
from seloste.diff.compare import compare
from seloste.diff.compare import head_warnings
from seloste.diff.git import Repository
from seloste.diff.git import blob_id
from seloste.diff.model import ADDED
from seloste.diff.model import CHANGED
from seloste.diff.model import MOVED
from seloste.diff.model import REMOVED
from seloste.diff.model import Change
from seloste.diff.model import Hunk
from seloste.diff.model import RegisterDiff
from seloste.diff.model import Report
from seloste.diff.model import Row
from seloste.diff.model import Side
from seloste.diff.model import SideError
from seloste.diff.rules import MATERIAL
from seloste.diff.sides import WORKING_TREE
from seloste.diff.sides import file_side
from seloste.diff.sides import folder_side
from seloste.diff.sides import load_sides
from seloste.diff.text import text_diff
from seloste.diff.text import word_diff

__all__ = [
    "ADDED", "CHANGED", "MATERIAL", "MOVED", "REMOVED", "WORKING_TREE", "Change", "Hunk", "RegisterDiff",
    "Report", "Repository", "Row", "Side", "SideError", "blob_id", "compare", "file_side", "folder_side",
    "head_warnings", "load_sides", "register_changes", "text_diff", "word_diff",
]
