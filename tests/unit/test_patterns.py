"""The clause_patterns component: every type has a sentence its patterns find, ordinary boilerplate does not
fire the wrong types, the fast engine agrees with spaCy's Matcher, and pattern_scores reads the hits."""

from __future__ import annotations

import time

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from review.extract.patterns import SPANS_KEY, WEIGHT, ClausePatterns, TokenPatternIndex, pattern_scores
from review.extract.taxonomy import DEFAULT_DIRECTORY, load_taxonomy

# One sentence per clause type that its patterns must find; written for these tests (RULES.md's examples
# where it has one). A new type needs a line here.
POSITIVES = {
    "accessibility": "Vendor warrants that the Service conforms to WCAG 2.1 Level AA.",
    "affiliate_license_licensee": "Licensor hereby grants to Licensee and its Affiliates a non-exclusive license "
                                  "to use the Software.",
    "affiliate_license_licensor": "Licensor, on behalf of itself and its Affiliates, grants Licensee a license "
                                  "under the Licensed Patents.",
    "agreement_date": "This Agreement is entered into as of the 12th day of November, 2019.",
    "arbitration": "Any dispute shall be finally resolved by binding arbitration under the JAMS rules.",
    "assignment": "Neither party may assign this Agreement without the prior written consent of the other party.",
    "attorneys_fees": "The prevailing party shall be entitled to recover its reasonable attorneys' fees.",
    "audit_rights": "The City may audit Contractor's books and records during normal business hours.",
    "auto_renewal": "This Order shall automatically renew for successive terms equal to the Initial Term.",
    "background_checks": "Vendor shall conduct a criminal background check of each employee with access to "
                         "City Data.",
    "breach_costs": "Vendor shall reimburse the City for the costs of notification and credit monitoring.",
    "breach_notification": "Vendor shall notify the City within seventy-two (72) hours after discovering any "
                           "Security Breach.",
    "change_of_control": "Either party may terminate this Agreement if the other party undergoes a change of "
                         "control.",
    "cjis": "Vendor shall comply with the current FBI CJIS Security Policy.",
    "competitive_restriction_exception": "These restrictions shall not apply to the ownership of less than 5% of "
                                         "the outstanding stock of a company listed on a stock exchange.",
    "confidentiality": "The Receiving Party shall hold the Confidential Information in strict confidence.",
    "content_removal": "We may remove any content that we believe violates these Terms.",
    "contract_by_using": "By accessing or using the Service, you agree to be bound by these Terms.",
    "covenant_not_to_sue": "Licensee shall not contest the validity of Licensor's trademarks.",
    "data_export": "The City may export all City Data at any time in CSV or JSON with a data dictionary.",
    "data_location": "Vendor shall store and process City Data only in data centers located in the United States.",
    "data_ownership": "As between the parties, the City owns all City Data.",
    "data_return_deletion": "Within thirty days Vendor shall delete all City Data and certify the deletion in "
                            "writing.",
    "data_use": "Provider may use Customer Data to train and improve its artificial intelligence models.",
    "disabling_code": "The Software contains no virus, time bomb, back door or other disabling code.",
    "disaster_recovery": "Vendor shall test its disaster recovery plan annually and meet a recovery time "
                         "objective of 24 hours.",
    "document_name": "MASTER SERVICES AGREEMENT",
    "e_signature": "This Agreement may be executed in counterparts and by electronic signature.",
    "effective_date": "This Agreement shall become effective on July 1, 2024.",
    "encryption": "Vendor shall encrypt City Data in transit and at rest using AES-256.",
    "end_of_life": "Provider may deprecate or discontinue any feature of the Service at any time.",
    "equitable_relief": "Provider shall be entitled to injunctive relief without posting bond.",
    "exclusivity": "Aura appoints Zanotti as its exclusive supplier of the Products within the Territory.",
    "expiration_date": "The term of this Agreement shall commence on the Effective Date and continue for three "
                       "years unless earlier terminated.",
    "force_majeure": "Neither party is liable for delay caused by a Force Majeure Event beyond its reasonable "
                     "control.",
    "governing_law": "This Agreement is governed by the laws of the State of California.",
    "government_cloud_authorization": "Vendor shall maintain GovRAMP or FedRAMP Moderate authorization for the "
                                      "Service.",
    "hipaa": "The parties shall execute a business associate agreement meeting HIPAA requirements.",
    "indemnification": "Contractor shall defend, indemnify and hold harmless the City from third-party claims.",
    "insurance": "Contractor shall maintain commercial general liability insurance naming the City as additional "
                 "insured.",
    "ip_ownership_assignment": "Consultant hereby assigns to the City all right, title and interest in the "
                               "Deliverables.",
    "joint_ip_ownership": "All Joint Inventions shall be jointly owned by the parties.",
    "license_grant": "Licensor hereby grants to Licensee a non-exclusive license to use the Software.",
    "limitation_of_liability": "Provider's aggregate liability shall not exceed the fees paid in the prior twelve "
                               "months.",
    "limitation_period": "Any action arising out of this Agreement must be commenced within one (1) year after the "
                         "cause of action accrued.",
    "liquidated_damages": "Customer shall pay an early termination fee equal to the remaining fees.",
    "minimum_commitment": "Distributor shall purchase the minimum purchase quantity set out in Exhibit B each "
                          "year.",
    "most_favored_nation": "Supplier's prices to Buyer shall be no less favorable than those offered to any other "
                           "customer.",
    "no_solicit_of_customers": "Reseller shall not solicit or divert any customer of the Company.",
    "no_solicit_of_employees": "Neither party shall solicit for employment any employee of the other party.",
    "non_appropriation": "The City's obligations in later fiscal years are subject to appropriation by the City "
                         "Council.",
    "non_compete": "Developer shall not compete with the Company in the Territory during the Term.",
    "non_disparagement": "Neither party shall disparage the other party or its products.",
    "non_transferable_license": "Licensor grants Licensee a non-transferable license to the Software.",
    "open_source": "The Software includes components licensed under the GNU Affero General Public License.",
    "order_of_precedence": "In the event of a conflict, the following order of precedence applies.",
    "parties": "This Agreement is made by and between the City of San Rafael and Acme Software, Inc.",
    "payment_terms": "The City shall pay undisputed amounts within thirty days after receipt of a correct invoice.",
    "pci_dss": "Vendor is responsible for the security of cardholder data and shall maintain PCI DSS compliance.",
    "performance_warranty": "Services will be performed in a professional and workmanlike manner.",
    "perpetual_license": "Licensor grants the City a perpetual, irrevocable license to the Deliverables.",
    "post_termination_services": "Vendor shall provide transition assistance to the City's successor vendor for "
                                 "ninety days.",
    "price_increases": "Renewal Terms will be invoiced at Provider's then-current list prices.",
    "public_records": "Vendor acknowledges that this Agreement is subject to the California Public Records Act.",
    "publicity": "Vendor shall not issue any press release or use the City's name and logo without consent.",
    "records_retention": "The City may set retention periods and place legal holds on any City Data.",
    "renewal_notice_period": "This Agreement renews unless either party gives notice of non-renewal sixty days "
                             "before the end of the term.",
    "revenue_sharing": "Licensee shall pay Licensor a royalty equal to five percent of Net Sales.",
    "right_of_first_refusal": "The Company shall have a right of first refusal to purchase the Shares.",
    "sbom": "With each release Vendor shall deliver a software bill of materials in SPDX or CycloneDX format.",
    "security_standards": "Vendor shall provide its SOC 2 Type II report and an annual penetration test summary.",
    "service_levels": "The Service will be available 99.5% of each calendar month, and service credits apply.",
    "source_code_delivery": "Vendor shall commit the complete source code and build scripts to a repository "
                            "controlled by the City.",
    "source_code_escrow": "Licensor shall deposit the source code with the escrow agent.",
    "subcontractors": "Vendor shall give thirty days' notice before engaging any new subprocessor.",
    "support": "For Severity 1 incidents Vendor shall respond within one hour, 24/7.",
    "surveillance_data_sharing": "Vendor shall not share ALPR data with any other agency.",
    "suspension": "Company may suspend or terminate Customer's access to the Services at any time, with or "
                  "without notice, for any reason.",
    "termination_for_convenience": "The City may terminate this Agreement for convenience on thirty (30) days' "
                                   "written notice.",
    "third_party_beneficiary": "There are no third-party beneficiaries of this Agreement.",
    "uncapped_liability": "The foregoing limitations shall not apply to a party's indemnification obligations.",
    "unilateral_changes": "Provider may revise these Terms from time to time by posting the revised version on "
                          "its website.",
    "unlimited_license": "Customer is granted a license for an unlimited number of users.",
    "venue": "Any dispute shall be brought exclusively in the state or federal courts located in Travis County, "
             "Texas.",
    "volume_restriction": "Usage above the licensed number of users is billed as overage fees.",
    "warranty_disclaimer": "THE PLATFORM IS PROVIDED \"AS IS\" AND VENDOR DISCLAIMS ALL WARRANTIES OF ANY KIND.",
    "warranty_duration": "The Products will be free from defects in materials and workmanship for twelve months.",
}

