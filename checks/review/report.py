"""The review as a Markdown report for the editor: article, sign-off, every flag and its verdict.

Pure: takes the analysis, the saved review (or None) and the checklist, returns text. Article text
and reviewers' notes are data, never markup, so they are escaped to render exactly as written.
Verdicts saved on an earlier version of the article are re-attached first, by the review session's
own ``resume_review`` (``checks.review.session``), so the report counts what the app shows: carried
ones count, weak matches are listed for the reviewer to confirm, and verdicts with no passage left
are listed as orphans, never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from checks.review.checklist import Checklist, item_state, open_flags, sign_off_problems
from checks.config import Config
from checks.details import QuoteDetails, ReusedDetails
from checks.kinds import Priority, Related, registry, spec
from checks.model import Analysis, Document, Flag, Sourcing, Span
from checks.flags import by_priority
from checks.review.resume import LoadedArticle, resume_review
from checks.review.verdicts import Review, Verdict
from checks.sourcing.links import links_of_flag
from checks.text import display

__all__ = ["escape_md", "render_report", "review_warnings"]

EXCERPT_CHARS = 600
# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# that can start markup inside a line (emphasis, links, code, HTML, tables, entities).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# ...and these only at the start of a line (headings, lists, quotes, rules).
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def escape_md(text: str, *, one_line: bool = True) -> str:
    """Text that renders literally in Markdown; whitespace runs fold to one space by default."""
    if one_line:
        text = display.one_line(text)
    text = display.display_text(text)  # ESC and friends would drive a terminal showing the raw file
    text = _INLINE.sub(r"\\\1", text)
    if one_line:  # no line breaks left: a report of 100k orphaned verdicts calls this 300k times
        return _escape_line_start(text)
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    lead, mark = match.groups()
    if mark.isdigit():  # "1." would start an ordered list: escape the dot after the number
        rest = line[match.end():]
        return f"{lead}{mark}\\{rest}"
    return f"{lead}\\{line[len(lead):]}"


def _excerpt(text: str) -> str:
    return display.truncate(display.one_line(text), EXCERPT_CHARS)


def _quote(text: str) -> str:
    return "> " + escape_md(_excerpt(text))


def _quote_in_context(doc: Document, flag: Flag) -> str:
    """A flag on a few words (a splice mark, a name) is quoted within its sentence, in bold."""
    sentence = next((s for s in doc.sentences if s.start <= flag.start < s.end), None)
    if sentence is None or flag.end > sentence.end or len(sentence.text) > EXCERPT_CHARS:
        return _quote(flag.text)
    if (flag.start, flag.end) == (sentence.start, sentence.end):
        return _quote(flag.text)
    before = doc.text[sentence.start:flag.start]
    after = doc.text[flag.end:sentence.end]
    pieces = (_fold_spaces(before).lstrip(), _fold_spaces(flag.text), _fold_spaces(after).rstrip())
    head, mark, tail = (escape_md(p, one_line=False) for p in pieces)
    return f"> {head}**{mark}**{tail}"


def _fold_spaces(text: str) -> str:
    # Keeps one space at the edges so the pieces around a highlight join as they did.
    return re.sub(r"\s+", " ", text)


def _where(doc: Document, start: int) -> str:
    line, col = doc.line_col(start)
    return f"line {line}:{col}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def review_warnings(analysis: Analysis, review: Review | None) -> list[str]:
    """Why the saved review may not match the article in front of us; one line each."""
    if review is None:
        return []
    doc = analysis.document
    warnings = []
    if doc.path and review.article_path and PurePath(review.article_path).name != PurePath(doc.path).name:
        warnings.append(f"the verdict file was saved for {review.article_path}, not {doc.path}")
    if review.article_sha256 != doc.sha256:
        warnings.append(
            "the article changed since the review was saved "
            f"(review of sha256 {review.article_sha256[:12]}…, article now {doc.sha256[:12]}…); "
            "verdicts on changed passages no longer match a flag"
        )
    return warnings


def render_report(
    analysis: Analysis,
    review: Review | None,
    checklist: Checklist,
    *,
    verdict_path: str | None = None,
    generated: str | None = None,
    config: Config | None = None,
    conflict_copies: Sequence[str] = (),
) -> str:
    """The whole report as Markdown text ending in a newline; ``review`` as saved (or None).
    ``config``, the newsroom config the analysis was made with, is named in the header when it
    switches kinds off or changes their level, so a reader knows what was not checked.
    ``conflict_copies``: "keep both" copies beside the verdict file, whose verdicts are not in it."""
    attached = resume_review(analysis, review) if review is not None else None
    live = attached.review if attached is not None else None
    parts = [
        _header(analysis, review, verdict_path, generated, config),
        _sign_off(analysis, review, live, checklist),
        _flags(analysis, live, attached),
        _weak(analysis, attached),
        _orphans(attached),
        _to_merge(review, verdict_path, conflict_copies),
        _quotes(analysis),
        _checklist(analysis, live, checklist),
        _linked(analysis),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _header(
    analysis: Analysis, review: Review | None, verdict_path: str | None, generated: str | None, config: Config | None
) -> str:
    doc = analysis.document
    name = PurePath(doc.path).name if doc.path else "article"
    lines = [f"# Review report: {escape_md(doc.title or name)}", ""]
    lines.append(f"- **Article:** {escape_md(doc.path or '(text)')}")
    if doc.title:
        lines.append(f"- **Title:** {escape_md(doc.title)}")
    if doc.byline:
        lines.append(f"- **Byline:** {escape_md(doc.byline)}")
    if doc.date:
        lines.append(f"- **Date:** {escape_md(doc.date)}")
    if doc.format not in ("text", "markdown"):  # offsets and quotes are of the text extracted from it
        lines.append(f"- **Format:** {doc.format} (the text checked is the text extracted from it)")
    lines.append(f"- **SHA-256:** `{doc.sha256}`")
    if verdict_path:
        lines.append(f"- **Verdict file:** {escape_md(verdict_path)}")
    if review is not None:
        lines.append(f"- **Reviewer:** {escape_md(review.reviewer or '(not recorded)')}")
        if review.updated or review.created:
            lines.append(f"- **Last saved:** {escape_md(review.updated or review.created)}")
    if generated:
        lines.append(f"- **Report generated:** {escape_md(generated)}")
    if config is not None and not config.is_default:
        lines.append(f"- **Newsroom config:** {escape_md(config.source)}: {escape_md(_config_summary(config))}")
    for warning in doc.warnings:
        lines += ["", f"> **Note:** {escape_md(warning)}"]
    for warning in review_warnings(analysis, review):
        lines += ["", f"> **Warning:** {escape_md(warning)}"]
    return "\n".join(lines)


def _config_summary(config: Config) -> str:
    off = [k.label for k in registry() if not config.enabled(k)]
    moved = [f"{k.label} {config.level(k)}" for k in registry() if config.enabled(k) and config.level(k) is not spec(k).level]
    parts = ([f"not checked: {', '.join(off)}"] if off else []) + ([f"levels: {', '.join(moved)}"] if moved else [])
    return "; ".join(parts)


def _sign_off(analysis: Analysis, saved: Review | None, review: Review | None, checklist: Checklist) -> str:
    """``saved`` as read, ``review`` with its verdicts on today's flags."""
    flags = analysis.flags
    resolved = len(flags) - len(open_flags(flags, review))
    lines = ["## Sign-off", ""]
    problems = sign_off_problems(checklist, flags, review)
    if review is None:
        lines.append("**Not reviewed yet:** no verdict file was found.")
    elif review.signed_off is not None:
        who = escape_md(review.signed_off.by or "(no name)")
        lines.append(f"**Signed off** by {who} at {escape_md(review.signed_off.at or '(no time)')}.")
        if problems or review_warnings(analysis, saved):
            lines.append("")
            lines.append("> **Warning:** the sign-off no longer holds for the article as it is now.")
    elif not problems:
        lines.append("**Ready to sign off:** every flag is resolved and the checklist is complete.")
    else:
        lines.append("**Not signed off.**")
    lines += ["", f"**Progress:** {resolved} of {_plural(len(flags), 'flag')} resolved."]
    if flags:
        by_kind = Counter(f.kind for f in flags)
        kinds = ", ".join(f"{kind.label} ({n})" for kind, n in sorted(by_kind.items(), key=lambda kv: -kv[1]))
        lines += ["", f"**Flags by kind:** {kinds}."]
        by_level = Counter(f.priority for f in flags)
        levels = ", ".join(f"{by_level[p]} {p}" for p in Priority if by_level[p])
        lines += ["", f"**Flags by priority:** {levels}."]
    background = sum(1 for g in analysis.grades if g.sourcing is Sourcing.BACKGROUND)
    if background:
        lines += ["", f"**Background:** {_plural(background, 'sentence')} with no source and no check-worthy "
                      "claim, not flagged."]
    context = sum(1 for g in analysis.grades if g.sourcing is Sourcing.CONTEXT)
    if context:
        lines += ["", f"**Sourced in their paragraph:** {_plural(context, 'check-worthy sentence')} with no source "
                      "of its own in a paragraph that names one, not flagged."]
    if problems:
        lines += ["", "Still open:", ""]
        lines += [f"- {escape_md(p)}" for p in problems]
    return "\n".join(lines)


