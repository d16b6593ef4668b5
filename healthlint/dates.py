"""Regular-expression pieces for dates in running text, shared by the plain-text parser (which marks
date lines) and the keyphrase-stuffing kind (for which "in March" is a time, not a place), and the
month and weekday names the promotion signal and the doorway rule set apart from towns. The
trust-date rule (HL602) writes the same pieces out in its own ``date_patterns``. Lower case: callers
match case-insensitively."""

# Month and weekday names written in full: after "in" they name a time, not a place ("in March",
# while "Marlow" is a town).
TIME_NAMES = frozenset(("January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
                        "Friday", "Saturday", "Sunday"))
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
