"""The sourcing grader: the seed article graded sentence by sentence, then each rule on small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import Sourcing, grade_sentences, parse_article, read_article
from checks.sourcing.lexicon import default_lexicon, lexicon_from_mapping
from checks.text.quotes import quoted_spans

N, A, V, S, U, O, X = (
    Sourcing.NAMED,
    Sourcing.ANONYMOUS,
    Sourcing.VAGUE,
    Sourcing.SECONDHAND,
    Sourcing.UNSOURCED,
    Sourcing.OPINION,
    Sourcing.NONE,
)

# The seed, as a standards editor grades it: (start of the sentence, grade).
SEED_GRADES = [
    ("Even though North Korea has reneged", U),  # "apparently" is a hedge, not a source
    ("In what may be another example", N),  # according to South Korean leader Moon Jae-in
    ("Kim also wants Secretary of State", U),  # Kim is the subject, not a speaker
    ("In a sign that negotiations", S),  # Reuters reports
    ("Despite the renewed enthusiasm", A),  # several anonymous US officials said
    ("Specifically, they're worried", A),  # carried: the same officials go on
    ("While North Korea has pledged", U),  # a partial quote with no speaker is not a source
    ("Yet the US insists", V),  # a country speaking as one
    ("Some U.S. officials were deeply skeptical", V),  # a quantified group holding a view
    ("Speaking before Pompeo", A),  # two senior U.S. officials ... voiced fears
    ("At the summit, the two Koreas agreed", U),
    ("They agreed as well", U),  # "they" are the Koreas, not a speaker
    ('[...] "There is nothing', A),  # said a U.S. intelligence official
    ('"Everything that', A),  # added the official, who spoke on condition of anonymity
    ("And even if North Korea shuts down", V),  # many in the US intelligence community suspect
    ("It's also notable", O),
    ("This could become a serious problem", O),
    ('"What North Korea really wants', A),  # the official told reporters ... on condition of anonymity
    ("\"We're talking about a package", A),  # carried: the same official's quote goes on
    ("Despite these concerns, President Trump responded", N),
    ("\"I'm calm", N),  # Trump told reporters
    ("One thing is clear", O),
    ("Kim likely knows this", O),
]


SEED = Path(__file__).resolve().parent.parent / "seeds" / "north-korea-talks.txt"


@pytest.fixture(scope="module")
def seed_grades():
    doc = read_article(SEED)
    return doc, grade_sentences(doc)


def test_seed_has_the_sentences_of_the_table(seed_grades):
    doc, grades = seed_grades
    assert len(doc.sentences) == len(SEED_GRADES) == len(grades)
    for s, (start, _) in zip(doc.sentences, SEED_GRADES):
        assert s.text.startswith(start), (s.index, s.text[:60])


@pytest.mark.parametrize("index", range(len(SEED_GRADES)))
def test_seed_sentence_grade(seed_grades, index):
    doc, grades = seed_grades
    start, expected = SEED_GRADES[index]
    grade = grades[index]
    assert grade.sentence == index
    assert grade.sourcing is expected, f"{start!r}: {grade.sourcing} ({grade.reason})"
    assert grade.reason and "\n" not in grade.reason


def test_seed_cues_are_spans_of_the_text(seed_grades):
    doc, grades = seed_grades
    for g in grades:
        s = doc.sentences[g.sentence]
        for c in g.cues:
            assert s.start <= c.start < c.end <= s.end
            assert doc.text[c.start : c.end] == c.text


def test_seed_evidence_names_the_speaker_and_the_hedge(seed_grades):
    doc, grades = seed_grades
    roles = {(c.text, c.role) for c in grades[12].cues}
    assert ("said", "speech_verb") in roles and ("a U.S. intelligence official", "anonymity") in roles
    assert ("Reuters", "outlet") in {(c.text, c.role) for c in grades[3].cues}
    assert [c.text for c in grades[0].cues if c.role == "hedge"] == ["apparently"]
    assert "carried" in grades[5].reason
    assert [(c.text, c.role) for c in grades[5].cues] == [("they", "carried")]


def grade(text: str) -> list[Sourcing]:
    return [g.sourcing for g in grade_sentences(parse_article(text, parse_metadata=False))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named: a person or an organisation on the record
        ("Trump told reporters the talks would go on.", N),
        ("The plan will fail, Senator Jane Doe said on Monday.", N),
        ("Prices rose, according to the Labor Department.", N),
        ("The campaign said it raised $3 million.", N),
        ("Clinton aide Huma Abedin said the emails were deleted.", N),
        ("Spokeswoman Haley Morris says the candidate will stay.", N),
        # anonymous: unnamed people
        ("Sources said the deal was close.", A),
        ("The deal is close, said a senior administration official.", A),
        ("People familiar with the talks said the deal was close.", A),
        ("The deal was close, the official said on condition of anonymity.", A),
        ("White House officials told reporters the visit was off.", A),
        # vague: weasel attribution
        ("Some say the deal is already dead.", V),
        ("Critics argue the plan is too expensive.", V),
        ("It is believed that the plant was closed.", V),
        ("Many in the party suspect a deal was made.", V),
        ("Polls show the race tightening in Ohio.", V),
        # a publication and its verb may stand ten words apart
        ("An analysis by Politifact of presidential elections going back to 1972 showed the party won.", N),
        ("Surveys of caucus-goers taken as they entered caucus sites showed that older women turned out.", V),
        # secondhand: another outlet
        ("The talks collapsed, Reuters reported.", S),
        ("The talks collapsed, according to a report in The Washington Post.", S),
        ("The New York Post reports that the talks collapsed.", S),
        ("The Daily Ledger reported on Monday that the ministry cut budgets.", S),  # not in the list
        ("According to Harbour Radio, the company offered a payment.", S),
        # an outlet's columnist or host speaking for themselves is a named person, not second-hand
        ("New York Times columnist David Brooks wrote that the debate was substantive.", N),
        ("Fox News host Sean Hannity said Tuesday that the feud was over.", N),
        ("Washington Post reporter Ben Terris reported that the manager grabbed her.", S),  # reporting
        # an outlet whose name is an ordinary word counts only with its capital
        ("The economist Jared Bernstein said the plan would fail.", N),
        ("The Economist reported that the plan would fail.", S),
        ("According to the Post, the deal collapsed.", S),
        ("THE HILL reported that the deal collapsed.", S),  # a headline or a byline line in capitals
        # unsourced, opinion, none
        ("The two Koreas agreed on plans to resume economic cooperation.", U),
        ("The minister has reportedly resigned.", U),
        ("This will probably end badly for everyone involved.", O),
        ("What happens next?", X),
        ("Talks resume", X),
    ],
)
def test_single_sentence_rules(text, expected):
    assert grade(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Miller, a retired worker from a nuclear plant, said pleasantly into the phone.", N),  # aside
        ("Mr. Regalado, 69, said he had been flooded with email.", N),
        ("Phil Bryant (R) said he expects an appeal.", N),  # parenthetical
        ("Sanders went first at the town hall, predicting a close primary.", N),  # participle
        ("The campaign did not respond to a request for comment.", X),  # a non-response: no claim
        ("Democratic Party rules allow for minority reports at the request of members.", U),  # a noun
        ("The U.S. added around 292,000 jobs in December.", U),  # "added" without what was said
        ("The meeting was called off on Monday.", U),
        ("Costa reported from Washington.", U),  # a byline's dateline, not an attribution
        ("Barden now helps lead a program called Sandy Hook Promise.", U),  # a name given, not speech
        ("A group of rabbis called for a boycott of his speech.", A),  # "called for": a demand
        ("The big question is whether Sanders continues to hammer Clinton.", U),  # the noun
        ("Many lawmakers question whether the plan can pass.", V),
        ("In a Washington Post-ABC News poll released Sunday, 8 percent backed him.", S),
        ("She had a great line when she said that flying is not an accomplishment.", N),
        ("Current and former officials who spoke with The Huffington Post said it was a shell.", A),
        # unnamed people "familiar with" or "with knowledge of" something; a name after "with" is the topic
        ("HarperCollins declined, according to a publishing executive familiar with the talks.", A),
        ("It was unconvincing, said one Democrat familiar with the discussion.", A),
        ("People with knowledge of the group's activities said donors have come aboard.", A),
        # the object of "told" is who listened, not the speaker
        ('"They are under pressure," an intelligence source, who was not authorized to speak on the record, told Fox News.', A),
        ("Mr. Trump told CNN that he would win.", N),
        # "were quick to", "continued to": the verb after "to" is still the subject's act
        ("Advisers to Mr. Rubio are quick to point out that he has placed second.", A),
        ("Her directors and advisers continued to assure her that the deal was worth the risk.", A),
        # an aside closed by a comma describes the name before it, which speaks
        ("Mark Longabaugh, a senior adviser to Mr. Sanders, said the campaign would be represented.", N),
        ("Steve Moody, a small-business owner, said at the rally that he was scared.", N),
        ("David Axelrod, who was senior adviser to Obama in the White House, tweeted this.", N),
        ("The deal, a source said, is close.", A),  # a parenthetical speaker is no aside
        ("The official, who spoke on condition of anonymity, said the deal was close.", A),
        ("And Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said he had not thought about it.", N),
        ("Making her way around, Clinton and husband Bill, thanked another diner for wearing one of her campaign buttons.", N),
        # a speaker after the verb may run to ten words; a reported clause after it is no speaker
        ('"Trump has gone the other way," said the former top aide to President George W. Bush.', A),
        ("Sander Levin (Mich.), a superdelegate supporting Clinton, said he has spoken with many colleagues.", N),
        ('"We were deceived," said one shop owner who declined to be named for fear of trouble.', A),
        # after "X, an aside, said" a finite auxiliary makes what follows the verb what was said
        ("A senior official, a veteran of the talks, said the vote would be delayed.", A),
        ("Others, however, say a recalibration is overdue.", V),
        # an aside opened by a preposition, a participle or "both" is no speaker: the words before it speak
        ("The aides, led by campaign manager Terry Sullivan, told the group that they would lose.", A),
        ("The official, in an interview Monday, said the plan failed.", A),
        ("Two aides, both Democrats, said the plan failed.", A),
        ('"It failed," the aides, both Democrats, said.', A),
        ("Critics, in a letter to Congress, said the plan failed.", V),
        ("His aide, Tad Devine, said the plan failed.", N),  # a name in apposition
        # an indefinite description after a comma describes the words before it, which speak
        ("Juan Zarate, a top terrorism adviser to then-President George W. Bush, also questioned Trump's logic.", N),
        ("Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said he would welcome Cruz.", N),
        ("Last month, the Independent, a British newspaper, revealed that the clothes were made in China.", S),
        ("Officials in Iowa, a swing state, said the plan failed.", A),
        ('Former Arizona governor Jan Brewer, an early supporter of Trump, calls the issue "a priority" for women.', N),
        ("The firm lobbied on gaming, taxes and other issues, at both the federal and state levels, said "
         "lobbyist Charlie Black.", N),
        # an institution publishing results is a named source; "official" before a noun is an adjective
        ("Turnout was 38 percent, according to results published by the elections office.", N),
        ("Clinton won 55 percent, according to official results.", N),
        ("Sure, official data suggest that production peaked in 2013.", N),
        ("Turnout rose, according to early results.", V),  # no publisher named
        ("A Clinton campaign official later walked back the comments, saying it was wrong.", A),
        # an aside between dashes before the verb: the words before it speak
        ("Even so, insiders in the next two states — Nevada and South Carolina — said she must close the gap.", A),
        # "according to interviews with ...": those interviewed are the source
        ("Trump will be shut out, according to interviews with a dozen party leaders and officials involved in "
         "the delegate selection process.", A),
        ("The plan failed, according to interviews with Senator Jane Doe.", N),
        # a name ending in -ly is not an adverb; a sentence-opening adverb before a poll is no name
        ('"Elections matter," Kelly said.', N),
        ("Jolly said he would be cautious in restructuring federal education spending.", N),
        ("Early polls show voters in the area rejecting the plan.", V),
        # a party adjective names no one; a survey of unnamed insiders speaks for them
        ("Lately, a recent survey of Republican insiders shows that Trump could be deserted.", A),
        ("A GOP memo shows that turnout rose in the suburbs.", V),
        ("Some of the operatives have been poring over polling data showing that few voters knew.", V),
        # a participle after a short clause: its subject speaks
        ('At the time, she released a statement saying, "We are confident in the partnership."', N),
        ("In Washington, President Obama released a statement condemning the attack in Nice.", N),
        ('"The marketplace has not failed the white working class," he mocks.', N),
        ("But much of the debate was so subdued that Mr. Trump was prompted to say it was civil.", N),
        ("She has since said that she attended because it would be fun.", N),
        ("A girl outside the venue was pepper-sprayed by another bystander, police said.", N),
        ("Again, those surveyed said Trump was best able to handle the issue.", N),  # poll respondents
        # "were more likely to say": what a poll's group said, not the writer's "likely"
        ("Democratic insiders in New Hampshire were more likely to say Clinton still has a shot.", A),
        ("Caucus-goers were slightly more likely to say they preferred Clinton.", N),
        ("Voters are likely to say no to the plan in the end.", O),
        # "He's said", "That's according to": a contraction, not a possessive before a noun
        ("He's said he'll fight all the way to the convention.", N),
        ("That’s according to members of the Senate Judiciary Committee.", N),
        ("Clinton’s comments angered voters in the state.", U),
        ("The rule, as it’s currently written, adds another magic number.", U),
        ("That person said the hostility Cruz faced hampered his campaign.", A),
        ('"Rubio had the endorsements," the person added.', A),  # refers back to an unnamed source
        ("Trump is the person who said that first.", N),  # a definite head inside the phrase refers to no one
        ("It was said that socialism failed to create a strong enough economy.", V),
        ("It lands in a campaign in which GOP nominee Donald Trump has said that a judge would be biased.", N),
        ("After an investigation, the Department of Justice found that the police force was fleecing residents.", N),
        ("Clinton has maintained support among black voters, Fox found.", S),
        ("The police found a body near the river on Monday morning.", U),
        # a count of times or money is no counted group of people
        ('In a two-minute response, Cruz said "CNN" five times, and specifically mentioned the network.', N),
        ("Chris Brownell said he makes $41,000 a year and questioned how he would be helped.", N),
        ("Trump said at his party, two hours after news outlets declared him the victor, that he won.", N),
        ("The plan failed, three former employees told the paper.", A),
        # a passive speech verb: who spoke follows "by"; who was asked answers
        ("The plan was criticized by officials at the Pentagon.", A),
        ("The proposal was jointly written by Christine Pelosi, an unpledged delegate.", N),
        ("Rubio was asked by moderator Gerard Baker whether the plan would add to the debt.", N),
        # a reduced passive: "a practice criticized by", "first reported by"; not "by attacking", "by phone"
        ("The states combined the categories, a practice criticized by Miller and some civil rights advocates.", N),
        ("The meeting was first reported by Politico.", S),
        ("Trump responded by attacking Clinton on trade.", N),
        ("Clinton explained by phone that the plan failed.", N),  # "found" without what was found out
        # a clause opened close to the verb has its own subject
        ("The administration struggled to explain why it had ignored the demand even as White House officials "
         "railed against Republicans.", A),
    ],
)
def test_speaker_finding_rules(text, expected):
    assert grade(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case word in -ly before the verb is an adverb only when it is one
        ("A person close to the family said the funeral would be private.", A),
        ("An ally of the governor said the plan had been dropped last week.", A),
        ("Officials privately said the plan would fail within a year.", A),
        # reporting verbs of grumbling, cautioning and confiding are speech too
        ("Several senior officials privately cautioned that the deal could collapse.", A),
        ("Campaign aides have privately griped that the candidate ignores their advice.", A),
        ("Okafor, the mayor, hinted at that in a briefing on Friday.", N),
        ("Ms. Varga alleged that the auditor had misstated her accounts.", N),
        ("The loss need not end her campaign, as some have speculated.", V),
        # ... but not where the word is no act of saying
        ("He pleaded guilty to fraud charges in a federal court in May.", U),
        ("Officials observed a moment of silence for the victims of the attack.", U),
        ("The court freed Tom Reyes, an American engineer accused of spying, on Wednesday.", U),
        ("The raid targeted protesters and alleged communists in the city on Monday.", U),
        # how an unnamed source is shielded, in the aside or after the verb
        ("The Republican, who was not authorized to discuss the matter, said the donors were furious.", A),
        ("One of the top fundraisers, who asked not to be identified, said the donors were furious.", A),
        ("The donor, granted anonymity to speak freely, said the donors were furious about it.", A),
        ("A Democratic fundraiser, who insisted on anonymity, said the donors were furious.", A),
        ("It was not her best time, but it wasn't far off the record on a difficult course.", U),  # sport
        ("The official, speaking off the record, said the talks had stalled for good.", A),
        ('"Less is more" is this year\'s official talking point, hinting at a welter of problems.', U),
        # a headline's speaker before a colon, the quote in single quotation marks
        ("Okafor: ‘We Are Going All The Way To The Convention.’", N),
        ("Halvorsen: 'We are going to win this one.'", N),
        ("Varga on the budget talks: ‘I Think We Will.’", N),
        ("Note: 'quotes' are used here for emphasis only, and nothing else.", U),
        # a title in quotation marks closing an aside does not end the speaker's phrase
        ('Dunn, the longtime host of the reality TV show "The Contest," said in an interview that it was dull.', N),
        ("Okafor, star of television’s “Scandal,” thanked the mayor for the new rules.", N),
        ("He had “wanted to be a pilot since he was 5,” his old friend Tim Ross told reporters.", N),  # a quote
        # an unnamed person described by what they are to someone: "a friend of", "a lawyer for"
        ("A longtime friend of the senator said he was tired of the job.", A),
        ("A lawyer for the family said they would appeal the ruling next month.", A),
        ("Those in attendance said the mood was grim at the meeting.", A),
        ("According to those present, the meeting was a disaster from start to finish.", A),
        ("The plan was dropped, according to three people with direct knowledge of the talks.", A),
        # a party is no name; a spokesperson speaks for the organisation on the record
        ("A Republican senator said the bill was dead and would not be revived.", A),
        ("A Labour MP said the bill was dead and would not be revived.", A),
        ("A Dunn ally suggested that the bill was dead.", N),
        ("A spokesperson for the campaign said the governor would announce next week.", N),
        ("A Bayern spokesman said on Monday that the decision had been made.", N),
        ("The newspaper said officials had been irritated by the disclosure.", S),
        ("A local newspaper reported that the plant would close.", S),
        # a member named in an aside makes the group named, as "officials including Mr. Mook" is
        ("Officials in the Dunn campaign, including Rick Salas, said the speech was ready.", N),
        # a long opening phrase: the clause after "as" has its own subject, a bare plural too
        ("The footage of the crowd outside the courthouse on a cold night came as officials praised the protests.", A),
        ("The sharp fall in the price of oil over the last three months came as analysts predicted a slowdown.", V),
        # an indefinite description next to a name still describes the name
        ("Lena Ortiz, a Democratic pollster who is working with Forward Ohio, said the ads worked.", N),
        ("''We are worried,'' said another Twitter user, Ana Pruitt.", N),
        ("Reached by phone, a curt Halvorsen agreed that she was not backing the mayor.", N),
    ],
)
def test_unnamed_people_and_reporting_verbs(text, expected):
    assert grade(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Therefore, Gulf sources believe Erdogan has joined an axis.", A),
        ("Her advisers think she has the discipline to stay calm.", A),
        ("Sanders fought to stop giving party officials and others a say in the process.", U),  # "a say": a noun
        ("The source of the fear is unclear to everyone in the region.", U),  # singular head: no speaker
    ],
)
def test_unnamed_people_holding_a_view_are_anonymous(text, expected):
    assert grade(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or a date between an unnamed head and the verb names no one
        ("Officials Tuesday said the bridge would reopen in the spring.", A),
        ("Several aides Friday night told reporters the vote had slipped.", A),
        ("Senate aides March 3 said the hearing was postponed.", A),
        ("Campaign aide May Ferrell said the hearing was postponed.", N),  # a first name
        ("Officials including Mr. Mook said the hearing was postponed.", N),  # a name in the group
        # "those close to", "those around": unnamed people, as "people close to" are
        ("Those close to the senator say the hearing was postponed.", A),
        ("Those around the mayor concede that a third term is out of reach.", A),
        # an unnamed group of people, counted or described ("a group of", "a coalition of")
        ("A group of 40 pastors said the sermon had been misquoted.", A),
        ("A coalition of local activists told the council the plan was rushed.", A),
        ("A group of Harvard professors said the study was flawed.", N),  # a name in the group
        # an age between a name and a description: the name speaks, not "a retired teacher"
        ("Jane Ortiz, 44, a retired teacher, said she would vote for the first time.", N),
        # "who said" after a description of a named person: the name speaks, not "a former aide"
        ('"We will march," said Jo Baker, 41, a former aide to the mayor who said she would join the protest.', N),
        ("A retired teacher who said she would march was arrested.", A),
        ('"We are ready," said Tom Hale, the union\'s top adviser, who added that the group would spend more.', N),
        # a relative clause after an indefinite noun: its pronoun speaks ("a fact he often mentions")
        ("Her brother fought the fire, a detail she often mentions in speeches.", N),
        # speech acts the lexicon lacked; "recommended" only with what was recommended after it
        ("The senator derided the plan as a gimmick for donors.", N),
        ("Aides whispered that the vote had slipped to Friday.", A),
        ("The panel recommended that the levy stay at its current level.", N),
        ("The county committee published its recommended slate last week.", U),
        # every inflection of a listed verb: "is touting", "decries", "emphasizing that"
        ("The governor is touting her record on roads at every stop.", N),
        ("The mayor also decries the role of wealthy donors in the race.", N),
        ("Officials are stressing that the water is safe to drink.", A),
        ("That clarifying moment came late in the evening.", U),  # an adjective, not speech
        # "when asked" is a reduced clause: the sentence's own speaker wins over it
        ('"He reads it all," Dana Wolfe, a former press aide, said when asked about the mayor\'s habits.', N),
        ('"We are fine," the singer told NPR on Friday when asked about the tour.', N),  # not second-hand
        # an indefinite publication with no pollster named is vague, not an unnamed person
        ("The senator leads in Ohio, according to a new poll.", V),
        ("The senator leads in Ohio, a fresh statewide survey has found.", V),
        ("The senator leads in Ohio, according to a new Marist poll.", N),
        ("Fares rose, according to a study published last spring by researchers at Tulane University and two "
         "colleges in Leeds.", N),  # the first words of a long phrase: no speaker, the study is named
    ],
)
def test_unnamed_sources_stay_anonymous(text, expected):
    assert grade(text) == [expected]


def test_a_view_held_by_unnamed_people_is_no_antecedent_for_he():
    text = 'His advisers believe he can win the state. "I like this town," he said.'
    assert grade(text) == [A, N]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source that did not answer claims nothing: no sourcing problem to flag
        ("Mr. Thiel declined to comment.", X),
        ("A spokesman for Santorum’s campaign didn’t respond to a request for comment on whether he was paid.", X),
        ("Hope Hicks, a spokeswoman for Trump, did not respond to a request for comment.", X),
        ("A spokesman for the council, which organizes the parade, did not respond to requests for comment.", X),
        ("Others did not return calls and emails seeking comment.", X),  # "calls" is no speech verb here
        ("Bair could not be immediately reached for comment.", X),
        # ... unless the sentence makes a claim too
        ("Curiel, who through his office declined to comment, was born in East Chicago in 1953.", U),
        ("Trump has not talked about Zika and his campaign did not respond to a request for comment.", U),
        ("The network did not respond to the request, and Trump appeared at the debate anyway.", U),
        ("But Mr. Trump, again, did not respond in kind to the attacks of the evening.", U),
    ],
)
def test_non_response_is_not_a_claim(text, expected):
    assert grade(text) == [expected]


def test_non_response_evidence_is_the_phrase():
    doc = parse_article("Mr. Thiel declined to comment.", parse_metadata=False)
    (g,) = grade_sentences(doc)
    assert [(c.text, c.role) for c in g.cues] == [("declined to comment", "no_comment")]
    assert "non-response" in g.reason


def test_reported_clause_after_the_verb_is_not_the_speaker():
    doc = parse_article("Luis Miranda, a party spokesman, said the party was committed to the process.",
                        parse_metadata=False)
    (g,) = grade_sentences(doc)
    assert [c.text for c in g.cues if c.role == "source"] == ["Luis Miranda"]
    (g,) = grade_sentences(parse_article("Steven Cheung, a campaign spokesman, said the plan failed.", parse_metadata=False))
    assert [c.text for c in g.cues if c.role == "source"] == ["Steven Cheung"]


def test_emphatic_did_before_the_verb_leaves_the_pronoun_speaking():
    assert grade("Senator Jane Doe met Fox executives. She did tell CNN that she received an apology.") == [U, N]


def test_anonymous_speaker_wins_over_a_named_one_in_the_same_sentence():
    text = '"You have been critical of me," he told Senator Jeff Flake, according to officials at the meeting.'
    assert grade(text) == [A]


def test_pronoun_speaker_takes_the_last_speaker_grade():
    text = "Sources said the deal was close. He added that it would be signed soon."
    assert grade(text) == [A, A]
    text = "Senator Jane Doe said the deal was close. She added that it would be signed soon."
    assert grade(text) == [N, N]


def test_quote_spanning_sentences_carries_its_speaker():
    text = '"We will win. We will win big. Nobody can stop us," Trump told the crowd.'
    assert grade(text) == [N, N, N]


def test_multi_paragraph_quote_carries_its_speaker():
    text = 'A U.S. official said: "The talks are over. Nothing is left.\n\n"We are going home."'
    assert grade(text) == [A, A, A]


def test_standalone_quote_after_its_speaker_is_carried():
    text = '"We are calm," the official said. "We are talking about a package."'
    assert grade(text) == [A, A]


def test_standalone_quote_with_no_speaker_is_not_a_source():
    assert grade('"We are talking about a package."') == [U]
    # a quote paragraph after a paraphrase paragraph takes its speaker (PolNeAR annotators read it so),
    # and keeps its quote flag (tests/test_text_flags.py); after a sentence with no speaker it has none
    text = 'Turnout was 38 percent, the elections office said.\n\n"People were tired of waiting."'
    assert grade(text) == [N, N]
    assert "paragraph before" in grade_sentences(parse_article(text, parse_metadata=False))[1].reason
    assert grade('Turnout was 38 percent on the day.\n\n"People were tired of waiting."') == [U, U]


def test_partial_quote_is_not_a_source():
    assert grade('North Korea has pledged to "work toward" denuclearization.') == [U]


def test_speech_verb_inside_a_quote_is_not_an_attribution():
    assert grade('The sign read "they said no" in red letters.') == [U]


def test_colon_introduces_the_next_sentence():
    assert grade("Trump put it this way:\n\n\"We will build it.\"") == [N, N]


def test_speaker_before_a_colon_headline():
    assert grade("Bernie Sanders: I am not much of a socialist.") == [N]
    # a label before the colon is no speaker
    assert grade("Breaking: Bernie Sanders Just Got A MAJOR Win That Could Shake Up The Race.") == [U]
    assert grade("Revealed: Here Are The Conservatives The Establishment Has Blacklisted.") == [U]


def test_markup_is_not_a_speech_verb():
    text = '<tweet author="GovChristie">Praying for all those victimized by the shootings in California today.</tweet>.'
    assert grade(text) == [U]


def test_infinitive_and_modal_speech_verbs_are_not_attributions():
    assert grade("It could give Kim room to argue that the US has not kept its word.") == [U]
    assert grade("Trump can credibly claim the detente as a victory.") == [U]


def test_opinion_inside_a_quote_is_the_speaker_not_the_writer():
    assert grade('"This will likely fail," Trump said.') == [N]


def test_hedge_is_evidence_not_a_source():
    doc = parse_article("The minister has reportedly resigned.", parse_metadata=False)
    (g,) = grade_sentences(doc)
    assert g.sourcing is U
    assert [(c.text, c.role) for c in g.cues] == [("reportedly", "hedge")]


def test_question_inside_a_quote_does_not_make_the_sentence_a_question():
    assert grade('"Why now?" asked Senator Jane Doe.') == [N]


def test_user_lexicon_extends_the_outlets():
    lex = lexicon_from_mapping({"outlets": ["the bugle"]}, source="test", base=default_lexicon())
    doc = parse_article("The talks collapsed, the Bugle reported.", parse_metadata=False)
    assert [g.sourcing for g in grade_sentences(doc, lexicon=lex)] == [S]
    assert [g.sourcing for g in grade_sentences(doc)] == [N]


def test_quoted_spans_track_open_quotes():
    spans, still_open = quoted_spans('He said "we will go. And', open_at_start=False)
    assert spans == [(8, 24)] and still_open
    spans, still_open = quoted_spans('stay here," she said.', open_at_start=True)
    assert spans == [(0, 11)] and not still_open
    # a quotation mark after a word closes: the seed's stray mark does not open a quote
    spans, still_open = quoted_spans('pledged to "work toward" denuclearization", these', open_at_start=False)
    assert not still_open
    # an opening mark typed where the closer belongs ('“...,“ said X') still closes the quote
    spans, still_open = quoted_spans("“That rarely happens,“ said Dora Finch.", open_at_start=False)
    assert spans == [(0, 22)] and not still_open
    assert grade("“That rarely happens,“ said Dora Finch, a lawyer in Reno.") == [N]


def test_quoted_spans_read_guillemets_and_typewriter_marks():
    assert quoted_spans("Il a dit «non» hier.") == ([(9, 14)], False)
    assert quoted_spans("He called it ''Swiss cheese'' then.") == ([(13, 29)], False)
    assert quoted_spans("``We will go,'' he said.") == ([(0, 15)], False)


def test_empty_document_has_no_grades():
    doc = parse_article("", parse_metadata=False)
    assert grade_sentences(doc) == ()


def test_phrase_alternation_prefers_the_longest_term_and_bounds_words():
    import re

    from checks.sourcing.lexicon import phrase_alternation

    pattern = re.compile(rf"(?<![\w-])(?:{phrase_alternation(['accord', 'according to', 'say', 'says'])})(?![\w-])", re.I)
    found = [m.group(0) for m in pattern.finditer("He says, according  to her, essays accord SAY")]
    assert found == ["says", "according  to", "accord", "SAY"]


def test_key_word_gate_never_hides_a_match():
    """Whenever a category's pattern matches a sentence, the sentence holds one of its key words."""
    from checks.sourcing.lexicon import words_of

    lex = default_lexicon()
    texts = [s.text for s in read_article(SEED).sentences] + [
        "It's also notable that the U.S. added jobs.", "Trump’s aides said so.", "Some well-known critics say it.",
        "The Wall Street Journal's editors, in some cases, may have been wrong.",
    ]
    for category in lex.categories:
        pattern, keys = lex.pattern(category), lex.key_words(category)
        for text in texts:
            if pattern.search(text):
                assert not keys.isdisjoint(words_of(text)), (category, text)


