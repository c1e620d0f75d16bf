"""The notices as JSON-LD in the Data Privacy Vocabulary (seloste.dpv).

Every register of ``policy/`` and every fixture, in each language it is published in (and a
register below that has what those leave out: qualified legal bases, joint controllers, groups
of data subjects, a derogation...), is parsed as RDF by rdflib, offline, and its facts are
compared with the register's own data: the expectations are worked out here from the data,
with this file's own tables of the GDPR's articles, never with the module's. Every term of the
vocabularies the files use is one of the module's tables or of this file's list of the notice's
structure, and a file is the same bytes on every build.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
import sys
import uuid

import pytest
import rdflib
from conftest import FIXTURES
from conftest import POLICY
from conftest import register_files

from seloste import dpv
from seloste import languages
from seloste import markup
from seloste import project
from seloste import resources
from seloste.notice.words import content_words
from seloste.site import Site

DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
RDF = rdflib.Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
DPV = rdflib.Namespace("https://w3id.org/dpv#")
GDPR = rdflib.Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
PD = rdflib.Namespace("https://w3id.org/dpv/pd#")
LEGAL_FI = rdflib.Namespace("https://w3id.org/dpv/legal/fi#")
VOCABULARIES = (str(DPV), str(GDPR), str(PD), str(LEGAL_FI))

# The GDPR's articles as this test knows them.
ARTICLES = {"consent": GDPR["A6-1-a"], "contract": GDPR["A6-1-b"], "legal_obligation": GDPR["A6-1-c"],
            "vital_interests": GDPR["A6-1-d"], "public_task": GDPR["A6-1-e"], "legitimate_interests": GDPR["A6-1-f"]}
RIGHTS = {"access": GDPR.A15, "rectification": GDPR.A16, "erasure": GDPR.A17, "restriction": GDPR.A18,
          "portability": GDPR.A20, "objection": GDPR.A21, "automated_decisions": GDPR.A22,
          "withdraw_consent": GDPR["A7-3"]}
SAFEGUARDS = {"adequacy_decision": GDPR["A45-3"], "standard_contractual_clauses": GDPR["A46-2-c"],
              "binding_corporate_rules": GDPR["A46-2-b"], "code_of_conduct": GDPR["A46-2-e"],
              "certification": GDPR["A46-2-f"], "derogation": DPV.DataTransferLegalBasis}
SPECIAL = {"racial_or_ethnic_origin": {PD.Race, PD.EthnicOrigin}, "political_opinions": {PD.PoliticalOpinion},
           "religious_or_philosophical_beliefs": {PD.ReligiousBelief, PD.PhilosophicalBelief},
           "trade_union_membership": {PD.TradeUnionMembership}, "genetic": {PD.Genetic}, "biometric": {PD.Biometric},
           "health": {PD.Health}, "sex_life_or_sexual_orientation": {PD.Sexual}}
# The terms of the notice's structure (every other term comes from one of the module's tables).
STRUCTURE = {DPV[name] for name in (
    "PrivacyNotice", "Process", "DataController", "JointDataControllers", "DataProtectionOfficer", "NaturalPerson",
    "Purpose", "LegalBasis", "Law", "PersonalData", "SpecialCategoryPersonalData", "DataSubject", "DataSource",
    "Recipient", "DataProcessor", "Location", "ThirdCountry", "StorageDuration", "DataSubjectRight",
    "DataProtectionAuthority", "TechnicalOrganisationalMeasure", "CrossBorderTransfer", "AutomatedDecisionMaking",
    "hasProcess", "hasNotice", "hasDataController", "hasJointDataControllers", "hasDataProtectionOfficer", "hasName",
    "hasIdentifier", "hasAddress", "hasContact", "hasPurpose", "hasLegalBasis", "hasApplicableLaw", "hasPersonalData",
    "hasDataSubject", "hasDataSource", "hasRecipient", "hasDataProcessor", "hasProcessing", "hasLocation",
    "hasThirdCountry", "hasStorageCondition", "hasRight", "hasAuthority", "hasContext",
    "hasTechnicalOrganisationalMeasure")}

# A register with what the fixtures leave out.
EVERY_FEATURE = """\
layout: gdpr
name: Kaikkien piirteiden rekisteri
updated: "2025-09-30"
autolink: true
controller:
  name: Piirrekunta
  business_id: 0245974-7
  email: kirjaamo@piirre.example
  contact_person: {name: Paula Piirre, email: paula@piirre.example}
