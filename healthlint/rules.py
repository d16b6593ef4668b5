"""Rule files: YAML documents that configure a check kind. Loading, validation and lookup.

A rule file holds one rule (a mapping) or several (a list of mappings). Every field is declared in
:data:`FIELDS` (with :mod:`healthlint.spec`; parameters by the check kinds' ``Param``), which both
checks it when the file is loaded and describes it in the JSON Schema ``tools/gen_schemas.py``
writes; a mistake is a :class:`~healthlint.yamlutil.ConfigError` naming the file, line and field.
See ``rules/README.md`` for the format.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .checks import Retired, get_kind, kind_names, retired, retired_origin
from .checks.base import SCOPES, Check
from .findings import CATEGORIES, SCORE_COMPONENTS, SEVERITIES
from .spec import Flag, Problem, Spec, Text
from .yamlutil import ConfigError, Located, load_yaml

CODE_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def nearest_codes(pattern: str, known: "Iterable[str]", n: int = 3) -> list[str]:
    """Real codes closest to a mistyped one ("HL999" -> HL409, HL509…), for error messages."""
    import difflib

    known = sorted(set(known))
    close = difflib.get_close_matches(pattern.upper(), known, n=n, cutoff=0.5)
    return close or [c for c in known if c[:3] == pattern.upper()[:3]][:n]


def unknown_code(pattern: str, known: "Iterable[str]") -> str | None:
    """Why ``pattern`` (a code or a prefix) names no rule, with the nearest real codes; None when
    it names one. The one message for --select, the config and suppression comments."""
    known = frozenset(known)
    if any(k.startswith(pattern) for k in known):
        return None
    near = nearest_codes(pattern, known)
    hint = f"; did you mean {', '.join(near)}?" if near else "; see 'healthlint rules'"
    return f"no rule code starts with '{pattern}'{hint}"
AUDIENCES = ("patient", "professional")

EXAMPLE_FORMATS = ("markdown", "html", "text")


class Sources(Spec):
    """Where the rule's rationale comes from: a list of titles, or of mappings with a title and a url."""

    def check(self, value: Any) -> Problem | None:
        if not isinstance(value, list) or not all(isinstance(s, (dict, str)) for s in value):
            return Problem("must be a list of sources (title and url)")
        for i, s in enumerate(value):
            if not (s.get("title") if isinstance(s, dict) else s):
                return Problem("each source needs a title", (i,))
        return None

    def convert(self, value: list) -> list[dict[str, str]]:
        return [s if isinstance(s, dict) else {"title": s} for s in value]

    def schema(self) -> dict[str, Any]:
        titled = {"type": "object", "required": ["title"], "properties": {
            "title": {"type": "string", "minLength": 1}, "url": {"type": "string"}}}
        return {"type": "array", "minItems": 1, "items": {"anyOf": [{"type": "string", "minLength": 1}, titled]}}


class Examples(Spec):
    """A bad example (the rule must report it) and a good one (it must not): texts, or lists of
    texts, in one format, with config keys for the examples when they need some."""

    KEYS = ("bad", "good", "format", "config")

    def check(self, value: Any) -> Problem | None:
        if not isinstance(value, dict) or "bad" not in value or "good" not in value:
            return Problem("needs 'bad' and 'good' examples")
        if value.get("format", "markdown") not in EXAMPLE_FORMATS:
            return Problem("must be markdown, html or text", ("format",))
        if not isinstance(value.get("config") or {}, dict):
            return Problem("must be a mapping of config keys", ("config",))
        for key in value:
            if key not in self.KEYS:
                return Problem("unknown field; expected bad, good, format, config", (key,))
        for which in ("bad", "good"):
            items = value[which] if isinstance(value[which], list) else [value[which]]
            if not items or not all(isinstance(i, (str, bytes)) and i for i in items):
                return Problem("must be a non-empty text or a list of texts", (which,))
        return None

    def schema(self) -> dict[str, Any]:
        texts = {"anyOf": [{"type": "string", "minLength": 1},
                           {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}]}
        return {"type": "object", "required": ["bad", "good"], "additionalProperties": False, "properties": {
            "bad": {"description": "Text the rule must report (the test suite runs it).", **texts},
            "good": {"description": "Text the rule must not report.", **texts},
            "format": {"description": "Format of the examples (default: markdown).", "enum": list(EXAMPLE_FORMATS)},
            "config": {"description": "Config keys the examples are linted with, such as a keyphrase.",
                       "type": ["object", "null"]},
        }}


