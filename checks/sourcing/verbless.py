"""Attributions with no speech verb: a publication that speaks ("polls show", "the transcript shows"),
a poll named in the sentence, weasel phrases and unnamed people holding a view, a fronted "Asked
..., <subject>", a headline speaker before a colon, a quote introduced by a colon.

Offsets are relative to the sentence, as in ``checks.sourcing.attribution``.
"""

from __future__ import annotations

import re

from checks.model import Sourcing
from checks.sourcing.result import LABEL, Attribution, outside_quotes
from checks.sourcing.rules import AttributionRules, may_match
from checks.sourcing.source_kinds import CAPITALISED, FUNCTION_CAPS, classify_speaker
from checks.sourcing.speakers import speaker_before

__all__ = ["colon_attribution", "other_attribution"]

_IN_A_PUBLICATION = re.compile(  # fronted: "In a Washington Post poll released Sunday, ..."
    r"^\W{0,2}(?:in|from)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w/.’'-]+\s+){0,6}?"
    r"(?:poll|survey|study|report|interview|statement|speech|letter|memo|op-ed|filing|analysis|tweet|post)s?\b",
    re.IGNORECASE,
)
# "BYLINE: Amber Phillips", "Contributing: ...", "Related: ...": labels, not speakers.
_LABELS_NOT_SPEAKERS = frozenset(
    "byline contributing contributors related read watch update updated editor editors note correction photo "
    "photos video source sources plus also see listen subscribe follow advertisement credit reporting "
    "breaking revealed look boom remember answer exclusive notice".split()
)
# "The transcript shows", "the ruling found": one document the story has identified, not "polls show".
_ONE_DOCUMENT = re.compile(r"\W*(?:the|this|that|its|his|her|their)\s+(?:\w+\s+){0,2}?[a-z]+[^s\W]\s", re.IGNORECASE)
# A fronted "Asked ..., <subject>": the subject answers.
_ASKED_FRONTED = re.compile(
    r"\W*(?i:(?:and\s+|but\s+|yet\s+)?(?:when\s+|if\s+|once\s+)?)(?P<v>(?i:asked))\b(?!\s+to\b)[^,;:“”\"]{3,200},\s+"
    r"(?P<who>(?i:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?=\s+(?:were|was|is|are|had|have|has|\w+ed)\b)"
    r"|(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}|he|she|they|we|I)\s+(?!said\b|says\b)[a-z]"
)
# A poll named inside the sentence: "... in a CNN national poll", "according to the latest Gallup survey".
_IN_A_NAMED_POLL = re.compile(
    r"\b(?:in|from|by)\s+(?:a|an|the|its|their)\s+((?:[\w/.’'&-]+\s+){0,4}?)(?:poll|survey)\b"
)
# The subject after a fronted "In a statement ...,": lower-case titles, then a capitalised name.
_SUBJECT_AFTER_COMMA = re.compile(
    r"[^,]{0,60},\s+((?:(?:the|a|an|[a-z][\w-]*)\s+){0,3}(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.\s+)?"
    r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})"
)
# "Roger Stone: Don't trust ...", "Clinton camp: Trump's ...", "Clinton to Planned Parenthood: ...",
# after a label ("EXCLUSIVE – "): a headline's speaker.
_SPEAKER_COLON = re.compile(
    r"\W{0,2}(?:[A-Z]{3,}\s+[–—-]+\s+)?([A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]*|camp|campaign|(?:to|at)(?=\s+[A-Z])))"
    r"{0,4}):\s+[\"“‘'A-Z]"
)
_TITLE_CAPS = frozenset(("Mr", "Mrs", "Ms", "Dr"))
_COLON_QUOTE = re.compile(r':\s*(?:["“‘]|\'\')')


def _shields_someone(text: str, cue: tuple[int, int, str], rules: AttributionRules) -> bool:
    """With no speech verb, "who asked not to be named" shields a source; a bare "anonymous" does
    only before a source ("an anonymous official"), not in "anonymous e-mail relays" or "an
    anonymous donor gave"."""
    start, end, _ = cue
    if " " in text[start:end].strip():
        return True
    after = len(text) - len(text[end:].lstrip())
    return rules.anonymous_heads.match(text, after, after + 40) is not None