def test_key_word_gate_never_hides_a_match_on_real_sentences():
    import csv

    from conftest import shared_data

    from checks.sourcing.lexicon import words_of

    path = shared_data("conll2010_weasel") / "train.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for _, row in zip(range(1500), csv.DictReader(fh))]
    lex = default_lexicon()
    for category in lex.categories:
        pattern, keys = lex.pattern(category), lex.key_words(category)
        for text in texts:
            if pattern.search(text):
                assert not keys.isdisjoint(words_of(text)), (category, text)


def test_run_on_sentence_with_thousands_of_verbs_is_graded():
    """A file with no full stops is one huge "sentence": the work per verb is bounded (this took
    a minute before the bound; it is not timed here, a regression shows as a slow suite)."""
    text = " ".join(["the official said"] * 3000)
    assert grade(text) == [A]


# --- grades an editor would dispute (issue 14, part 5); made-up sentences of the real shapes ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Court of Appeals ruled that the council had broken the law.", N),  # a decision reported
        ("The appeal judges ruled the ban was lawful and must stay.", N),  # a clause, no "that"
        ("Ortiz and Blake agree she could win the seat next spring.", N),  # a finding of named people
        ("Most economists agree that the tax will cost jobs next year.", V),  # unnamed people, a finding
        ("The transcript shows the mayor knew of the payments in March.", N),  # one document, identified
        ("A new survey shows the mayor is losing support in March.", V),  # no pollster named
        ("They agreed to pay the fine before the hearing in March.", U),  # an act, not a finding
        ("The judge ruled out a retrial after the jury failed to agree.", U),  # an act
        ("The sale of the plant was unlawful, the High Court ruled on Friday.", N),  # the clause first
        ("The sale of the plant to his cousin was unlawful, the appeal judges have ruled.", N),
        ("The firm paid the fine in March, and the two sides agreed.", U),  # "and": an act told after an act
    ],
)
def test_a_finding_or_decision_is_a_source(text, expected):
    assert grade(text) == [expected]


