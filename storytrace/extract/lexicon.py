"""Word lists behind attribution: speech cues, roles, anonymous sources, documents, denial."""

from __future__ import annotations

# Verbs (lemmas) that report speech or published content. Cognition verbs (think, believe) are not here.
REPORTING_CUES = frozenset("""
say tell add explain reiterate respond reply report write recount recall state announce declare note
stress emphasize emphasise insist maintain argue claim contend assert allege comment remark observe
mention tweet post testify quote cite describe brief inform disclose reveal acknowledge admit concede
warn caution predict estimate complain protest confirm verify corroborate deny reject dismiss refute dispute
rebut rebuff contradict debunk suggest propose recommend urge advise plead implore beg ask request demand show indicate accuse charge
blame praise promise pledge vow threaten boast concur agree disagree counter retort continue find
conclude quip joke muse lament grumble whisper shout yell exclaim swear assure forecast speculate
underline underscore clarify proclaim brag divulge repeat reaffirm restate reassert affirm attest hint signal rule
determine reckon question challenge contest doubt
""".split())

# Cues whose complement is something wished for, not something asserted to have happened.
DIRECTIVE_CUES = frozenset("ask request demand urge advise plead implore beg propose recommend suggest call".split())

# Cues that deny or confirm what they govern.
# What someone said or wrote, as a thing ('denied the story', 'attributed the remark to an aide').
SAID_NOUNS = frozenset("""story report claim account allegation accusation detail rumour rumor idea suggestion article
version remark comment statement assertion quote quotation word leak""".split())
DENIAL_CUES = frozenset("""deny reject dismiss refute dispute rebut rebuff contradict retract debunk question challenge
contest doubt""".split())
# Verbs that take back what their subject said before, with the particle or preposition each needs
# ('walked back her claim that ...', 'backtracked on his statement that ...', 'retracted its claim that ...').
RETRACTING_VERBS = {"retract": None, "recant": None, "withdraw": None, "disavow": None, "abandon": None,
                    "drop": None, "correct": None, "walk": "back", "take": "back", "row": "back", "backtrack": "on",
                    "backpedal": "on"}
# What someone said that a retraction takes back.
RETRACTED_NOUNS = frozenset("""claim statement remark comment assertion allegation accusation suggestion contention
insistence charge report story account""".split())
CONFIRMATION_CUES = frozenset("confirm verify corroborate acknowledge admit concede".split())
# What one is accused of, as the object of 'deny': 'denied any wrongdoing', 'denied involvement in the scheme'.
ACCUSED_THINGS = frozenset("""wrongdoing involvement responsibility guilt knowledge misconduct culpability liability
role part link links tie ties connection connections complicity fault negligence corruption bribery fraud
impropriety irregularity irregularities murder manslaughter assault theft rape robbery burglary kidnapping
arson harassment abuse misconduct embezzlement extortion blackmail espionage treason terrorism perjury
charge charges allegation allegations innocence neglect endangerment dishonesty stalking trafficking
smuggling laundering forgery sabotage""".split())
# Happenings one may deny took place, named by a noun ('denied the breach', 'denied the affair'): a denial,
# not a refusal ('denied the permit').
DENIED_EVENTS = frozenset("""attack attacks breach leak hack affair raid bombing shooting killing killings payment payments
bribe bribes""".split())
DENIED_BY_NAME = ACCUSED_THINGS | DENIED_EVENTS  # what a denial names with a noun alone ('denied wrongdoing')

# Cues that mostly take documents or evidence as subject ("the transcripts show").
EVIDENCE_CUES = frozenset("show indicate reveal suggest find".split())

# Two-word cues: the verb lemma and its particle.
PHRASAL_CUES = {("point", "out"), ("go", "on"), ("spell", "out"), ("speak", "out"), ("push", "back"), ("hit", "back"),
                ("brush", "off"), ("shoot", "down"), ("wave", "off"), ("wave", "away"), ("laugh", "off"),
                ("play", "down"), ("double", "down")}
# Phrasal cues that deny what follows: 'pushed back on reports that ...', 'hit back at claims that ...',
# 'brushed off the report', 'shot down the rumours'.
DENIAL_PHRASES = frozenset({"push back", "hit back", "brush off", "shoot down", "wave off", "wave away", "laugh off",
                            "play down", "downplay", "cast doubt on", "pour cold water on", "pour scorn on"})
# Idioms of doubt, verb and object, named as a cue: 'cast doubt on reports that ...', 'poured cold water on
# claims that ...', 'threw doubt on the figures'.
DOUBTING_IDIOMS = {("cast", "doubt"): "cast doubt on", ("throw", "doubt"): "cast doubt on",
                   ("pour", "water"): "pour cold water on", ("pour", "scorn"): "pour scorn on"}
