"""Regular-expression pieces for dates in running text, shared by the plain-text parser (which marks
date lines) and the trust rules (which look for a publication date). Lower case: callers match
case-insensitively."""

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