def test_a_claim_the_noun_is_no_speaker():
    # "claim" after "A <someone>" is the noun; the participle after it modifies it
    assert grade("A city council claim accusing the builder of fraud was thrown out by the court.") == [U]
    assert grade("A state report blaming the floods on poor planning was published on Friday.") == [U]
    assert grade("A group of local leaders is calling for a new vote on the plan next week.") == [A]  # a verb


def test_an_unnamed_expert_described_by_a_topic_is_anonymous():
    assert grade("A leading expert on the Peruvian economy says the reforms will fail within a year.") == [A]
    assert grade("An analyst on Canadian politics said the vote would be close next spring.") == [A]
    # after "for", "at", "of" a name says whom they belong to, as before
    assert grade("A spokeswoman for Acme Bank said the branch would close in June.") == [N]


def test_a_fronted_statement_belongs_to_the_named_subject():
    text = "In a statement issued Monday, council leader Maria Okafor was more cautious than her colleagues."
    (g,) = grade_sentences(parse_article(text, parse_metadata=False))
    assert g.sourcing is N and "Maria Okafor" in g.reason
    assert grade("In a new poll released Sunday, most voters were undecided about the race.") == [V]


@pytest.mark.parametrize(
    "line",
    [
        "Follow him on Twitter: @jdoe_news.",
        "Reach her directly at jane.doe@example.com.",
        "This post has been updated with comment from the council's finance director.",
        "This story was updated to include the mayor's response on Friday evening.",
        "Correction: An earlier version of this story gave the wrong date for the vote.",
    ],
)
def test_byline_and_contact_lines_are_not_claims(line):
    (g,) = grade_sentences(parse_article(line, parse_metadata=False))
    assert g.sourcing is X and "byline or contact line" in g.reason
    assert [c.role for c in g.cues] == ["contact_line"]


