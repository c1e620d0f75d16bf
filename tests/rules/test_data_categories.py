"""GDPR-14-1-d (seloste/lint/rules/data_categories.py): categories of data where data comes from elsewhere."""

from __future__ import annotations

import pytest
from lint_helpers import located

from seloste.lint.rules import data_categories

ID = "GDPR-14-1-d"
OTHER_SOURCE = "sources:\n  items:\n    - text: Muu\n      origin: other\n"

CASES = [
    # (register body after MINIMAL, (line, column) of each finding)
    pytest.param("", [(3, 1)], id="no sources, no categories: at the controller key"),
    pytest.param("purposes:\n  intro: Rekrytointi.\n" + OTHER_SOURCE, [(6, 1)],
                 id="a source other than the person: at the purposes key"),
    pytest.param("data_categories:\n  items: []\n" + OTHER_SOURCE, [(6, 1)], id="says nothing: at its key"),
    pytest.param(OTHER_SOURCE + "data_categories:\n  groups:\n    - name: Perustiedot\n      items: [Nimi]\n", [],
                 id="groups"),
    pytest.param("sources:\n  items:\n    - text: Hakija\n      origin: data_subject\n", [],
                 id="only from the person"),
    pytest.param(OTHER_SOURCE + "data_subjects:\n  groups:\n    - name: Suosittelijat\n      data: [Nimi]\n", [],
                 id="the data of a group of data subjects"),
    pytest.param(OTHER_SOURCE + "data_subjects:\n  groups:\n    - name: Suosittelijat\n", [(10, 1)],
                 id="a group without data: at the data_subjects key"),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_findings_and_their_positions(body, expected):
    assert located(data_categories, body) == [(ID, line, column) for line, column in expected]