# Ordinary boilerplate, and the only types each sentence may fire (an empty set: none at all).
BOILERPLATE = [
    ("Headings are for convenience of reference only and do not affect interpretation.", set()),
    ("Notices shall be sent by certified mail to the addresses set out above.", set()),
    ("This Agreement may be amended only by a written instrument signed by both parties.", set()),
    ("The word \"including\" means including without limitation.", set()),
    ("If any provision is held invalid, the remaining provisions remain in full force.", set()),
    ("The parties are independent contractors and not partners or joint venturers.", set()),
    ("This Agreement constitutes the entire agreement between the parties.", set()),
    ("The City's project manager will schedule a kickoff meeting within two weeks.", set()),
    ("Capitalised terms have the meanings given in Section 1.", set()),
    ("Each party shall comply with all applicable laws in performing this Agreement.", set()),
    ("The Vendor will deliver the training materials to the Library in electronic form.", set()),
    ("No waiver of any breach shall be deemed a waiver of any other breach.", set()),
    ("The Documentation describes the features of the Service.", set()),
    ("Section 12 (Governing Law) and Section 13 (Venue) survive.", {"governing_law", "venue"}),
    ("Customer will pay the fees set out in the Order Form.", set()),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("clause_patterns")
    return pipeline


def labels(nlp: Language, text: str) -> set[str]:
    doc = nlp(text)
    return {span.label_ for span in doc.spans[SPANS_KEY]}


def test_patterns_every_type_has_a_positive_example() -> None:
    assert set(POSITIVES) == set(load_taxonomy().ids)


@pytest.mark.parametrize("type_id", sorted(POSITIVES))
def test_patterns_positive_example_hits_its_type(nlp: Language, type_id: str) -> None:
    assert type_id in labels(nlp, POSITIVES[type_id]), POSITIVES[type_id]


@pytest.mark.parametrize(("text", "allowed"), BOILERPLATE)
def test_patterns_boilerplate_does_not_hit_wrong_types(nlp: Language, text: str, allowed: set[str]) -> None:
    assert labels(nlp, text) <= allowed


def test_patterns_fast_engine_agrees_with_spacy_matcher(nlp: Language) -> None:
    fast = nlp.get_pipe("clause_patterns")
    assert isinstance(fast, ClausePatterns)
    exact = ClausePatterns(nlp, "exact", fast.taxonomy, engine="spacy")
    text = "\n\n".join([*POSITIVES.values(), *(text for text, _ in BOILERPLATE)])
    doc = nlp.make_doc(text.replace(" the ", "  the "))  # whitespace tokens between and inside the hits
    assert sum(token.is_space for token in doc) > 100
    hits = fast.hits(doc)
    assert len(hits) > len(POSITIVES)
    assert set(hits) == set(exact.hits(doc))
    assert len(hits) == len(set(hits))  # the shortest match only, per pattern and start


# Patterns that exercise each operator and the index's special cases: an optional or negated first token, a
# first token without words, optional steps in a row (two ways to one place), repeats.
EDGE_PATTERNS = [
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "!"}, {"LOWER": "c"}],
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}],
    [{"LOWER": "b", "OP": "?"}, {"LOWER": "c"}],
    [{"LOWER": "a"}, {"OP": "{1,2}"}, {"LOWER": "c"}],
    [{"LOWER": "a", "OP": "+"}, {"LOWER": "x"}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "months"]}}],
    [{"LOWER": {"REGEX": "^x+$"}}, {"IS_PUNCT": False, "OP": "{0,3}"}, {"LOWER": "c"}],
    [{"LOWER": {"FUZZY": "warranty"}}],
    [{"LENGTH": {">=": 2}}, {"LOWER": {"NOT_IN": ["a", "b"]}}],
    [{"LOWER": "a"}, {"OP": "{0,2}"}, {"LOWER": "x", "OP": "?"}, {"LOWER": "c"}],
    [{"LOWER": "c", "OP": "!"}, {"LOWER": {"IN": ["a", "c"]}, "OP": "{2,}"}],
    [{"IS_PUNCT": False, "OP": "*"}, {"LOWER": ","}],
    [{"LOWER": {"IN": ["a", "c"], "NOT_IN": ["c"]}}, {"NORM": {"IN": ["x", "c"]}}],
]
EDGE_TEXT = "a b c a x c a c 30 days xx , c warrenty aa zz c c a a"


