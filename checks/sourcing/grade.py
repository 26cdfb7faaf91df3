"""Grade how each sentence is sourced: one grade per sentence, with its evidence and a reason.

The walk, in document order:

1. quotation marks are tracked across the sentences of a paragraph, so a speech verb inside a quote
   is not the sentence's attribution and a multi-sentence quote is one unit;
2. each sentence's own attribution is found by ``checks.sourcing.attribution`` (speaker + speech verb);
3. attribution is carried where a reader carries it: through a quote that spans sentences, to a
   quote that stands alone right after (or before) its speaker's sentence, to the sentence after
   one that ends with a colon, to "Specifically, they're worried ..." after the speaker's sentence;
   a pronoun speaker ("she said") takes the grade of the last named or anonymous speaker;
4. what is left is a question, a heading or a non-response ("declined to comment": ``none``), the
   writer's speculation or judgement (``opinion``), or a claim with no attribution (``unsourced``).

Hedges ("reportedly", "apparently", "may have") are kept as evidence with the role "hedge", and
unnamed quantifiers standing in for a source ("some", "many", "critics") with the role "weasel", on
any grade; they never source a sentence.
"""

from __future__ import annotations

import re

from checks.sourcing.attribution import (
    Attribution,
    AttributionRules,
    colon_attribution,
    find_attribution,
    outside_quotes,
    rules_for,
)
from checks.sourcing.lexicon import Lexicon, default_lexicon, words_of
from checks.model import Cue, Document, Sentence, SentenceGrade, Sourcing
from checks.sourcing.rules import may_match
from checks.text.quotes import QUOTE_MARK, opens_with_quote, quoted_spans

__all__ = ["ACROSS_PARAGRAPH", "grade_sentences", "looks_like_heading"]

_LEADING_ADVERBIAL = re.compile(r"^(?:[A-Z]\w*ly|But|And|Still|Yet|Instead|Meanwhile|However|Now|So|Also|Indeed),?\s+")
_NUMBER_AFTER = re.compile(r"\s+[\d$]")  # "some 55,000 pages" is an estimate, not a weasel
_HEADING_END = (".", "!", "?", '"', "”", ":", ";", ")", "…", "'", "’")


def grade_sentences(doc: Document, *, lexicon: Lexicon | None = None) -> tuple[SentenceGrade, ...]:
    """One grade per sentence of ``doc``, in order."""
    lex = lexicon or default_lexicon()
    rules = rules_for(lex)
    sentences = doc.sentences
    quotes, starts_open = _quote_state(sentences)
    words = [words_of(s.text) for s in sentences]
    own = [find_attribution(s.text, q, rules, w) for s, q, w in zip(sentences, quotes, words)]
    for k in range(len(sentences) - 1):
        if own[k] is None and opens_with_quote(sentences[k + 1].text):
            own[k] = colon_attribution(sentences[k].text, rules)
    resolved = _resolve_pronouns(own)
    carried = _carry(sentences, quotes, starts_open, resolved, rules, lex)
    opinion = lex.pattern("opinion_markers")
    hedges = lex.pattern("hedges")
    weasels = lex.pattern("weasel_quantifiers")
    hedge_gate, weasel_gate = lex.key_words("hedges"), lex.key_words("weasel_quantifiers")
    opinion_gate = lex.key_words("opinion_markers")
    contact, contact_gate = lex.pattern("contact_lines"), lex.key_words("contact_lines")
    grades = []
    for i, s in enumerate(sentences):
        if not contact_gate.isdisjoint(words[i]) and (line := _contact_line(s, contact)) is not None:
            grades.append(line)
            continue
        hedge_cues = [
            Cue(s.start + m.start(), s.start + m.end(), m.group(0), "hedge")
            for m in (hedges.finditer(s.text) if not hedge_gate.isdisjoint(words[i]) else ())
            if outside_quotes(quotes[i], m.start(), m.end())
        ]
        hedge_cues += [
            Cue(s.start + m.start(), s.start + m.end(), m.group(0), "weasel")
            for m in (weasels.finditer(s.text) if not weasel_gate.isdisjoint(words[i]) else ())
            if outside_quotes(quotes[i], m.start(), m.end()) and not _NUMBER_AFTER.match(s.text, m.end())
        ]
        attribution = resolved[i] or carried[i]
        if attribution is not None:
            cues = [Cue(s.start + a, s.start + b, s.text[a:b], role) for a, b, role in attribution.cues
                    if 0 <= a < b <= len(s.text)]
            grades.append(SentenceGrade(s.index, attribution.sourcing, _sorted(cues + hedge_cues), attribution.reason))
            continue
        markers = opinion if not opinion_gate.isdisjoint(words[i]) else None
        no_comment = rules.no_comment if may_match(rules, "no_comment", words[i]) else None
        grades.append(_unattributed(s, quotes[i], markers, hedge_cues, no_comment))
    return tuple(grades)