def _flags(analysis: Analysis, review: Review | None, attached: LoadedArticle | None) -> str:
    doc = analysis.document
    if not analysis.flags:
        return "## Flags\n\nNo flags: the checks found nothing to look at."
    moved = {f.id: score for v, f, score in attached.carried if v.flag != f.id} if attached else {}
    blocks = ["## Flags", "Highest priority first; in the order of the article within a priority."]
    for n, flag in enumerate(by_priority(analysis.flags), start=1):
        verdict = review.verdict(flag.id) if review else None
        blocks.append(_flag_block(n, flag, doc, verdict, moved.get(flag.id)))
    return "\n\n".join(blocks)


def _linked(analysis: Analysis) -> str:
    """The sentences whose source is a link: not flagged, but the editor should follow each link."""
    doc = analysis.document
    linked = [g for g in analysis.grades if g.sourcing is Sourcing.LINKED]
    if not linked:
        return ""
    lines = ["## Sourced by a link", "",
             f"{_plural(len(linked), 'sentence')} take their source from a link; follow each to check it says so.", ""]
    for g in linked:
        s = doc.sentences[g.sentence]
        urls = ", ".join(escape_md(c.url) for c in g.cues if c.role == "link" and c.url)
        lines.append(f"- {_where(doc, s.start)}: {escape_md(display.truncate(s.text, 100))} → {urls}")
    return "\n".join(lines)


