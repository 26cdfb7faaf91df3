"""Find who a single sentence is attributed to, without a parser.

A speech or publication verb outside quotation marks, and the noun phrase that speaks: before the
verb in the same clause ("the official told reporters"), after it when the verb follows a quote or
a comma ("... ," said a U.S. official), after "according to" or a passive "by". The speaker's words
decide the grade: an outlet is second-hand, an anonymity marker or an unnamed head noun
("officials", "sources") anonymous, a quantified group or a country speaking as one vague, a pronoun
carries the previous speaker's grade, anything else with a capitalised name (or a definite speaker
such as "the campaign") is named.

Offsets here are relative to the sentence; ``checks.sourcing.grade`` makes them absolute.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from checks.sourcing.lexicon import words_of
from checks.model import Sourcing
from checks.sourcing.rules import AttributionRules, may_match, rules_for
from checks.sourcing.speakers import speaker_after, speaker_before, speakers_before, speaks_before_aside
from checks.sourcing.source_kinds import ADVERB_LY, CAPITALISED, FUNCTION_CAPS, WORD, classify_speaker

__all__ = [
    "Attribution",
    "AttributionRules",
    "classify_speaker",
    "colon_attribution",
    "find_attribution",
    "outside_quotes",
    "rules_for",
]

# Words that make the following "verb" a noun ("his claims", "in a tweet") or not an act that
# happened ("to argue", "could claim").
_NOT_A_VERB_BEFORE = frozenset(
    "the a an his her their its our my your these those this such no any whose of in for with "
    "on about from into over under against to could would might may can should must will "
    "shall cannot can't won't wouldn't couldn't shouldn't without".split()
)
# The word before the verb, looking past adverbs: "can credibly claim", "could not say".
_LAST_WORD = re.compile(rf"(\w[\w’'-]*)(?:\s+(?:{ADVERB_LY}|also|not|never|just|even|now|then))*\W*\Z")
_NOT_A_SPEAKER_AFTER = re.compile(
    r"\s*(?:that|how|what|why|whether|if|to|in|on|at|of|for|it|them|him|her|us|me|this|these|those"
    r"|he|she|they|we|i|you)\b",  # "said he has spoken with ...": a reported clause, not a speaker
    re.IGNORECASE,
)
_IN_A_PUBLICATION = re.compile(  # fronted: "In a Washington Post poll released Sunday, ..."
    r"^\W{0,2}(?:in|from)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w/.’'-]+\s+){0,6}?"
    r"(?:poll|survey|study|report|interview|statement|speech|letter|memo|op-ed|filing|analysis|tweet|post)s?\b",
    re.IGNORECASE,
)
# "Clinton's comments": a noun, not a verb; "He's said", "That's according to": a contraction.
_POSSESSIVE = re.compile(r"(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Tt]hat)(?<!\b[Ww]ho)(?<!\b[Ww]hat)[’']s?\Z")
_COMPLEMENT_AFTER = re.compile(r'\s*(?:,|:|"|“|(?:that|how|what|why|whether|as)\b|\.?\s*\Z)', re.IGNORECASE)
# The clause a finding verb reports: "ruled that", "agree she could", "decided the vote was void";
# not "agreed to pay", "ruled out a bid", "decided against it".
_CLAUSE_AFTER = re.compile(
    r"\s+(?:that\b|(?:he|she|they|it|we|i|you|there|the\s+\w+|this|these|those)\s+(?:\w+ly\s+)?"
    r"(?:could|would|should|will|can|may|might|must|is|was|are|were|has|had|have|did|does|do)\b)",
    re.IGNORECASE,
)
_QUOTE_SOON_AFTER = re.compile(r"(?:\s+[\w’'-]+){1,8}?\s*(?::|\s[\"“]|\s'')")  # "described the ground as ''Swiss cheese''"
_DESCRIBED_AS = re.compile(r"(?:\s+[\w’'-]+){1,8}?\s+as\b")  # "described the ground as Swiss cheese"
# "BYLINE: Amber Phillips", "Contributing: ...", "Related: ...": labels, not speakers.
_LABELS_NOT_SPEAKERS = frozenset(
    "byline contributing contributors related read watch update updated editor editors note correction photo "
    "photos video source sources plus also see listen subscribe follow advertisement credit reporting "
    "breaking revealed look boom remember answer exclusive notice".split()
)
_QUOTE_BEFORE = re.compile(r'["”\'’],?\s*(?:[\w.’\'-]+\s+){0,4}\Z')


def _has_complement(text: str, verb: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """'added that', 'added a caveat:', '"...," he added': the verb reports what was said."""
    if _COMPLEMENT_AFTER.match(text, verb.end()) or _QUOTE_SOON_AFTER.match(text, verb.end()):
        return True
    if verb.group(0).lower().startswith("describ") and _DESCRIBED_AS.match(text, verb.end()):
        return True
    head = text[max(0, verb.start() - 60) : verb.start()]
    return bool(_QUOTE_BEFORE.search(head))


_LAST_BREAK = re.compile(r'(?:[,;:"“”—–]|\'\')\s*\Z')  # the verb opens its clause: "..., said X"
_NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
_ENDS_WITH_AND = re.compile(r"\s(?:and|but|then|and\s+then)\s*\Z", re.IGNORECASE)
_GOES_ON_TO = re.compile(
    r"\b(?:continued|continues|went\s+on|goes\s+on|began|begins|proceeded|so\s+far\s+as"
    r"|(?:is|are|was|were)\s+(?:quick|careful|eager|keen|happy|first|prompted|compelled|forced)"
    r"|(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:more|less)\s+likely"
    r"|hastened|hastens|rushed)\s+to\Z",
    re.I,
)  # "continued to insist", "were quick to note", "were more likely to say" (a poll): the subject's act
# '"...," an official told Fox News': what follows these verbs is who listened, never the speaker.
_LISTENER_AFTER = frozenset(
    ("told", "tells", "tell", "telling", "told reporters", "informed", "assured", "reminded", "thanked")
)
_THAT_INSIDE = re.compile(r"\bthat\b")  # "revealed Wednesday that ...": what was said, not who
# "Two aides, both Democrats, said the vote would be delayed": a finite auxiliary after the verb makes
# a reported clause; a speaker after the verb is a noun phrase (a relative clause is cut off first).
_FINITE_AFTER = re.compile(
    r"\s(?:would|will|is|was|are|were|has|had|have|could|should|can|may|might|must|did|does)\b"
)
_TALKS_WITH = re.compile(  # "according to interviews with ...": those interviewed are the source
    r"\s*(?:(?:several|many|more\s+than\s+\w+|\w+)\s+)?(?:interviews|conversations|discussions)\s+with\s+", re.I
)
_NAMING = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){1,3}\Z")  # "a show called", "a group of exiles called"
_WHEN_ASKED = re.compile(r"\b(?:when|if|after|before|once|as|unless|until|while)\s+asked\Z", re.IGNORECASE)
_PUNCT = re.compile(r'[,;:"“”()—–]')
_MAX_VERBS = 24  # speech verbs examined in one sentence
_TAIL = 48  # characters before a verb that the anchored patterns look at
_THAT_AFTER = re.compile(r"\s+that\b|\s*:")  # "Sanders' fundraising email notes that": a verb
_PASSIVE_BY = re.compile(r"\s+by\s+", re.IGNORECASE)  # used with match(): anchored at the verb
# Who acts after "by" in a reduced passive: not "responded by attacking", "by phone", "by Friday".
_AGENT = re.compile(
    r"(?!(?:\w+ly\s+|first\s+|then\s+)?\w+ing\b|(?:phone|telephone|e-?mail|text|mail|hand|video|satellite|far|then|now|next|early|late|noon"
    r"|the\s+(?:end|time|way)|\d|(?-i:[A-Z][a-z]+day\b|January|February|March|April|May|June|July|August"
    r"|September|October|November|December))\b)\S",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
# "The transcript shows", "the ruling found": one document the story has identified, not "polls show".
_ONE_DOCUMENT = re.compile(r"\W*(?:the|this|that|its|his|her|their)\s+(?:\w+\s+){0,2}?[a-z]+[^s\W]\s", re.IGNORECASE)
# A singular indefinite subject: a bare form of a noun-like verb after it is the noun ("A government
# claim", "a report"); a participle right after it modifies it ("A claim accusing the firms"), unless
# an auxiliary makes it a verb ("a group of leaders is calling").
_ONE_THING = re.compile(r"\W*(?:(?:and|but)\s+)?(?:a|an|another|each|every)\s", re.IGNORECASE)
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


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker of one sentence; ``cues`` are (start, end, role) relative to the sentence."""

    sourcing: Sourcing
    cues: tuple[tuple[int, int, str], ...]
    reason: str
    pronoun: bool = False  # the speaker is a pronoun: the caller resolves it from context
    antecedent: bool = True  # a later "he said" may refer back here (not to "his advisers believe")