joint_controllers:
  items:
    - name: Kumppani Oy
      business_id: 2695377-4
      contact: Kirjoita osoitteeseen tietosuoja@kumppani.example.
    - name: Toinen Oy
      contact: {name: Tommi Toinen, email: tommi@toinen.example}
  arrangement: Rekisteröityjen pyyntöihin vastaa **Piirrekunta**.
dpo:
  email: tietosuoja@piirre.example
purposes:
  legal_basis: {basis: legal_obligation, note: tietyissä tapauksissa, law: Kirjanpitolaki (1336/1997)}
  legitimate_interest: Kunnan toiminnan *kehittäminen*.
  items:
    - Kirjanpito
    - text: Laskutus
      legal_basis: [contract, {basis: consent, note: sähköinen lasku}]
      retention: kuusi vuotta
      data: Nimi ja osoite
    - text: Tiedottaminen
      legal_basis: legitimate_interests
    - text: Tutkimus
      legal_basis: public_task
      law: Laki kunnan tutkimuksesta (1/2000)
data_subjects:
  items: [Asukkaat]
  groups:
    - name: Huoltajat
      intro: Lasten huoltajat.
      data:
        - Nimi
        - text: Uskonnollinen vakaumus
          special_category: religious_or_philosophical_beliefs
          condition: a
      retention:
        - text: Huoltajuustiedot
          period: lapsen täysi-ikäisyyteen
    - name: Asiantuntijat
      data: [Lausunto]
      retention: Kaksi vuotta lausunnosta.
data_categories:
  items:
    - text: Etninen alkuperä
      special_category: racial_or_ethnic_origin
    - text: Kulkuoikeuden sormenjälki
      special_category: biometric
      condition: b
      note: vain suostumuksella
sources:
  items:
    - text: Rekisteröity itse
      origin: data_subject
    - text: Kaupparekisteri
      origin: other
      public: true
recipients:
  groups:
    - intro: "Viranomaisille:"
      items:
        - text: Poliisi
          purpose: rikosten selvittäminen
processors:
  items:
    - text: Postipalvelu Oy
      role: Sähköpostien lähettäminen
      location: Yhdysvallat
      safeguard: binding_corporate_rules
transfers:
  items:
    - text: Tukipalvelu
      country: Intia
      safeguard: derogation
    - text: Vain riittävyyspäätöksen maihin.
      safeguard: adequacy_decision
security:
  items: [Salaus]
retention:
  items:
    - Lokit vuoden
rights:
  items:
    - right: portability
    - right: withdraw_consent
    - right: other
      text: Voit pyytää tietoja myös puhelimitse.
complaint: {}
automated_decisions:
  none: true
"""
BASE_URL = "https://tietosuoja.piirre.example/"
CASES = [*register_files(POLICY), *register_files(FIXTURES), "every-feature"]
# rdflib's JSON-LD parser uses its own deprecated graph class.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@functools.cache
def _notices(case) -> tuple:
    """(notice, data) of the case in each language it is published in."""
    if case == "every-feature":
        register, problems = project.register_from_source("every-feature", "every-feature.yaml",
                                                          EVERY_FEATURE.encode("utf-8"))
    else:
        registers, problems = project.load_registers(project.with_translations([case]), case.parent)
        register = registers[0] if len(registers) == 1 else None
    assert register is not None and not [problem for problem in problems if problem.is_error], problems
    return tuple(languages.notices(register))


@functools.cache
def _published(case) -> tuple:
    """(notice, data, the JSON-LD, its graph) in each language, rendered without a site's address."""
    found = []
    for notice, data in _notices(case):
        content = dpv.render_jsonld(notice, data, Site())
        graph = rdflib.Graph().parse(data=content.decode("utf-8"), format="json-ld",
                                     publicID=f"https://seloste.invalid/{notice.language}/{notice.id}.jsonld")
        found.append((notice, data, content, graph))
    return tuple(found)


