"""Each notice as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.2, https://w3id.org/dpv)
and its extensions for the GDPR (``eu-gdpr:``), Finland (``legal-fi:``) and personal data
(``pd:``): ``<language>/<id>.jsonld`` beside the notice's page, the register's facts for a
machine to read, in the notice's language and without Markdown. Its context is inline.

The notice (``dpv:PrivacyNotice``: title, date, page, sections) and the process it describes
(``dpv:Process``; DPV 2 sunsets ``dpv:PersonalDataHandling``) name each other (``dpv:hasProcess``,
``dpv:hasNotice``). The process has the controllers, the legal bases of every purpose, the data
subjects, personal data, sources, recipients, processors, retention, rights, supervisory
authority and security measures. What the register says of one part only is a process nested
in it, as DPV nests them: each purpose with its legal bases, law, data and retention; each group
of data subjects with its data and retention; each special category of data with its condition
(GDPR 9(2)); each recipient or processor with its purpose, location or safeguard; each transfer
out of the EU/EEA; each retention of named data; each automated decision. A legal basis is the
GDPR article's concept (``eu-gdpr:A6-1-a``); one the register says more of (a note, a law, the
legitimate interest) is a concept of its own under it (``skos:broader``), as DPV extends its
concepts; a special category of data is likewise under its ``pd:`` concepts.

The register's values map to the terms of the tables below. DPV 2.2 has no ``dpv:DataTransfer``
(``dpv:CrossBorderTransfer`` is the processing), no concept of a GDPR 49(1) derogation without
its point (``dpv:DataTransferLegalBasis`` then), no ``pd:`` concept of sexual orientation
(``pd:Sexual`` is sexuality and sexual history) nor of racial origin (``pd:Race``).

The notice's id is its page's address when the site's address is known, else a ``urn:uuid:``
made from its path (as the change log's feeds make theirs); its nodes are fragments of that id
(``#dpv_purpose_1``: with an underscore, which no section id of the page has).
"""

from __future__ import annotations

import json
import typing

from seloste import markup
from seloste import resources
from seloste.load import as_list
from seloste.notice.words import content_words
from seloste.notice.words import item_text

if typing.TYPE_CHECKING:
    from seloste.blocks import Notice
    from seloste.site import Site

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "legal-fi": "https://w3id.org/dpv/legal/fi#",
    "pd": "https://w3id.org/dpv/pd#",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# GDPR 6(1): the register's legal bases.
LEGAL_BASES = {
    "consent": "eu-gdpr:A6-1-a", "contract": "eu-gdpr:A6-1-b", "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interests": "eu-gdpr:A6-1-d", "public_task": "eu-gdpr:A6-1-e", "legitimate_interests": "eu-gdpr:A6-1-f",
}
# GDPR 9(2): the condition of processing a special category of data, by its point.
CONDITIONS = {letter: f"eu-gdpr:A9-2-{letter}" for letter in "abcdefghij"}
# GDPR 9(1): the special categories of personal data.
SPECIAL_CATEGORIES = {
    "racial_or_ethnic_origin": ("pd:Race", "pd:EthnicOrigin"), "political_opinions": ("pd:PoliticalOpinion",),
    "religious_or_philosophical_beliefs": ("pd:ReligiousBelief", "pd:PhilosophicalBelief"),
    "trade_union_membership": ("pd:TradeUnionMembership",), "genetic": ("pd:Genetic",), "biometric": ("pd:Biometric",),
    "health": ("pd:Health",), "sex_life_or_sexual_orientation": ("pd:Sexual",),
}
# GDPR 45–49: the safeguard of a transfer out of the EU/EEA.
SAFEGUARDS = {
    "adequacy_decision": "eu-gdpr:A45-3", "standard_contractual_clauses": "eu-gdpr:A46-2-c",
    "binding_corporate_rules": "eu-gdpr:A46-2-b", "code_of_conduct": "eu-gdpr:A46-2-e",
    "certification": "eu-gdpr:A46-2-f", "derogation": "dpv:DataTransferLegalBasis",
}
# The data subject's rights (``rights.items[].right``; ``complaint`` for the register's complaint).
RIGHTS = {
    "access": "eu-gdpr:A15", "rectification": "eu-gdpr:A16", "erasure": "eu-gdpr:A17", "restriction": "eu-gdpr:A18",
    "portability": "eu-gdpr:A20", "objection": "eu-gdpr:A21", "automated_decisions": "eu-gdpr:A22",
    "withdraw_consent": "eu-gdpr:A7-3", "complaint": "eu-gdpr:A77",
}
# The supervisory authorities of seloste/data/authorities.yaml.
AUTHORITIES = {"tietosuojavaltuutettu": "legal-fi:DPA-FI"}
# A source's origin and whether it is public, each as a kind of source.
SOURCE_ORIGINS = {"data_subject": "dpv:DataSubjectDataSource"}
SOURCE_PUBLIC = {True: "dpv:PublicDataSource", False: "dpv:NonPublicDataSource"}


