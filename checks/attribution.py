"""Find who a single sentence is attributed to, without a parser.

A speech or publication verb outside quotation marks, and the noun phrase that speaks: before the
verb in the same clause ("the official told reporters"), after it when the verb follows a quote or
a comma ("... ," said a U.S. official), after "according to" or a passive "by". The speaker's words
decide the grade: an outlet is second-hand, an anonymity marker or an unnamed head noun
("officials", "sources") anonymous, a quantified group or a country speaking as one vague, a pronoun
carries the previous speaker's grade, anything else with a capitalised name (or a definite speaker
such as "the campaign") is named.

Offsets here are relative to the sentence; ``checks.sourcing`` makes them absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, phrase_alternation, words_of
from .model import Sourcing

__all__ = ["Attribution", "AttributionRules", "classify_speaker", "colon_attribution", "find_attribution", "rules_for"]

# Words that make the following "verb" a noun ("his claims", "in a tweet") or not an act that
# happened ("to argue", "could claim").
_NOT_A_VERB_BEFORE = frozenset(
    "the a an his her their its our my your these those this such no any whose of in for with "
    "on about from into over under against to could would might may can should must will "
    "shall cannot can't won't wouldn't couldn't shouldn't without".split()
)
_WORD = re.compile(r"\w[\w’'.-]*")
# The word before the verb, looking past adverbs: "can credibly claim", "could not say".
_LAST_WORD = re.compile(r"(\w[\w’'-]*)(?:\s+(?:[a-z]+ly|also|not|never|just|even|now|then))*\W*\Z")
_CLAUSE_BREAK = re.compile(r'[,;:()"“”—–]|\'\'|\s-\s|\[|\]')
_RELATIVE_INSIDE = re.compile(r"\s(?:who|which|whose|whom)\b")
_NOT_A_SPEAKER_AFTER = re.compile(
    r"\s*(?:that|how|what|why|whether|if|to|in|on|at|of|for|it|them|him|her|us|me|this|these|those)\b",
    re.IGNORECASE,
)
_GENERIC_EXPERT = re.compile(r"\b(?:expert|analyst|observer|critic|commentator|pundit|scholar)s?\b", re.I)
_COUNTED_PEOPLE = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|a handful of|a number of|\d+)\s+[a-z]",
    re.IGNORECASE,
)
_PLURAL_GROUP = re.compile(r"(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*[^s’'\W]s)\b")
_NOT_PLURAL = frozenset("his its was has is this us yes does goes hers ours theirs yours whereas perhaps always news".split())
_INDEFINITE_PERSON = re.compile(r"(?:a|an|another|one)\s+[a-z]", re.IGNORECASE)
_REACH_BACK = (",", "—", "–", " - ")
_IN_A_PUBLICATION = re.compile(  # fronted: "In a Washington Post poll released Sunday, ..."
    r"^\W{0,2}(?:in|from)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w/.’'-]+\s+){0,6}?"
    r"(?:poll|survey|study|report|interview|statement|speech|letter|memo|op-ed|filing|analysis|tweet|post)s?\b",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\([^()]{0,80}\)")  # "Phil Bryant (R) said": skipped when looking back
_AFTER_BREAK = re.compile(r'[,;:()"“”—–?!]|\'\'|\s-\s|\.\s*\Z')
_RELATIVE = re.compile(r"^\s*(?:who|which|that|whom)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")
_FUNCTION_CAPS = frozenset(
    "The A An This That These Those His Her Their Its Our My Some Many Most Several Few One Two In On "
    "At For But And Yet So Still Despite After Before When While Although Though If As Speaking "
    "Specifically Also Meanwhile However Instead Asked I He She They We It You Mr Mrs Ms Dr".split()
)
_POSSESSIVE = re.compile(r"[’']s?\Z")  # "Clinton's comments": a noun, not a verb
_COMPLEMENT_AFTER = re.compile(r'\s*(?:,|:|"|“|(?:that|how|what|why|whether|as)\b|\.?\s*\Z)', re.IGNORECASE)
_QUOTE_SOON_AFTER = re.compile(r"(?:\s+[\w’'-]+){1,8}?\s*(?::|\s[\"“]|\s'')")  # "described the ground as ''Swiss cheese''"
_QUOTE_BEFORE = re.compile(r'["”\'’],?\s*(?:[\w.’\'-]+\s+){0,4}\Z')


def _has_complement(text: str, verb: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """'added that', 'added a caveat:', '"...," he added': the verb reports what was said."""
    if _COMPLEMENT_AFTER.match(text, verb.end()) or _QUOTE_SOON_AFTER.match(text, verb.end()):
        return True
    head = text[max(0, verb.start() - 60) : verb.start()]
    return bool(_QUOTE_BEFORE.search(head))


_LAST_BREAK = re.compile(r'(?:[,;:"“”—–]|\'\')\s*\Z')  # the verb opens its clause: "..., said X"
_POLL_SHARE = re.compile(r"\d\s*%|\d+\s+percent\b|\b\w+\s+in\s+(?:10|ten)\b|\b(?:half|majorit(?:y|ies)|a\s+third|a\s+quarter)\b", re.I)
_NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset("when what as after before while because since if though although where and but so that".split())
_ENDS_WITH_AND = re.compile(r"\s(?:and|but|then|and\s+then)\s*\Z", re.IGNORECASE)
_GOES_ON_TO = re.compile(r"\b(?:continued|continues|went\s+on|goes\s+on|began|begins|proceeded)\s+to\Z", re.I)
_PUNCT = re.compile(r'[,;:"“”()—–]')
_TAIL = 48  # characters before a verb that the anchored patterns look at
_MAX_SPEAKER_WORDS = 10  # a longer stretch before the verb is a clause: its first words speak
_CONNECTOR = re.compile(
    r"^(?:(?:and|but|yet|so|still|also|meanwhile|however|instead|now|then|though|although|while|as|because"
    r"|in fact|for example|for instance|of course|even|too|though|indeed|in turn|at the time)\b,?\s*)+",
    re.IGNORECASE,
)
# "She also", "Trump has repeatedly": what stands between the speaker and the verb.
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|has|have|had|will|would|later|then|again|just|already|once|previously|still|even|never"
    r"|often|only|too|first|further|subsequently|[a-z]+ly|is|was|were|are|being|been|has\s+been|had\s+been))+\s*\Z",
    re.IGNORECASE,
)
_NAME_AFTER_HEAD = re.compile(r"\s+[A-Z][a-z]")  # "aide Huma Abedin", "spokesman Josh Earnest"
_PASSIVE_BY = re.compile(r"^\s+by\s+", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
_SPEAKER_COLON = re.compile(r"\W{0,2}([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]*){0,3}):\s+[\"“A-Z]")
_COLON_QUOTE = re.compile(r':\s*["“]')
_DEFINITE = re.compile(r"^(?:the|his|her|their|its|our)\s+\w", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of one sentence; ``cues`` are (start, end, role) relative to the sentence."""

    sourcing: Sourcing
    cues: tuple[tuple[int, int, str], ...]
    reason: str
    pronoun: bool = False  # the speaker is a pronoun: the caller resolves it from context