def _id(case) -> str:
    return case if isinstance(case, str) else case.stem


def _text(data: dict, source: str) -> str:
    return markup.to_text(markup.markdown(source, bool(data.get("autolink"))))


def _item_text(item) -> str:
    return item if isinstance(item, str) else item["text"]


def _uuid_id(notice) -> rdflib.URIRef:
    return rdflib.URIRef(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'seloste:{notice.language}/{notice.id}.html')}")


def _top(graph, notice) -> rdflib.term.Node:
    [process] = graph.objects(_uuid_id(notice), DPV.hasProcess)
    return process


def _processes(graph, top) -> list:
    """The processes nested in the register's process, at any depth."""
    return [process for process in graph.transitive_objects(top, DPV.hasProcess) if process != top]


def _labels(graph, nodes, predicate=SKOS.prefLabel) -> list[str]:
    return sorted(str(graph.value(node, predicate)) for node in nodes)


def _articles(graph, process) -> set:
    """The GDPR articles of a process's legal bases: each basis itself, or the one it is under."""
    return {graph.value(basis, SKOS.broader) or basis for basis in graph.objects(process, DPV.hasLegalBasis)}


def _basis_names(value) -> list[str]:
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [basis if isinstance(basis, str) else basis["basis"] for basis in values]


def _qualified(value) -> list[dict]:
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [basis for basis in values if isinstance(basis, dict)]


def _each(case):
    """Each published language of ``case``: (notice, data, graph, the register's process)."""
    for notice, data, _content, graph in _published(case):
        yield notice, data, graph, _top(graph, notice)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_notice_is_a_privacy_notice_of_its_page_and_describes_one_process(case):
    for notice, data, graph, top in _each(case):
        node = _uuid_id(notice)
        assert set(graph.subjects(RDF.type, DPV.PrivacyNotice)) == {node}
        assert graph.value(top, DPV.hasNotice) == node and (top, RDF.type, DPV.Process) in graph
        assert str(graph.value(top, DCTERMS.title)) == data["name"]
        assert str(graph.value(node, DCTERMS.title)) == f"{notice.title}: {data['name']}"
        modified = graph.value(node, DCTERMS.modified)
        assert modified == (rdflib.Literal(data["updated"], datatype=XSD.date) if data.get("updated") else None)
        page = f"https://seloste.invalid/{notice.language}/{notice.id}.html"
        assert graph.value(node, FOAF.page) == rdflib.URIRef(page)
        assert sorted(map(str, graph.objects(node, DCTERMS.hasPart))) == sorted(
            f"{page}#{section.id}" for section in notice.sections)
        languages_of = {term.language for term in graph.objects() if isinstance(term, rdflib.Literal) and term.language}
        assert languages_of == {notice.language}


