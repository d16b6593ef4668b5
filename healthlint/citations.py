"""Is a claim sourced? Citation signals per sentence and paragraph, computed once per document.

A sentence counts as sourced when it, or its paragraph, carries:
* a link to a web page (Markdown or HTML; relative links, anchors, tel: and mailto: are the site's
  own pages or contact details, not sources);
* an author-year citation: "(Smith, 2021)", "(Smith et al., 2021)", "(Smith and Lee 2019; Ono, 2020)";
* a DOI ("10.1056/…", "doi:") or a PMID;
* a named journal with a year ("published in JAMA in 2019", "(Lancet, 2020)");
* a reference marker — "[1]", "[2, 5]", "[^3]", superscript digits, or digits glued after
  punctuation ("effective.12") — but only when the article has a reference list that makes the
  markers resolvable (a "References"/"Sources" section, or a closing run of entries with links or DOIs).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Block, Document, Sentence

AUTHOR_YEAR = re.compile(
    r"\((?:see\s+)?[A-Z][\w'’\-]+(?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’\-]+)?)?,?\s+(?:19|20)\d{2}[a-z]?"
    r"(?:\s*;\s*[A-Z][\w'’\-]+(?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’\-]+)?)?,?\s+(?:19|20)\d{2}[a-z]?)*\)"
)
DOI = re.compile(r"\b(?:doi:\s*)?10\.\d{4,9}/[^\s\"<>]+|\bdoi:\s*\S+", re.I)
PMID = re.compile(r"\bPMID:?\s*\d{5,9}\b|\bPMC\d{5,9}\b")
JOURNALS = (
    r"JAMA(?:\s+\w+)?|The\s+Lancet(?:\s+\w+)?|Lancet|New\s+England\s+Journal\s+of\s+Medicine|NEJM|BMJ|"
    r"British\s+Medical\s+Journal|Nature(?:\s+\w+)?|Science|Cochrane(?:\s+Database\s+of\s+Systematic\s+Reviews|\s+Review)?|"
    r"Annals\s+of\s+[A-Z][\w ]+|Pediatrics|Circulation|Diabetes\s+Care|Journal\s+of\s+[A-Z][\w ]+|"
    r"American\s+Journal\s+of\s+[A-Z][\w ]+|PLOS\s+\w+|Psychological\s+Medicine|MMWR"
)
JOURNAL_YEAR = re.compile(rf"\b(?:{JOURNALS})\b[^.;]{{0,80}}?\b(?:19|20)\d{{2}}\b|\b(?:19|20)\d{{2}}\b[^.;]{{0,40}}?\b(?:{JOURNALS})\b")
MARKER = re.compile(r"\[\^?\w{1,4}\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[a-z.,;:)])\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)")
REFERENCE_HEADING = re.compile(r"^(?:references?|sources?|bibliography|citations?|works\s+cited|notes|further\s+reading|literature)\b", re.I)


def has_reference_list(doc: "Document") -> bool:
    cached = doc.analyses.has_references
    if cached is not None:
        return cached
    found = any(b.is_heading and REFERENCE_HEADING.match(b.text.strip()) for b in doc.blocks)
    if not found:
        tail = doc.body[-3:]
        found = len(tail) >= 2 and all(web_link(b) or DOI.search(b.text) for b in tail)
    doc.analyses.has_references = found
    return found


def web_link(block: "Block") -> bool:
    return any(re.match(r"(?:https?:)?//|www\.", href.strip(), re.I) for _, _, href in block.attrs.get("links") or ())


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _text_sourced(text: str, markers_ok: bool) -> bool:
    # Cheap literal gates first: most paragraphs hold no year, no "10." and no "PM".
    has_year = _YEAR.search(text) is not None
    return bool(
        (has_year and "(" in text and AUTHOR_YEAR.search(text))
        or (("10." in text or "doi" in text.lower()) and DOI.search(text))
        or ("PM" in text and PMID.search(text))
        or (has_year and JOURNAL_YEAR.search(text))
        or (markers_ok and MARKER.search(text))
    )


def block_sourced(doc: "Document", block: "Block") -> bool:
    cache = doc.analyses.sourced_blocks
    if block.index not in cache:
        cache[block.index] = web_link(block) or _text_sourced(block.text, has_reference_list(doc))
    return cache[block.index]


def sentence_sourced(doc: "Document", sentence: "Sentence") -> bool:
    """The sentence or its paragraph carries a citation."""
    return block_sourced(doc, sentence.block)


def cites_anything(doc: "Document") -> bool:
    """Any source at all: a link, a citation, or a reference list."""
    cached = doc.analyses.cites_anything
    if cached is None:
        cached = doc.analyses.cites_anything = has_reference_list(doc) or any(block_sourced(doc, b) for b in doc.body)
    return cached