def other_attribution(
    text: str,
    quoted: list[tuple[int, int]],
    rules: AttributionRules,
    anonymity_cue: tuple[int, int, str] | None,
    words: frozenset[str],
) -> Attribution | None:
    """Attributions without a speech verb: weasel phrases, publications, quotes after a colon."""
    m = _ASKED_FRONTED.match(text) if "asked" in words else None
    if m and m.start("v") < 40:
        # "Asked whether he would back the nominee, Rubio gave a roundabout answer": the one asked answers
        grade, role, pronoun = classify_speaker(m.group("who"), rules)
        if grade is not None:
            return Attribution(grade, ((m.start("v"), m.end("v"), "speech_verb"), (m.start("who"), m.end("who"), role)),
                               f"{LABEL[grade]}: {m.group('who')!r} asked", pronoun)
    markers = rules.vague_markers.finditer(text) if may_match(rules, "vague_markers", words) else ()
    for m in markers:
        if outside_quotes(quoted, m.start(), m.end()):
            return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                               f"vague attribution: {m.group(0)!r}")
    found = _publication_attribution(text, quoted, rules, words)
    if found is not None:
        return found
    m = rules.vague_belief.search(text) if may_match(rules, "vague_groups", words) else None
    if m and outside_quotes(quoted, m.start(), m.end()):
        return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                           f"vague attribution: {' '.join(m.group(0).split())!r}")
    m = rules.anonymous_belief.search(text) if may_match(rules, "anonymous_heads", words) else None
    if m and outside_quotes(quoted, m.start(), m.end()):
        return Attribution(Sourcing.ANONYMOUS, ((m.start(), m.end(), "anonymity"),),
                           f"anonymous source: {' '.join(m.group(0).split())!r}", antecedent=False)
    if anonymity_cue and _shields_someone(text, anonymity_cue, rules):
        return Attribution(Sourcing.ANONYMOUS, (anonymity_cue,),
                           f"anonymous source: {text[anonymity_cue[0]:anonymity_cue[1]]!r}")
    m = _SPEAKER_COLON.match(text)
    if m and not any((w.rstrip(".") in FUNCTION_CAPS and w.rstrip(".") not in _TITLE_CAPS)
                     or w.lower() in _LABELS_NOT_SPEAKERS for w in m.group(1).split()):
        grade, role, pronoun = classify_speaker(m.group(1), rules)
        grade = grade or Sourcing.NAMED
        return Attribution(grade, ((0, m.end(1), role or "source"), (m.end(1), m.end(1) + 1, "colon")),
                           f"{LABEL[grade]}: {m.group(1)!r} speaking after a colon", pronoun)
    m = _COLON_QUOTE.search(text)
    if m and outside_quotes(quoted, m.start(), m.start() + 1):
        a, _ = speaker_before(text, m.start())
        grade, _role, pronoun = classify_speaker(text[a:m.start()], rules)
        if grade is not None:
            return Attribution(grade, ((m.start(), m.start() + 1, "colon"),),
                               f"{LABEL[grade]}: quote introduced by a colon", pronoun)
    return None


def colon_attribution(text: str, rules: AttributionRules) -> Attribution | None:
    """A sentence that ends with a colon before a quote ("Trump put it this way:") introduces it."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    a, b = speaker_before(stripped, len(stripped) - 1)
    grade, role, pronoun = classify_speaker(stripped[a:b], rules)
    if grade is None:
        return None
    cue = (len(stripped) - 1, len(stripped), "colon")
    return Attribution(grade, (cue,), f"{LABEL[grade]}: quote introduced by a colon", pronoun)


def _publication_attribution(
    text: str, quoted: list[tuple[int, int]], rules: AttributionRules, words: frozenset[str]
) -> Attribution | None:
    """ "Polls show", "the transcript shows", "In a statement issued Tuesday, <name> ...", "in a CNN poll"."""
    if not may_match(rules, "publication_nouns", words):
        return None
    m = rules.publication.search(text)
    if m and outside_quotes(quoted, m.start(), m.end()):
        a, _ = speaker_before(text, m.start())
        phrase = text[a:m.end()]
        cue = (m.start(), m.end(), "publication")
        if rules.outlets.search(phrase):
            return Attribution(Sourcing.SECONDHAND, (cue,), f"second-hand: {' '.join(phrase.split())!r}")
        names = [t for t in CAPITALISED.findall(phrase)
                 if t.rstrip(".") not in FUNCTION_CAPS and t.lower() not in rules.publication_nouns
                 and t.lower() not in rules.group_adjectives
                 and not (a == 0 and t.endswith("ly") and phrase.lstrip().startswith(t))]  # "Early polls show"
        grade = Sourcing.NAMED if names or _ONE_DOCUMENT.match(phrase) else Sourcing.VAGUE
        if not names and rules.anonymous_heads.search(text, m.start(), m.end()) and (
                classify_speaker(text[m.start():m.end()].rsplit(None, 1)[0], rules)[0] is Sourcing.ANONYMOUS):
            grade = Sourcing.ANONYMOUS  # "a survey of Republican insiders shows": unnamed people publish
        return Attribution(grade, (cue,), f"{LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = _IN_A_PUBLICATION.search(text)
    if m and outside_quotes(quoted, m.start(), m.end()):
        # "In an ABC News/Washington Post poll released Sunday, three of four Americans ..."
        phrase = m.group(0)
        names = [t for t in CAPITALISED.findall(phrase)[1:] if t.rstrip(".") not in FUNCTION_CAPS]
        grade = Sourcing.SECONDHAND if rules.outlets.search(phrase) else (Sourcing.NAMED if names else Sourcing.VAGUE)
        cues: tuple[tuple[int, int, str], ...] = ((m.start(), m.end(), "publication"),)
        subject = _SUBJECT_AFTER_COMMA.match(text, m.end()) if grade is Sourcing.VAGUE else None
        if subject and classify_speaker(subject.group(1), rules)[0] is Sourcing.NAMED:
            # "In a statement issued Tuesday, presidential nominee Hillary Clinton was ...": hers
            grade, phrase = Sourcing.NAMED, subject.group(1)
            cues += ((subject.start(1), subject.end(1), "source"),)
        return Attribution(grade, cues, f"{LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = _IN_A_NAMED_POLL.search(text) if ("poll" in words or "survey" in words) else None
    if m and outside_quotes(quoted, m.start(), m.end()) and (
            names := [t for t in CAPITALISED.findall(m.group(1)) if t.rstrip(".") not in FUNCTION_CAPS]):
        # "Clinton held a 24-point lead among black voters in a Gallup poll": the pollster is named
        grade = Sourcing.SECONDHAND if rules.outlets.search(m.group(1)) else Sourcing.NAMED
        return Attribution(grade, ((m.start(), m.end(), "publication"),),
                           f"{LABEL[grade]}: {' '.join(m.group(0).split())!r}")
    return None
