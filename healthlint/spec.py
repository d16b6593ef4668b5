"""Declarations of the values that config and rule files take.

Each declaration checks a value, with the message the user sees when it is wrong, and describes
the same rule as JSON Schema (draft-07). :mod:`healthlint.config` declares its keys with these
(:data:`healthlint.config.SETTINGS`), :mod:`healthlint.rules` the fields of a rule file
(:data:`healthlint.rules.FIELDS`), and check kinds their parameters with
:class:`healthlint.checks.base.Param` (described by :func:`param_schema`). ``tools/gen_schemas.py``
writes the schemas from these declarations (:mod:`healthlint.schemas`), so the files editors use to
complete and check a config or a rule file come from the code that validates them.

A schema can say less than the check (a pattern that JavaScript reads more loosely, a regular
expression that must compile): healthlint's own check is the last word, and a value the check
accepts is never refused by the schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CODE_OR_PREFIX = r"[A-Za-z]{1,5}[0-9]{0,4}"  # a rule code or a prefix of one, as --select takes them
_SEPARATED = rf"[\s,]*(?:{CODE_OR_PREFIX}(?:[\s,]+{CODE_OR_PREFIX})*)?[\s,]*"


@dataclass(frozen=True)
class Problem:
    """What is wrong with a value; ``path`` leads from the value to the part at fault."""

    message: str
    path: tuple = ()


class Spec:
    """A kind of value: :meth:`check` tells what is wrong with one (None when nothing is);
    :meth:`schema` is the same rule as JSON Schema; :meth:`convert` gives the value to keep."""

    def check(self, value: Any) -> Problem | None:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def convert(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Choice(Spec):
    """One of a few words."""

    choices: tuple
    message: str = "must be one of {choices}, got {value!r}"

    def check(self, value: Any) -> Problem | None:
        if isinstance(value, str) and value in self.choices:
            return None
        return Problem(self.message.format(choices=", ".join(self.choices), value=value))

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


@dataclass(frozen=True)
class Flag(Spec):
    """true or false."""

    message: str = "must be true or false, got {value!r}"

    def check(self, value: Any) -> Problem | None:
        return None if isinstance(value, bool) else Problem(self.message.format(value=value))

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Number(Spec):
    """A number (not a boolean) between two bounds; the lower one excluded when ``above``."""

    minimum: float
    maximum: float
    message: str
    above: bool = False

    def check(self, value: Any) -> Problem | None:
        ok = not isinstance(value, bool) and isinstance(value, (int, float)) and (
            (self.minimum < value if self.above else self.minimum <= value) and value <= self.maximum)
        return None if ok else Problem(self.message.format(value=value))

    def convert(self, value: Any) -> float:
        return float(value)

    def schema(self) -> dict[str, Any]:
        low = "exclusiveMinimum" if self.above else "minimum"
        return {"type": "number", low: self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Text(Spec):
    """A string; optionally matching a pattern (after stripping spaces, when ``strip``) or one of
    a list of words. Each test has its own message."""

    message: str = "must be a string"
    pattern: str | None = None  # a regular expression both Python and JSON Schema read alike
    pattern_message: str = ""
    choices: tuple | None = None
    choice_message: str = "must be one of {choices}"
    strip: bool = True
    nonempty: bool = False  # the schema says so; the rule file's required fields check it first

    def check(self, value: Any) -> Problem | None:
        if not isinstance(value, str):
            return Problem(self.message.format(value=value))
        if self.pattern is not None:
            text = value.strip() if self.strip else value
            if not re.match(f"^(?:{self.pattern})$", text):
                return Problem((self.pattern_message or self.message).format(value=value))
        if self.choices is not None and value not in self.choices:
            return Problem(self.choice_message.format(choices=", ".join(self.choices), value=value))
        return None

    def schema(self) -> dict[str, Any]:
        if self.choices is not None:
            return {"type": "string", "enum": list(self.choices)}
        out: dict[str, Any] = {"type": "string"}
        if self.pattern is not None:
            out["pattern"] = rf"^\s*(?:{self.pattern})\s*$" if self.strip else f"^(?:{self.pattern})$"
        elif self.nonempty:
            out["minLength"] = 1
        return out


@dataclass(frozen=True)
class Phrase(Spec):
    """A phrase of 1 to ``max_words`` words."""

    max_words: int
    message: str

    def check(self, value: Any) -> Problem | None:
        ok = isinstance(value, str) and value.strip() and len(value.split()) <= self.max_words
        return None if ok else Problem(self.message.format(value=value))

    def convert(self, value: str) -> str:
        return value.strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": rf"^\s*\S+(?:\s+\S+){{0,{self.max_words - 1}}}\s*$"}


def as_strings(value: Any) -> list[str] | None:
    """A string or a list of strings, as a list; None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