def test_a_quoted_follow_us_is_speech_not_a_contact_line():
    assert grade("\u201cFollow us,\u201d Ms. Ruiz said, and the children walked behind her to the square.") == [N]


def test_a_headline_with_quotation_marks_is_a_title():
    assert grade("School budget cut 'unavoidable'\n\nThe county will cut its school budget by 4% next year.") == [X, U]
    assert grade('Mayor "confident" of deal\n\nThe mayor met union leaders on Monday.') == [X, U]
    assert grade("The mayor called the budget cut 'unavoidable'.") == [N]  # a sentence, not a title
    assert grade('"We will not back down"') == [U]  # a whole quote is no title


# --- attribution on PolNeAR tune errors (issue 14 Measures); invented sentences of the same shapes ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor issued a statement, \u201cWe will rebuild the bridge by spring.\u201d", N),
        ("The new phone, dubbed a pocket studio, was built by a firm in Leeds.", U),  # a name given
        ("Grand Slam winners were honoured at the club dinner on Saturday night.", U),  # no "slam" verb
        ("The governor trails by six points in a new Marist poll released Monday.", N),  # a named pollster
        ("The governor trails by six points in a new Fox News poll released Monday.", S),  # an outlet's poll
        ("The governor trails by six points in the polls this spring, aides fear.", A),
        ("The governor trails by six points in the polls this spring and summer.", U),  # no pollster
        ("Asked whether she would run again, Ortiz gave a long answer about the budget.", N),
        ("Asked which town was his favourite, he laughed and named three of them.", N),
        ("Asked to leave the hall, the protester refused and was carried out.", U),  # a request, not a question
    ],
)
def test_publishing_polls_and_answers_are_attributions(text, expected):
    assert grade(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ortiz camp: The council has broken its word on housing.", N),
        ("Dr. Jane Ortiz: The clinic will stay open all winter.", N),
        ("EXCLUSIVE \u2013 Jane Ortiz: Do not trust the new budget.", N),
        ("Ortiz to Council: You have broken your word on housing.", N),
    ],
)
def test_a_headline_speaker_before_a_colon(text, expected):
    assert grade(text) == [expected]


def test_a_bare_anonymous_with_no_speech_is_no_source():
    # seen in BBC technology copy: "anonymous" describes a thing or an act, not who speaks
    assert grade("Spammers recruit home PCs to act as anonymous e-mail relays to hide their origins.") == [U]
    assert grade("An anonymous donor gave the hospital two million pounds last year.") == [U]
    assert grade("The plan, according to an anonymous official, will cost two million pounds.") == [A]
    assert grade("The plan will cost two million pounds, one official, who asked not to be named, confirmed.") == [A]