# What a denial's object must be for the denial to reject a claim ('denied the report', 'rejected Ott's figures').
CLAIMED_THINGS = frozenset("""allegation claim report accusation suggestion story account charge figure number
finding version description assertion idea notion rumour rumor speculation characterisation characterization
estimate statement""".split())

# "according to X", "as indicated by X" and similar markers name a source without a speech verb.
SOURCE_PREPOSITIONS = ("according to", "citing", "quoting", "per")

ROLE_ABBREVIATIONS = {
    "pres": "president", "pres.": "president", "pm": "prime minister", "amb": "ambassador",
    "amb.": "ambassador", "sen": "senator", "sen.": "senator", "rep": "representative", "rep.": "representative",
    "gen": "general", "gen.": "general", "gov": "governor", "gov.": "governor", "sec": "secretary",
    "sec.": "secretary", "lt": "lieutenant", "col": "colonel", "col.": "colonel", "maj": "major",
    "adm": "admiral", "adm.": "admiral", "dr": "doctor", "dr.": "doctor", "prof": "professor",
    "prof.": "professor", "ceo": "chief executive", "mk": "lawmaker", "mp": "lawmaker", "fm": "foreign minister",
}

# Role nouns: a title before a name or an apposition after it; "the ambassador" resolves to the
# most recently mentioned person holding the role.
ROLE_NOUNS = frozenset("""
president president-elect premier chancellor minister ambassador envoy adviser advisor aide spokesman
spokeswoman spokesperson journalist reporter correspondent editor columnist commentator anchor
senator congressman congresswoman representative lawmaker legislator governor mayor judge justice
lawyer attorney prosecutor general admiral colonel commander officer chief director secretary
chairman chairwoman chair executive founder co-founder manager economist analyst professor
researcher scientist expert author writer diplomat official leader king queen prince princess
emperor sheikh emir ayatollah pope cardinal bishop rabbi imam candidate nominee activist negotiator
deputy head coordinator strategist consultant pollster historian investor owner ceo cfo cto
president's premier's boss captain coach player striker goalkeeper actor actress singer doctor
councillor councilor councilman councilwoman councilmember alderman alderwoman trustee commissioner
superintendent sheriff inspector sergeant detective clerk supervisor auditor treasurer comptroller
registrar surgeon physician nurse coroner magistrate ombudsman corporal
""".split())

# Words that open a title before its role noun ('Crown Prince', 'Vice President', 'Foreign Minister').
TITLE_MODIFIERS = frozenset("""crown vice prime deputy foreign defence defense finance interior justice acting former
chief supreme grand attorney first junior senior managing assistant associate""".split())

FEMALE_ROLE_NOUNS = frozenset("spokeswoman congresswoman chairwoman queen princess actress".split())
MALE_ROLE_NOUNS = frozenset("spokesman congressman chairman king prince".split())

# Nouns for a company by its trade, which go before its name but are no part of it ('carmaker Ford',
# the headline's 'Drugmaker Veltrix').
TRADE_HEADS = frozenset("airframer automaker carmaker planemaker chipmaker drugmaker shipbuilder toymaker".split())

# Heads of noun phrases that stand for unnamed sources.
ANONYMOUS_HEADS = frozenset("""
source sources official officials aide aides staffer staffers member members insider insiders
person people diplomat diplomats officer officers employee employees staff adviser advisers
advisor advisors figure figures spokesperson spokesman spokeswoman witness witnesses resident
residents observer observers expert experts analyst analysts
""".split())

# Heads of descriptions of organisations ("the air force", "the mayor's office").
ORGANIZATION_HEADS = frozenset("""
office ministry department agency government administration council committee army military police force
forces navy company firm court embassy commission authority authorities service bank party campaign team
union board parliament cabinet group coalition alliance organisation organization institute university
hospital regulator watchdog command headquarters presidency kremlin palace secretariat directorate bureau
network newspaper broadcaster publisher manufacturer maker airline carrier operator spokesperson's
county city district utility trust school club association federation foundation charity consortium league chamber
airframer automaker carmaker planemaker chipmaker drugmaker
""".split())

# Unnamed groups of people that speak ("critics said", "residents told reporters").
PERSON_GROUP_HEADS = frozenset("""
critics residents protesters protestors lawmakers legislators activists experts analysts witnesses doctors
workers investigators prosecutors supporters opponents economists researchers scientists officers
soldiers troops families relatives neighbours neighbors parents students teachers voters users customers
employees executives leaders members organisers organizers campaigners observers commentators
""".split())