@dataclass(frozen=True, slots=True)
class AttributionRules:
    """Compiled patterns of one lexicon (built once per lexicon, see ``rules_for``)."""

    speech: re.Pattern[str]
    anonymity: re.Pattern[str]
    anonymous_heads: re.Pattern[str]
    vague_markers: re.Pattern[str]
    vague_sources: re.Pattern[str]
    outlets: re.Pattern[str]
    pronouns: re.Pattern[str]
    publication: re.Pattern[str]
    publication_nouns: frozenset[str]
    needs_complement: frozenset[str]
    not_speech: re.Pattern[str]
    outlet_words: frozenset[str]
    noun_like: frozenset[str]
    gates: dict[str, frozenset[str]]  # category -> first words (see Lexicon.key_words)
    vague_belief: re.Pattern[str]


_RULES: dict[int, tuple[Lexicon, AttributionRules]] = {}


def rules_for(lexicon: Lexicon) -> AttributionRules:
    """The lexicon's patterns, compiled on first use (keyed by identity: lexicons are immutable)."""
    cached = _RULES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_RULES) > 32:
            _RULES.clear()
        cached = (lexicon, _compile(lexicon))
        _RULES[id(lexicon)] = cached
    return cached[1]


_GATED = ("speech_verbs", "anonymity_markers", "vague_markers", "publication_nouns", "vague_groups", "not_speech")


