"""Pattern quality: how well each clause type's patterns find the clauses CUAD (and CLAUDETTE) label.

    .venv/bin/python bench/pattern_quality.py [--corpus ../shared/corpus/cuad] [--limit 100] [--patterns FILE]
        [--claudette ../shared/corpus/claudette_tos_multilingual]

For every clause type mapped to a CUAD category, on `--limit` TXT contracts spread evenly over the corpus
(single process, about a minute for 100):

* recall: the share of labelled clause strings (each piece around <omitted>, located in the text with
  TextLocator) that contain at least one hit of the type's patterns;
* precision proxy: the share of the type's hits that lie inside a labelled string of its category. CUAD
  labels a category's strings once per contract (the first place TextLocator finds them) and not every
  relevant sentence, so this is a lower bound, much lower for short answers (names, dates) that recur.

`--patterns FILE` writes the same figures per pattern (TSV, with the YAML line) and, for hits outside their
category, the category they most often fall in: the list to prune from. `--claudette` adds recall and
precision per sentence for the types mapped to CLAUDETTE unfair-terms codes (English, all fairness levels).
The last line gives the clause_patterns component's time per document.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import spacy

from review.eval.cuad import CuadContract, TextLocator, contracts
from review.extract.patterns import SPANS_KEY, WEIGHT, ClausePatterns, pattern_scores
from review.extract.taxonomy import Taxonomy

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass
class Tally:
    """Counts for one clause type, or one pattern."""

    labels: int = 0  # located labelled strings of the category
    found: int = 0  # of those, how many contain a hit
    hits: int = 0
    inside: int = 0  # hits inside a labelled string of the category
    elsewhere: Counter[str] = field(default_factory=Counter)  # other categories the outside hits fall in

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else float("nan")

    @property
    def precision(self) -> float:
        return self.inside / self.hits if self.hits else float("nan")


def sample(corpus: Path, limit: int) -> list[CuadContract]:
    """`limit` contracts with a TXT file, evenly spread over the CSV's (alphabetical) order; 0 means all."""
    every = [c for c in contracts(corpus) if c.txt is not None]
    if not limit or limit >= len(every):
        return every
    step = len(every) / limit
    return [every[int(i * step)] for i in range(limit)]


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def cuad_quality(contracts_: Sequence[CuadContract], nlp: spacy.language.Language, component: ClausePatterns,
                 per_pattern: dict[str, Tally]) -> tuple[dict[str, Tally], list[float]]:
    taxonomy = component.taxonomy
    mapped = {t.cuad: t.id for t in taxonomy if t.cuad}
    per_type = {type_id: Tally() for type_id in mapped.values()}
    timings = []
    for contract in contracts_:
        assert contract.txt is not None
        text = contract.txt.read_text(encoding="utf-8", errors="replace")
        doc = nlp.make_doc(text)
        started = time.perf_counter()
        component(doc)
        timings.append(time.perf_counter() - started)
        locator = TextLocator(text)
        located = {mapped[c]: [s for label in labels for s in locator.spans(label)]
                   for c, labels in contract.labels.items()}
        owners = _pattern_owners(doc, component)
        hits = [(span.label_, span.start_char, span.end_char, owners.get((span.label_, span.start, span.end), []))
                for span in doc.spans[SPANS_KEY]]
        for type_id, spans in located.items():
            tally = per_type[type_id]
            tally.labels += len(spans)
            tally.found += sum(any(t == type_id and a <= s and e <= b for t, s, e, _ in hits) for a, b in spans)
        for type_id, start, end, patterns in hits:
            if type_id not in per_type:
                continue
            ok = inside(located[type_id], start, end)
            where = next((other for other, spans in located.items() if other != type_id and inside(spans, start, end)),
                         "(none)")
            for tally in (per_type[type_id], *(per_pattern[p] for p in patterns)):
                tally.hits += 1
                tally.inside += ok
                if not ok:
                    tally.elsewhere[where] += 1
        for type_id, spans in located.items():  # per-pattern recall: labels containing that pattern's hit
            for pattern in {p for t, _, _, ps in hits if t == type_id for p in ps}:
                tally = per_pattern[pattern]
                tally.found += sum(any(t == type_id and pattern in ps and a <= s and e <= b
                                       for t, s, e, ps in hits) for a, b in spans)
        for type_id, spans in located.items():
            for index in range(len(taxonomy.by_id(type_id).patterns)):
                per_pattern[f"{type_id}/{index}"].labels += len(spans)
    return per_type, timings


def _pattern_owners(doc: spacy.tokens.Doc, component: ClausePatterns) -> dict[tuple[str, int, int], list[str]]:
    """Which patterns produced each stored hit (the component keeps the strongest weight only)."""
    owners: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for key, start, end in component.hits(doc):
        name = doc.vocab.strings[key]
        owners[(name.split("/")[0], start, end)].append(name)
    return owners