def _quote_state(sentences: tuple[Sentence, ...]) -> tuple[list[list[tuple[int, int]]], list[bool]]:
    quotes: list[list[tuple[int, int]]] = []
    starts_open: list[bool] = []
    open_quote = False
    paragraph = -1
    for s in sentences:
        if s.paragraph != paragraph:
            # News style leaves a quote open at the end of a paragraph and reopens it at the start
            # of the next; a paragraph that does not open with a quotation mark ends it.
            open_quote = open_quote and opens_with_quote(s.text)
            paragraph = s.paragraph
        spans, still_open = quoted_spans(s.text, open_at_start=open_quote)
        quotes.append(spans)
        # A sentence that closes a quote it never opened belongs to the quote before it.
        starts_open.append(open_quote or bool(spans and spans[0][0] == 0 and not opens_with_quote(s.text)))
        open_quote = still_open
    return quotes, starts_open


def _resolve_pronouns(own: list[Attribution | None]) -> list[Attribution | None]:
    """A pronoun speaker takes the grade of the last speaker who was not a pronoun."""
    out: list[Attribution | None] = []
    last: Sourcing | None = None
    for a in own:
        if a is not None and a.pronoun:
            grade = last if last in (Sourcing.NAMED, Sourcing.ANONYMOUS) else Sourcing.NAMED
            a = Attribution(grade, a.cues, a.reason.replace(_label_of(a.reason), _LABELS[grade], 1) + " (pronoun)")
        elif a is not None and a.antecedent:
            last = a.sourcing
        out.append(a)
    return out