def _may(rules: AttributionRules, category: str, words: frozenset[str]) -> bool:
    return not rules.gates[category].isdisjoint(words)


def _compile(lexicon: Lexicon) -> AttributionRules:
    def alternation(category: str) -> str:
        return phrase_alternation(lexicon.terms(category))

    publication = re.compile(
        rf"(?<![\w-])(?:{alternation('publication_nouns')})(?:\s+[\w’'.,/-]+){{0,6}}?\s+(?:\w+ly\s+|also\s+|have\s+|has\s+|had\s+)?"
        rf"(?:{alternation('publication_verbs')})(?![\w-])",
        re.IGNORECASE,
    )
    # "Some U.S. officials were deeply skeptical": a quantified group holding a view, no speech verb.
    vague_belief = re.compile(
        rf"(?<![\w-])(?:{alternation('vague_groups')})(?:\s+[\w.’'-]+){{0,5}}?\s+(?:\w+ly\s+)?"
        rf"(?:{alternation('belief_verbs')})(?![\w-])",
        re.IGNORECASE,
    )
    return AttributionRules(
        speech=lexicon.pattern("speech_verbs"),
        anonymity=lexicon.pattern("anonymity_markers"),
        anonymous_heads=lexicon.pattern("anonymous_heads"),
        vague_markers=lexicon.pattern("vague_markers"),
        vague_sources=lexicon.pattern("vague_sources"),
        outlets=lexicon.pattern("outlets"),
        pronouns=re.compile(rf"^(?:{alternation('speaker_pronouns')})$", re.IGNORECASE),
        publication=publication,
        publication_nouns=frozenset(lexicon.terms("publication_nouns")),
        needs_complement=frozenset(lexicon.terms("speech_verbs_with_complement")),
        not_speech=lexicon.pattern("not_speech"),
        outlet_words=frozenset(lexicon.terms("outlet_words")),
        noun_like=frozenset(lexicon.terms("noun_like_speech")),
        gates={c: lexicon.key_words(c) for c in _GATED},
        vague_belief=vague_belief,
    )


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(a <= start and end <= b for a, b in spans)


def _speakers_before(text: str, verb_start: int) -> list[tuple[int, int]]:
    """Candidate speakers before the verb, nearest clause first, back over commas and dashes.

    "Moon Jae-in, who shared", "Peter Cook, told" and "Miller, a retired worker, said" (an
    appositive closed by a comma) reach back to the phrase before; a quotation mark right before
    the verb stops the search, since then the speaker follows the verb.
    """
    if "(" in text:
        text = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text[:verb_start])
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, verb_start))
    end = verb_start
    out: list[tuple[int, int]] = []
    for _ in range(4):
        start = breaks[-1].end() if breaks else 0
        segment = text[start:end]
        bare = _TRAILING_ADVERBS.sub("", " " + _CONNECTOR.sub("", segment.strip())).strip()
        if _WORD.search(bare) and not _RELATIVE.fullmatch(bare):
            relative = _RELATIVE.match(segment) if start > 0 else None  # "That person said" opens
            out.append((start + (relative.end() if relative else 0), end))  # "which officials said"
        if not breaks or breaks[-1].group(0) not in _REACH_BACK or len(out) >= 2:
            break
        end = breaks[-1].start()
        breaks.pop()
    return out or [(end, end)]


def _speaker_before(text: str, verb_start: int) -> tuple[int, int]:
    return _speakers_before(text, verb_start)[0]


def _speaker_after(text: str, verb_end: int) -> tuple[int, int]:
    # A period inside a segmented sentence is an abbreviation ("a U.S. official"), not a break;
    # "said a former official who oversaw ...": the relative clause is not the speaker.
    m = _AFTER_BREAK.search(text, verb_end)
    end = m.start() if m else len(text)
    rel = _RELATIVE_INSIDE.search(text, verb_end, end)
    return verb_end, rel.start() if rel else end