@dataclass(frozen=True)
class Strings(Spec):
    """A list of strings (one string stands for a list of one), each passing ``item`` when given;
    ``item_pattern`` is the same test for the schema."""

    message: str
    item: Callable[[str], bool] | None = None
    item_pattern: str | None = None
    strip_items: bool = False

    def check(self, value: Any) -> Problem | None:
        items = as_strings(value)
        if items is None or (self.item is not None and not all(self.item(x) for x in items)):
            return Problem(self.message.format(value=value))
        return None

    def convert(self, value: Any) -> list[str]:
        items = as_strings(value) or []
        return [x.strip() for x in items] if self.strip_items else items

    def schema(self) -> dict[str, Any]:
        one: dict[str, Any] = {"type": "string"}
        if self.item_pattern is not None:
            one["pattern"] = self.item_pattern
        return {"anyOf": [one, {"type": "array", "items": one}]}


def as_codes(value: Any) -> list[str] | None:
    """Rule codes or prefixes, upper-cased, from a list or a comma- or space-separated string;
    None when something else is there."""
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) and re.match(f"^{CODE_OR_PREFIX}$", v) for v in value):
        return None
    return [v.upper() for v in value]


@dataclass(frozen=True)
class Codes(Spec):
    """Rule codes or prefixes: a list (``[HL1, HL401]``) or one string (``"HL1, HL401"``)."""

    message: str

    def check(self, value: Any) -> Problem | None:
        return None if as_codes(value) is not None else Problem(self.message.format(value=value))

    def convert(self, value: Any) -> list[str]:
        return as_codes(value) or []

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [
            {"type": "string", "pattern": f"^{_SEPARATED}$"},
            {"type": "array", "items": {"type": "string", "pattern": f"^{CODE_OR_PREFIX}$"}},
        ]}


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose values are each a ``values``."""

    values: Spec
    message: str

    def check(self, value: Any) -> Problem | None:
        if not isinstance(value, dict):
            return Problem(self.message.format(value=value))
        for k, v in value.items():
            problem = self.values.check(v)
            if problem is not None:
                return Problem(problem.message, (k, *problem.path))
        return None

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.values.schema()}


# --- check kinds' parameters ------------------------------------------------------------------------

_JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean", list: "array", dict: "object"}


def param_schema(param: Any) -> dict[str, Any]:
    """JSON Schema of a check kind's :class:`~healthlint.checks.base.Param`: its type(s), choices,
    bounds, scalar default and help. (An integer parameter refuses 2.0 where JSON Schema's
    "integer" takes it: the rule file's check says so.)"""
    types = param.type if isinstance(param.type, tuple) else (param.type,)
    names = []
    for t in types:
        name = _JSON_TYPES.get(t)
        if name is not None and name not in names:
            names.append(name)
    if "number" in names and "integer" in names:
        names.remove("integer")  # a number parameter takes integers too
    out: dict[str, Any] = {}
    if param.help:
        out["description"] = param.help
    if names:
        out["type"] = names[0] if len(names) == 1 else names
    if param.choices is not None:
        out["enum"] = list(param.choices)
    if param.min is not None:
        out["minimum"] = param.min
    if param.max is not None:
        out["maximum"] = param.max
    if not param.required and (param.default is None or isinstance(param.default, (bool, int, float, str))):
        out["default"] = param.default
    return out


def params_schema(kind: Any, overrides: bool = False) -> dict[str, Any]:
    """The ``params`` mapping of a rule using ``kind`` (required parameters required), or of an
    override of it in a config or for an audience (``overrides``: nothing required)."""
    out: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: param_schema(p) for name, p in kind.params.items()},
    }
    required = [name for name, p in kind.params.items() if p.required]
    if required and not overrides:
        out["required"] = required
    return out