def _flag_block(n: int, flag: Flag, doc: Document, verdict: Verdict | None, carried: float | None) -> str:
    lines = [f"### {n}. {flag.kind.label.capitalize()}, {_where(doc, flag.start)}", ""]
    related = spec(flag.kind).related
    if related is Related.REPEAT:
        lines += [f"First passage, {_where(doc, flag.start)}:", "", _quote(flag.text)]
        for other in flag.related:
            lines += ["", f"Repeated at {_related_where(doc, other)}:", "", _quote(other.text)]
    else:
        lines.append(_quote_in_context(doc, flag))
        if related is Related.SOURCE:
            for other in flag.related:
                lines += ["", f"Source, {_source_where(flag)}:", "", _quote(other.text)]
        elif related is Related.VARIANT:
            for other in flag.related:
                lines += ["", f"Compare {_related_where(doc, other)}:", "", _quote(other.text)]
    lines += ["", f"- **Priority:** {flag.priority}"]
    lines.append(f"- **Why flagged:** {escape_md(flag.message)}")
    for link in links_of_flag(doc, flag):
        lines.append(f"- **Link:** {escape_md(link.url)} (“{escape_md(link.text)}”)")
    lines.append(f"- **Verdict:** {_verdict_line(verdict)}")
    if carried is not None:
        lines.append(f"- **Carried over:** given on an earlier version of this passage (text match {carried:.0f}%)")
    if verdict is not None and verdict.note:
        lines.append(f"- **Note:** {escape_md(verdict.note)}")
    lines.append(f"- **Flag id:** `{flag.id}`")
    return "\n".join(lines)


def _related_where(doc: Document, span: Span) -> str:
    inside = span.end <= len(doc.text) and doc.text[span.start:span.end] == span.text
    return _where(doc, span.start) if inside else "elsewhere"


def _source_where(flag: Flag) -> str:
    # A reused passage's span has offsets into the corpus file named in ``details``, not this article.
    details = flag.details
    if not isinstance(details, (ReusedDetails, QuoteDetails)) or not details.source:
        return "another document"
    return escape_md(display.location(details.source, details.source_line, details.source_col))


def _verdict_line(verdict: Verdict | None) -> str:
    if verdict is None:
        return "none yet"
    who = []
    if verdict.by:
        who.append(f"by {escape_md(verdict.by)}")
    if verdict.at:
        who.append(f"at {escape_md(verdict.at)}")
    return f"**{verdict.decision.label}**" + (f" ({' '.join(who)})" if who else "")