def outside_quotes(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end lies outside every quoted span (``spans`` sorted and disjoint)."""
    i = bisect_right(spans, (start, _BEYOND))
    return i == 0 or spans[i - 1][1] < end


_BEYOND = 1 << 62


def find_attribution(
    text: str, quoted: list[tuple[int, int]], rules: AttributionRules, words: frozenset[str] | None = None
) -> Attribution | None:
    """The attribution of one sentence, or None. ``quoted`` are the spans inside quotation marks;
    ``words`` the sentence's ``words_of`` (computed here when not given)."""
    if words is None:
        words = words_of(text)
    m = rules.anonymity.search(text) if may_match(rules, "anonymity_markers", words) else None
    anonymity_cue = (m.start(), m.end(), "anonymity") if m and outside_quotes(quoted, m.start(), m.end()) else None
    found: list[tuple[int, Attribution]] = []
    verbs = rules.speech.finditer(text) if may_match(rules, "speech_verbs", words) else ()
    check_not_speech = may_match(rules, "not_speech", words)
    for n, verb in enumerate(verbs):
        if n >= _MAX_VERBS:
            break  # a run-on "sentence" (a file with no full stops) must not cost time per verb squared
        if not outside_quotes(quoted, verb.start(), verb.end()) or not _is_verb_use(text, verb, quoted, rules, check_not_speech):
            continue
        attribution = _attribution_at(text, verb, rules, anonymity_cue)
        if attribution is not None:
            # A participle ("speaking", "saying") or a reduced clause ("said when asked how ...")
            # counts only when nothing better turns up.
            participle = verb.group(0).lower().endswith("ing") or bool(
                _WHEN_ASKED.search(text, max(0, verb.end() - 16), verb.end()))
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
    if text.endswith("<", 0, verb.start()) or text.endswith("</", 0, verb.start()):
        return False  # "<tweet author=...>", "</tweet>": markup left in the text, not a verb
    # Patterns anchored at the verb run on a short tail: searched over the whole sentence they
    # would retry at every position.
    tail_start = max(0, verb.start() - _TAIL)
    before = _LAST_WORD.search(text, tail_start, verb.start())
    # Only a word right before the verb decides ("the couple's, said" is a speaker, then the verb).
    word_before = before.group(1) if before and not _PUNCT.search(before.group(0)) else ""
    if word_before and (
        (word_before.lower() in _NOT_A_VERB_BEFORE and (word_before.islower() or before.start() == 0)
         and not (word_before.lower() == "to" and _GOES_ON_TO.search(text, tail_start, before.end(1))))
        or _POSSESSIVE.search(word_before)
    ):
        return False
    if (verb.group(0).lower() == "called" and _NAMING.search(text, tail_start, verb.start())
            and not text.startswith((" for ", " on "), verb.end())):
        return False  # "a program called Sandy Hook Promise": a name given, not speech
    if _NEGATED.search(text, tail_start, verb.start()):
        return False  # "did not respond to a request for comment" attributes nothing
    if check_not_speech:
        window = rules.not_speech.finditer(text, max(0, verb.start() - 12), verb.end() + 16)
        if any(n.start() <= verb.start() < n.end() for n in window):
            return False
    lowered = verb.group(0).lower()
    if lowered in rules.needs_clause:
        return _CLAUSE_AFTER.match(text, verb.end()) is not None
    return lowered not in rules.needs_complement or _has_complement(text, verb, quoted)


def _attribution_at(
    text: str, verb: re.Match[str], rules: AttributionRules, anonymity_cue: tuple[int, int, str] | None
) -> Attribution | None:
    verb_cue = (verb.start(), verb.end(), "speech_verb")
    lowered = verb.group(0).lower()
    participle = lowered.endswith("ing")
    tail_start = max(0, verb.start() - _TAIL)
    aside = False  # the speaker stands before an aside: "Jan Brewer, an early supporter, calls"
    if lowered == "according to":
        a, b = speaker_after(text, verb.end())
        if talk := _TALKS_WITH.match(text, a, b):
            a = talk.end()  # "according to interviews with a dozen officials": those interviewed speak
    elif (not participle and lowered != "asked" and (by := _PASSIVE_BY.match(text, verb.end()))
          and (_PASSIVE_BEFORE.search(text, tail_start, verb.start())  # "was criticized by officials"
               or (lowered.endswith(("ed", "en")) and lowered not in ("said", "told")  # "a practice criticized by"
                   and _AGENT.match(text, by.end())))):
        a, b = speaker_after(text, by.end())
    elif not participle and _PASSIVE_BEFORE.search(text, tail_start, verb.start()):
        if lowered != "asked":
            return None  # "was announced", "is expected": no speaker given
        # "Trump was asked about the wall": the one who answers is the speaker.
        a, b = speaker_before(text, _PASSIVE_BEFORE.search(text, tail_start, verb.start()).start())
    else:
        candidates = speakers_before(text, verb.start())
        a, b = candidates[0]
        aside = len(candidates) > 1 and speaks_before_aside(text, candidates, verb.start(), rules)
        if len(candidates) > 1 and (aside or classify_speaker(text[a:b], rules)[0] is None):
            # "Mr. Regalado, 69, said", "Steven Cheung, a campaign spokesman, said": the name
            # before the aside speaks.
            a, b = candidates[1]
        compound = _ENDS_WITH_AND.search(text, a, b) is not None  # "He walked back his remarks and said"
        if (participle or compound) and len(text[a:b].split()) > 2 and classify_speaker(text[a:b], rules)[0] is None:
            # "Sanders went first at the town hall, predicting ...": the clause's subject speaks.
            for n in (1, 2, 3):
                first = re.match(rf"\s*(?:\S+\s+){{{n - 1}}}\S+", text[a:b])
                if first and classify_speaker(text[a : a + first.end()], rules)[0] is not None:
                    b = a + first.end()
                    break
        last_break = _LAST_BREAK.search(text, tail_start, verb.start())
        if (last_break or not WORD.search(text[a:b])) and not aside and lowered not in _LISTENER_AFTER:
            # '"...," said a U.S. official' and "The deal is close, said Trump": the speaker
            # follows, if a short phrase ending the clause names one.
            c, d = speaker_after(text, verb.end())
            after = text[c:d]
            if (0 < len(after.split()) <= 10 and not _NOT_A_SPEAKER_AFTER.match(after)
                    and not _THAT_INSIDE.search(after)
                    and not (last_break and _FINITE_AFTER.search(after))  # "Says Clinton would ...": a headline
                    and not verb.group(0).lower().endswith("ing")
                    and classify_speaker(after, rules)[0] is not None):
                a, b = c, d
    phrase_words = text[a:b].split()
    if (lowered in rules.noun_like and b <= verb.start() and len(phrase_words) > 4 and not aside
            and not rules.pronouns.match(phrase_words[-1]) and not _THAT_AFTER.match(text, verb.end())):
        return None  # "Democratic Party rules allow for minority reports": a noun after a clause
    if (b <= verb.start() and _ONE_THING.match(text, a, b) and len(text[a:b].split()) <= 6
            and (lowered + "s" in rules.noun_like or (participle and not _PASSIVE_BEFORE.search(text, tail_start, verb.start())))
            and not _PUNCT.search(text, b, verb.start()) and not _LAST_BREAK.search(text, tail_start, verb.start())):
        return None  # "A US government claim accusing the firms": a noun and its modifier, no speaker
    grade, role, pronoun = classify_speaker(text[a:b], rules)
    if grade is None and lowered == "according to" and WORD.search(text[a:b]):
        grade, role = Sourcing.NAMED, "source"  # "according to state law": a document is a source
    if grade is None:
        return None
    phrase = text[a:b]
    lead = len(phrase) - len(phrase.lstrip(" ,"))
    source_cue = (a + lead, a + len(phrase.rstrip(" ,")), role)
    if anonymity_cue and grade in (Sourcing.NAMED, Sourcing.VAGUE) and not pronoun:
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
    m = _ASKED_FRONTED.match(text) if "asked" in words else None
    if m and m.start("v") < 40:
        # "Asked whether he would back the nominee, Rubio gave a roundabout answer": the one asked answers
        grade, role, pronoun = classify_speaker(m.group("who"), rules)
        if grade is not None:
            return Attribution(grade, ((m.start("v"), m.end("v"), "speech_verb"), (m.start("who"), m.end("who"), role)),
                               f"{_LABEL[grade]}: {m.group('who')!r} asked", pronoun)
    markers = rules.vague_markers.finditer(text) if may_match(rules, "vague_markers", words) else ()
    for m in markers:
        if outside_quotes(quoted, m.start(), m.end()):
            return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                               f"vague attribution: {m.group(0)!r}")
    m = rules.publication.search(text) if may_match(rules, "publication_nouns", words) else None
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
        return Attribution(grade, (cue,), f"{_LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = _IN_A_PUBLICATION.search(text) if may_match(rules, "publication_nouns", words) else None
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
        return Attribution(grade, cues, f"{_LABEL[grade]}: {' '.join(phrase.split())!r}")
    m = _IN_A_NAMED_POLL.search(text) if ("poll" in words or "survey" in words) else None
    if m and outside_quotes(quoted, m.start(), m.end()) and (
            names := [t for t in CAPITALISED.findall(m.group(1)) if t.rstrip(".") not in FUNCTION_CAPS]):
        # "Clinton held a 24-point lead among black voters in a Gallup poll": the pollster is named
        grade = Sourcing.SECONDHAND if rules.outlets.search(m.group(1)) else Sourcing.NAMED
        return Attribution(grade, ((m.start(), m.end(), "publication"),),
                           f"{_LABEL[grade]}: {' '.join(m.group(0).split())!r}")
    m = rules.vague_belief.search(text) if may_match(rules, "vague_groups", words) else None
    if m and outside_quotes(quoted, m.start(), m.end()):
        return Attribution(Sourcing.VAGUE, ((m.start(), m.end(), "vague"),),
                           f"vague attribution: {' '.join(m.group(0).split())!r}")
    m = rules.anonymous_belief.search(text) if may_match(rules, "anonymous_heads", words) else None
    if m and outside_quotes(quoted, m.start(), m.end()):
        return Attribution(Sourcing.ANONYMOUS, ((m.start(), m.end(), "anonymity"),),
                           f"anonymous source: {' '.join(m.group(0).split())!r}", antecedent=False)
    if anonymity_cue:
        return Attribution(Sourcing.ANONYMOUS, (anonymity_cue,),
                           f"anonymous source: {text[anonymity_cue[0]:anonymity_cue[1]]!r}")
    m = _SPEAKER_COLON.match(text)
    if m and not any((w.rstrip(".") in FUNCTION_CAPS and w.rstrip(".") not in _TITLE_CAPS)
                     or w.lower() in _LABELS_NOT_SPEAKERS for w in m.group(1).split()):
        grade, role, pronoun = classify_speaker(m.group(1), rules)
        grade = grade or Sourcing.NAMED
        return Attribution(grade, ((0, m.end(1), role or "source"), (m.end(1), m.end(1) + 1, "colon")),
                           f"{_LABEL[grade]}: {m.group(1)!r} speaking after a colon", pronoun)
    m = _COLON_QUOTE.search(text)
    if m and outside_quotes(quoted, m.start(), m.start() + 1):
        a, _ = speaker_before(text, m.start())
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
    a, b = speaker_before(stripped, len(stripped) - 1)
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
