"""The spaCy pipeline that reads a segmented contract: built from `spacy.blank("en")`, loaded once a process.

    contract_candidates  spans a clause type can be (clauses, sentences, sections, dates, names) + tokens
    clause_patterns      rule component: the taxonomy's phrase and token patterns (rules/clause-types)
    candidate_features   each candidate's feature row: words, heading, position, the patterns inside it
    cuad_classifier      learned: the 41 CUAD clause types, first stage over words, second over context
    unfair_terms         learned: the 8 CLAUDETTE unfair-term categories, per sentence
    contract_values      durations, money, percentages, dates, places, parties, licences, standards

The components read the `Document` and its clauses from `doc._.document` / `doc._.clauses` (set by
`make_doc`) and leave their results on the Doc; `review.extract.analysis` turns them into frozen data.
The learned components load their weights from `review/extract/models/` (made by `python main.py train`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from review.errors import ModelMissing
from review.extract import LOADING
from review.extract import patterns as _patterns  # noqa: F401  (registers the clause_patterns factory)
from review.extract.candidates import candidates
from review.extract.clause_rows import candidate_rows, sentence_rows
from review.extract.context import Reranker, context_features
from review.extract.features import Rows, Tokens
from review.extract.linear import LinearModel
from review.extract.patterns import pattern_scores
from review.extract.taxonomy import load_taxonomy
from review.extract.values import EXTRACTORS, extract_values, parties
from review.model import Clause, Document

MODELS = Path(__file__).resolve().parent / "models"

for _name in ("document", "clauses", "candidates", "tokens", "patterns", "rows", "cuad", "unfair", "values"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class CuadModel:
    """The two stages of the CUAD classifier and its document-level thresholds, from one directory."""

    first: LinearModel
    second: Reranker
    thresholds: dict[str, float]  # category -> best-score threshold for "the clause type is present"
    card: dict[str, object]

    @classmethod
    def load(cls, directory: Path) -> CuadModel:
        with _model_files(directory, "cuad"):
            card = json.loads((directory / "cuad.json").read_text(encoding="utf-8"))
            return cls(
                LinearModel.load(directory / "cuad-words.npz"),
                Reranker.load(directory / "cuad-context.npz"),
                {k: float(v) for k, v in card["thresholds"].items()},
                card,
            )


@dataclass(frozen=True)
class UnfairTermsModel:
    model: LinearModel
    thresholds: dict[str, float]
    card: dict[str, object]

    @classmethod
    def load(cls, directory: Path) -> UnfairTermsModel:
        with _model_files(directory, "unfair-tos"):
            card = json.loads((directory / "unfair-tos.json").read_text(encoding="utf-8"))
            thresholds = {k: float(v) for k, v in card["thresholds"].items()}
            return cls(LinearModel.load(directory / "unfair-tos.npz"), thresholds, card)


@contextlib.contextmanager
def _model_files(directory: Path, dataset: str) -> Iterator[None]:
    """Turn a missing or damaged model file into a coded error that says how to make it again."""
    try:
        yield
    except (OSError, ValueError, KeyError) as error:
        raise ModelMissing(
            f"the {dataset} model in {directory} cannot be read ({error.__class__.__name__}); "
            f"train it with `python main.py train {dataset} --corpus DIR`"
        ) from error


def pattern_types() -> tuple[str, ...]:
    return tuple(clause_type.id for clause_type in load_taxonomy().types)


def sentence_features(sentences: Sequence[str], nlp: Language) -> Rows:
    """Feature rows of stand-alone sentences (a terms-of-service page), as the unfair-terms classifier reads
    them: joined into one Doc, one line each, as sentences stand in a contract."""
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    doc = nlp.get_pipe("clause_patterns")(nlp.make_doc("\n".join(sentences)))
    tokens = Tokens.of(doc)
    hits = pattern_scores(doc, spans, pattern_types())
    return sentence_rows(tokens, [tokens.span(start, end) for start, end in spans], hits, pattern_types())


@Language.factory("contract_candidates")
def make_candidates(nlp: Language, name: str) -> object:
    def contract_candidates(doc: Doc) -> Doc:
        doc._.candidates = candidates(doc._.document, doc._.clauses)
        doc._.tokens = Tokens.of(doc)
        return doc

    return contract_candidates


@Language.factory("candidate_features")
def make_candidate_features(nlp: Language, name: str) -> object:
    def candidate_features(doc: Doc) -> Doc:
        found = doc._.candidates
        doc._.patterns = pattern_scores(doc, [(c.start, c.end) for c in found], pattern_types())
        doc._.rows = candidate_rows(doc._.document, doc._.clauses, found, doc._.tokens, doc._.patterns, pattern_types())
        return doc

    return candidate_features


@Language.factory("cuad_classifier", default_config={"directory": ""})
def make_cuad_classifier(nlp: Language, name: str, directory: str) -> object:
    model = CuadModel.load(Path(directory) if directory else MODELS)

    def cuad_classifier(doc: Doc) -> Doc:
        found = doc._.candidates
        decisions = model.first.decision(doc._.rows) if found else np.zeros((0, len(model.first.labels)))
        doc._.cuad = model.second.probabilities(context_features(found, decisions))
        return doc

    cuad_classifier.model = model  # type: ignore[attr-defined]
    return cuad_classifier


@Language.factory("unfair_terms", default_config={"directory": ""})
def make_unfair_terms(nlp: Language, name: str, directory: str) -> object:
    model = UnfairTermsModel.load(Path(directory) if directory else MODELS)

    def unfair_terms(doc: Doc) -> Doc:
        found = doc._.candidates
        scores = np.zeros((len(found), len(model.model.labels)), dtype=np.float32)
        sentence_like = [i for i, c in enumerate(found) if c.kind in ("sentence", "clause") and c.end - c.start < 2000]
        if sentence_like:
            # The candidate rows hold what sentence_rows would (words, pairs, "row:sentence", pattern hits); their
            # other features (heading, position) are not in this model's vocabulary and drop out.
            scores[sentence_like] = model.model.probabilities(doc._.rows.subset(sentence_like))
        doc._.unfair = scores
        return doc

    unfair_terms.model = model  # type: ignore[attr-defined]
    return unfair_terms


@Language.factory("contract_values")
def make_values(nlp: Language, name: str) -> object:
    def contract_values(doc: Doc) -> Doc:
        # Parties are named in the opening words, before the first numbered section or recital; read further
        # on, a heading and the next sentence ("Development. Client agrees ...") look like a party too.
        text = doc._.document.text  # doc.text would rebuild the string token by token
        opening = next((c.start for c in doc._.clauses if c.kind in ("section", "recital")), len(text))
        values = extract_values(text, kinds=[kind for kind in EXTRACTORS if kind != "party"])
        values += parties(text[:opening])
        doc._.values = sorted(values, key=lambda value: value.start)
        return doc

    return contract_values


def build_pipeline(models: Path | None = None, learned: bool = True) -> Language:
    """A fresh pipeline; `models` is a directory made by `python main.py train` (default: the shipped one).

    With learned=False it stops at the features (what training needs before there is a model).
    """
    directory = str(models or "")
    nlp = spacy.blank("en")
    nlp.tokenizer = contract_tokenizer(nlp)  # before the patterns, whose phrases it tokenizes too
    nlp.add_pipe("contract_candidates")
    nlp.add_pipe("clause_patterns")
    nlp.add_pipe("candidate_features")
    if not learned:
        return nlp
    nlp.add_pipe("cuad_classifier", config={"directory": directory})
    nlp.add_pipe("unfair_terms", config={"directory": directory})
    nlp.add_pipe("contract_values")
    return nlp


def contract_tokenizer(nlp: Language) -> Tokenizer:
    """Words and single punctuation marks. spaCy's English rules (exceptions like "U.S.", "don't") cost nine
    times as much and nothing here needs them: features are words and word pairs, values are read from the
    text itself."""
    mark = r"[^\w\s]"
    return Tokenizer(
        nlp.vocab,
        prefix_search=re.compile(f"^{mark}").search,
        suffix_search=re.compile(f"{mark}$").search,
        infix_finditer=re.compile(mark).finditer,
    )


def load_pipeline(models: Path | None = None) -> Language:
    """The pipeline for this process, built on first use and kept: models load once a process."""
    with LOADING:  # one thread builds it; the others wait and share it
        return _pipeline(models)


@functools.cache
def _pipeline(models: Path | None) -> Language:
    return build_pipeline(models)


def run(document: Document, clauses: Sequence[Clause], nlp: Language | None = None) -> Doc:
    """Run the pipeline over a segmented document; the results are on the returned Doc's extensions."""
    nlp = nlp or load_pipeline()
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc._.clauses = list(clauses)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
