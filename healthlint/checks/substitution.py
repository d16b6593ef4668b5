"""Kind ``substitution``: a term that has a plainer alternative (Vale's "substitution").

The terms come from shipped lists (``lists``: names of YAML files in ``healthlint/data``, such as
``plain_terms``), from ``terms`` in the rule file and from ``extra_terms`` in the config; any of
them can be dropped with ``exclude_terms``. Each entry maps a term to its plain alternative, as a
string or as a mapping ``{say: ..., variants: [...], rephrase: true}``: ``variants`` lists other
spellings or irregular forms ("diagnoses"), ``rephrase`` says the alternative is not a drop-in
replacement (so no automatic fix is offered); an alternative containing "…" needs rephrasing too.

Matching works on the words the document model already has: whole words, case-insensitive, with
the term's last word also matched with -s, -es (-y to -ies, -is to -es) and a possessive 's; multi-
word terms need only spaces between their words; the longest term wins where several start at the
same word. Only body sentences are read (headings and the title name a topic; the body is where a
term is used and explained), outside a reference list (a "References" section quotes papers'
titles). A sentence whose words include none of the terms' first words costs
one set test.

A term is **explained**, and not reported, when its alternative or one of the alternative's
content words stands in the same sentence or within ``explain_window`` sentences before or after
("hypertension (high blood pressure)", "renal, or kidney, disease", "Doctors call it
hypertension."); once a term has been explained, its later uses in the article are not reported
either. At most ``max_per_term`` findings per term and article.

Message fields: ``match`` (as written), ``term``, ``alternative``, ``count``. Each hit carries the
alternative as its suggestion, and, when the alternative replaces the words one for one (the base
form matched, no rephrasing, the span's source text equal to what the reader sees), the exact
replacement text for SARIF fixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..citations import REFERENCE_HEADING
from ..document import WORD_RE
from ..yamlutil import shipped_data
from . import register
from .base import Check, Hit, Param

LIST_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ENTRY_KEYS = ("say", "variants", "rephrase")
# Words that say nothing on their own about what a term means: an alternative's other words are
# its content words ("high blood pressure": high, blood, pressure).
STOPWORDS = frozenset("""
a an the of in on at to for from by with without and or but not no your you it its this that these
those is are be been being was were has have had do does can may will who which what when where how
than then as into out up down over under about some any more most less very too so such one ones
someone something thing things person people part way kind type body
""".split())


@dataclass(frozen=True)
class Entry:
    term: str  # as listed, lower case
    say: str
    rephrase: bool
    content: frozenset[str]  # the alternative's content words, with their simple plural forms


def _stem(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _plurals(word: str) -> list[str]:
    out = [word + "s", word + "es"]
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        out.append(word[:-1] + "ies")
    if word.endswith("is"):
        out.append(word[:-2] + "es")
    return out


def entry_problem(term: Any, value: Any) -> str | None:
    """None when ``term: value`` is a valid entry, else what is wrong with it."""
    if not isinstance(term, str) or not WORD_RE.search(term):
        return f"each term must be a string with at least one word, got {term!r}"
    if isinstance(value, str):
        return None if value.strip() else f"the alternative for {term!r} is empty"
    if not isinstance(value, dict):
        return f"the alternative for {term!r} must be a string or a mapping with 'say', got {type(value).__name__} {value!r}"
    for k in value:
        if k not in ENTRY_KEYS:
            return f"unknown key {k!r} for {term!r}; expected {', '.join(ENTRY_KEYS)}"
    if not isinstance(value.get("say"), str) or not value["say"].strip():
        return f"{term!r} needs 'say': its plain alternative (a string)"
    variants = value.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and WORD_RE.search(v) for v in variants):
        return f"'variants' of {term!r} must be a list of strings"
    if not isinstance(value.get("rephrase", False), bool):
        return f"'rephrase' of {term!r} must be true or false"
    return None


def terms_problem(terms: Any) -> str | None:
    if not isinstance(terms, dict):
        return "must map terms to their plain alternatives"
    for term, value in terms.items():
        problem = entry_problem(term, value)
        if problem:
            return problem
    return None


@lru_cache(maxsize=16)
def load_list(name: str) -> dict[str, Any]:
    """A shipped term list, ``healthlint/data/<name>.yaml`` (its ``terms`` mapping)."""
    if not LIST_NAME.match(name):
        raise ValueError(f"unknown term list {name!r}")
    try:
        data = shipped_data(name)
    except FileNotFoundError:
        raise ValueError(f"unknown term list {name!r} (no healthlint/data/{name}.yaml)") from None
    terms = data.get("terms") if isinstance(data, dict) else None
    problem = terms_problem(terms)
    if problem:
        raise ValueError(f"term list {name!r}: {problem}")
    return terms


@lru_cache(maxsize=32)
def _index(items: tuple[tuple[str, str, tuple[str, ...], bool], ...]) -> tuple[dict, frozenset]:
    """first word -> [(word tuple, entry, base form?)] longest first; and every first word (plus
    its possessive forms, for the sentence pre-test)."""
    index: dict[str, dict[tuple[str, ...], tuple[Entry, bool]]] = {}
    for term, say, variants, rephrase in items:
        content = frozenset(f for w in WORD_RE.findall(say.lower()) if w not in STOPWORDS
                            for f in (w, _stem(w), *_plurals(_stem(w))))
        entry = Entry(term, say.strip(), rephrase or "…" in say or "..." in say, content)
        base = tuple(WORD_RE.findall(term))
        forms: list[tuple[tuple[str, ...], bool]] = [(base, True)]
        for v in variants:  # other spellings: reported and replaced like the term
            forms.append((tuple(WORD_RE.findall(v.lower())), True))
        for words, _ in list(forms):
            forms += [(words[:-1] + (p,), False) for p in _plurals(words[-1])]
        for words, is_base in forms:
            slot = index.setdefault(words[0], {})
            if words not in slot or (is_base and not slot[words][1]):  # an earlier term keeps its form
                slot[words] = (entry, is_base)
    out = {first: sorted(((w, e, b) for w, (e, b) in slot.items()), key=lambda x: -len(x[0])) for first, slot in index.items()}
    firsts = set(out)
    for f in list(firsts):
        firsts.update((f + "'s", f + "’s"))
    return out, frozenset(firsts)


@register
class Substitution(Check):
    kind = "substitution"
    scopes = ("sentence",)
    params = {
        "lists": Param(list, [], help="shipped term lists (healthlint/data/<name>.yaml)"),
        "terms": Param(dict, {}, help="term -> plain alternative (or {say, variants, rephrase})"),
        "extra_terms": Param(dict, {}, help="more terms, added in the config"),
        "exclude_terms": Param(list, [], help="terms not to report"),
        "max_per_term": Param(int, 3, min=1, max=10000),
        "explain_window": Param(int, 1, min=0, max=10),
    }
    fields = ("match", "term", "alternative", "count")

    @classmethod
    def validate_params(cls, p: dict) -> dict[str, str]:
        for name in p["lists"]:
            if not isinstance(name, str):
                return {"lists": f"must be a list of term list names, got {name!r}"}
            try:
                load_list(name)
            except ValueError as e:
                return {"lists": str(e)}
        for key in ("terms", "extra_terms"):
            problem = terms_problem(p[key])
            if problem:
                return {key: problem}
        if not all(isinstance(t, str) and t.strip() for t in p["exclude_terms"]):
            return {"exclude_terms": "must be a list of terms (strings)"}
        return {}

    def setup(self) -> None:
        merged: dict[str, Any] = {}
        for name in self.p["lists"]:
            merged.update(load_list(name))
        merged.update(self.p["terms"])
        merged.update(self.p["extra_terms"])
        drop = {" ".join(WORD_RE.findall(t.lower())) for t in self.p["exclude_terms"]}
        items = []
        for term, value in merged.items():
            key = " ".join(WORD_RE.findall(term.lower()))
            if key in drop:
                continue
            if isinstance(value, str):
                value = {"say": value}
            items.append((key, value["say"], tuple(value.get("variants", ())), bool(value.get("rephrase", False))))
        self.index, self.firsts = _index(tuple(items))

    def check(self, doc: Any) -> Iterable[Hit]:
        if not self.index:
            return
        firsts = self.firsts
        sentences = doc.sentences
        candidates = [i for i, s in enumerate(sentences) if not firsts.isdisjoint(s.tokens)]
        if not candidates:
            return
        # A reference list quotes papers' titles, written for specialists: not the article's voice.
        refs = {b.index for b in doc.blocks if b.kind == "heading" and REFERENCE_HEADING.match(b.text.strip())}
        if refs:
            candidates = [i for i in candidates if sentences[i].block.section not in refs]
        window = self.p["explain_window"]
        cap = self.p["max_per_term"]
        stems: dict[int, frozenset[str]] = {}
        counts: dict[str, int] = {}
        explained: set[str] = set()

        def stems_of(i: int) -> frozenset[str]:
            got = stems.get(i)
            if got is None:
                got = stems[i] = frozenset(sentences[i].tokens)
            return got

        for i in candidates:
            s = sentences[i]
            for entry, words, is_base, a, e in self._matches(s):
                if entry.term in explained:
                    continue
                lo, hi = max(0, i - window), min(len(sentences) - 1, i + window)
                if any(not entry.content.isdisjoint(stems_of(j)) for j in range(lo, hi + 1)):
                    explained.add(entry.term)
                    continue
                n = counts.get(entry.term, 0) + 1
                if n > cap:
                    continue
                counts[entry.term] = n
                block = s.block
                written = block.text[a:e]
                yield Hit(block, a, e, {"match": written, "term": entry.term, "alternative": entry.say, "count": n},
                          suggestion=entry.say, replacement=self._replacement(doc, block, a, e, written, entry, is_base))

    def _matches(self, s: Any) -> Iterable[tuple[Entry, tuple, bool, int, int]]:
        """(entry, words, base form?, start, end in the block) for each term in the sentence, left
        to right, longest first, no overlaps. Works on the sentence's lower-case tokens; the words'
        positions are found (one regex pass, no Word objects) only when a form's words are there."""
        tokens = s.tokens
        index, firsts = self.index, self.firsts
        spans: list[tuple[int, int]] | None = None
        text = s.text
        k = 0
        while k < len(tokens):
            low = tokens[k]
            if low not in firsts:
                k += 1
                continue
            possessive = low.endswith(("'s", "’s")) and low not in index
            matched = 0
            for form, entry, is_base in index.get(low[:-2] if possessive else low, ()):
                n = len(form)
                if n > 1 and (possessive or k + n > len(tokens)):
                    continue
                if n > 1 and not all(w == f or (j == n - 1 and w.endswith(("'s", "’s")) and w[:-2] == f)
                                     for j, (w, f) in enumerate(zip(tokens[k + 1 : k + n], form[1:]), 1)):
                    continue
                if spans is None:
                    spans = [m.span() for m in WORD_RE.finditer(text)]
                    if len(spans) != len(tokens):  # lower-casing changed the words: use the text's own
                        tokens = [text[x:y].lower() for x, y in spans]
                        return self._rematch(s, tokens, spans)
                if n > 1 and not all(text[spans[k + j - 1][1] : spans[k + j][0]].isspace() for j in range(1, n)):
                    continue  # "renal, failure": punctuation between the words
                end = spans[k + n - 1][1]
                if tokens[k + n - 1] != form[-1]:
                    end -= 2  # a possessive after the term
                yield entry, form, is_base, s.start + spans[k][0], s.start + end
                matched = n
                break
            k += matched or 1

    def _rematch(self, s: Any, tokens: list[str], spans: list[tuple[int, int]]) -> list:
        """The rare sentence whose lower-cased form tokenizes differently: match its own words."""
        class _S:
            pass

        alt = _S()
        alt.tokens, alt.text, alt.start = tokens, s.text, s.start  # type: ignore[attr-defined]
        return list(self._matches(alt))

    @staticmethod
    def _replacement(doc: Any, block: Any, a: int, e: int, written: str, entry: Entry, is_base: bool) -> str | None:
        """The text that replaces the span one for one, or None when it needs rephrasing."""
        if entry.rephrase or not is_base or " ".join(written.lower().split()) != written.lower():
            return None
        before = block.text[max(0, a - 4):a].split()
        if before and before[-1].lower() in ("a", "an") and (written[:1].lower() in "aeiou") != (entry.say[:1].lower() in "aeiou"):
            return None  # "an analgesic" would become "an painkiller"
        s, t = block.source_span(a, e)
        if doc.source[s:t] != written:  # markup, an entity or a line break inside the span
            return None
        say = entry.say
        if written[:1].isupper() and say[:1].islower() and not (len(written) > 1 and written.isupper()):
            say = say[0].upper() + say[1:]
        return say