def render_jsonld(notice: Notice, data: dict, site: Site) -> bytes:
    """The notice of ``data`` (the register as published in the notice's language) as JSON-LD:
    UTF-8, indented, the same bytes on every build."""
    path = f"{notice.language}/{notice.id}.html"
    node = site.permanent_id(path)
    page = site.base_url + path if site.base_url else f"{notice.id}.html"  # relative: beside this file
    document = {"@context": {**CONTEXT, "@language": notice.language}, **_clean({
        "@id": node,
        "@type": "dpv:PrivacyNotice",
        "dct:title": f"{notice.title}: {notice.name}",
        "dct:language": {"@value": notice.language, "@type": "xsd:language"},
        "dct:modified": {"@value": notice.updated, "@type": "xsd:date"} if notice.updated else None,
        "foaf:page": _iri(page),
        "dct:hasPart": [{"@id": f"{page}#{section.id}", "dct:title": section.title} for section in notice.sections],
        "dpv:hasProcess": _Writer(node, data, notice.language).process(notice.name),
    })}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _clean(node: dict) -> dict:
    """``node`` without the values it has not got (None, "" or empty)."""
    return {key: value for key, value in node.items() if value is not None and value != "" and value != []}


def _iri(term: str) -> dict:
    return {"@id": term}


def _literal(value: str) -> dict:
    """A string in no language: an identifier, an e-mail address."""
    return {"@value": value}


def _law(name: str | None) -> dict | None:
    return {"@type": "dpv:Law", "dct:title": name} if name else None


def _interest_basis(bases: list) -> bool:
    """Whether ``bases`` have the legitimate interests (GDPR 6(1)(f)), as such or said more of."""
    return any(basis.get("skos:broader", basis) == _iri(LEGAL_BASES["legitimate_interests"]) for basis in bases)