def classify_speaker(phrase: str, rules: AttributionRules) -> tuple[Sourcing | None, str, bool]:
    """(grade, role of the evidence, is a pronoun) for the words that speak; None when no speaker."""
    words = _TRAILING_ADVERBS.sub("", _CONNECTOR.sub("", phrase.strip(" ,'’"), count=1))
    if not words or not _WORD.search(words):
        return None, "", False
    if len(words.split()) > _MAX_SPEAKER_WORDS:
        # "The Arizona Republican survived ... and says": the speaker is the clause's subject.
        words = " ".join(words.split()[:4])
    if rules.anonymity.search(words):
        return Sourcing.ANONYMOUS, "anonymity", False
    head = rules.anonymous_heads.search(words)
    if head and not _NAME_AFTER_HEAD.match(words, head.end()):
        return Sourcing.ANONYMOUS, "anonymity", False  # "officials who spoke with The Post" too
    if rules.outlets.search(words) or any(
        t.lower() in rules.outlet_words for t in _CAPITALISED.findall(words) if t.rstrip(".") not in _FUNCTION_CAPS
    ):
        return Sourcing.SECONDHAND, "outlet", False
    if _POLL_SHARE.search(words):
        return Sourcing.NAMED, "source", False  # "47% say": respondents of a poll the story names
    tokens = _WORD.findall(words)
    last = tokens[-1] if tokens else ""
    if rules.pronouns.match(last) and (len(tokens) <= 2 or tokens[-2].lower() in _CLAUSE_OPENERS):
        return Sourcing.NAMED, "source", True  # "she said", "when she said", "what it calls"
    if rules.vague_sources.match(words.lower()) or rules.vague_sources.fullmatch(words.lower()):
        if not any(t not in _FUNCTION_CAPS for t in _CAPITALISED.findall(words)[1:]):
            return Sourcing.VAGUE, "vague", False
    names = [t for t in _CAPITALISED.findall(words) if t.rstrip(".") not in _FUNCTION_CAPS]
    if names or _DEFINITE.match(words) or head:
        return Sourcing.NAMED, "source", False
    if rules.vague_sources.search(words) or _GENERIC_EXPERT.search(words):
        return Sourcing.VAGUE, "vague", False
    if _COUNTED_PEOPLE.match(words) and len(tokens) <= 6:
        return Sourcing.ANONYMOUS, "anonymity", False  # "five past and current employees told"
    group = _PLURAL_GROUP.match(words)
    if group and group.group(1).lower() not in _NOT_PLURAL and len(tokens) <= 8:
        return Sourcing.VAGUE, "vague", False  # "proponents of more controls say": an unnamed group
    if _INDEFINITE_PERSON.match(words) and len(tokens) <= 4:
        return Sourcing.ANONYMOUS, "anonymity", False  # "a voter said": someone the reader cannot check
    return None, "", False


def find_attribution(
    text: str, quoted: list[tuple[int, int]], rules: AttributionRules, words: frozenset[str] | None = None
) -> Attribution | None:
    """The attribution of one sentence, or None. ``quoted`` are the spans inside quotation marks;
    ``words`` the sentence's ``words_of`` (computed here when not given)."""
    if words is None:
        words = words_of(text)
    m = rules.anonymity.search(text) if _may(rules, "anonymity_markers", words) else None
    anonymity_cue = (m.start(), m.end(), "anonymity") if m and _outside(quoted, m.start(), m.end()) else None
    found: list[tuple[int, Attribution]] = []
    verbs = rules.speech.finditer(text) if _may(rules, "speech_verbs", words) else ()
    check_not_speech = _may(rules, "not_speech", words)
    for verb in verbs:
        if not _outside(quoted, verb.start(), verb.end()) or not _is_verb_use(text, verb, quoted, rules, check_not_speech):
            continue
        attribution = _attribution_at(text, verb, rules, anonymity_cue)
        if attribution is not None:
            # A participle ("speaking", "saying") counts only when nothing better turns up.
            participle = verb.group(0).lower().endswith("ing")
            found.append((_PRIORITY[attribution.sourcing] + (10 if participle else 0), attribution))
    if found:
        # With several speakers the one an editor must check wins: anonymous, second-hand, vague.
        return min(found, key=lambda pair: pair[0])[1]
    return _other_attribution(text, quoted, rules, anonymity_cue, words)


_PRIORITY = {Sourcing.ANONYMOUS: 0, Sourcing.SECONDHAND: 1, Sourcing.VAGUE: 2, Sourcing.NAMED: 3}


