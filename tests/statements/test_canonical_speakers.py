"""Canonical speakers on short passages written for this test: pronouns near places and companies, role
descriptions, acronyms, two people of one surname. Each row: the passage, the speaker as written in the
statement checked (its last statement with that speaker), the expected canonical speaker and type."""

from __future__ import annotations

import pytest

from tasks.statements import extract_statements
from tests.statements.checks import check_offsets

PASSAGES = [
    # --- pronouns never resolve to a place, a company or a document
    ("Mayor Ines Duarte toured Surrey on Monday. She said the road would reopen in June.",
     "She", "Ines Duarte", "person"),
    ("Tom Okafor flew to Lisbon last week. He said the talks in Lisbon had gone well.",
     "He", "Tom Okafor", "person"),
    ("Grace Mbeki met the board of Kessel Rail in Port Alder. She said the strike could be avoided.",
     "She", "Grace Mbeki", "person"),
    ("Carl Mendes leads the union at the Valdera plant. He said the plant needs new ovens.",
     "He", "Carl Mendes", "person"),
    ("Piet Vos spoke after a rally in Sorno. He said the market hall would open in spring.",
     "He", "Piet Vos", "person"),
    ("Ana Ferreira studied the report from the harbour authority. She said the report was too optimistic.",
     "She", "Ana Ferreira", "person"),
    ("Marta Ilic wrote to the Kessel Rail board. She said the timetable was unworkable.",
     "She", "Marta Ilic", "person"),
    ("The strike began at the Kinder Mill in Valdera, where Luis Ortega works. He said wages had not risen.",
     "He", "Luis Ortega", "person"),
    ("The ferry from Port Alder to Sorno was cancelled. It said the engines needed repair.",
     "It", "It", "unresolved"),  # no body in sight: places and vehicles do not speak
    ("She said the bridge was safe.", "She", "She", "unresolved"),  # no antecedent at all
    # --- gender and number agree
    ("Elena Brandt and Tom Okafor met on Monday. He said the deal was close.", "He", "Tom Okafor", "person"),
    ("Tom Okafor and Elena Brandt met on Monday. She said the deal was close.", "She", "Elena Brandt", "person"),
    ("Mr. Joris Bakker met Mrs. Lena Sol. She said the budget was short.", "She", "Lena Sol", "person"),
    ("Mrs. Lena Sol met Mr. Joris Bakker. He said the budget was short.", "He", "Joris Bakker", "person"),
    ("The port authority met Anna Berg. They said the fees would rise.", "They", "They", "unresolved"),
    ("Anna Berg met the council officials on Monday. They said the fees would rise.", "They",
     "the council officials", "anonymous"),
    ("The harbour authority will add ferries next spring, it said.", "it", "The harbour authority", "organization"),
    # --- role descriptions resolve to the person the article names in that role
    ("Mayor Elena Brandt opened the session. Later the mayor said the budget was balanced.",
     "the mayor", "Elena Brandt", "person"),
    ("Finance Minister Joris Bakker spoke first. The minister said taxes would not rise.",
     "The minister", "Joris Bakker", "person"),
    ("Grace Mbeki, the company's chief executive, visited the plant. The executive said jobs were safe.",
     "The executive", "Grace Mbeki", "person"),
    ("Press secretary Ana Ruiz held a briefing. The secretary said the trip was postponed.",
     "The secretary", "Ana Ruiz", "person"),
    ("Luis Ortega, the city's mayor, cut the ribbon. The city's mayor said the hall cost less than planned.",
     "The city's mayor", "Luis Ortega", "person"),
    ("Governor Nina Sol vetoed the bill. The governor said it was too expensive.",
     "The governor", "Nina Sol", "person"),
    ("The mayor said the road would reopen.", "The mayor", "The mayor", "person"),  # nobody named in the role
    ("Mayor Elena Brandt met Mayor Piet Vos of Sorno on Monday. Later the mayor said the deal was done.",
     "the mayor", "Piet Vos", "person"),  # two mayors: the one named nearest before
    ("Vice President Ada Lind met President Tom Okafor. The president said the treaty was ready.",
     "The president", "Tom Okafor", "person"),  # "vice" makes another role
    ("Libertarian candidate Ana Ruiz spoke. The Green candidate said the vote was rigged.",
     "The Green candidate", "The Green candidate", "person"),  # the qualifier does not fit the named one
    ("A spokeswoman for the agency said the ferries would run.", "A spokeswoman for the agency",
     "A spokeswoman for the agency", "anonymous"),  # indefinite: an unnamed source, not a role holder
    # --- acronyms resolve to their expansion
    ("The New Democratic Party (NDP) held its congress. The NDP said it would oppose the budget.",
     "The NDP", "New Democratic Party", "organization"),
    ("The Royal Canadian Mounted Police opened an inquiry. The RCMP said the inquiry would take a year.",
     "The RCMP", "Royal Canadian Mounted Police", "organization"),
    ("Officers of the Federal Bureau of Investigation arrived. The FBI said no one was hurt.",
     "The FBI", "Federal Bureau of Investigation", "organization"),
    ("The Port Alder Transit Authority (PATA) raised fares. PATA said the rise was the first in years.",
     "PATA", "Port Alder Transit Authority", "organization"),
    ("The UN said the aid would arrive soon.", "The UN", "The UN", "organization"),  # no expansion written
    # --- two people of one surname
    ("Anna Berg and her brother Lars Berg run the farm. Ms. Berg said the harvest was poor.",
     "Ms. Berg", "Anna Berg", "person"),
    ("Anna Berg and her brother Lars Berg run the farm. Mr. Berg said the harvest was poor.",
     "Mr. Berg", "Lars Berg", "person"),
    ("Ruth Amsel chairs the board. Ruth Amsel called the vote. Ben Amsel joined late. Amsel said the vote was fair.",
     "Amsel", "Ruth Amsel", "person"),  # no title: the one the article names most often
    ("Ruth Amsel spoke first. Ruth Amsel spoke again. Ben Amsel left early. Ms. Amsel said the vote was fair.",
     "Ms. Amsel", "Ruth Amsel", "person"),
    # --- short forms and titles
    ("Prime Minister Helena Brandt met union leaders. Brandt said the talks had been useful.",
     "Brandt", "Helena Brandt", "person"),
    ("Councillor Ruth Amsel opened the hearing. Ms Amsel said the plan was sound.", "Ms Amsel", "Ruth Amsel", "person"),
    ("The Evening Courier broke the story. The Courier said the mayor had resigned.",
     "The Courier", "The Evening Courier", "publication"),
    ("Sen. Ada Lind (D-Ohio) said the bill would pass.", "Sen. Ada Lind", "Ada Lind", "person"),
    ("Valdera Growers Association chair Piet Vos said the frost fund was too small.",
     "Valdera Growers Association chair Piet Vos", "Piet Vos", "person"),
    ("The transit agency said fares would rise.", "The transit agency", "The transit agency", "organization"),
    ("Officials at the Finance Ministry said the deficit had shrunk.", "Officials at the Finance Ministry",
     "Officials at the Finance Ministry", "anonymous"),
    # --- a role where it is held ("the mayor of Port Alder") is a role, not the place's name (issue 12)
    ("The mayor of Port Alder said the harbor bridge was unsafe.",
     "The mayor of Port Alder", "The mayor of Port Alder", "person"),  # nobody named in the role: the mention
    ("Mayor Elena Brandt opened the hearing. The mayor of Port Alder said the bridge was unsafe.",
     "The mayor of Port Alder", "Elena Brandt", "person"),
    ("Mayor Piet Vos of Sorno opened the hearing. The mayor of Port Alder said the bridge was unsafe.",
     "The mayor of Port Alder", "The mayor of Port Alder", "person"),  # the mayor of another town
    ("The mayor of Port Alder, Elena Brandt, opened the hearing. The mayor said the bridge was unsafe.",
     "The mayor", "Elena Brandt", "person"),  # the name as the role's appositive
    ("Elena Brandt, the mayor of Port Alder, opened the hearing. The mayor of Port Alder said it was unsafe.",
     "The mayor of Port Alder", "Elena Brandt", "person"),
    # --- capitalized qualifiers before a title qualify the role
    ("Former Mayor Tom Vos spoke first. Mayor Elena Brandt spoke next. The mayor said the bridge would close.",
     "The mayor", "Elena Brandt", "person"),
    ("Former Mayor Tom Vos spoke first. The former mayor said the bridge would close.",
     "The former mayor", "Tom Vos", "person"),
    # --- pronouns after a resolved speaker
    ("\u201cThe repairs are overdue,\u201d Mayor Elena Brandt said. She said the bridge would reopen in June.",
     "She", "Elena Brandt", "person"),
    ("Tom Okafor said the yard was full. Grace Mbeki said the ships were late. He said more cranes were coming.",
     "He", "Tom Okafor", "person"),
    ("Grace Mbeki said the yard was full. Tom Okafor said the ships were late. She said more cranes were coming.",
     "She", "Grace Mbeki", "person"),
    ("The health ministry said cases had fallen. It said the vaccine drive would continue.",
     "It", "The health ministry", "organization"),
    ("Residents met the developers, who say the towers will bring new shops.", "who", "the developers", "anonymous"),
]


@pytest.mark.parametrize(("text", "speaker", "canonical", "kind"), PASSAGES)
def test_canonical_speaker(text: str, speaker: str, canonical: str, kind: str) -> None:
    rows = extract_statements(text)
    check_offsets(text, rows)
    mine = [r for r in rows if r.speaker == speaker]
    assert mine, [(r.speaker, r.content) for r in rows]
    assert (mine[-1].speaker_canonical, mine[-1].speaker_type) == (canonical, kind)


def test_there_are_at_least_forty_passages() -> None:
    assert len(PASSAGES) >= 40
