"""GDPR-9-2 (seloste/lint/rules/special_category_condition.py): special categories name their condition."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import special_category_condition

ID = "GDPR-9-2"
ITEM = "data_categories:\n  items:\n    - text: Terveys\n      special_category: health\n"
GROUP = ("data_categories:\n  groups:\n    - name: G\n      items:\n"
         "        - text: Uskonto\n          special_category: religious_or_philosophical_beliefs\n")

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param(ITEM, [(9, 25)], id="an item: at the special_category value"),
    pytest.param(GROUP, [(11, 29)], id="in a group: at the special_category value"),
    pytest.param(ITEM + "      condition: b\n", [], id="a condition"),
    pytest.param("data_subjects:\n  groups:\n    - name: Hakijat\n      data:\n        - text: Terveys\n"
                 "          special_category: health\n", [(11, 29)],
                 id="in a group of data subjects: at the special_category value"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(special_category_condition, body) == [(ID, line, column) for line, column in expected]
