"""Regular-expression pieces for dates in running text, shared by the plain-text parser (which marks
date lines) and the keyphrase-stuffing kind (for which "in March" is a time, not a place). The
trust-date rule (HL602) writes the same pieces out in its own ``date_patterns``. Lower case: callers
match case-insensitively."""

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