def claudette_quality(folder: Path, nlp: spacy.language.Language, taxonomy: Taxonomy) -> dict[str, Tally]:
    """Per CLAUDETTE code: recall over tagged English sentences, precision over sentences with a hit."""
    mapped: dict[str, str] = {t.unfair_tos: t.id for t in taxonomy if t.unfair_tos}
    out = {code: Tally() for code in mapped}
    sentences_dir = folder / "corpus" / "sentences" / "en" / "original"
    tags_dir = folder / "corpus" / "tags" / "en" / "original"
    for path in sorted(sentences_dir.glob("*.txt")):
        sentences = path.read_text(encoding="utf-8").split("\n")
        tags = (tags_dir / path.name).read_text(encoding="utf-8").split("\n")
        spans, text = [], ""
        for sentence in sentences:
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence + "\n"
        doc = nlp(text)
        scores = pattern_scores(doc, spans, [mapped[c] for c in mapped])
        for row, tag_line in enumerate(tags[: len(spans)]):
            codes = {tag.rstrip("0123456789") for tag in tag_line.split()}
            for column, code in enumerate(mapped):
                hit = scores[row, column] > 0
                tally = out[code]
                tally.labels += code in codes
                tally.found += hit and code in codes
                tally.hits += hit
                tally.inside += hit and code in codes
    return out


def rows(per_type: dict[str, Tally], taxonomy: Taxonomy) -> Iterator[str]:
    yield f"{'type':<34} {'CUAD category':<36} {'labels':>6} {'recall':>7} {'hits':>6} {'precision':>9}"
    for type_id in sorted(per_type):
        tally = per_type[type_id]
        cuad = taxonomy.by_id(type_id).cuad or ""
        yield (f"{type_id:<34} {cuad:<36} {tally.labels:>6} {tally.recall:>7.2f} {tally.hits:>6} "
               f"{tally.precision:>9.2f}")
    recalls = [t.recall for t in per_type.values() if t.labels]
    precisions = [t.precision for t in per_type.values() if t.hits]
    yield f"{'mean over types':<71} {np.mean(recalls):>7.2f} {'':>6} {np.mean(precisions):>9.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "cuad")
    parser.add_argument("--limit", type=int, default=100, help="number of TXT contracts (0: all)")
    parser.add_argument("--directory", type=Path, default=None, help="clause-type folder (default: rules/)")
    parser.add_argument("--patterns", type=Path, default=None, help="write per-pattern figures (TSV) here")
    parser.add_argument("--claudette", type=Path, nargs="?", const=SHARED / "claudette_tos_multilingual",
                        default=None, help="also score the CLAUDETTE-mapped types on its English sentences")
    args = parser.parse_args()
    nlp = spacy.blank("en")
    component = nlp.add_pipe("clause_patterns", config={"directory": str(args.directory or "") or None})
    assert isinstance(component, ClausePatterns)
    taxonomy = component.taxonomy
    per_pattern: dict[str, Tally] = defaultdict(Tally)
    started = time.perf_counter()
    chosen = sample(args.corpus, args.limit)
    per_type, timings = cuad_quality(chosen, nlp, component, per_pattern)
    print(f"CUAD: {len(chosen)} TXT contracts, {len(per_type)} CUAD-mapped types, "
          f"{time.perf_counter() - started:.0f} s")
    for line in rows(per_type, taxonomy):
        print(line)
    if args.patterns:
        with open(args.patterns, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t")
            writer.writerow(["pattern", "line", "weight", "hits", "precision", "recall", "outside_mostly_in", "text"])
            for clause_type in taxonomy:
                if clause_type.cuad is None:
                    continue
                for index, pattern in enumerate(clause_type.patterns):
                    tally = per_pattern[f"{clause_type.id}/{index}"]
                    elsewhere = ", ".join(f"{c} {n}" for c, n in tally.elsewhere.most_common(2))
                    writer.writerow([f"{clause_type.id}/{index}", pattern.line, pattern.weight, tally.hits,
                                     f"{tally.precision:.2f}", f"{tally.recall:.2f}", elsewhere, pattern.describe()])
        print(f"per-pattern figures: {args.patterns}")
    if args.claudette:
        print(f"\nCLAUDETTE (English sentences, {args.claudette}):")
        print(f"{'code':<5} {'type':<28} {'tagged':>6} {'recall':>7} {'hits':>6} {'precision':>9}")
        for code, tally in claudette_quality(args.claudette, nlp, taxonomy).items():
            type_id = taxonomy.by_unfair_tos(code)[0].id
            print(f"{code:<5} {type_id:<28} {tally.labels:>6} {tally.recall:>7.2f} {tally.hits:>6} "
                  f"{tally.precision:>9.2f}")
    per_doc = np.array(timings) * 1000
    print(f"\nclause_patterns: {np.mean(per_doc):.1f} ms per contract on average, {np.max(per_doc):.1f} ms at most "
          f"(tokenising not included); {WEIGHT} holds each hit's weight")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