def _is_verb_use(
    text: str, verb: re.Match[str], quoted: list[tuple[int, int]], rules: AttributionRules, check_not_speech: bool
) -> bool:
    """False for "his claims", "to argue", "could claim", "called off", "the U.S. added jobs"."""
    # Patterns anchored at the verb run on a short tail: searched over the whole sentence they
    # would retry at every position.
    tail_start = max(0, verb.start() - _TAIL)
    before = _LAST_WORD.search(text, tail_start, verb.start())
    # Only a word right before the verb decides ("the couple's, said" is a speaker, then the verb).
    word_before = before.group(1) if before and not _PUNCT.search(before.group(0)) else ""
    if word_before and (
        (word_before.lower() in _NOT_A_VERB_BEFORE and (word_before.islower() or before.start() == 0)
         and not (word_before.lower() == "to" and _GOES_ON_TO.search(text, tail_start, before.end())))
        or _POSSESSIVE.search(word_before)
    ):
        return False
    if _NEGATED.search(text, tail_start, verb.start()):
        return False  # "did not respond to a request for comment" attributes nothing
    if check_not_speech:
        window = rules.not_speech.finditer(text, max(0, verb.start() - 12), verb.end() + 16)
        if any(n.start() <= verb.start() < n.end() for n in window):
            return False
    return verb.group(0).lower() not in rules.needs_complement or _has_complement(text, verb, quoted)


def _attribution_at(
    text: str, verb: re.Match[str], rules: AttributionRules, anonymity_cue: tuple[int, int, str] | None
) -> Attribution | None:
    verb_cue = (verb.start(), verb.end(), "speech_verb")
    lowered = verb.group(0).lower()
    participle = lowered.endswith("ing")
    tail_start = max(0, verb.start() - _TAIL)
    if lowered == "according to":
        a, b = _speaker_after(text, verb.end())
    elif not participle and (by := _PASSIVE_BY.match(text, verb.end())) and _PASSIVE_BEFORE.search(
        text, tail_start, verb.start()
    ):
        a, b = _speaker_after(text, by.end())
    elif not participle and _PASSIVE_BEFORE.search(text, tail_start, verb.start()):
        return None  # "was announced", "is expected": no speaker given
    else:
        candidates = _speakers_before(text, verb.start())
        a, b = candidates[0]
        if len(candidates) > 1 and classify_speaker(text[a:b], rules)[0] is None:
            a, b = candidates[1]  # "Mr. Regalado, 69, said": the name before the aside
        compound = _ENDS_WITH_AND.search(text, a, b) is not None  # "He walked back his remarks and said"
        if (participle or compound) and len(text[a:b].split()) > 4 and classify_speaker(text[a:b], rules)[0] is None:
            # "Sanders went first at the town hall, predicting ...": the clause's subject speaks.
            for n in (1, 2, 3):
                first = re.match(rf"\s*(?:\S+\s+){{{n - 1}}}\S+", text[a:b])
                if first and classify_speaker(text[a : a + first.end()], rules)[0] is not None:
                    b = a + first.end()
                    break
        last_break = _LAST_BREAK.search(text, tail_start, verb.start())
        if last_break or not _WORD.search(text[a:b]):
            # '"...," said a U.S. official' and "The deal is close, said Trump": the speaker
            # follows, if a short phrase ending the clause names one.
            c, d = _speaker_after(text, verb.end())
            after = text[c:d]
            if (0 < len(after.split()) <= 8 and not _NOT_A_SPEAKER_AFTER.match(after)
                    and not verb.group(0).lower().endswith("ing")
                    and classify_speaker(after, rules)[0] is not None):
                a, b = c, d
    phrase_words = text[a:b].split()
    if (lowered in rules.noun_like and b <= verb.start() and len(phrase_words) > 4
            and not rules.pronouns.match(phrase_words[-1])):
        return None  # "Democratic Party rules allow for minority reports": a noun after a clause
    grade, role, pronoun = classify_speaker(text[a:b], rules)
    if grade is None and lowered == "according to" and _WORD.search(text[a:b]):
        grade, role = Sourcing.NAMED, "source"  # "according to state law": a document is a source
    if grade is None:
        return None
    phrase = text[a:b]
    lead = len(phrase) - len(phrase.lstrip(" ,"))
    source_cue = (a + lead, a + len(phrase.rstrip(" ,")), role)
    if anonymity_cue and grade is Sourcing.NAMED and not pronoun:
        # "the official told reporters on condition of anonymity": the marker outranks the head noun.
        grade = Sourcing.ANONYMOUS
    cues = tuple(sorted({verb_cue, source_cue, *((anonymity_cue,) if anonymity_cue else ())}))
    speaker = " ".join(phrase.split())
    return Attribution(grade, cues, f"{_LABEL[grade]}: {speaker!r} {verb.group(0)}", pronoun)