@pytest.mark.parametrize("case", CASES[:1] + CASES[-1:], ids=_id)
def test_with_the_site_s_address_the_notice_is_its_page_and_every_node_a_fragment_of_it(case):
    for notice, data in _notices(case):
        page = f"{BASE_URL}{notice.language}/{notice.id}.html"
        graph = rdflib.Graph().parse(data=dpv.render_jsonld(notice, data, Site(base_url=BASE_URL)), format="json-ld")
        assert set(graph.subjects(RDF.type, DPV.PrivacyNotice)) == {rdflib.URIRef(page)}
        assert graph.value(rdflib.URIRef(page), FOAF.page) == rdflib.URIRef(page)
        sections = {f"{page}#{section.id}" for section in notice.sections}
        named = {str(subject) for subject in graph.subjects() if isinstance(subject, rdflib.URIRef)}
        assert len(named - sections) > 10
        assert [subject for subject in named - sections - {page}
                if not subject.startswith((page + "#dpv_", *VOCABULARIES))] == []


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_controllers_and_the_data_protection_officer(case):
    for _notice, data, graph, top in _each(case):
        controller = graph.value(top, DPV.hasDataController)
        assert (controller, RDF.type, DPV.DataController) in graph
        assert str(graph.value(controller, DPV.hasName)) == data["controller"]["name"]
        business_id = data["controller"].get("business_id")
        assert graph.value(controller, DPV.hasIdentifier) == (rdflib.Literal(business_id) if business_id else None)
        contacts = set(map(str, graph.objects(controller, DPV.hasContact)))
        assert {data["controller"][key] for key in ("phone", "email") if key in data["controller"]} <= contacts
        dpo = graph.value(controller, DPV.hasDataProtectionOfficer)
        told = data.get("dpo", {})
        assert (dpo is not None) == any(key in told for key in ("name", "email", "phone"))
        if "name" in told:
            assert str(graph.value(dpo, DPV.hasName)) == told["name"]
        if "email" in told:
            assert rdflib.Literal(told["email"]) in set(graph.objects(dpo, DPV.hasContact))
        joint = graph.value(top, DPV.hasJointDataControllers)
        items = data.get("joint_controllers", {}).get("items", [])
        assert (joint is not None) == bool(items)
        if items:
            assert (joint, RDF.type, DPV.JointDataControllers) in graph
            members = list(graph.objects(joint, DPV.hasDataController))
            assert sorted(str(graph.value(member, DPV.hasName)) for member in members) == sorted(
                [data["controller"]["name"], *(item["name"] for item in items)])


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_each_purpose_with_its_legal_bases_law_data_and_retention(case):
    for _notice, data, graph, top in _each(case):
        purposes = data.get("purposes", {})
        common = _basis_names(purposes.get("legal_basis"))
        assert _articles(graph, top) == {ARTICLES[name] for name in common}
        expected, found = [], []
        for item in purposes.get("items", []):
            own = item if isinstance(item, dict) else {}
            expected.append((_text(data, _item_text(item)),
                             sorted({ARTICLES[name] for name in [*common, *_basis_names(own.get("legal_basis"))]}),
                             own.get("law"), _text(data, own["data"]) if "data" in own else None,
                             _text(data, own["retention"]) if "retention" in own else None))
        for process in _processes(graph, top):
            purpose = graph.value(process, DPV.hasPurpose)
            if purpose is None or graph.value(process, DPV.hasRecipient) or graph.value(process, DPV.hasDataProcessor):
                continue
            assert (purpose, RDF.type, DPV.Purpose) in graph
            law = graph.value(graph.value(process, DPV.hasApplicableLaw), DCTERMS.title)
            data_node = graph.value(process, DPV.hasPersonalData)
            retention = graph.value(process, DPV.hasStorageCondition)
            found.append((str(graph.value(purpose, DCTERMS.description)), sorted(_articles(graph, process)),
                          law and str(law), data_node and str(graph.value(data_node, SKOS.prefLabel)),
                          retention and str(graph.value(retention, DCTERMS.description))))
        assert sorted(found, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_legitimate_interests_notes_and_laws_of_the_legal_bases_are_told(case):
    for _notice, data, graph, top in _each(case):
        purposes = data.get("purposes", {})
        said = {str(text) for process in _processes(graph, top) for text in [
            *graph.objects(process, SKOS.note),
            *(graph.value(basis, DCTERMS.description) for basis in graph.objects(process, DPV.hasLegalBasis))] if text}
        interests = [purposes, *(item for item in purposes.get("items", []) if isinstance(item, dict))]
        assert {_text(data, own["legitimate_interest"]) for own in interests if "legitimate_interest" in own} <= said
        qualified = [*_qualified(purposes.get("legal_basis")),
                     *(basis for item in purposes.get("items", []) if isinstance(item, dict)
                       for basis in _qualified(item.get("legal_basis")))]
        bases = {basis for process in _processes(graph, top) for basis in graph.objects(process, DPV.hasLegalBasis)
                 if (basis, RDF.type, DPV.LegalBasis) in graph}
        told = {(graph.value(basis, SKOS.broader), str(graph.value(basis, SKOS.note) or ""),
                 str(graph.value(graph.value(basis, DPV.hasApplicableLaw), DCTERMS.title) or "")) for basis in bases}
        assert {(ARTICLES[basis["basis"]], basis.get("note", ""), basis.get("law", "")) for basis in qualified} <= told


def _data_categories(data: dict) -> list:
    categories = data.get("data_categories", {})
    return [*categories.get("items", []), *(item for group in categories.get("groups", []) for item in group["items"])]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_data_category_and_special_category_with_its_condition(case):
    for _notice, data, graph, top in _each(case):
        groups = data.get("data_subjects", {}).get("groups", [])
        categories = [*_data_categories(data), *(item for group in groups for item in group.get("data", []))]
        nodes = {str(graph.value(node, SKOS.prefLabel)): node for node in graph.subjects(RDF.type, DPV.PersonalData)}
        assert _labels(graph, graph.objects(top, DPV.hasPersonalData)) == sorted(
            [*(_text(data, _item_text(item)) for item in _data_categories(data)),
             *(group["name"] for group in data.get("data_categories", {}).get("groups", []))])
        conditions = {(graph.value(process, DPV.hasPersonalData), basis) for process in _processes(graph, top)
                      for basis in graph.objects(process, DPV.hasLegalBasis)}
        for item in categories:
            node = nodes[_text(data, _item_text(item))]
            own = item if isinstance(item, dict) else {}
            special = SPECIAL.get(own.get("special_category"), set())
            assert ((node, RDF.type, DPV.SpecialCategoryPersonalData) in graph) == bool(special)
            assert set(graph.objects(node, SKOS.broader)) & set().union(*SPECIAL.values()) == special
            if "condition" in own:
                assert (node, GDPR[f"A9-2-{own['condition']}"]) in conditions


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_data_subjects_their_groups_and_the_sources(case):
    for _notice, data, graph, top in _each(case):
        subjects = data.get("data_subjects", {})
        groups = subjects.get("groups", [])
        assert _labels(graph, graph.objects(top, DPV.hasDataSubject)) == sorted(
            [*(_text(data, item) for item in subjects.get("items", [])), *(group["name"] for group in groups)])
        group_processes = {str(graph.value(graph.value(process, DPV.hasDataSubject), SKOS.prefLabel)): process
                           for process in _processes(graph, top) if graph.value(process, DPV.hasDataSubject)}
        assert sorted(group_processes) == sorted(group["name"] for group in groups)
        for group in groups:
            process = group_processes[group["name"]]
            assert _labels(graph, graph.objects(process, DPV.hasPersonalData)) == sorted(
                _text(data, _item_text(item)) for item in group.get("data", []))
            retention = group.get("retention")
            texts = [item for item in ([retention] if isinstance(retention, str) else retention or [])
                     if isinstance(item, str)]
            assert _labels(graph, graph.objects(process, DPV.hasStorageCondition), DCTERMS.description) == sorted(
                _text(data, text) for text in texts)
        sources = list(graph.objects(top, DPV.hasDataSource))
        items = data.get("sources", {}).get("items", [])
        assert _labels(graph, sources) == sorted(_text(data, _item_text(item)) for item in items)
        for item in items:
            own = item if isinstance(item, dict) else {}
            [node] = [node for node in sources
                      if str(graph.value(node, SKOS.prefLabel)) == _text(data, _item_text(item))]
            assert (node, RDF.type, DPV.DataSource) in graph
            assert ((node, RDF.type, DPV.DataSubjectDataSource) in graph) == (own.get("origin") == "data_subject")
            assert ((node, RDF.type, DPV.PublicDataSource) in graph) == (own.get("public") is True)


def _parties(value: dict) -> list:
    return [*value.get("items", []), *(item for group in value.get("groups", []) for item in group["items"])]


@pytest.mark.parametrize("case", CASES, ids=_id)
@pytest.mark.parametrize(("topic", "kind", "role"), [("recipients", DPV.Recipient, DPV.hasRecipient),
                                                     ("processors", DPV.DataProcessor, DPV.hasDataProcessor)])
def test_recipients_and_processors_with_their_purpose_location_and_safeguard(case, topic, kind, role):
    for _notice, data, graph, top in _each(case):
        items = _parties(data.get(topic, {}))
        nodes = list(graph.objects(top, role))
        assert all((node, RDF.type, kind) in graph for node in nodes)
        assert _labels(graph, nodes) == sorted(_text(data, _item_text(item)) for item in items)
        if data.get(topic, {}).get("none"):
            assert nodes == []
        uses = {graph.value(process, role): process for process in _processes(graph, top) if graph.value(process, role)}
        for item in items:
            own = item if isinstance(item, dict) else {}
            [node] = [node for node in nodes if str(graph.value(node, SKOS.prefLabel)) == _text(data, _item_text(item))]
            assert str(graph.value(node, DCTERMS.description) or "") == own.get("role", "")
            process = uses.get(node)
            assert (process is not None) == any(key in own for key in ("purpose", "location", "safeguard"))
            if process is None:
                continue
            assert graph.value(process, DPV.hasLegalBasis) == SAFEGUARDS.get(own.get("safeguard"))
            location = graph.value(graph.value(process, DPV.hasLocation), SKOS.prefLabel)
            assert (location and str(location)) == own.get("location")
            purpose = graph.value(graph.value(process, DPV.hasPurpose), DCTERMS.description)
            assert (purpose and str(purpose)) == (_text(data, own["purpose"]) if "purpose" in own else None)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_each_transfer_with_its_country_and_safeguard(case):
    for _notice, data, graph, top in _each(case):
        found = []
        for process in _processes(graph, top):
            if (process, DPV.hasProcessing, DPV.CrossBorderTransfer) in graph and not (
                    graph.value(process, DPV.hasRecipient) or graph.value(process, DPV.hasDataProcessor)):
                country = graph.value(process, DPV.hasThirdCountry)
                found.append((str(graph.value(process, DCTERMS.description)),
                              country and str(graph.value(country, SKOS.prefLabel)),
                              graph.value(process, DPV.hasLegalBasis)))
        assert sorted(found, key=str) == sorted(
            ((_text(data, item["text"]), item.get("country"), SAFEGUARDS[item["safeguard"]])
             for item in data.get("transfers", {}).get("items", [])), key=str)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_retention_of_the_register_and_of_named_data(case):
    for _notice, data, graph, top in _each(case):
        items = data.get("retention", {}).get("items", [])
        assert _labels(graph, graph.objects(top, DPV.hasStorageCondition), DCTERMS.description) == sorted(
            _text(data, item) for item in items if isinstance(item, str))
        named = {(str(graph.value(graph.value(process, DPV.hasPersonalData), SKOS.prefLabel)),
                  str(graph.value(graph.value(process, DPV.hasStorageCondition), DCTERMS.description)))
                 for process in _processes(graph, top)}
        groups = data.get("data_subjects", {}).get("groups", [])
        pairs = [item for item in items if isinstance(item, dict)] + [
            item for group in groups if isinstance(group.get("retention"), list)
            for item in group["retention"] if isinstance(item, dict)]
        assert {(_text(data, item["text"]), _text(data, item["period"])) for item in pairs} <= named


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_rights_the_complaint_and_the_supervisory_authority(case):
    for notice, data, graph, top in _each(case):
        rights = list(graph.objects(top, DPV.hasRight))
        items = data.get("rights", {}).get("items", [])
        expected = {RIGHTS[item["right"]] for item in items if item["right"] in RIGHTS}
        assert {right for right in rights if isinstance(right, rdflib.URIRef)} == (
            expected | ({GDPR.A77} if "complaint" in data else set()))
        others = [right for right in rights if isinstance(right, rdflib.BNode)]
        assert all((right, RDF.type, DPV.DataSubjectRight) in graph for right in others)
        assert _labels(graph, others, DCTERMS.description) == sorted(
            {content_words(item["text"]) for item in items if item["right"] == "other" and item.get("text")})
        authority = data.get("complaint", {}).get("authority")
        found = graph.value(top, DPV.hasAuthority)
        assert found == (LEGAL_FI["DPA-FI"] if authority == "tietosuojavaltuutettu" else None)
        if found is not None:
            details = resources.authorities(notice.language)[authority]
            assert (found, RDF.type, DPV.DataProtectionAuthority) in graph
            assert str(graph.value(found, DPV.hasName)) == details["name"]
            assert graph.value(found, FOAF.homepage) == rdflib.URIRef(details["website"])


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_automated_decisions_and_security_measures(case):
    for _notice, data, graph, top in _each(case):
        decisions = data.get("automated_decisions", {})
        processes = [process for process in _processes(graph, top)
                     if (process, DPV.hasContext, DPV.AutomatedDecisionMaking) in graph]
        assert _labels(graph, processes, DCTERMS.description) == sorted(
            [] if decisions.get("none") else [_text(data, item) for item in decisions.get("items", [])])
        assert _labels(graph, graph.objects(top, DPV.hasTechnicalOrganisationalMeasure), DCTERMS.description) == sorted(
            _text(data, item) for item in data.get("security", {}).get("items", []))


def _declared() -> set:
    """Every term of the module's tables, as IRIs."""
    terms = [*dpv.LEGAL_BASES.values(), *dpv.CONDITIONS.values(), *dpv.SAFEGUARDS.values(), *dpv.RIGHTS.values(),
             *dpv.AUTHORITIES.values(), *dpv.SOURCE_ORIGINS.values(), *dpv.SOURCE_PUBLIC.values(),
             *(term for terms in dpv.SPECIAL_CATEGORIES.values() for term in terms)]
    return {rdflib.URIRef(dpv.CONTEXT[term.split(":", 1)[0]] + term.split(":", 1)[1]) for term in terms}


def test_every_term_of_the_vocabularies_is_of_the_module_s_tables_or_the_notice_s_structure():
    allowed = _declared() | STRUCTURE
    used = set()
    for case in CASES:
        for _notice, _data, _content, graph in _published(case):
            used |= {term for triple in graph for term in triple
                     if isinstance(term, rdflib.URIRef) and str(term).startswith(VOCABULARIES)}
    assert used - allowed == set()
    assert {DPV.JointDataControllers, GDPR["A46-2-b"], DPV.DataTransferLegalBasis, PD.Race, GDPR["A9-2-a"]} <= used


def test_the_tables_map_every_value_the_schema_allows():
    definitions = resources.schema()["$defs"]
    category = definitions["data_category"]["anyOf"][1]["properties"]
    assert set(dpv.LEGAL_BASES) == set(definitions["legal_basis_name"]["enum"])
    assert set(dpv.SPECIAL_CATEGORIES) == set(category["special_category"]["enum"])
    assert set(dpv.CONDITIONS) == set(category["condition"]["enum"])
    assert set(dpv.SAFEGUARDS) == set(definitions["safeguard"]["enum"])
    assert set(dpv.RIGHTS) == set(definitions["right"]["properties"]["right"]["enum"]) - {"other"} | {"complaint"}
    assert set(dpv.AUTHORITIES) == set(resources.schema()["properties"]["complaint"]["properties"]["authority"]["enum"])


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_same_bytes_on_every_build_and_a_context_that_needs_no_network(case):
    for notice, data, content, _graph in _published(case):
        assert dpv.render_jsonld(notice, data, Site()) == content
        document = json.loads(content)
        assert content == (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        assert not content.endswith(b"\n\n")
        context = document["@context"]
        assert isinstance(context, dict) and context["@language"] == notice.language
        assert all(key == "@language" or value.endswith(("#", "/")) for key, value in context.items())
        assert "@import" not in context and not isinstance(document.get("@context"), (str, list))


def test_another_interpreter_with_another_hash_seed_writes_the_same_bytes():
    path = POLICY / "esimerkki-rekrytointirekisteri.yaml"
    script = (
        "import hashlib, pathlib, sys\n"
        "from seloste import dpv, languages, project\n"
        "from seloste.site import Site\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "[register], _ = project.load_registers(project.with_translations([path]), path.parent)\n"
        "for notice, data in languages.notices(register):\n"
        "    print(hashlib.sha256(dpv.render_jsonld(notice, data, Site())).hexdigest())\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "12345"})
    here = [hashlib.sha256(content).hexdigest() for _notice, _data, content, _graph in _published(path)]
    assert len(here) == 3 and done.stdout.split() == here