def _shortest_by_spacy(nlp: Language, patterns: list[list[dict[str, object]]]) -> set[tuple[int, int, int]]:
    matcher = Matcher(nlp.vocab)
    for key, pattern in enumerate(patterns):
        matcher.add(str(key), [pattern])
    shortest: dict[tuple[int, int], int] = {}
    for match, start, end in matcher(nlp.make_doc(EDGE_TEXT)):
        place = (int(nlp.vocab.strings[match]), start)
        shortest[place] = min(end, shortest.get(place, end))
    return {(key, start, end) for (key, start), end in shortest.items()}


@pytest.mark.parametrize("pattern", EDGE_PATTERNS)
def test_token_pattern_index_matches_like_spacy(nlp: Language, pattern: list[dict[str, object]]) -> None:
    found = set(TokenPatternIndex([(0, pattern)])(nlp.make_doc(EDGE_TEXT)))
    assert found == _shortest_by_spacy(nlp, [pattern])


def test_token_pattern_index_matches_many_patterns_at_once_like_spacy(nlp: Language) -> None:
    index = TokenPatternIndex(list(enumerate(EDGE_PATTERNS)))
    assert set(index(nlp.make_doc(EDGE_TEXT))) == _shortest_by_spacy(nlp, EDGE_PATTERNS)


