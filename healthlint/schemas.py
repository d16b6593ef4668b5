"""JSON Schemas (draft-07) of the config file and of rule files, built from the declarations that
validate them: :data:`healthlint.config.SETTINGS`, :data:`healthlint.rules.FIELDS` and the check
kinds' parameters. ``tools/gen_schemas.py`` writes them to ``healthlint/data/`` and ``docs/schemas/``,
where editors with a YAML language server read them (``docs/editors.md``).

Draft-07, not the 2020-12 of the report's schema: it is the draft YAML language servers read best.
"""

from __future__ import annotations

from typing import Any

DRAFT = "http://json-schema.org/draft-07/schema#"
CONFIG_FILE = "config.schema.json"
RULE_FILE = "rule.schema.json"


def config_schema(rules: list | None = None) -> dict[str, Any]:
    """``.healthlint.yaml``, ``.healthlint.yml`` or the ``[tool.healthlint]`` table of a
    ``pyproject.toml``. With the shipped ``rules``, the ``rules`` mapping names each of their codes
    and checks its ``params`` against the rule's check kind."""
    from .config import SETTINGS, Overrides

    kinds = sorted({r.check for r in rules or []})
    properties: dict[str, Any] = {}
    for s in SETTINGS:
        schema = s.spec.schema(rules) if isinstance(s.spec, Overrides) else s.spec.schema()
        properties[s.key] = {"description": s.description, **schema}
    for s in SETTINGS:  # the config reads fail_on as fail-on
        if "-" in s.key:
            properties[s.key.replace("-", "_")] = {**properties[s.key], "description": f"Same as {s.key}."}
    return {
        "$schema": DRAFT,
        "title": "healthlint configuration",
        "description": ("Settings of healthlint, a linter for health articles: a .healthlint.yaml or .healthlint.yml "
                        "file, or the [tool.healthlint] table of a pyproject.toml. Generated from healthlint's own "
                        "checks by tools/gen_schemas.py; healthlint checks every key again when it reads the file."),
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": properties,
        "definitions": {f"{k}-rule": Overrides().override({"$ref": f"#/definitions/{k}-overrides"}) for k in kinds}
        | kind_definitions(kinds, audiences=False),
    }


def kind_definitions(kinds: list[str], audiences: bool = True) -> dict[str, Any]:
    """Per check kind: with ``audiences`` (for rule files), ``<kind>-params`` (a rule's params)
    and ``<kind>-audience`` (an audience's overrides of them, which may also set ``enabled``);
    without (for the config), ``<kind>-overrides`` (overrides of the params, nothing required).

    In rule files a retired kind name (``trust``, or ``keyphrase-stuffing`` read in its old form)
    takes the old kind's parameters, switch included. In the config, a kind split from a retired
    one also takes the parameters the loader accepts and ignores there, marked deprecated."""
    from .checks import get_kind, retired_origin
    from .spec import param_schema, params_schema

    out: dict[str, Any] = {}
    for name in kinds:
        if audiences:
            kind: Any = _rule_file_kind(name)
            over = params_schema(kind, overrides=True)
            out[f"{name}-params"] = params_schema(kind)
            out[f"{name}-audience"] = {**over, "properties": {**over["properties"], "enabled": {
                "description": "Whether the rule is on for this audience.", "type": "boolean"}}}
            continue
        kind = get_kind(name)
        over = params_schema(kind, overrides=True)
        origin = retired_origin(name)
        if origin is not None:
            old, value = origin
            note = (f"Deprecated: a parameter of the retired check kind '{old.name}' that check kind '{name}' "
                    "does not use; accepted and ignored.")
            for key, param in old.params().items():
                if key in over["properties"]:
                    continue
                schema = param_schema(param)
                if key == old.switch:
                    schema["enum"] = [v for v, k in old.kinds.items() if k == name]
                    schema.pop("default", None)
                out_note = note if key != old.switch else (
                    f"Deprecated: the retired check kind '{old.name}' picked check kind '{name}' with this; accepted and ignored.")
                over["properties"][key] = {**schema, "description": out_note, "deprecationMessage": out_note}
        out[f"{name}-overrides"] = over
    return out


def _rule_file_kind(name: str) -> Any:
    """What a rule file's ``check: name`` takes: the kind, or for a retired kind name the old
    kind's parameters (switch included) and scopes, as the rule loader reads it."""
    from dataclasses import replace
    from types import SimpleNamespace

    from .checks import get_kind, retired

    old = retired(name)
    if old is None:
        return get_kind(name)
    # The old kind required only its switch (when it had no default): the word lists the new kinds
    # require were its defaults.
    params = {k: p if k == old.switch or not p.required else replace(p, default=()) for k, p in old.params().items()}
    return SimpleNamespace(params=params, scopes=old.scopes())


def rule_schema() -> dict[str, Any]:
    """A rule file: one rule (a mapping) or a list of rules. Fields that depend on the check kind
    (``scope``, ``params``, ``audiences``) are described per kind."""
    from .checks import RETIRED, get_kind, kind_names
    from .rules import AUDIENCES, FIELDS

    names = sorted({*kind_names(), *RETIRED})

    properties: dict[str, Any] = {}
    for name, f in FIELDS.items():
        schema = f.spec.schema() if f.spec is not None else {}
        if not f.required and f.spec is not None and name != "enabled":
            schema = _nullable(schema)  # an optional text may be left empty
        properties[name] = {"description": f.description, **schema}
    properties["scope"].update({"enum": sorted({s for k in kind_names() for s in get_kind(k).scopes})})
    properties["params"].update({"type": ["object", "null"]})
    properties["audiences"].update({"type": ["object", "null"], "additionalProperties": False,
                                    "properties": {a: {"type": "object"} for a in AUDIENCES}})
    by_kind = []
    for kind_name in names:
        kind = _rule_file_kind(kind_name)
        required = any(p.required for p in kind.params.values())
        params = {"$ref": f"#/definitions/{kind_name}-params"}
        then: dict[str, Any] = {"properties": {
            "scope": {"enum": list(kind.scopes)},
            "params": params if required else {"anyOf": [params, {"type": "null"}]},
            "audiences": {"properties": {a: {"$ref": f"#/definitions/{kind_name}-audience"} for a in AUDIENCES}},
        }}
        if required:
            then["required"] = ["params"]
        by_kind.append({"if": {"properties": {"check": {"const": kind_name}}, "required": ["check"]}, "then": then})
    rule = {
        "type": "object",
        "required": [name for name, f in FIELDS.items() if f.required],
        "additionalProperties": False,
        "properties": properties,
        "allOf": by_kind,
    }
    return {
        "$schema": DRAFT,
        "title": "healthlint rule file",
        "description": ("A healthlint rule (a mapping) or a list of rules: a check kind's parameters with the message, "
                        "rationale, sources and examples (rules/README.md). Generated from healthlint's own checks "
                        "by tools/gen_schemas.py; healthlint checks every field again when it loads the file."),
        "definitions": {"rule": rule, **kind_definitions(names)},
        "anyOf": [{"$ref": "#/definitions/rule"}, {"type": "array", "items": {"$ref": "#/definitions/rule"}}],
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema``, or null (a YAML key with no value)."""
    if "type" in schema and "enum" not in schema:
        t = schema["type"]
        return {**schema, "type": [*(t if isinstance(t, list) else [t]), "null"]}
    return {"anyOf": [schema, {"type": "null"}]}
