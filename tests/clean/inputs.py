"""A plain-text article written for the clean tests: two headline lines, body paragraphs, a footer."""

ARTICLE = """Ferry fares to rise in spring

UPDATE 1-Ferry fares set to rise

The harbor authority will raise ferry fares by 5 percent in April, it said on Monday.

"Fuel costs have doubled," a spokeswoman said.

Related Stories----
Bridge to close for repairs
"""