def test_token_pattern_index_skips_whitespace_tokens(nlp: Language) -> None:
    doc = nlp.make_doc("a \n b  a b c")  # tokens: a, "\n ", b, " ", a, b, c
    index = TokenPatternIndex([(7, [{"LOWER": "a"}, {"LOWER": "b"}]), (8, [{"IS_SPACE": True}]),
                               (9, [{"LOWER": "b"}, {"OP": "?"}, {"LOWER": "c"}])])
    assert index(doc) == [(7, 0, 3), (7, 4, 6), (9, 5, 7)]


def test_patterns_whitespace_tokens_are_skipped(nlp: Language) -> None:
    doc = nlp("This Agreement is governed  by\nthe laws of Delaware.")
    hits = [span for span in doc.spans[SPANS_KEY] if span.label_ == "governing_law"]
    assert hits and hits[0].text.startswith("governed  by\nthe laws")


def test_patterns_keep_the_strongest_weight_per_span(nlp: Language) -> None:
    doc = nlp("Customer shall defend, indemnify and hold harmless the City.")
    weights = {(span.label_, span.text): span._.get(WEIGHT) for span in doc.spans[SPANS_KEY]}
    assert weights[("indemnification", "hold harmless")] == pytest.approx(0.95)
    assert all(0 < weight <= 1 for weight in weights.values())


def test_patterns_read_the_directory_from_config() -> None:
    pipeline = spacy.blank("en")
    component = pipeline.add_pipe("clause_patterns", config={"directory": str(DEFAULT_DIRECTORY)})
    assert isinstance(component, ClausePatterns)
    assert component.taxonomy is load_taxonomy()  # the same directory is loaded once
    with pytest.raises(ValueError, match="engine"):
        ClausePatterns(pipeline, "bad", component.taxonomy, engine="slow")  # type: ignore[arg-type]


def test_pattern_scores_shape_and_values(nlp: Language) -> None:
    text = ("Governing Law. This Agreement is governed by the laws of Delaware. "
            "Customer shall hold harmless the City.")
    doc = nlp(text)
    second = text.index("This")
    third = text.index("Customer")
    spans = [(0, second), (second, third), (third, len(text)), (0, len(text)), (second + 30, len(text))]
    scores = pattern_scores(doc, spans, ["governing_law", "indemnification", "no_such_type"])
    assert scores.shape == (5, 3)
    assert scores.dtype == np.float32
    assert scores[0].tolist() == pytest.approx([0.5, 0.0, 0.0])  # the heading "Governing Law"
    assert scores[1].tolist() == pytest.approx([0.95, 0.0, 0.0])
    assert scores[2].tolist() == pytest.approx([0.0, 0.95, 0.0])
    assert scores[3].tolist() == pytest.approx([0.95, 0.95, 0.0])
    assert scores[4, 0] == 0.0  # the hit starts before the span: not inside


def test_pattern_scores_empty_inputs(nlp: Language) -> None:
    doc = nlp("Nothing of note.")
    assert pattern_scores(doc, [], ["governing_law"]).shape == (0, 1)
    assert pattern_scores(doc, [(0, 5)], []).shape == (1, 0)
    assert pattern_scores(nlp.make_doc("No component ran."), [(0, 5)], ["governing_law"]).tolist() == [[0.0]]


def test_pattern_scores_handles_a_thousand_spans_quickly(nlp: Language) -> None:
    text = " ".join(POSITIVES.values()) * 6
    doc = nlp(text)
    starts = np.linspace(0, len(text) - 3000, 1000).astype(int)
    spans = [(int(s), int(s) + 3000) for s in starts]
    types = list(load_taxonomy().ids)
    started = time.perf_counter()
    scores = pattern_scores(doc, spans, types)
    assert time.perf_counter() - started < 0.5  # about 3 ms in practice; a loose bound against regressions
    assert scores.shape == (1000, len(types)) and scores.max() > 0