@dataclass(frozen=True)
class Field:
    """One field of a rule file: whether it is required, what it takes (None: it depends on the
    check kind, and is checked with it), and what it means."""

    spec: Spec | None
    required: bool
    description: str


def _kinds() -> tuple[str, ...]:
    """What ``check:`` takes: every kind, and the retired kind names rule files may still use."""
    from .checks import RETIRED

    return tuple(sorted({*kind_names(), *RETIRED}))


# Every field of a rule file, in the order they are checked. The rule-file JSON Schema
# (tools/gen_schemas.py) is written from this table and the check kinds' parameters.
FIELDS: dict[str, Field] = {
    "code": Field(Text(pattern=CODE_RE.pattern.strip("^$"), pattern_message="must be 2-5 capital letters and 3-4 digits, like HL101"),
                  True, "Rule code: 2-5 capital letters and 3-4 digits, like HL101 (your own rules: another prefix)."),
    "name": Field(Text(pattern=NAME_RE.pattern.strip("^$"), pattern_message="must be lower-case words joined by hyphens, like long-sentence"),
                  True, "Rule name: lower-case words joined by hyphens, like long-sentence."),
    "category": Field(Text(choices=CATEGORIES), True, "The finding's category."),
    "severity": Field(Text(choices=SEVERITIES), True, "Default severity of the findings."),
    "check": Field(Text(choices=_kinds(), choice_message=f"unknown check kind; available: {', '.join(kind_names())}"), True,
                   "The check kind (healthlint/checks/) that this rule configures."),
    "message": Field(Text(nonempty=True), True,
                     "Message template; {fields} of the check kind and the parameters fill it."),
    "summary": Field(Text(nonempty=True), True, "One sentence: what the rule finds."),
    "description": Field(Text(), False, "What the rule finds, in more detail."),
    "rationale": Field(Text(nonempty=True), True, "Why it matters, with the sources' reasoning."),
    "fix": Field(Text(), False, "What the writer should do about a finding, in a sentence or two."),
    "scope": Field(None, False, "What the check runs on (default: the kind's first scope)."),
    "params": Field(None, False, "The check kind's parameters."),
    "audiences": Field(None, False,
                       "Per audience (patient, professional): parameter overrides, and enabled: true or false."),
    "sources": Field(Sources(), True, "Sources of the rationale: titles, or mappings with title and url."),
    "examples": Field(Examples(), True, "A bad and a good example, which the test suite runs."),
    "enabled": Field(Flag("must be true or false"), False, "On by default (default: true)."),
    "score_component": Field(Text(choices=SCORE_COMPONENTS), False,
                             "The score component the findings count toward (default: the category's)."),
}
RULE_KEYS = set(FIELDS)
REQUIRED_KEYS = tuple(k for k, f in FIELDS.items() if f.required)
_BY_KIND = ("scope", "params", "audiences")
_BEFORE_KIND = tuple(k for k in list(FIELDS)[: list(FIELDS).index(_BY_KIND[0])] if FIELDS[k].spec is not None)
_AFTER_KIND = tuple(k for k in list(FIELDS)[list(FIELDS).index(_BY_KIND[-1]) + 1 :] if FIELDS[k].spec is not None)


@dataclass
class Example:
    text: str | bytes
    format: str = "markdown"
    params: dict[str, Any] = field(default_factory=dict)  # extra config for this example (a keyphrase)


