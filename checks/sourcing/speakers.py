"""Who speaks in a sentence: where the speaker's words are, before or after a speech verb, past
asides, parentheses and quoted titles. What kind of source they name is ``speaker_kinds``. Offsets
are relative to the sentence.
"""

from __future__ import annotations

import re

from checks.sourcing.rules import AttributionRules
from checks.sourcing.source_kinds import ADVERB_LY, CONNECTOR, FUNCTION_CAPS, TRAILING_ADVERBS, WORD, classify_speaker

__all__ = ["speaker_after", "speaker_before", "speakers_before", "speaks_before_aside"]

_CLAUSE_BREAK = re.compile(r'[,;:()"“”—–]|\'\'|\s-\s|\[|\]')
_RELATIVE_INSIDE = re.compile(r"\s(?:who|which|whose|whom)\b")
_REACH_BACK = (",", "—", "–", " - ")
_PARENTHETICAL = re.compile(r"\([^()]{0,80}\)")  # "Phil Bryant (R) said": skipped when looking back
# A short capitalised quote closing an aside is a title ("star of the TV show “The Apprentice,” said"):
# skipped too, so its marks do not end the speaker's phrase. A quote opening a clause is what was said.
_TITLE_QUOTE = re.compile(
    r"(?<=[\w’'.]\s)(?<!\bthat\s)(?<!\bsaid\s)(?<!\bsays\s)"
    r"(?:“[A-Z][^“”\"]{0,40},”|\"[A-Z][^“”\"]{0,40},\"|''[A-Z][^'\"“”]{0,40},'')"
)
_QUOTE_MARK = re.compile(r"[\"“”]|''")
_NOT_COMMA = re.compile(r"[^,]")  # the comma a title ends with ("“Scandal,”") closes the aside
_AGE = re.compile(r"\d{1,3}")
_AFTER_BREAK = re.compile(r'[,;:()"“”—–?!]|\'\'|\s-\s|\.\s*\Z')
_RELATIVE = re.compile(r"^\s*(?:who|which|that|whom)\b", re.IGNORECASE)
_WINDOW = 400  # characters either side of a verb searched for its speaker: bounds the work per verb


def speakers_before(text: str, verb_start: int) -> list[tuple[int, int]]:
    """Candidate speakers before the verb, nearest clause first, back over commas and dashes.

    "Moon Jae-in, who shared", "Peter Cook, told" and "Miller, a retired worker, said" (an
    appositive closed by a comma) reach back to the phrase before; a quotation mark right before
    the verb stops the search, since then the speaker follows the verb.
    """
    lo = max(0, verb_start - _WINDOW)
    if "(" in text[lo:verb_start]:
        text = text[:lo] + _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text[lo:verb_start])
    if _QUOTE_MARK.search(text, lo, verb_start):
        text = text[:lo] + _TITLE_QUOTE.sub(lambda m: _NOT_COMMA.sub(" ", m.group(0)), text[lo:verb_start])
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, verb_start))
    end = verb_start
    out: list[tuple[int, int]] = []
    for _ in range(4):
        start = breaks[-1].end() if breaks else lo
        segment = text[start:end]
        bare = TRAILING_ADVERBS.sub("", " " + CONNECTOR.sub("", segment.strip())).strip()
        if _AGE.fullmatch(bare) and not text[max(0, start - 2) : max(0, start - 1)].isdigit():
            pass  # "Jane Ortiz, 44, a retired teacher, said": an age is no candidate (not "21,000 said")
        elif WORD.search(bare) and not _RELATIVE.fullmatch(bare):
            relative = _RELATIVE.match(segment) if start > 0 else None  # "That person said" opens
            out.append((start + (relative.end() if relative else 0), end))  # "which officials said"
        if not breaks or breaks[-1].group(0) not in _REACH_BACK or len(out) >= 2:
            break
        end = breaks[-1].start()
        breaks.pop()
    return out or [(end, end)]