def _other_attribution(
    text: str,
    quoted: list[tuple[int, int]],
    rules: AttributionRules,
    anonymity_cue: tuple[int, int, str] | None,
    words: frozenset[str],
) -> Attribution | None:
    """Attributions without a speech verb: weasel phrases, publications, quotes after a colon."""
    markers = rules.vague_markers.finditer(text) if _may(rules, "vague_markers", words) else ()
    for m in markers:
        if _outside(quoted, m.start(), m.end()):
            return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                               f"vague attribution: {m.group(0)!r}")
    m = rules.publication.search(text) if _may(rules, "publication_nouns", words) else None
    if m and _outside(quoted, m.start(), m.end()):
        a, _ = _speaker_before(text, m.start())
        phrase = text[a:m.end()]
        cue = (m.start(), m.end(), "publication")
        if rules.outlets.search(phrase):
            return Attribution(Sourcing.SECONDHAND, (cue,), f"second-hand: {' '.join(phrase.split())!r}")
        names = [t for t in _CAPITALISED.findall(phrase)
                 if t.rstrip(".") not in _FUNCTION_CAPS and t.lower() not in rules.publication_nouns]
        grade = Sourcing.NAMED if names else Sourcing.VAGUE
        return Attribution(grade, (cue,), f"{_LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = _IN_A_PUBLICATION.search(text) if _may(rules, "publication_nouns", words) else None
    if m and _outside(quoted, m.start(), m.end()):
        # "In an ABC News/Washington Post poll released Sunday, three of four Americans ..."
        phrase = m.group(0)
        names = [t for t in _CAPITALISED.findall(phrase)[1:] if t.rstrip(".") not in _FUNCTION_CAPS]
        grade = Sourcing.SECONDHAND if rules.outlets.search(phrase) else (Sourcing.NAMED if names else Sourcing.VAGUE)
        return Attribution(grade, ((m.start(), m.end(), "publication"),),
                           f"{_LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = rules.vague_belief.search(text) if _may(rules, "vague_groups", words) else None
    if m and _outside(quoted, m.start(), m.end()):
        return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                           f"vague attribution: {' '.join(m.group(0).split())!r}")
    if anonymity_cue:
        return Attribution(Sourcing.ANONYMOUS, (anonymity_cue,),
                           f"anonymous source: {text[anonymity_cue[0]:anonymity_cue[1]]!r}")
    m = _SPEAKER_COLON.match(text)
    if m and not any(w.rstrip(".") in _FUNCTION_CAPS for w in m.group(1).split()):
        grade, role, pronoun = classify_speaker(m.group(1), rules)
        grade = grade or Sourcing.NAMED
        return Attribution(grade, ((0, m.end(1), role or "source"), (m.end(1), m.end(1) + 1, "colon")),
                           f"{_LABEL[grade]}: {m.group(1)!r} speaking after a colon", pronoun)
    m = _COLON_QUOTE.search(text)
    if m and _outside(quoted, m.start(), m.start() + 1):
        a, _ = _speaker_before(text, m.start())
        grade, _role, pronoun = classify_speaker(text[a:m.start()], rules)
        if grade is not None:
            return Attribution(grade, ((m.start(), m.start() + 1, "colon"),),
                               f"{_LABEL[grade]}: quote introduced by a colon", pronoun)
    return None


def colon_attribution(text: str, rules: AttributionRules) -> Attribution | None:
    """A sentence that ends with a colon before a quote ("Trump put it this way:") introduces it."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    a, b = _speaker_before(stripped, len(stripped) - 1)
    grade, role, pronoun = classify_speaker(stripped[a:b], rules)
    if grade is None:
        return None
    cue = (len(stripped) - 1, len(stripped), "colon")
    return Attribution(grade, (cue,), f"{_LABEL[grade]}: quote introduced by a colon", pronoun)


_LABEL = {
    Sourcing.NAMED: "named source",
    Sourcing.ANONYMOUS: "anonymous source",
    Sourcing.VAGUE: "vague attribution",
    Sourcing.SECONDHAND: "second-hand, from another outlet",
}