def _weak(analysis: Analysis, attached: LoadedArticle | None) -> str:
    if attached is None or not attached.weak:
        return ""
    lines = [
        "## Verdicts to confirm",
        "",
        "The passage of each of these verdicts was edited enough that the match is uncertain. "
        "Confirm or redo them in the app; until then their flags count as having no verdict.",
    ]
    for match in attached.weak:
        v, flag = match.verdict, match.flag
        lines += [
            "",
            f"- **{escape_md(v.kind or 'unknown kind')}**, {_verdict_line(v)}: {escape_md(_excerpt(v.text))}",
            f"  - Maybe: {_where(analysis.document, flag.start)} (match {match.score:.0f}%): "
            f"{escape_md(_excerpt(flag.text))}",
        ]
    return "\n".join(lines)


def _orphans(attached: LoadedArticle | None) -> str:
    orphans = attached.orphans if attached is not None else ()
    if not orphans:
        return ""
    lines = [
        "## Verdicts without a flag",
        "",
        "These verdicts were saved for flags the checks no longer raise (the passage was edited or "
        "removed). They are kept in the verdict file but no longer count.",
    ]
    for v in orphans:
        kind = escape_md(v.kind or "unknown kind")
        lines += ["", f"- **{kind}**, {_verdict_line(v)}: {escape_md(_excerpt(v.text)) or '(no text)'}"]
        if v.note:
            lines.append(f"  - Note: {escape_md(v.note)}")
        lines.append(f"  - Flag id: `{escape_md(v.flag)}`")
    return "\n".join(lines)


def _to_merge(review: Review | None, verdict_path: str | None, copies: Sequence[str]) -> str:
    """Merge conflicts the reviewer has not chosen yet, and conflict copies not merged back."""
    if not copies and (review is None or not review.conflicts):
        return ""
    lines = ["## Not merged yet", ""]
    for conflict in review.conflicts if review is not None else ():
        lines.append(f"- **Conflict** on `{conflict.flag}`: the merged reviews disagree; choose one in the app:")
        lines += [f"  - {_verdict_line(option)}" + (f": {escape_md(display.one_line(option.note))}" if option.note else "")
                  for option in conflict.options]
    target = _code(verdict_path or "VERDICTS")
    for copy in copies:
        lines.append(f"- **Conflict copy** {escape_md(copy)}: verdicts saved beside this review, not in it "
                     f"(the app offers to merge it; or `sourcecheck merge {target} {_code(copy)} -o {target}`)")
    return "\n".join(lines)


def _code(text: str) -> str:
    """Text for inside a Markdown code span: shown verbatim, so only backticks and controls go."""
    return display.escape_controls(text.replace("`", "'"))


def _quotes(analysis: Analysis) -> str:
    """Every quotation checked against ``--sources``, with its status and source (none without)."""
    if not analysis.quotes:
        return ""
    lines = ["## Quotations checked against the sources", ""]
    for q in analysis.quotes:
        src = q.source
        where = escape_md(display.location(src.path, src.line, src.col)) if src else "no source"
        who = f", {escape_md(src.speaker)} speaking" if src and src.speaker else ""
        said = f" (said by {escape_md(q.speaker)} in the article)" if q.speaker else ""
        lines.append(f"- **{q.status.replace('_', ' ')}** at {_where(analysis.document, q.start)}{said}: "
                     f"{escape_md(_excerpt(q.text))} — {where}{who}")
    return "\n".join(lines)


def _checklist(analysis: Analysis, review: Review | None, checklist: Checklist) -> str:
    source = "default" if checklist.source == "default" else escape_md(checklist.source)
    lines = ["## Checklist", "", f"Checklist: {source}", ""]
    for item in checklist.items:
        state = item_state(item, analysis.flags, review)
        box = "x" if state.ticked else " "
        line = f"- [{box}] {escape_md(item.text)}"
        if state.blocked_by:
            line += f" (blocked: {escape_md(state.blocked_by)})"
        lines.append(line)
    known = {item.id for item in checklist.items}
    strays = [t.item for t in review.ticks if t.item not in known] if review else []
    if strays:
        lines += ["", "Ticks saved for items not on this checklist: " + ", ".join(escape_md(s) for s in strays)]
    return "\n".join(lines)