# Heads of noun phrases that stand for documents and records.
DOCUMENT_HEADS = frozenset("""
transcript transcripts document documents record records memo memos memorandum cable cables email
emails e-mail e-mails letter letters filing filings file files paper papers study survey poll polls
data figures statistics footage video videos recording recordings tape tapes conversation
conversations minutes notes log logs assessment indictment complaint lawsuit ruling judgment
verdict report reports audit dossier chart charts analysis review investigation inquiry testimony
statement statements release notice post posts tweet tweets message messages note notes affidavit readout readouts
suit suits warrant subpoena motion order decree directive circular website webpage blog research announcement announcements finding findings petition petitions submission submissions result results
""".split())
# ... and papers a report names as its source ('according to the council's 2025 capital plan'), though
# 'announced plans to ...' tells of an intention, not a document
SOURCE_DOCUMENT_HEADS = DOCUMENT_HEADS | frozenset("""plan plans budget budgets contract contracts invoice invoices
receipt receipts spreadsheet spreadsheets draft drafts proposal proposals""".split())

# Words of a news outlet's name ("Calder Evening Post", "Ashbury Courier-Post", "Northsound Broadcasting").
MASTHEAD_WORDS = frozenset("""post times news herald tribune courier gazette journal ledger examiner dispatch
chronicle telegraph observer guardian mirror star sun record register standard express mail bulletin review wire
sentinel beacon inquirer globe daily weekly
press broadcasting broadcaster media radio television tv""".split())

# The last word of a newspaper's name the outlet list need not know: 'the Marlow Falls Sentinel',
# 'the Kellow Gazette' (the word must end the name: not 'Post Office', 'Times Square').
NEWSPAPER_ENDINGS = frozenset("""post times herald tribune courier gazette journal ledger examiner dispatch chronicle
telegraph observer sentinel beacon inquirer globe""".split())

# Heads that, modified by an outlet's name, make the outlet the speaker ("the Israel Hayom article").
PUBLICATION_HEADS = frozenset("article report story piece editorial column broadcast interview "
                              "investigation analysis newspaper paper daily website site".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL_PRONOUNS = frozenset("they them their".split())
RELATIVE_PRONOUNS = frozenset("which who that whom".split())

# A clause's leading complementizer 'that' ("said that the plant closed"), not the pronoun of "That
# is false" or "That never happened", nor the determiner of a claim named alone ('rejected | that account',
# 'dismissed that report as "simply untrue"') (a regex fragment, matched case-insensitively).
LEADING_THAT = (r"that(?!\s+(?:is|was|are|were|has|had|never|will|would|could|can|may|might|must|should|"
                r"does|did|seems|remains)\b)"
                r"(?!\s+(?:account|claim|report|allegation|accusation|suggestion|story|version|figure|assertion|"
                r"characteri[sz]ation|description|estimate|statement)s?(?:\s+as\b|\W*$))")

# A nation's key, then its name, adjective and the places that stand for it (claims: 'a Russian veto' meets
# 'Russia would block it'; entities: 'the German government' is the government of Germany).
COUNTRY_WORDS = {
    "russia": "russia russian russians kremlin moscow", "us": "america american americans washington",
    "israel": "israel israeli israelis", "uk": "britain british", "china": "china chinese beijing",
    "iran": "iran iranian tehran", "ukraine": "ukraine ukrainian ukrainians kyiv", "france": "france french",
    "germany": "germany german", "palestine": "palestine palestinian palestinians", "syria": "syria syrian",
    "egypt": "egypt egyptian", "turkey": "turkey turkish", "japan": "japan japanese", "india": "india indian",
    "pakistan": "pakistan pakistani", "saudi": "saudi saudis", "iraq": "iraq iraqi", "canada": "canada canadian",
    "mexico": "mexico mexican", "italy": "italy italian", "spain": "spain spanish", "poland": "poland polish",
    "korea": "korea korean", "europe": "europe european", "brazil": "brazil brazilian",
    "australia": "australia australian", "qatar": "qatar qatari", "lebanon": "lebanon lebanese",
    "jordan": "jordan jordanian", "afghanistan": "afghanistan afghan", "venezuela": "venezuela venezuelan",
    "cuba": "cuba cuban", "greece": "greece greek", "nigeria": "nigeria nigerian", "taiwan": "taiwan taiwanese",
}


# Social platforms: named as where something was posted ('in a post on Telegram'), they are no
# company that later speaks as 'the company'.
PLATFORMS = frozenset("""x twitter telegram facebook instagram tiktok youtube whatsapp linkedin reddit weibo wechat
bluesky threads snapchat substack mastodon vk""".split()) | {"truth social"}

# A negation that limits or marvels rather than denies: '..., though not all of their claims were
# upheld', 'most, if not all, members' (a concession, then a whole-word), 'I can not believe we would
# create French jobs' (disbelief at what happened, which takes it as so).
CONCESSIVE_WORDS = frozenset("though although albeit if".split())
WHOLE_WORDS = frozenset("all every everything everyone entirely fully always each".split())
ABLE_FORMS = frozenset("can could cannot can't couldn't".split())
