"""The sources quotations are checked against, indexed for finding a quote's passage at scale.

The index is the reference corpus's (``checks.corpus.index``): each source sentence's rare
content-word shingles, so a quote leads straight to the few source files sharing its wording and
only those are aligned word by word. Each source's speaker turns (``transcript``) and word lists
(``words``) are worked out once, when first needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from checks.corpus.index import CorpusDocument, CorpusIndex, build_corpus_index
from checks.duplicates.shingles import content_stems, shingles
from checks.model import Document
from checks.quotecheck.transcript import Turns, parse_turns
from checks.quotecheck.words import SourceWords, source_words

__all__ = ["SourceIndex", "build_source_index"]


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """Source files (``corpus.documents``, paths as the user named them) and their index.
    ``resolved``: each file's absolute path, to leave out the article itself."""

    corpus: CorpusIndex
    resolved: tuple[str, ...] = ()
    _words: dict[int, SourceWords] = field(default_factory=dict, compare=False, repr=False)
    _turns: dict[int, Turns] = field(default_factory=dict, compare=False, repr=False)

    @property
    def count(self) -> int:
        return len(self.corpus.documents)

    def path(self, d: int) -> str:
        return self.corpus.documents[d].path

    def document(self, d: int) -> Document:
        return self.corpus.documents[d].document

    def words(self, d: int) -> SourceWords:
        found = self._words.get(d)
        if found is None:
            found = self._words[d] = source_words(self.document(d).text)
        return found

    def turns(self, d: int) -> Turns:
        found = self._turns.get(d)
        if found is None:
            found = self._turns[d] = parse_turns(self.document(d).text)
        return found

    def own(self, doc: Document) -> set[int]:
        """The sources that are the article itself: the same file, or the very same text."""
        path = doc.path
        mine = set()
        for d, cdoc in enumerate(self.corpus.documents):
            if cdoc.document.sha256 == doc.sha256 or (path and d < len(self.resolved) and self.resolved[d] == path):
                mine.add(d)
        return mine

    def candidates(self, text: str, *, exclude: set[int], limit: int = 6) -> list[int]:
        """The source files most likely to hold ``text``: most sentences sharing a rare shingle.
        A text with no shingle (one content word) is looked for in every file of a small set."""
        mine = shingles(content_stems(text))
        if not mine:
            return [d for d in range(self.count) if d not in exclude][:limit] if self.count <= 50 else []
        hits: Counter[int] = Counter()
        for k in self.corpus.sharing(mine, 1):
            hits[self.corpus.sentence_doc[k]] += len(mine & self.corpus.sentence_shingles[k])
        return [d for d, _ in hits.most_common() if d not in exclude][:limit]


def build_source_index(documents: Sequence[CorpusDocument], *, resolved: Sequence[str] = (),
                       root: str = "") -> SourceIndex:
    """Index ``documents`` (read by ``checks.quotecheck.load``, or made in memory by a test)."""
    return SourceIndex(build_corpus_index(documents, root=root), tuple(resolved))