class _Writer:
    """The nodes of one register's process, each with an id of its own under the notice's."""

    def __init__(self, notice_id: str, data: dict, language: str):
        self.notice_id, self.data, self.language, self.autolink = notice_id, data, language, bool(data.get("autolink"))
        self.data_count = 0  # personal data are numbered across the register

    def id(self, name: str) -> str:
        return f"{self.notice_id}#dpv_{name}"

    def text(self, source: str) -> str:
        """A text field as plain text."""
        return markup.to_text(markup.markdown(source, self.autolink))

    def process(self, name: str) -> dict:
        """The register's process (``name``), with every fact of the register in it."""
        data = self.data
        parts: list = []  # the processes nested in this one, in the order of the register's topics
        purposes = data.get("purposes", {})
        interest = purposes.get("legitimate_interest")
        bases = self.bases(purposes.get("legal_basis"), interest, "basis")
        interest_told = self.purposes(purposes, bases, parts) or _interest_basis(bases)
        controller = self.entity(data["controller"], self.id("controller"), "dpv:DataController")
        dpo = data.get("dpo", {})
        if any(key in dpo for key in ("name", "email", "phone")):
            controller["dpv:hasDataProtectionOfficer"] = self.entity(dpo, self.id("dpo"), "dpv:DataProtectionOfficer")
        personal_data, subjects = self.data_categories(parts), self.data_subjects(parts)
        recipients = self.parties(data.get("recipients", {}), "recipient", "dpv:Recipient", parts)
        processors = self.parties(data.get("processors", {}), "processor", "dpv:DataProcessor", parts)
        parts.extend(self.transfers())
        retention = self.retention(data.get("retention", {}).get("items"), "retention", parts)
        parts.extend(self.automated_decisions())
        return _clean({
            "@id": self.id("process"),
            "@type": "dpv:Process",
            "dct:title": name,
            "dpv:hasNotice": _iri(self.notice_id),
            "dpv:hasDataController": controller,
            "dpv:hasJointDataControllers": self.joint_controllers(controller["@id"]),
            "dpv:hasLegalBasis": bases,
            "dpv:hasApplicableLaw": _law(purposes.get("law")),
            "skos:note": self.text(interest) if interest and not interest_told else None,
            "dpv:hasDataSubject": subjects,
            "dpv:hasPersonalData": personal_data,
            "dpv:hasDataSource": self.sources(),
            "dpv:hasRecipient": recipients,
            "dpv:hasDataProcessor": processors,
            "dpv:hasStorageCondition": retention,
            "dpv:hasRight": self.rights(),
            "dpv:hasAuthority": self.authority(),
            "dpv:hasTechnicalOrganisationalMeasure": [
                {"@type": "dpv:TechnicalOrganisationalMeasure", "dct:description": self.text(item)}
                for item in data.get("security", {}).get("items", [])],
            "dpv:hasProcess": parts,
        })

    def entity(self, value: dict, node_id: str, kind: str) -> dict:
        """A controller, DPO or supervisory authority: name, business id, addresses, contacts."""
        return _clean({
            "@id": node_id,
            "@type": kind,
            "dpv:hasName": value.get("name"),
            "dpv:hasIdentifier": _literal(value["business_id"]) if "business_id" in value else None,
            "dpv:hasAddress": [value[key] for key in ("visiting_address", "postal_address") if key in value],
            "dpv:hasContact": self.contacts(value),
            "foaf:homepage": _iri(value["website"]) if "website" in value else None,
        })

    def contacts(self, value: dict) -> list:
        """A party's phone, e-mail, other contact details (``fields``) and contact person (or a
        joint controller's contact: a person or a text)."""
        found: list = [value["phone"]] if "phone" in value else []
        found += [_literal(value["email"])] if "email" in value else []
        found += [f"{field['label']}: {self.text(field['value'])}" for field in value.get("fields", [])]
        person = value.get("contact_person", value.get("contact"))
        return found + ([self.person(person) if isinstance(person, dict) else self.text(person)] if person else [])

    def person(self, value: dict) -> dict:
        return _clean({"@type": "dpv:NaturalPerson", "dpv:hasName": value["name"],
                       "dct:description": value.get("title"), "dpv:hasContact": self.contacts(value)})

    def joint_controllers(self, controller: str) -> dict | None:
        """The controllers together (GDPR 26), the register's own first, and their arrangement."""
        joint = self.data.get("joint_controllers", {})
        if not joint.get("items"):
            return None
        members = [self.entity(item, self.id(f"controller_{number}"), "dpv:DataController")
                   for number, item in enumerate(joint["items"], start=2)]
        return _clean({"@id": self.id("joint_controllers"), "@type": "dpv:JointDataControllers",
                       "dpv:hasDataController": [_iri(controller), *members],
                       "dct:description": content_words(joint.get("arrangement"))})

    def bases(self, value, interest: str | None, name: str) -> list:
        """Legal bases as the GDPR's concepts; one the register says more of (a note, a law, the
        legitimate ``interest``) as a concept of its own under the article."""
        found = []
        for number, basis in enumerate(as_list(value), start=1):
            qualified = basis if isinstance(basis, dict) else {"basis": basis}
            said = interest if qualified["basis"] == "legitimate_interests" else None
            if len(qualified) == 1 and not said:
                found.append(_iri(LEGAL_BASES[qualified["basis"]]))
                continue
            found.append(_clean({
                "@id": self.id(f"{name}_{number}"),
                "@type": "dpv:LegalBasis",
                "skos:broader": _iri(LEGAL_BASES[qualified["basis"]]),
                "dct:description": self.text(said) if said else None,
                "skos:note": qualified.get("note"),
                "dpv:hasApplicableLaw": _law(qualified.get("law")),
            }))
        return found

    def purposes(self, value: dict, common: list, parts: list) -> bool:
        """Each purpose as a process with its legal bases (those of every purpose and its own),
        law, data and retention; whether the common legitimate interest went with a purpose's basis."""
        interest = None if _interest_basis(common) else value.get("legitimate_interest")
        told = False
        for number, item in enumerate(value.get("items", []), start=1):
            own = item if isinstance(item, dict) else {}
            name = f"purpose_{number}"
            bases = self.bases(own.get("legal_basis"), own.get("legitimate_interest") or interest, f"{name}_basis")
            told |= _interest_basis(bases) and "legitimate_interest" not in own
            references = [_iri(basis["@id"]) for basis in common]
            references += [basis for basis in bases if _iri(basis["@id"]) not in references]
            parts.append(_clean({
                "@id": self.id(f"{name}_process"),
                "@type": "dpv:Process",
                "dpv:hasPurpose": {"@id": self.id(name), "@type": "dpv:Purpose",
                                   "dct:description": self.text(item_text(item))},
                "dpv:hasLegalBasis": references,
                "dpv:hasApplicableLaw": _law(own.get("law")),
                "skos:note": self.text(own["legitimate_interest"])
                if "legitimate_interest" in own and not _interest_basis(bases) else None,
                "dpv:hasPersonalData": {"@id": self.id(f"{name}_data"), "@type": "dpv:PersonalData",
                                        "skos:prefLabel": self.text(own["data"])} if "data" in own else None,
                "dpv:hasStorageCondition": self.retention(own.get("retention"), f"{name}_retention", []),
            }))
        return told

    def personal_data(self, item, parts: list, group: str | None = None) -> dict:
        """One data category; a special category with its condition adds a process to ``parts``."""
        own = item if isinstance(item, dict) else {}
        self.data_count += 1
        name = f"data_{self.data_count}"
        special = SPECIAL_CATEGORIES.get(own.get("special_category"), ())
        if "condition" in own:
            parts.append({"@id": self.id(f"{name}_process"), "@type": "dpv:Process",
                          "dpv:hasPersonalData": _iri(self.id(name)),
                          "dpv:hasLegalBasis": _iri(CONDITIONS[own["condition"]])})
        return _clean({
            "@id": self.id(name),
            "@type": ["dpv:PersonalData", "dpv:SpecialCategoryPersonalData"] if special else "dpv:PersonalData",
            "skos:prefLabel": self.text(item_text(item)),
            "skos:broader": [_iri(term) for term in (*special, *([group] if group else []))],
            "skos:note": own.get("note"),
        })

    def data_categories(self, parts: list) -> list:
        value = self.data.get("data_categories", {})
        found = [self.personal_data(item, parts) for item in value.get("items", [])]
        for number, group in enumerate(value.get("groups", []), start=1):
            group_id = self.id(f"data_group_{number}")
            found.append({"@id": group_id, "@type": "dpv:PersonalData", "skos:prefLabel": group["name"]})
            found.extend([self.personal_data(item, parts, group_id) for item in group["items"]])
        return found

    def data_subjects(self, parts: list) -> list:
        """The data subjects; each group of them with its own data and retention is a process."""
        value = self.data.get("data_subjects", {})
        found = [{"@id": self.id(f"data_subject_{number}"), "@type": "dpv:DataSubject",
                  "skos:prefLabel": self.text(item)} for number, item in enumerate(value.get("items", []), start=1)]
        for number, group in enumerate(value.get("groups", []), start=1):
            name = f"data_subject_group_{number}"
            found.append(_clean({"@id": self.id(name), "@type": "dpv:DataSubject", "skos:prefLabel": group["name"],
                                 "dct:description": content_words(group.get("intro"))}))
            inner: list = []
            personal_data = [self.personal_data(item, inner) for item in group.get("data", [])]
            retention = self.retention(group.get("retention"), f"{name}_retention", inner)
            parts.append(_clean({"@id": self.id(f"{name}_process"), "@type": "dpv:Process",
                                 "dpv:hasDataSubject": _iri(self.id(name)), "dpv:hasPersonalData": personal_data,
                                 "dpv:hasStorageCondition": retention, "dpv:hasProcess": inner}))
        return found

    def sources(self) -> list:
        found = []
        for number, item in enumerate(self.data.get("sources", {}).get("items", []), start=1):
            own = item if isinstance(item, dict) else {}
            kinds = (SOURCE_ORIGINS.get(own.get("origin")), SOURCE_PUBLIC.get(own.get("public")))
            found.append({"@id": self.id(f"data_source_{number}"), "@type": ["dpv:DataSource", *filter(None, kinds)],
                          "skos:prefLabel": self.text(item_text(item))})
        return found

    def parties(self, value: dict, name: str, kind: str, parts: list) -> list:
        """Recipients or processors; one with a purpose, location or safeguard adds a process."""
        items = [*value.get("items", []), *(item for group in value.get("groups", []) for item in group["items"])]
        found = []
        for number, item in enumerate(items, start=1):
            own = item if isinstance(item, dict) else {}
            found.append(_clean({"@id": self.id(f"{name}_{number}"), "@type": kind,
                                 "skos:prefLabel": self.text(item_text(item)), "dct:description": own.get("role")}))
            if any(key in own for key in ("purpose", "location", "safeguard")):
                parts.append(_clean({
                    "@id": self.id(f"{name}_{number}_process"),
                    "@type": "dpv:Process",
                    kind.replace(":", ":has"): _iri(self.id(f"{name}_{number}")),  # dpv:hasRecipient
                    "dpv:hasPurpose": {"@type": "dpv:Purpose", "dct:description": self.text(own["purpose"])}
                    if "purpose" in own else None,
                    "dpv:hasProcessing": _iri("dpv:CrossBorderTransfer") if "safeguard" in own else None,
                    "dpv:hasLocation": {"@type": "dpv:Location", "skos:prefLabel": own["location"]}
                    if "location" in own else None,
                    "dpv:hasLegalBasis": _iri(SAFEGUARDS[own["safeguard"]]) if "safeguard" in own else None,
                }))
        return found

    def transfers(self) -> list:
        return [_clean({
            "@id": self.id(f"transfer_{number}"),
            "@type": "dpv:Process",
            "dct:description": self.text(item["text"]),
            "dpv:hasProcessing": _iri("dpv:CrossBorderTransfer"),
            "dpv:hasThirdCountry": {"@type": "dpv:ThirdCountry", "skos:prefLabel": item["country"]}
            if "country" in item else None,
            "dpv:hasLegalBasis": _iri(SAFEGUARDS[item["safeguard"]]),
            "skos:note": self.text(item["copy"]) if "copy" in item else None,
        }) for number, item in enumerate(self.data.get("transfers", {}).get("items", []), start=1)]

    def retention(self, value, name: str, parts: list) -> list:
        """Storage durations of a text or a list of them; one of named data (``{text, period}``)
        adds a process of that data and its duration to ``parts``."""
        found = []
        for number, item in enumerate(as_list(value), start=1):
            if isinstance(item, str):
                found.append({"@type": "dpv:StorageDuration", "dct:description": self.text(item)})
                continue
            parts.append({
                "@id": self.id(f"{name}_{number}"),
                "@type": "dpv:Process",
                "dpv:hasPersonalData": {"@type": "dpv:PersonalData", "skos:prefLabel": self.text(item["text"])},
                "dpv:hasStorageCondition": {"@type": "dpv:StorageDuration",
                                            "dct:description": self.text(item["period"])},
            })
        return found

    def rights(self) -> list:
        """Each right as its article, one of no article with its words; the complaint (GDPR 77)."""
        found: list = []
        for item in self.data.get("rights", {}).get("items", []):
            if item["right"] in RIGHTS:
                right = _iri(RIGHTS[item["right"]])
            elif item.get("text"):
                right = {"@type": "dpv:DataSubjectRight", "dct:description": content_words(item["text"])}
            else:
                continue
            found += [right] if right not in found else []
        return found + ([_iri(RIGHTS["complaint"])] if "complaint" in self.data else [])

    def authority(self) -> dict | None:
        """The supervisory authority of the complaint, with its contact details."""
        authority = self.data.get("complaint", {}).get("authority")
        if authority is None:
            return None
        return self.entity(resources.authorities(self.language)[authority], AUTHORITIES[authority],
                           "dpv:DataProtectionAuthority")

    def automated_decisions(self) -> list:
        value = self.data.get("automated_decisions", {})
        return [{"@id": self.id(f"automated_decision_{number}"), "@type": "dpv:Process",
                 "dpv:hasContext": _iri("dpv:AutomatedDecisionMaking"), "dct:description": self.text(item)}
                for number, item in enumerate([] if value.get("none") else value.get("items", []), start=1)]