@dataclass
class Rule:
    code: str
    name: str
    category: str
    severity: str
    check: str
    scope: str
    params: dict[str, Any]
    audiences: dict[str, dict[str, Any]]
    message: str
    summary: str
    description: str
    rationale: str
    sources: list[dict[str, str]]
    bad: list[Example]
    good: list[Example]
    enabled: bool
    file: str
    line: int = 1
    fix: str = ""  # what the writer should do about a finding, in a sentence or two
    # Audiences for which the rule is on or off by default (``audiences: {professional: {enabled:
    # false}}``); an audience not named follows ``enabled``. Selection in the config or on the
    # command line still decides in the end.
    audience_enabled: dict[str, bool] = field(default_factory=dict)
    # A rule file in a retired kind's form (``check: trust``, ``params: {signal: author}``): the
    # retired kind's name, and the values its message may use that the new kind does not provide
    # (the switch, parameters the new kind does not take). Empty for every other rule.
    retired_kind: str = ""
    legacy_values: dict[str, Any] = field(default_factory=dict)
    score_component: str | None = None  # None: the one the category gives (findings.COMPONENT_OF)

    def enabled_for(self, audience: str) -> bool:
        return self.audience_enabled.get(audience, self.enabled)

    def params_for(self, audience: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        merged = dict(self.params)
        for layer in (self.audiences.get(audience, {}), overrides or {}):
            for key, value in layer.items():
                # A mapping (a claim rule's word families) is updated entry by entry: overriding
                # one family keeps the others.
                if isinstance(value, dict) and isinstance(merged.get(key), dict):
                    merged[key] = {**merged[key], **value}
                else:
                    merged[key] = value
        return merged

    def format_message(self, values: dict[str, Any]) -> str:
        if self.legacy_values:
            values = {**self.legacy_values, **values}
        try:
            return self.message.format_map(_Values(values))
        except (ValueError, IndexError, TypeError) as e:  # a template that does not fit the values
            return f"{self.message} ({e})"


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def builtin_rules_dir() -> Path:
    """Rules shipped with healthlint: inside the wheel, or ``rules/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rule_folder(folder: Path) -> list[Rule]:
    if not folder.is_dir():
        raise ConfigError(str(folder), "rule folder does not exist")
    rules: list[Rule] = []
    for path in rule_files(folder):
        rules.extend(load_rule_file(path))
    return rules


def load_rule_file(path: Path) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), f"cannot read rule file: {e}") from None
    doc = load_yaml(text, str(path))
    if isinstance(doc.data, dict):
        return [_rule_from(doc, doc.data, ())]
    if isinstance(doc.data, list):
        out = []
        for i, item in enumerate(doc.data):
            if not isinstance(item, dict):
                raise doc.error("each rule must be a mapping", i)
            out.append(_rule_from(doc, item, (i,)))
        return out
    raise doc.error("a rule file holds a rule (a mapping) or a list of rules")


def _rule_from(doc: Located, d: dict[str, Any], at: tuple) -> Rule:
    def err(msg: str, *key: Any) -> ConfigError:
        return doc.error(msg, *(at + key))

    for key in d:
        if key not in RULE_KEYS:
            raise err(f"unknown field; expected one of {', '.join(sorted(RULE_KEYS))}", key)
    for key in REQUIRED_KEYS:
        if key not in d or d[key] in (None, "", []):
            raise err("required field is missing", key) if key not in d else err("must not be empty", key)

    def check(keys: tuple[str, ...]) -> None:
        for key in keys:
            if d.get(key) is not None:  # optional fields may be left empty (required ones were checked)
                problem = FIELDS[key].spec.check(d[key])  # type: ignore[union-attr]
                if problem is not None:
                    raise err(problem.message, key, *problem.path)

    check(_BEFORE_KIND)
    code, name = d["code"].strip(), d["name"].strip()
    kind = get_kind(d["check"])
    old = retired(d["check"])
    if old is not None and kind is not None and not _uses_retired(kind, d):
        old = None  # a kind that kept its name (keyphrase-stuffing), used in the new form
    assert kind is not None or old is not None  # FIELDS["check"] takes only known names
    scopes = old.scopes() if old is not None else kind.scopes
    scope = d.get("scope", scopes[0])
    if scope not in SCOPES or scope not in scopes:
        raise err(f"check kind '{d['check']}' runs on {', '.join(scopes)}", "scope")
    params = d.get("params") or {}
    if not isinstance(params, dict):
        raise err("must be a mapping of parameter names to values", "params")
    legacy: dict[str, Any] = {}
    if old is not None:
        kind, params, legacy = _from_retired(old, params, scope, lambda m, *k: err(m, "params", *k))
    audiences = d.get("audiences") or {}
    if not isinstance(audiences, dict):
        raise err("must map an audience to parameter overrides", "audiences")
    for aud, over in audiences.items():
        if aud not in AUDIENCES:
            raise err(f"unknown audience; expected one of {', '.join(AUDIENCES)}", "audiences", aud)
        if not isinstance(over, dict):
            raise err("must be a mapping of parameter names to values", "audiences", aud)
        if "enabled" in over and not isinstance(over["enabled"], bool):
            raise err("must be true or false", "audiences", aud, "enabled")
    # 'enabled' in an audience's overrides turns the rule on or off for that audience; the other
    # keys are parameters.
    audience_enabled = {aud: over["enabled"] for aud, over in audiences.items() if "enabled" in over}
    audiences = {aud: {k: v for k, v in over.items() if k != "enabled"} for aud, over in audiences.items()}
    full = validate_params(kind, params, lambda m, *k: err(m, "params", *k))
    if old is not None:
        audiences = {aud: retired_overrides(kind, scope, over, lambda m, *k, _a=aud: err(m, "audiences", _a, *k))
                     for aud, over in audiences.items()}
    for aud, over in audiences.items():
        validate_params(kind, {**full, **over}, lambda m, *k: err(m, "audiences", aud, *k))
    used = _validate_template(d["message"], kind, {**full, **legacy}, lambda m: err(m, "message"),
                              old.fields() if old is not None else (), d["check"])
    check(_AFTER_KIND)
    if "enabled" in d and d["enabled"] is None:
        raise err("must be true or false", "enabled")
    sources = FIELDS["sources"].spec.convert(d["sources"])  # type: ignore[union-attr]
    bad, good = _examples(d["examples"])
    enabled = d.get("enabled", True)
    return Rule(
        code=code, name=name, category=d["category"], severity=d["severity"], check=kind.kind, scope=scope,
        params=full, audiences={a: dict(o) for a, o in audiences.items() if o}, message=d["message"].strip(),
        summary=d["summary"].strip(), description=(d.get("description") or "").strip(),
        rationale=d["rationale"].strip(), sources=sources, bad=bad, good=good, enabled=enabled,
        file=doc.file, line=doc.line(*at) or 1, fix=(d.get("fix") or "").strip(),
        audience_enabled=audience_enabled, retired_kind=old.name if old is not None else "",
        legacy_values={k: v for k, v in legacy.items() if k in used}, score_component=d.get("score_component"),
    )


def validate_params(kind: type[Check], params: dict[str, Any], err: Any) -> dict[str, Any]:
    """Check parameters against the kind's declaration; fill defaults. Raises via ``err``."""
    params = {k: v for k, v in params.items() if k not in kind.retired_params}
    for key in params:
        if key not in kind.params:
            known = ", ".join(sorted(kind.params)) or "none"
            raise err(f"unknown parameter for check kind '{kind.kind}'; it takes: {known}", key)
    full: dict[str, Any] = {}
    for key, spec in kind.params.items():
        if key in params:
            problem = spec.validate(params[key])
            if problem:
                raise err(problem, key)
            value = params[key]
            full[key] = float(value) if spec.type is float and isinstance(value, int) else value
        elif spec.required:
            raise err("required parameter is missing", key)
        else:
            full[key] = spec.default
    for key, problem in kind.validate_params(full).items():
        raise err(problem, key)
    return full


def _validate_template(template: str, kind: type[Check], params: dict[str, Any], err: Any,
                       fields: tuple[str, ...] = (), named: str = "") -> set[str]:
    """Every name the message uses is a field of the kind (or of ``fields``) or a parameter;
    returns the names used."""
    allowed = set(kind.fields) | set(fields) | set(params)
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as e:
        raise err(f"bad message template: {e}") from None
    used = set()
    for n in names:
        base = re.split(r"[.\[]", n, maxsplit=1)[0]
        if base not in allowed:
            raise err(f"message uses {{{n}}}, which check kind '{named or kind.kind}' does not provide; it provides: {', '.join(sorted(allowed))}")
        used.add(base)
    return used


def _from_retired(old: Retired, params: dict[str, Any], scope: str, err: Any) -> tuple[type[Check], dict[str, Any], dict[str, Any]]:
    """A rule file in a retired kind's form: the kind its switch names now, the parameters for it,
    and the values its message may still use that the new kind does not provide.

    The parameters are checked against the retired kind's (so a file that loaded before loads
    now): those the new kind does not take are checked and set aside, never used, as before.
    A word list the retired kind had built in, which the new kind requires, comes from the shipped
    rule of the new kind, which carries the very list that was the default."""
    family = old.params()
    for key in params:
        if key not in family:
            raise err(f"unknown parameter for check kind '{old.name}'; it takes: {', '.join(sorted(family))}", key)
    value = params.get(old.switch, old.default)
    if value is None:
        raise err("required parameter is missing", old.switch)
    problem = family[old.switch].validate(value)
    if problem:
        raise err(problem, old.switch)
    kind = old.kind_for(value, scope)
    legacy: dict[str, Any] = {old.switch: value}
    for key, spec in family.items():
        if key == old.switch or key in kind.params:
            continue
        if key in params:
            problem = spec.validate(params[key])
            if problem:
                raise err(problem, key)
            legacy[key] = params[key]
        else:
            legacy[key] = _old_default(old, key)
    new = {k: v for k, v in params.items() if k in kind.params}
    missing = [k for k, spec in kind.params.items() if spec.required and k not in new]
    if missing:
        shipped = _shipped_params(kind.kind)
        new.update({k: shipped[k] for k in missing if k in shipped})
    return kind, new, legacy


def _uses_retired(kind: type[Check], d: dict[str, Any]) -> bool:
    """Whether a rule file naming a kind that kept a retired kind's name uses a parameter only the
    retired kind took (in ``params`` or an audience's overrides)."""
    layers = [d.get("params"), *((d.get("audiences") or {}).values() if isinstance(d.get("audiences"), dict) else ())]
    return any(key not in kind.params and key != "enabled"
               for layer in layers if isinstance(layer, dict) for key in layer)


def retired_overrides(kind: type[Check], scope: str, overrides: dict[str, Any], err: Any) -> dict[str, Any]:
    """Parameter overrides (a config's, or an audience's in a rule file of the retired form) of a
    rule whose kind was split from a retired one. They may still name what the retired kind took:
    its switch, set to the value that names this very kind, and parameters this kind does not use
    (they never did anything for this rule) are checked and dropped. A switch naming another kind
    is an error: a rule's kind is set in its rule file."""
    origin = retired_origin(kind.kind)
    if origin is None:
        return overrides
    old, _ = origin
    family = old.params()
    out = {}
    for key, value in overrides.items():
        if key in kind.params or key not in family:
            out[key] = value  # this kind's, or unknown (validate_params says so)
            continue
        problem = family[key].validate(value)
        if problem:
            raise err(problem, key)
        if key == old.switch and old.kind_for(value, scope) is not kind:
            raise err(f"cannot change the check kind: '{old.switch}: {value}' is check kind '{old.kinds[value]}', "
                      f"and this rule's kind is '{kind.kind}'; write a rule file for it", key)
    return out


def _old_default(old: Retired, key: str) -> Any:
    """What parameter ``key`` of a retired kind defaulted to: the default of the kind that took it
    over, or, for a word list that kind requires, the list its shipped rule carries."""
    for kind in old.classes():
        spec = kind.params.get(key)
        if spec is not None:
            return _shipped_params(kind.kind).get(key) if spec.required else spec.default
    return None


_SHIPPED: dict[str, dict[str, Any]] = {}


def _shipped_params(kind: str) -> dict[str, Any]:
    """The parameters of the shipped rule of check kind ``kind`` (empty when none or several)."""
    if not _SHIPPED:
        _SHIPPED[""] = {}  # loading (a shipped rule never needs this: none is in a retired form)
        by_kind: dict[str, list[Rule]] = {}
        for rule in load_rule_folder(builtin_rules_dir()):
            by_kind.setdefault(rule.check, []).append(rule)
        _SHIPPED.update({k: rules[0].params for k, rules in by_kind.items() if len(rules) == 1})
    return _SHIPPED.get(kind, {})


def _examples(spec: dict[str, Any]) -> tuple[list[Example], list[Example]]:
    """The bad and good examples of a rule's (checked) ``examples`` field."""
    fmt = spec.get("format", "markdown")
    extra = spec.get("config") or {}
    out: dict[str, list[Example]] = {}
    for which in ("bad", "good"):
        items = spec[which] if isinstance(spec[which], list) else [spec[which]]
        out[which] = [Example(i, fmt, dict(extra)) for i in items]
    return out["bad"], out["good"]


def check_unique(rules: list[Rule]) -> None:
    seen: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for r in rules:
        if r.code in seen:
            raise ConfigError(r.file, f"rule code {r.code} is already defined in {seen[r.code].file}", "code", r.line)
        if r.name in names:
            raise ConfigError(r.file, f"rule name {r.name} is already used by {names[r.name].code}", "name", r.line)
        seen[r.code] = r
        names[r.name] = r
