"""The scan output: the JSON contract as plain dicts, and a readable text report."""

from __future__ import annotations

from typing import Any

from checks.details import QuoteDetails, ReusedDetails, UnsourcedDetails
from checks.kinds import Related, spec
from checks.model import Analysis, Cue, Flag, QuoteCheck, QuoteSource, SentenceGrade, Sourcing, Span
from checks.flags import by_priority
from checks.processes import without_gc
from checks.text.display import escape_controls, location, one_line, truncate

__all__ = ["analysis_to_dict", "format_text_report"]


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _related(flag: Flag, span: Span, k: int = 0) -> dict[str, Any]:
    """A related span; a reused flag's, or a quote flag's source passage, lies in another file,
    named by ``source``."""
    entry = _span(span)
    if isinstance(flag.details, ReusedDetails):
        entry["source"] = flag.details.source
    elif isinstance(flag.details, QuoteDetails) and k < len(flag.details.sources):
        entry["source"] = flag.details.sources[k]
    return entry


def _quiet_summary(analysis: Analysis) -> str:
    """' (12 background, 3 sourced in their paragraph, not flagged)': the unattributed sentences
    that raised no flag, so a reader of the scan knows they were weighed, not missed."""
    background = sum(1 for g in analysis.grades if g.sourcing is Sourcing.BACKGROUND)
    context = sum(1 for g in analysis.grades if g.sourcing is Sourcing.CONTEXT)
    parts = [f"{background} background"] if background else []
    parts += [f"{context} sourced in their paragraph"] if context else []
    return f" ({', '.join(parts)}, not flagged)" if parts else ""
def _quote_source(source: QuoteSource) -> dict[str, Any]:
    return {"path": source.path, "start": source.start, "end": source.end, "text": source.text,
            "speaker": source.speaker}


def _quote(check: QuoteCheck) -> dict[str, Any]:
    """One quotation checked against ``--sources``: ``source`` is the passage it comes from (the
    first of a splice's; all of them in ``sources``), ``diff`` article words (a) against its words (b)."""
    return {
        "start": check.start,
        "end": check.end,
        "text": check.text,
        "speaker": check.speaker,
        "status": check.status,
        "source": _quote_source(check.source) if check.source else None,
        "score": check.score,
        "diff": [[op.tag, op.a_start, op.a_end, op.b_start, op.b_end] for op in check.diff],
        "sources": [_quote_source(s) for s in check.sources],
        "brackets": [_span(b) for b in check.brackets],
        "sensitive": list(check.sensitive),
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The stable ``scan --format json`` object for one document. Extend; never rename."""
    # A long document's object is hundreds of thousands of small dicts and lists and no cycle:
    # with the collector on, its passes over the whole heap were two thirds of the time.
    with without_gc():
        return _analysis_to_dict(analysis)


def _all_cues(grade: SentenceGrade) -> tuple[Cue, ...]:
    """The sourcing evidence and the check-worthiness evidence, each cue once, in text order."""
    if not grade.claim_cues:
        return grade.cues
    return tuple(sorted(set(grade.cues) | set(grade.claim_cues), key=lambda c: (c.start, c.end, c.role)))


def _cue(cue: Cue) -> dict[str, Any]:
    entry: dict[str, Any] = {"start": cue.start, "end": cue.end, "text": cue.text, "role": cue.role}
    if cue.url is not None:  # a link cue's target
        entry["url"] = cue.url
    return entry


def _analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    doc = analysis.document
    grades = {g.sentence: g for g in analysis.grades}
    sentences = []
    for s in doc.sentences:
        g = grades.get(s.index)
        sentences.append(
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "sourcing": str(g.sourcing) if g else "none",
                "cues": [_cue(c) for c in (_all_cues(g) if g else ())],
                "reason": g.reason if g else "",
                "checkworthy": g.checkworthy if g else None,
            }
        )
    return {
        "document": {
            "path": doc.path, "sha256": doc.sha256, "date": doc.date, "title": doc.title,
            "format": doc.format, "byline": doc.byline,
            "links": [{"start": k.start, "end": k.end, "text": k.text, "url": k.url} for k in doc.links],
        },
        "sentences": sentences,
        "duplicates": [
            {
                "id": d.id,
                "score": d.score,
                "a": _span(d.a),
                "b": _span(d.b),
                "shared": list(d.shared),
                "sentences_a": list(d.sentences_a),
                "sentences_b": list(d.sentences_b),
                "diff": [[op.tag, op.a_start, op.a_end, op.b_start, op.b_end] for op in d.diff],
            }
            for d in analysis.duplicates
        ],
        "flags": [_flag(f) for f in analysis.flags],
        "quotes": [_quote(q) for q in analysis.quotes],
    }


def _flag(f: Flag) -> dict[str, Any]:
    entry = {
        "id": f.id,
        "kind": str(f.kind),
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "message": f.message,
        "related": [_related(f, r, k) for k, r in enumerate(f.related)],
        "priority": str(f.priority),
    }
    if isinstance(f.details, UnsourcedDetails):
        entry["sentences"] = list(f.details.sentences)  # the claims of a paragraph flagged together
    return entry


def _excerpt(text: str, width: int = 70) -> str:
    # Control characters (ANSI escapes above all) would be obeyed by the terminal: shown as \x1b.
    return truncate(escape_controls(one_line(text)), width)


def format_text_report(analysis: Analysis) -> str:
    """Linter-style lines: ``path:line:col: priority: kind: message`` then the flagged text;
    the highest priority first, document order within a priority."""
    doc = analysis.document
    name = doc.path or "<text>"
    lines = []
    for w in doc.warnings:
        lines.append(f"{name}: warning: {w}")
    for f in by_priority(analysis.flags):
        line, col = doc.line_col(f.start)
        lines.append(f"{location(name, line, col)}: {f.priority}: {f.kind}: {escape_controls(f.message)}")
        lines.append(f"    {_excerpt(f.text)}")
        for k, r in enumerate(f.related):
            if isinstance(f.details, ReusedDetails):
                # Offsets into the source file, not this article: its own line and column.
                where = location(f.details.source, f.details.source_line, f.details.source_col)
                lines.append(f"    ~ {where}: {_excerpt(r.text)}")
            elif isinstance(f.details, QuoteDetails):
                path = f.details.sources[k] if k < len(f.details.sources) else "?"  # a splice may join two files
                lines.append(f"    ~ {escape_controls(path)}: {_excerpt(r.text)}")
            elif spec(f.kind).related is not Related.EVIDENCE:  # a passage elsewhere, not words of this one
                rl, rc = doc.line_col(r.start) if r.end <= len(doc.text) else (0, 0)
                lines.append(f"    ~ {rl}:{rc}: {_excerpt(r.text)}")
    n = len(analysis.flags)
    quiet = _quiet_summary(analysis)
    lines.append(f"{name}: {n} flag{'s' if n != 1 else ''} in {len(doc.sentences)} sentences{quiet}")
    return "\n".join(lines)