def speaks_before_aside(text: str, candidates: list[tuple[int, int]], verb_start: int, rules: AttributionRules) -> bool:
    """The nearest of ``candidates`` (see ``speakers_before``) is an aside, so the one before it speaks:
    a name before a description ("Graham, a former candidate, told"), words between dashes, a phrase
    no one speaks from ("The aides, led by campaign manager Terry Sullivan, told"), or an indefinite
    description of what comes before ("Sen. Chuck Grassley, facing a challenge in Iowa, a swing
    state, said"). "Trump, a source said, will" is no aside."""
    (start, end), (a, b) = candidates[0], candidates[1]
    # "Zarate, a top adviser, also questioned"; "Dunn, host of the show “The Contest,” said": the title's mark
    closer = _QUOTE_MARK.sub("", _ADVERBS.sub("", text[end:verb_start])).strip()
    relative = closer in ("", ", who", ",who") and bool(
        _WHO_BEFORE.search(text, max(start, verb_start - 40), verb_start))
    if relative:
        # "Jo Baker, a former aide who said she would march", "said Tom Hale, the union's top adviser,
        # who added": the description's own verb, so the name before it speaks
        closer = ","
    if closer in ("—", "–", "-", "--") and text[b:start].strip() == closer:
        return True  # "insiders in the next two states — Nevada and South Carolina — said"
    if closer not in (",", "—", "–", "--"):
        return False
    if _ASIDE_OPENER.match(text, start):
        # The words before the aside open the clause; after a comma they may end another ("The firm
        # lobbied on gaming, taxes and other issues, at both the federal and state levels, said X").
        before = _CONNECTOR_BEFORE.sub("", text[:a]).rstrip()
        if not before or before.endswith(('"', "“", "”", "''", "’", ":", "(", "—", "–")):  # '"...," the aides, ...'
            return True
    if closer != ",":
        return False
    if _INDEFINITE_ASIDE.match(text, start) and classify_speaker(text[a:b], rules)[0] is not None:
        return True
    tokens = _ASIDE.sub(" ", text[a:b]).split()  # "Phil Bryant (R), a former aide, said"
    if tokens and (tokens[0].lower() in ("and", "but", "still", "also", "meanwhile")
                   or (relative and rules.speech.fullmatch(tokens[0]))):
        tokens = tokens[1:]  # "And Sen. Rob Portman, another incumbent, said"; "said Tom Hale, ..., who added"
    first = tokens[0].rstrip(".") if tokens else ""
    return (0 < len(tokens) <= 6 and (first not in FUNCTION_CAPS or first in _TITLES)
            and all(t[0].isupper() or t in _NAME_PARTICLES for t in tokens))


# Case-sensitive: a capital opens a name ("Like Bush, ..." is no aside here).
_ASIDE_OPENER = re.compile(
    r"\s*(?:in|on|at|during|after|before|for|from|with|without|under|unlike|led|joined|flanked|backed|both|all"
    r"|each|speaking|asked|pressed|writing|reached)\s"
)
_INDEFINITE_ASIDE = re.compile(r"\s*(?:a|an)\s")  # "a swing state", "a former adviser in the White House"
_WHO_BEFORE = re.compile(rf"\swho(?:\s+(?:also|later|then|has|had|have|{ADVERB_LY}))*\s*\Z")
_ADVERBS = re.compile(rf"\s+(?:also|later|then|again|still|has|have|had|{ADVERB_LY})(?=\s|\Z)")
_CONNECTOR_BEFORE = re.compile(r"(?:^|\s)(?:And|But|Yet|So|Still|Meanwhile|However|Now|Then|Also),?\s*\Z")
_ASIDE = re.compile(r"\([^()]*\)")
_TITLES = frozenset(("Mr", "Mrs", "Ms", "Dr"))
_NAME_PARTICLES = frozenset(("of", "de", "da", "van", "von", "la", "le", "al", "bin", "del", "der"))


def speaker_before(text: str, verb_start: int) -> tuple[int, int]:
    return speakers_before(text, verb_start)[0]

def speaker_after(text: str, verb_end: int) -> tuple[int, int]:
    # A period inside a segmented sentence is an abbreviation ("a U.S. official"), not a break;
    # "said a former official who oversaw ...": the relative clause is not the speaker.
    m = _AFTER_BREAK.search(text, verb_end, verb_end + _WINDOW)
    end = m.start() if m else min(len(text), verb_end + _WINDOW)
    rel = _RELATIVE_INSIDE.search(text, verb_end, end)
    return verb_end, rel.start() if rel else end
