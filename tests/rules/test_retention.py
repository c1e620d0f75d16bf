"""GDPR-13-2-a (seloste/lint/rules/retention.py): the retention period or its criteria are given."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import retention

ID = "GDPR-13-2-a"
GROUPS = ("data_subjects:\n  groups:\n    - name: Hakijat\n      retention: Kuusi kuukautta.\n"
          "    - name: Suosittelijat\n      data: [Nimi]\n")

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="missing: at the controller key"),
    pytest.param("security:\n  intro: Tiedot suojataan.\n", [(6, 1)], id="missing: at the security key"),
    pytest.param("retention:\n  items: []\n", [(6, 1)], id="says nothing: at its key"),
    pytest.param("retention:\n  intro: Vuoden.\n", [], id="text"),
    pytest.param("retention:\n  items:\n    - text: Hakemukset\n      period: kaksi vuotta\n", [], id="items"),
    pytest.param(GROUPS, [(10, 13)], id="told by group: at the name of the group without it"),
    pytest.param(GROUPS + "retention:\n  intro: Kaikkien tiedot poistetaan vuoden kuluttua.\n", [],
                 id="told by group and for all"),
    pytest.param("data_subjects:\n  groups:\n    - name: Hakijat\n", [(6, 1)],
                 id="groups without any retention: at the data_subjects key"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(retention, body) == [(ID, line, column) for line, column in expected]