def _carry(
    sentences: tuple[Sentence, ...],
    quotes: list[list[tuple[int, int]]],
    starts_open: list[bool],
    own: list[Attribution | None],
    rules: AttributionRules,
    lex: Lexicon,
) -> list[Attribution | None]:
    """The attribution each sentence takes from a neighbour, in numbered passes that must run in
    this order (a quote run first, then pronouns and quote paragraphs); kept whole so the order of
    the passes stays visible."""
    carried: list[Attribution | None] = [None] * len(sentences)
    n = len(sentences)
    # 1. Quotes spanning sentences: every sentence of the run takes the run's attribution.
    i = 0
    while i < n:
        j = i
        while j + 1 < n and starts_open[j + 1]:
            j += 1
        if j > i:
            source = next((own[k] for k in range(i, j + 1) if own[k] is not None), None)
            if source is not None:
                for k in range(i, j + 1):
                    if own[k] is None:
                        carried[k] = _carried(source, "the quote it belongs to", _first_mark(quotes[k]))
        i = j + 1
    belief = lex.pattern("belief_verbs")
    pronouns = rules.pronouns
    for k, s in enumerate(sentences):
        if own[k] is not None or carried[k] is not None:
            continue
        prev = own[k - 1] or carried[k - 1] if k > 0 else None
        same_paragraph = k > 0 and sentences[k - 1].paragraph == s.paragraph
        # 2. The rest of a quote whose first sentence got its speaker from the sentence before.
        if starts_open[k] and prev is not None:
            carried[k] = _carried(prev, "the quote it belongs to", _first_mark(quotes[k]))
            continue
        # 3. A quote standing alone next to its speaker's sentence.
        if opens_with_quote(s.text):
            # Quote paragraphs in a row are one speaker's until someone else is named; a quote
            # after a paragraph with no quotation in it has no speaker.
            if prev is not None and (same_paragraph or quotes[k - 1] or sentences[k - 1].text.rstrip().endswith(":")):
                carried[k] = _carried(prev, "the speaker of the sentence before", _first_mark(quotes[k]))
                continue
            if own[k - 1] is not None and own[k - 1].sourcing in (Sourcing.NAMED, Sourcing.ANONYMOUS):
                # "Ortiz said the plant would reopen." then a quote paragraph: most likely Ortiz's words (the
                # quote flag still asks for a speaker of its own: checks.style.text_flags)
                carried[k] = _carried(own[k - 1], ACROSS_PARAGRAPH, _first_mark(quotes[k]))
                continue
            nxt = own[k + 1] if k + 1 < n and sentences[k + 1].paragraph == s.paragraph else None
            if nxt is not None and not opens_with_quote(sentences[k + 1].text):
                carried[k] = _carried(nxt, "the speaker of the sentence after", _first_mark(quotes[k]))
                continue
            if prev is not None and opens_with_quote(sentences[k - 1].text) and k > 0:
                carried[k] = _carried(prev, "the quote before it", _first_mark(quotes[k]))
                continue
        # 4. After a colon that introduces what follows.
        if k > 0 and prev is not None and sentences[k - 1].text.rstrip().endswith(":"):
            carried[k] = _carried(prev, "the colon before it")
            continue
        # 5. "Specifically, they're worried ...": the same speaker goes on.
        if prev is not None and same_paragraph and prev.sourcing in (Sourcing.NAMED, Sourcing.ANONYMOUS):
            body = _LEADING_ADVERBIAL.sub("", s.text.lstrip(), count=1)
            first = re.match(r"[\w’']+", body)
            if first:
                word = first.group(0).split("’")[0].split("'")[0]
                if pronouns.match(word) and belief.search(body[:60]):
                    at = len(s.text) - len(body)
                    carried[k] = _carried(prev, f"the speaker before ({word!r} goes on)", (at, at + len(word)))
    return carried


_LINE_START = re.compile(r"[\s*•·>-]*")  # a bullet may open it; a quotation mark may not


def _contact_line(s: Sentence, contact: re.Pattern[str]) -> SentenceGrade | None:
    """A byline, contact or update line ("Follow him on Twitter: @name.", "This post has been updated
    with ..."): about the article, not a claim in it, so ``none``."""
    m = contact.match(s.text, _LINE_START.match(s.text).end())
    if m is None:
        return None
    cue = Cue(s.start + m.start(), s.start + m.end(), m.group(0), "contact_line")
    return SentenceGrade(s.index, Sourcing.NONE, (cue,), f"a byline or contact line ({m.group(0)!r}), not a claim")


_CLOSING_MARKS = "'’\"”»"


def looks_like_heading(text: str) -> bool:
    """A heading or a fragment: twelve words or fewer with no end punctuation, a closing quotation mark
    left aside ("Council tax rise 'reasonable'" is a headline; "He called it 'reasonable'." is not)."""
    stripped = text.rstrip()
    if len(stripped.split()) > 12:
        return False
    bare = stripped.rstrip(_CLOSING_MARKS)
    if bare != stripped and bare[:1] in _CLOSING_MARKS + "“‘«" and not QUOTE_MARK.search(bare, 1):
        return False  # a whole sentence in quotation marks: '"We will win"' is a quote, not a title
    return not bare.endswith(_HEADING_END)


# The reason of a quote paragraph that takes the speaker of the paragraph before.
ACROSS_PARAGRAPH = "the speaker of the paragraph before"


