"""The check-kind contract: what a kind declares and implements, and what it hands back.

A kind is a :class:`Check` subclass: it declares the scopes it runs on (:data:`SCOPES`), its
parameters (:class:`Param`: type, default, bounds; checked when a rule file is loaded) and the
extra names its message templates may use, and implements :meth:`Check.check` (one document in,
:class:`Hit` objects out) or, for a cross-file kind, :meth:`Check.fingerprint` and
:meth:`Check.finish` (:class:`CorpusHit` objects out). It reads the run-wide settings it needs from
``self.config`` (:class:`RunSettings`). :func:`units` and :func:`touched` are the helpers kinds
share. Matching patterns: :class:`healthlint.lexicon.Lexicon`. Registering a kind:
:mod:`healthlint.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Sequence

if TYPE_CHECKING:
    from ..document import Block, Document
    from ..rules import Rule

SCOPES = ("document", "section", "paragraph", "sentence", "heading", "title", "block", "corpus")
_REQUIRED = object()


@dataclass(frozen=True)
class RunSettings:
    """The run-wide settings (from the config) a check may read besides its own parameters:
    boilerplate that may repeat (``allowed-duplicates``), the focus ``keyphrase`` for articles
    whose front matter names none, and place names added to the gazetteer (``places``). A check
    gets them as ``self.config``; it never sees the whole config."""

    allowed_duplicates: Sequence[str] = ()
    keyphrase: str | None = None
    places: Sequence[str] = ()


@dataclass
class Param:
    """One parameter of a check kind: its type, default and allowed range."""

    type: type | tuple[type, ...]
    default: Any = _REQUIRED
    min: float | None = None
    max: float | None = None
    choices: tuple | None = None
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED

    def validate(self, value: Any) -> str | None:
        """None when valid, else what is wrong."""
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and bool not in types:
            return f"must be {_type_name(types)}, not a boolean"
        if not isinstance(value, types):
            return f"must be {_type_name(types)}, got {type(value).__name__} {value!r}"
        if self.choices is not None and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}, got {value!r}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.min is not None and value < self.min:
                return f"must be at least {self.min}, got {value}"
            if self.max is not None and value > self.max:
                return f"must be at most {self.max}, got {value}"
        return None


def _type_name(types: tuple) -> str:
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false", list: "a list", dict: "a mapping"}
    return " or ".join(names.get(t, t.__name__) for t in types)


@dataclass
class Hit:
    """What a check reports; the engine turns it into a :class:`~healthlint.findings.Finding`.

    ``block`` with ``start``/``end`` (indices into the block's text) locates it; with no block the
    hit is about the whole document and sits on the title (or first line). ``values`` fill the
    rule's message template.
    """

    block: "Block | None" = None
    start: int = 0
    end: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None  # lowers the rule's severity for this hit (e.g. hedged claims); never raises it
    source_span: tuple[int, int] | None = None  # absolute source offsets, when not in a block
    suggestion: str | None = None  # what to write instead (reports show it as data)
    replacement: str | None = None  # the exact text that replaces the span, when it does one for one


@dataclass
class CorpusHit:
    """A cross-file hit: already located (1-based line/column), since the document is gone."""

    line: int
    column: int
    end_line: int
    end_column: int
    values: dict[str, Any] = field(default_factory=dict)


class Check:
    """Base class of check kinds. Subclasses set ``kind``, ``scopes``, ``params``, ``fields``."""

    kind: ClassVar[str]
    scopes: ClassVar[tuple[str, ...]] = ("document",)
    params: ClassVar[dict[str, Param]] = {}
    # Parameters the kind no longer takes: a rule file or config that still sets them loads, and
    # they are ignored (a tuned config keeps working after the kind's method changed).
    retired_params: ClassVar[frozenset[str]] = frozenset()
    # Names a message template may use, besides the parameters themselves.
    fields: ClassVar[tuple[str, ...]] = ()
    corpus: ClassVar[bool] = False  # True: also sees every document of the run (cross-file checks)

    def __init__(self, rule: "Rule", params: dict[str, Any], scope: str, config: RunSettings | None = None,
                 trusted: bool = True):
        self.trusted = trusted  # patterns are the shipped, tested ones (not a user's)
        self.rule = rule
        self.p = params
        self.scope = scope
        self.config = config if config is not None else RunSettings()  # run-wide settings (allowed text…)
        self.setup()

    def setup(self) -> None:
        """Precompute what the parameters allow (compile patterns, build lexicons)."""

    def check(self, doc: "Document") -> Iterable[Hit]:
        raise NotImplementedError

    # Corpus (cross-file) kinds set ``corpus = True`` and implement these two instead of check():
    def fingerprint(self, doc: "Document") -> Any:
        """A small picklable record of what this check needs from one document (positions
        included). Computed where the document is parsed, possibly in a worker process."""
        raise NotImplementedError

    def finish(self, records: list[tuple[str, Any]]) -> dict[str, list["CorpusHit"]]:
        """Given every document's record as (path, record), the hits for each path."""
        raise NotImplementedError

    @classmethod
    def validate_params(cls, params: dict[str, Any]) -> dict[str, str]:
        """Extra checks across parameters; returns {param: problem}."""
        return {}


def touched(spans: "dict[int, list[tuple[int, int]]] | None", block: int, start: int, end: int) -> bool:
    """Whether text [start, end) of block ``block`` may hold a match, given :meth:`Lexicon.block_spans`:
    a span there overlaps it, or ``spans`` is None (no joined scan: every unit may)."""
    if spans is None:
        return True
    return any(a < end and e > start for a, e in spans.get(block, ()))


def units(doc: "Document", scope: str) -> Iterable[tuple["Block", int, int, list]]:
    """(block, start, end, tokens) for each unit of a scope: sentences, paragraphs or headings.

    Sections are handled by the kinds that need them (they span blocks).
    """
    if scope == "sentence":
        for s in doc.sentences:
            yield s.block, s.start, s.end, s.tokens
    elif scope == "paragraph":
        for b in doc.body:
            yield b, 0, len(b.text), b.tokens
    elif scope == "heading":
        for b in doc.blocks:
            if b.is_heading:
                yield b, 0, len(b.text), b.tokens
