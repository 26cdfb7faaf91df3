"""What kind of source the words that speak name (``classify_speaker``), with the lexicon's
patterns (``attribution_rules``): an outlet is second-hand, an anonymity marker, an unnamed head
noun ("officials", "sources") or one person described by what they are ("a friend of the
senator", "a Republican senator") anonymous, a quantified group or a country speaking as one vague,
a pronoun carries the previous speaker's grade, a capitalised name, a definite speaker ("the
campaign") or a spokesperson is named. ``sourcing_speakers`` finds those words.
"""

from __future__ import annotations

import re

from checks.sourcing.rules import AttributionRules
from checks.model import Sourcing

__all__ = ["ADVERB_LY", "CAPITALISED", "CONNECTOR", "FUNCTION_CAPS", "TRAILING_ADVERBS", "WORD", "classify_speaker"]

WORD = re.compile(r"\w[\w’'.-]*")
# A lower-case word in -ly is taken for an adverb ("Aides privately said"), except the nouns and
# adjectives that speak or stand before a verb: "a person close to the family said", "an ally said".
ADVERB_LY = (
    r"(?-i:(?!(?:family|ally|assembly|supply|monopoly|anomaly|bully|belly|rally|reply|homily|folly|elderly"
    r"|daily|weekly|monthly|quarterly|biweekly|fortnightly)\b)[a-z]+ly)"
)
_GENERIC_EXPERT = re.compile(r"\b(?:expert|analyst|observer|critic|commentator|pundit|scholar)s?\b", re.I)
# "five past and current employees told"; not "five times", "two hours after", nor "000 a year" cut from "$41,000".
_COUNTED_PEOPLE = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|a handful of|a number of|[1-9]\d*)\s+"
    r"(?!(?:times|hours|days|weeks|months|years|minutes|seconds|percent|points|votes|dollars|miles|a|an)\b)[a-z]",
    re.IGNORECASE,
)
# "a group of 40 pastors", "a coalition of local activists": an unnamed group of people.
_COLLECTIVE = re.compile(
    r"(?:a|an|one)\s+(?:[a-z][\w-]*\s+){0,2}?(?:group|coalition|panel|team|delegation|bloc|band|handful|number"
    r"|collection|contingent|cadre)\s+of\s+\S",
    re.IGNORECASE,
)
_PLURAL_GROUP = re.compile(r"(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*[^s’'\W]s)\b")
_NOT_PLURAL = frozenset(
    "his its was has is this us yes does goes hers ours theirs yours whereas perhaps always news "
    "times hours days weeks months years minutes seconds".split()  # "five times", "two hours after": no group
)
_INDEFINITE_PERSON = re.compile(r"(?:a|an|another|one)\s+[a-z]", re.IGNORECASE)
# Where a description of one person ends and what it says of them begins: "a friend | of the senator".
_MODIFIER_START = frozenset(
    "of for to at in with from on inside within close familiar who whose that near".split()
)
# The nouns that head such a description ("a longtime friend", "an ally", "a lawyer"); "a decline in
# prices suggested" has none.
_PERSON_NOUN = re.compile(
    r"(?:er|or|ist|ian|man|woman|person|friend|ally|member|relative|associate|confidant|colleague|neighbou?r"
    r"|employee|veteran|aide|official|resident|insider|attendee|witness|participant|volunteer|donor|delegate"
    r"|representative|cousin|brother|sister|son|daughter|wife|husband|mother|father|student|parent|mp|mep|msp"
    r"|peer|republican|democrat|conservative|liberal|progressive|tory|expert|analyst|scholar|critic)\Z",
    re.IGNORECASE,
)
_OUTLET_NOUNS = frozenset("newspaper newspapers tabloid broadcaster magazine newswire blog podcast".split())
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b|\brepresentative\b", re.IGNORECASE)
CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")
FUNCTION_CAPS = frozenset(
    "The A An This That These Those His Her Their Its Our My Some Many Most Several Few One Two In On "
    "At For But And Yet So Still Despite After Before When While Although Though If As Speaking "
    "Specifically Also Meanwhile However Instead Asked I He She They We It You Mr Mrs Ms Dr".split()
)
_POLL_SHARE = re.compile(
    r"\d\s*%|\d+\s+percent\b|\b\w+\s+in\s+(?:10|ten)\b|\b(?:half|majorit(?:y|ies)|a\s+third|a\s+quarter)\b"
    r"|\b(?:those|voters|people|adults)\s+(?:surveyed|polled|questioned)\b|\brespondents\b"  # "those surveyed said"
    r"|\b(?:more|less)\s+likely\s+to\Z",  # "voters were more likely to say": a poll's comparison
    re.I,
)
_SUBORDINATORS = frozenset("as while when because since although though whereas until that which where".split())
# A subject opens with a name, a pronoun, a determiner or a bare plural ("came as officials praised");
# "as campaign manager" is no clause.
_SUBJECT_START = re.compile(
    r"[A-Z]|(?:the|some|many|most|several|his|her|their|its|our|he|she|they|we|i|it)\Z|[a-z][a-z-]*[^s’'\W]s\Z"
)
_CLAUSE_OPENERS = frozenset("when what as after before while because since if though although where and but so that".split())
_FRONTED = re.compile(r"(?:In|On|At|After|Before|During|Since|Later|Earlier|Then|Last|Next|By)\s+\S+(?:\s+\S+)?\s+\S+\Z")
_MAX_SPEAKER_WORDS = 10  # a longer stretch before the verb is a clause: its first words speak
CONNECTOR = re.compile(
    r"^(?:(?:and|but|yet|so|still|also|meanwhile|however|instead|now|then|though|although|while|as|because"
    r"|in fact|for example|for instance|of course|even|too|though|indeed|in turn|at the time)\b,?\s*)+",
    re.IGNORECASE,
)

