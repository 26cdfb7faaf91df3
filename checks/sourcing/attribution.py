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

from checks.sourcing.lexicon import words_of
from checks.model import Sourcing
from checks.sourcing.result import LABEL, Attribution, outside_quotes
from checks.sourcing.rules import AttributionRules, may_match, rules_for
from checks.sourcing.speakers import speaker_after, speaker_before, speakers_before, speaks_before_aside
from checks.sourcing.source_kinds import ADVERB_LY, WORD, classify_speaker
from checks.sourcing.verbless import colon_attribution, other_attribution

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
# "The sale was illegal, a court has ruled (on Tuesday).": the clause came first, the finding verb ends
# the sentence after a comma.
_ENDS_AFTER = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|later|yesterday|today)\b[\w ]{0,30})?\s*[.!]?[\"”’']?\s*\Z")
_COMMA_BEFORE = re.compile(r",\s*(?!(?:and|but|or|then|so)\b)(?:[\w.’'-]+\s+){1,8}\Z")
_QUOTE_SOON_AFTER = re.compile(r"(?:\s+[\w’'-]+){1,8}?\s*(?::|\s[\"“]|\s'')")  # "described the ground as ''Swiss cheese''"
_DESCRIBED_AS = re.compile(r"(?:\s+[\w’'-]+){1,8}?\s+as\b")  # "described the ground as Swiss cheese"
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
# A singular indefinite subject: a bare form of a noun-like verb after it is the noun ("A government
# claim", "a report"); a participle right after it modifies it ("A claim accusing the firms"), unless
# an auxiliary makes it a verb ("a group of leaders is calling").
_ONE_THING = re.compile(r"\W*(?:(?:and|but)\s+)?(?:a|an|another|each|every)\s", re.IGNORECASE)


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
    return other_attribution(text, quoted, rules, anonymity_cue, words)


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
        if _CLAUSE_AFTER.match(text, verb.end()) is not None:
            return True
        return _ENDS_AFTER.match(text, verb.end()) is not None and _COMMA_BEFORE.search(text, tail_start, verb.start()) is not None
    return lowered not in rules.needs_complement or _has_complement(text, verb, quoted)


def _a_noun_and_its_modifier(text: str, verb: re.Match[str], a: int, b: int, rules: AttributionRules) -> bool:
    """'A US government claim accusing the firms': "claim" is the noun after a short singular indefinite
    subject, and "accusing" modifies it; neither has a speaker."""
    if not _ONE_THING.match(text, a, b) or len(text[a:b].split()) > 6 or _PUNCT.search(text, b, verb.start()):
        return False
    tail_start = max(0, verb.start() - _TAIL)
    if _LAST_BREAK.search(text, tail_start, verb.start()):
        return False
    lowered = verb.group(0).lower()
    if lowered.endswith("ing"):
        return not _PASSIVE_BEFORE.search(text, tail_start, verb.start())  # "a group of leaders is calling"
    return lowered + "s" in rules.noun_like


def _attribution_at(
    text: str, verb: re.Match[str], rules: AttributionRules, anonymity_cue: tuple[int, int, str] | None
) -> Attribution | None:
    """The attribution a speech verb makes, or None: the speaker before it, after it ("said
    Ortiz"), across an aside, or none at all. One function because the cases share the window
    around the verb and are tried in the order that decides between them; each is commented."""
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
    if b <= verb.start() and _a_noun_and_its_modifier(text, verb, a, b, rules):
        return None
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
    return Attribution(grade, cues, f"{LABEL[grade]}: {speaker!r} {verb.group(0)}", pronoun)
