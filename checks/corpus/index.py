"""A reference corpus: passages of an article reused from it, and duplicates inside it. Pure.

The corpus (a folder of earlier stories, wire copy) is indexed by sentence: each sentence's rare
content-word shingles (``checks.duplicates.shingles``) go in an inverted index, so an article's sentences
find the corpus sentences they may repeat without being compared with all of them. The documents
they lead to are then compared with the article passage by passage (``compare_documents``, the
scorer of in-document duplicates), and each reused passage becomes a ``reused`` flag naming the
source file and the span there. Reading the folder and caching the index is ``corpus_cache``'s job.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from checks.duplicates.shingles import content_stems, shingles, similar_set_pairs
from checks.duplicates.window_candidates import candidate_pairs
from checks.duplicates.search import DEFAULT_MIN_SCORE, compare_documents
from checks.details import ReusedDetails
from checks.kinds import spec
from checks.model import Document, Flag, FlagKind, Span
from checks.progress import Progress
from checks.text.display import location
from checks.text.words import normalise

__all__ = [
    "CorpusDocument",
    "CorpusDuplicates",
    "CorpusIndex",
    "NearDuplicate",
    "build_corpus_index",
    "corpus_duplicates",
    "find_reuse",
    "fingerprint",
]



def fingerprint(text: str) -> str:
    """Whitespace-normalised, lower-cased text hashed: equal for files that differ only in spacing
    or case (the BBC corpus's ``index.csv`` groups exact duplicates by the same hash)."""
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One file of the corpus: ``path`` as the user names it (relative to the corpus folder)."""

    path: str
    document: Document
    fingerprint: str


@dataclass(frozen=True, slots=True)
class CorpusIndex:
    """Sentences of a corpus by rare shingle. Built by ``build_corpus_index``.

    The inverted index is two aligned arrays sorted by shingle hash (``keys``, ``owners``: corpus
    sentence numbers), looked up with a binary search: built by one sort, no dict of lists.
    """

    root: str
    documents: tuple[CorpusDocument, ...]
    sentence_doc: tuple[int, ...]  # corpus sentence -> document
    sentence_shingles: tuple[frozenset[int], ...]
    max_df: int
    keys: np.ndarray = field(compare=False, repr=False)
    owners: np.ndarray = field(compare=False, repr=False)
    exact: Mapping[frozenset[int], tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sentence_count(self) -> int:
        return len(self.sentence_doc)

    def sharing(self, mine: frozenset[int], min_shared: int) -> set[int]:
        """Corpus sentences sharing ``min_shared`` rare shingles with ``mine``, or all of them."""
        found = set(self.exact.get(mine, ())) if len(mine) >= 2 else set()
        if not mine:
            return found
        probe = np.fromiter(mine, dtype=np.int64, count=len(mine))
        lo = np.searchsorted(self.keys, probe, side="left")
        hi = np.searchsorted(self.keys, probe, side="right")
        rare = (hi > lo) & (hi - lo <= self.max_df)
        if not rare.any():
            return found
        lens = (hi - lo)[rare]
        starts = np.repeat(lo[rare] - (np.cumsum(lens) - lens), lens)
        hits = self.owners[starts + np.arange(int(lens.sum()))]
        sentences, counts = np.unique(hits, return_counts=True)
        found.update(sentences[counts >= min_shared].tolist())
        return found


def build_corpus_index(
    documents: Sequence[CorpusDocument],
    *,
    root: str = "",
    max_df: int | None = None,
    progress: Progress | None = None,
) -> CorpusIndex:
    """Index every sentence of ``documents``. ``max_df``: shingles in more sentences than this are
    not looked up (default: one sentence in a thousand, at least 40)."""
    sentence_doc: list[int] = []
    sets: list[frozenset[int]] = []
    step = max(1, len(documents) // 50)
    for d, cdoc in enumerate(documents):
        if progress is not None and d % step == 0:
            progress(d, len(documents))
        for s in cdoc.document.sentences:
            sentence_doc.append(d)
            sets.append(shingles(content_stems(s.text)))
    lengths = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    keys = np.fromiter((h for s in sets for h in s), dtype=np.int64, count=int(lengths.sum()))
    owners = np.repeat(np.arange(len(sets), dtype=np.int64), lengths)
    order = np.argsort(keys, kind="stable")
    exact: dict[frozenset[int], list[int]] = defaultdict(list)
    for k, s in enumerate(sets):
        if len(s) >= 2:
            exact[s].append(k)
    if progress is not None:
        progress(len(documents), len(documents))
    return CorpusIndex(
        root=root,
        documents=tuple(documents),
        sentence_doc=tuple(sentence_doc),
        sentence_shingles=tuple(sets),
        max_df=max_df if max_df is not None else max(40, len(sets) // 1000),
        keys=keys[order],
        owners=owners[order],
        exact={s: tuple(v) for s, v in exact.items()},
    )


def find_reuse(
    doc: Document,
    index: CorpusIndex,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    min_shared: int = 2,
    max_sources: int = 20,
    progress: Progress | None = None,
) -> tuple[Flag, ...]:
    """Passages of ``doc`` that repeat passages of corpus documents, as ``reused`` flags (ids unset:
    ``flags.assign_ids`` gives them with the article's other flags).

    Each flag spans the article passage; ``related`` holds the source passage, with offsets into the
    source file's text; ``details`` is a ``ReusedDetails``: ``source`` (its path), ``source_line`` and
    ``source_col`` (1-based), ``score`` and ``shared`` phrases. A corpus file with the article's own path is skipped.
    Only the ``max_sources`` documents with the most matching sentences are compared in full.
    """
    hits = _documents_hit(doc, index, min_shared)
    own = _same_file(doc.path, index)
    ranked = [d for d, _ in hits.most_common() if d not in own][:max_sources]
    flags: list[Flag] = []
    for k, d in enumerate(ranked):
        if progress is not None:
            progress(k, len(ranked))
        source = index.documents[d]
        for pair in compare_documents(doc, source.document, min_score=min_score, candidates=candidate_pairs):
            if pair.score < min_score:
                continue  # a merged passage can score below its best window; keep what passed
            line, col = source.document.line_col(pair.b.start)
            flags.append(
                Flag(
                    id="",
                    kind=FlagKind.REUSED,
                    start=pair.a.start,
                    end=pair.a.end,
                    text=pair.a.text,
                    message=spec(FlagKind.REUSED).message(
                        "source", where=location(source.path, line, col), score=pair.score
                    ),
                    related=(Span(pair.b.start, pair.b.end, pair.b.text),),
                    sentence=pair.sentences_a[0] if pair.sentences_a else None,
                    details=ReusedDetails(
                        source=source.path, source_line=line, source_col=col, score=pair.score, shared=pair.shared
                    ),
                )
            )
    if progress is not None:
        progress(len(ranked), len(ranked))
    return tuple(sorted(flags, key=lambda f: (f.start, f.end, _source_of(f))))


def _source_of(flag: Flag) -> str:
    return flag.details.source if isinstance(flag.details, ReusedDetails) else ""


def _documents_hit(doc: Document, index: CorpusIndex, min_shared: int) -> Counter[int]:
    """How many article sentences have a likely match in each corpus document."""
    per_doc: Counter[int] = Counter()
    for s in doc.sentences:
        matched = index.sharing(shingles(content_stems(s.text)), min_shared)
        per_doc.update({index.sentence_doc[k] for k in matched})
    return per_doc


def _same_file(path: str | None, index: CorpusIndex) -> set[int]:
    """The corpus document that is the article's own file, if the article lies in the corpus."""
    if not path or not index.root:
        return set()
    try:
        inside = Path(path).resolve().relative_to(Path(index.root).resolve()).as_posix()
    except ValueError:
        return set()
    return {d for d, c in enumerate(index.documents) if c.path == inside}


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two corpus documents that share most of their sentences (near copies, not exact ones)."""

    a: str
    b: str
    shared_a: int  # sentences of ``a`` with a near copy in ``b``
    shared_b: int
    sentences_a: int
    sentences_b: int

    @property
    def share(self) -> float:
        """Share of the shorter document's sentences found in the other."""
        return max(self.shared_a / max(1, self.sentences_a), self.shared_b / max(1, self.sentences_b))


@dataclass(frozen=True, slots=True)
class CorpusDuplicates:
    exact_groups: tuple[tuple[str, ...], ...]  # paths with the same fingerprint, sorted
    near: tuple[NearDuplicate, ...]  # pairs outside one exact group, highest share first


def corpus_duplicates(
    index: CorpusIndex,
    *,
    min_ratio: float = 90.0,
    min_share: float = 0.5,
    progress: Progress | None = None,
) -> CorpusDuplicates:
    """Exact duplicate files (same fingerprint) and near duplicates: pairs of documents where at
    least ``min_share`` of one's sentences have a near copy in the other (fuzz.ratio of the
    normalised sentences at least ``min_ratio``)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for c in index.documents:
        groups[c.fingerprint].append(c.path)
    exact = tuple(sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1))
    same_group = {c.path: c.fingerprint for c in index.documents}

    texts = [s.text for c in index.documents for s in c.document.sentences]
    pairs = similar_set_pairs(index.sentence_shingles, max_df=index.max_df)
    matched: dict[tuple[int, int], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    norms: dict[int, str] = {}
    step = max(1, len(pairs) // 50)
    for n, (i, j) in enumerate(pairs):
        if progress is not None and n % step == 0:
            progress(n, len(pairs))
        da, db = index.sentence_doc[i], index.sentence_doc[j]
        if da == db:
            continue
        a = norms.get(i) or norms.setdefault(i, normalise(texts[i]))
        b = norms.get(j) or norms.setdefault(j, normalise(texts[j]))
        if fuzz.ratio(a, b, score_cutoff=min_ratio):
            left, right = matched[(da, db) if da < db else (db, da)]
            (left if da < db else right).add(i)
            (right if da < db else left).add(j)
    if progress is not None:
        progress(len(pairs), len(pairs))
    near = []
    for (da, db), (left, right) in matched.items():
        ca, cb = index.documents[da], index.documents[db]
        if same_group[ca.path] == same_group[cb.path]:
            continue
        item = NearDuplicate(ca.path, cb.path, len(left), len(right), len(ca.document.sentences), len(cb.document.sentences))
        if item.share >= min_share:
            near.append(item)
    near.sort(key=lambda x: (-x.share, x.a, x.b))
    return CorpusDuplicates(exact_groups=exact, near=tuple(near))