def _carried(source: Attribution, why: str, cue: tuple[int, int] | None = None) -> Attribution:
    """The grade of ``source``; ``cue`` marks what carries it here (a quotation mark, a pronoun)."""
    cues = ((cue[0], cue[1], "carried"),) if cue else ()
    return Attribution(source.sourcing, cues, f"{_LABELS[source.sourcing]}, carried from {why}")


def _first_mark(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return (spans[0][0], spans[0][0] + 1) if spans else None


def _unattributed(
    s: Sentence,
    quotes: list[tuple[int, int]],
    opinion: re.Pattern[str] | None,
    hedge_cues: list[Cue],
    no_comment: re.Pattern[str] | None = None,
) -> SentenceGrade:
    stripped = s.text.rstrip()
    if stripped.endswith("?") and outside_quotes(quotes, len(stripped) - 1, len(stripped)):
        return SentenceGrade(s.index, Sourcing.NONE, _sorted(hedge_cues), "a question, not a claim")
    if looks_like_heading(stripped):
        return SentenceGrade(s.index, Sourcing.NONE, _sorted(hedge_cues), "a heading or fragment, not a claim")
    m = no_comment.search(s.text) if no_comment is not None else None
    if m and outside_quotes(quotes, m.start(), m.end()) and _only_a_non_response(s.text, m):
        cue = Cue(s.start + m.start(), s.start + m.end(), m.group(0), "no_comment")
        return SentenceGrade(s.index, Sourcing.NONE, _sorted([cue, *hedge_cues]),
                             f"a non-response ({' '.join(m.group(0).split())!r}), not a claim")
    for m in opinion.finditer(s.text) if opinion is not None else ():
        if outside_quotes(quotes, m.start(), m.end()):
            cue = Cue(s.start + m.start(), s.start + m.end(), m.group(0), "opinion")
            return SentenceGrade(s.index, Sourcing.OPINION, _sorted([cue, *hedge_cues]),
                                 f"the writer's speculation or judgement: {m.group(0)!r}, with no source")
    reason = "a factual claim with no attribution"
    if opens_with_quote(s.text) and quotes and quotes[0][1] - quotes[0][0] >= 0.6 * len(stripped):
        # flagged as a quote with no speaker (checks.style.text_flags), not twice: one_flag_per_quote
        reason = "a quotation with no speaker in its sentence or the ones around it"
    if hedge_cues:
        reason += f" (hedged: {hedge_cues[0].text!r}, which is not a source)"
    return SentenceGrade(s.index, Sourcing.UNSOURCED, _sorted(hedge_cues), reason)


# A second clause makes the sentence a claim: "Trump has not talked about Zika and his campaign did
# not respond", "Adelson has not endorsed anyone, and his spokesman declined to comment", "..., and
# Trump appeared"; so does a relative clause holding the non-response ("Curiel, who declined to
# comment, was born in ...").
_CLAIM_BEFORE = re.compile(r";|,\s*(?:and|but|while)\b|\sand\s+(?:his|her|its|their)\b", re.I)
_CLAIM_AFTER = re.compile(r";|,\s*(?:and|but|while)\b", re.I)
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which)\b[^,]*\Z", re.I)


def _only_a_non_response(text: str, m: re.Match[str]) -> bool:
    before = text[: m.start()]
    return not (_CLAIM_BEFORE.search(before) or _RELATIVE_OPEN.search(before) or _CLAIM_AFTER.search(text, m.end()))


def _sorted(cues: list[Cue]) -> tuple[Cue, ...]:
    return tuple(sorted(cues, key=lambda c: (c.start, c.end, c.role)))


_LABELS = {
    Sourcing.NAMED: "named source",
    Sourcing.ANONYMOUS: "anonymous source",
    Sourcing.VAGUE: "vague attribution",
    Sourcing.SECONDHAND: "second-hand, from another outlet",
}


def _label_of(reason: str) -> str:
    return reason.split(":", 1)[0]