# "She also", "Trump has repeatedly": what stands between the speaker and the verb.
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|has|have|had|did|does|do|will|would|later|then|again|just|already|once|previously|still|even|never|since"
    rf"|often|only|too|first|further|subsequently|{ADVERB_LY}|is|was|were|are|being|been|has\s+been|had\s+been"
    r"|(?:continued|continues|went\s+on|goes\s+on|quick|careful|eager|keen|prompted|compelled|forced)\s+to))+\s*\Z",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_CONTRACTED_HAS = re.compile(r"(?:(?<=\b[Hh]e)|(?<=\b[Ss]he))[’']s\Z")  # "He's said": the pronoun speaks
# A document opening the speaker's words ("the official results"), and who published it ("by ...").
_DOCUMENT = re.compile(
    r"(?:(?:the|a|an|its|their|his|her|new|latest|early|preliminary|final|official|unofficial|partial|recent"
    r"|[a-z]+ly)\s+){0,3}([a-z][\w-]*)",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"\s(?:by|from)\s+\S")
# A day or a month is capitalised and names no one.
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "aide Huma Abedin", "spokesman Josh Earnest", "officials including Mr. Mook"; not "Officials Tuesday
# said", "aides March 3 said" (but "aide May Ferrell": a month followed by a capital is a first name).
_NAME_AFTER_HEAD = re.compile(
    rf"\s+(?:(?:including|like|such\s+as|led\s+by)\s+(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.?\s+)?)?"
    rf"(?!{_DAY}\b|{_MONTH}\b(?!\s+[A-Z]))[A-Z][a-z]"
)
_DEFINITE = re.compile(r"^(?:the|his|her|their|its|our)\s+\w", re.IGNORECASE)


def classify_speaker(phrase: str, rules: AttributionRules) -> tuple[Sourcing | None, str, bool]:
    """(grade, role of the evidence, is a pronoun) for the words that speak; None when no speaker.

    Speakers repeat ("he", "Trump", "the official"), so results are memoised with the rules.
    """
    memo = rules.classified
    found = memo.get(phrase)
    if found is None:
        if len(memo) > 16384:
            memo.clear()
        found = memo[phrase] = _classify_speaker(phrase, rules)
    return found


def _classify_speaker(phrase: str, rules: AttributionRules) -> tuple[Sourcing | None, str, bool]:
    """What kind of source a speaker's phrase names: (grade, the phrase kept, whether it was cut).
    An ordered decision list, read top to bottom (the first rule that holds decides), which is why
    it is one function."""
    words = TRAILING_ADVERBS.sub("", CONNECTOR.sub("", _CONTRACTED_HAS.sub("", phrase.strip(" ,'’")), count=1))
    if not words or not WORD.search(words):
        return None, "", False
    cut = len(words.split()) > _MAX_SPEAKER_WORDS
    if cut:
        tokens = words.split()
        # "... even as White House officials railed": a clause opened near the verb has its own
        # subject; otherwise ("The Arizona Republican survived ... and says") the first words speak.
        opener = next((i for i in range(len(tokens) - 2, len(tokens) - 8, -1)
                       if tokens[i].lower() in _SUBORDINATORS and _SUBJECT_START.match(tokens[i + 1])), None)
        found = _classify_speaker(" ".join(tokens[opener + 1:]), rules) if opener is not None else (None, "", False)
        if found[0] is not None:
            return found
        words = " ".join(tokens[:4])
    if rules.anonymity.search(words):
        return Sourcing.ANONYMOUS, "anonymity", False
    head = rules.anonymous_heads.search(words)
    if head and head.group(0).lower() in ("official", "source") and (
        (after := _NEXT_WORD.match(words, head.end())) and after.group(1).lower() in rules.official_things
    ):
        head = None  # "official data", "Trump's official campaign account": the adjective
    if head and head.start() > 0 and head.group(0).lower().startswith(("the ", "that ", "this ")):
        head = None  # "the person added" refers back; "after the person who posted it" does not speak
    if head and (
        head.group(0).lower().endswith((" with", " of")) or not _NAME_AFTER_HEAD.match(words, head.end())
    ):  # "officials who spoke with The Post" too; after "familiar with", "with knowledge of" a name is the topic.
        return Sourcing.ANONYMOUS, "anonymity", False
    if rules.outlets.search(words) or any(
        t.lower() in rules.outlet_words for t in CAPITALISED.findall(words) if t.rstrip(".") not in FUNCTION_CAPS
    ):
        voice = rules.outlet_voices.search(words)
        if voice and _NAME_AFTER_HEAD.match(words, voice.end()):
            return Sourcing.NAMED, "source", False  # "Washington Post columnist Ruth Marcus wrote"
        return Sourcing.SECONDHAND, "outlet", False
    if _POLL_SHARE.search(words):
        return Sourcing.NAMED, "source", False  # "47% say": respondents of a poll the story names
    document = _DOCUMENT.match(words)
    if document and document.group(1).lower() in rules.publication_nouns and (
        _PUBLISHER.search(words, document.end()) or "official" in words[: document.start(1)].lower()
    ):
        return Sourcing.NAMED, "source", False  # "results published by the elections office", "official data"
    tokens = WORD.findall(words)
    last = tokens[-1] if tokens else ""
    if rules.pronouns.match(last) and (
        len(tokens) <= 2 or tokens[-2].lower() in _CLAUSE_OPENERS or _FRONTED.match(words)
        or (len(tokens) <= 4 and tokens[0].lower() in ("a", "an", "the", "each", "every"))
    ):  # "she said", "when she said", "what it calls", "a detail she often mentions" (a relative clause)
        return Sourcing.NAMED, "source", True
    if rules.vague_sources.match(words.lower()) or rules.vague_sources.fullmatch(words.lower()):
        if not any(t not in FUNCTION_CAPS for t in CAPITALISED.findall(words)[1:]):
            return Sourcing.VAGUE, "vague", False
    names = [t for t in CAPITALISED.findall(words) if t.rstrip(".") not in FUNCTION_CAPS]
    if names and _INDEFINITE_PERSON.match(words) and not _SPOKESPERSON.search(words):
        described = _before_modifier(tokens)  # "a Labour MP": the head may be capitalised too
        own_names = _names_before_topic(tokens, names)  # "a leading expert on the Cuban economy"
        if _describes_a_person(described, rules) and all(
                t.lower() in rules.group_adjectives or (t == described[-1] and t.isupper()) for t in own_names):
            return Sourcing.ANONYMOUS, "anonymity", False  # "a Republican senator": a party names no one
    if names or _DEFINITE.match(words) or head or words.lower() in rules.institutions:
        return Sourcing.NAMED, "source", False
    if rules.vague_sources.search(words) or _GENERIC_EXPERT.search(words):
        return Sourcing.VAGUE, "vague", False
    if _COLLECTIVE.match(words) and len(tokens) <= 8:
        return Sourcing.ANONYMOUS, "anonymity", False  # "a group of 40 pastors said": an unnamed group
    if _COUNTED_PEOPLE.match(words) and len(tokens) <= 6:
        return Sourcing.ANONYMOUS, "anonymity", False  # "five past and current employees told"
    group = _PLURAL_GROUP.match(words)
    if group and group.group(1).lower() not in _NOT_PLURAL and len(tokens) <= 8:
        return Sourcing.VAGUE, "vague", False  # "proponents of more controls say": an unnamed group
    if _INDEFINITE_PERSON.match(words) and (
        len(tokens) <= 4 or _describes_a_person(_before_modifier(tokens), rules)
    ):
        if any(t.lower() in rules.publication_nouns for t in tokens[1:]):
            # "a new poll found" names no pollster (vague); cut from a longer phrase ("a study published
            # last spring by researchers at Tulane ...") the first words are no speaker at all.
            return (None, "", False) if cut else (Sourcing.VAGUE, "vague", False)
        if _SPOKESPERSON.search(words):  # "a spokeswoman for the campaign": the campaign on the record
            return Sourcing.NAMED, "source", False
        if any(t.lower() in _OUTLET_NOUNS for t in tokens[1:]):
            return Sourcing.SECONDHAND, "outlet", False  # "a local newspaper reported"
        # "a voter said", "an ally of the governor said": someone the reader cannot check
        return Sourcing.ANONYMOUS, "anonymity", False
    return None, "", False


def _names_before_topic(tokens: list[str], names: list[str]) -> list[str]:
    """``names`` up to an "on" or "about" that opens the topic of a description ("an expert on the Cuban
    economy": Cuban names no one); after "of", "for", "at", "from" a name is who they belong to."""
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in ("on", "about")), len(tokens))
    kept = set(tokens[:cut])
    return [t for t in names if t in kept]


def _before_modifier(tokens: list[str]) -> list[str]:
    """The words of an indefinite description before its first modifier: "A longtime friend"."""
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in _MODIFIER_START), len(tokens))
    return tokens[:cut]


def _describes_a_person(described: list[str], rules: AttributionRules) -> bool:
    """ "a longtime friend", "a Republican senator"; not "a letter", "a sharp decline"."""
    last = described[-1].lower()
    return len(described) <= 4 and bool(_PERSON_NOUN.search(last)) and last not in rules.publication_nouns
