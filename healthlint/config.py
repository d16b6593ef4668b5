"""Configuration: ``.healthlint.yaml`` or ``[tool.healthlint]`` in ``pyproject.toml``.

Found by walking up from the first linted path (or given with ``--config``). Every key is
declared in :data:`SETTINGS` (what it takes, with :mod:`healthlint.spec`, and what it means), which
both validates it and describes it in the JSON Schema ``tools/gen_schemas.py`` writes; an unknown
key or a bad value is a :class:`~healthlint.yamlutil.ConfigError` that names the file, the key and
its line. Rule parameter overrides are checked against the rule's check kind
when the rule set is built (:mod:`healthlint.ruleset`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .findings import SEVERITIES
from .rules import AUDIENCES
from .spec import (
    Choice,
    Codes,
    Flag,
    MapOf,
    Number,
    Phrase,
    Problem,
    Spec,
    Strings,
    Text,
    as_codes,
)
from .yamlutil import ConfigError, Located, load_yaml

CONFIG_NAMES = (".healthlint.yaml", ".healthlint.yml", "pyproject.toml")


@dataclass
class RuleOverride:
    severity: str | None = None
    enabled: bool | None = None
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None


@dataclass
class Config:
    audience: str = "patient"
    select: list[str] | None = None  # None: every rule enabled by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, RuleOverride] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "warning"
    allowed_duplicates: list[str] = field(default_factory=list)  # boilerplate that may repeat
    keyphrase: str | None = None  # focus keyphrase when an article's front matter names none
    places: list[str] = field(default_factory=list)  # place names added to the gazetteer
    rule_timeout: float = 2.0  # seconds one user rule may spend on one document (HL005)
    max_file_size: float = 10.0  # MB; larger files get an HL001 finding instead of being linted
    respect_gitignore: bool = True  # leave out what .gitignore and .ignore files list (discovery.py)
    docs_url: str | None = None  # where the team publishes the rule pages (ruledocs.rule_url)
    file: str | None = None  # where this config came from
    origins: dict[str, str] = field(default_factory=dict)  # setting -> "file:line" it was read from
    notes: list[str] = field(default_factory=list)  # said on stderr (another config file ignored)
    root: Path = field(default_factory=Path.cwd)  # relative paths and globs are relative to this
    located: Located | None = None

    def error(self, message: str, *key: Any) -> ConfigError:
        if self.located is not None:
            return self.located.error(message, *key)
        return ConfigError(self.file or "<config>", message, ".".join(map(str, key)) or None)


RULE_CODE = r"[A-Z]{2,5}[0-9]{3,4}"  # a whole rule code, as the keys of `rules` are
SHORTHANDS = ("off", "on", *SEVERITIES)  # `HL103: off`, `HL107: info`


class Overrides(Spec):
    """The ``rules`` mapping: rule code -> severity, enabled and params (or a shorthand: ``off``,
    ``on``, true, false or a severity). Parameters are checked against the rule's check kind when
    the rule set is built (:func:`healthlint.ruleset.build_ruleset`)."""

    severity = Choice(SEVERITIES)
    enabled = Flag("must be true or false")

    @staticmethod
    def expand(settings: Any) -> Any:
        if isinstance(settings, bool):  # HL103: off / on (YAML reads those as booleans)
            return {"enabled": settings}
        if isinstance(settings, str):  # HL103: error / off
            return {"enabled": settings != "off"} if settings in ("off", "on") else {"severity": settings}
        return settings

    def check(self, value: Any) -> Problem | None:
        if not isinstance(value, dict):
            return Problem("must map rule codes to settings (severity, enabled, params)")
        for code, settings in value.items():
            if not re.match(f"^{RULE_CODE}$", str(code)):
                return Problem("is not a rule code like HL103", (code,))
            settings = self.expand(settings)
            if not isinstance(settings, dict):
                return Problem("must be a mapping with severity, enabled or params", (code,))
            for k, val in settings.items():
                if k == "severity":
                    problem = self.severity.check(val)
                elif k == "enabled":
                    problem = self.enabled.check(val)
                elif k == "params":
                    problem = None if isinstance(val, dict) else Problem("must be a mapping of parameter names to values")
                else:
                    problem = Problem("unknown setting; expected severity, enabled or params")
                if problem is not None:
                    return Problem(problem.message, (code, k))
        return None

    def schema(self, rules: list | None = None) -> dict[str, Any]:
        """The mapping; with the shipped ``rules``, each of their codes is described (its name
        and summary) and its ``params`` are checked against its check kind's parameters (through
        the ``#/definitions/<kind>-rule`` that :func:`healthlint.schemas.config_schema` adds)."""
        out: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"pattern": f"^{RULE_CODE}$"},
            "additionalProperties": self.override({"type": "object"}),
        }
        if rules:
            out["properties"] = {r.code: {"description": f"{r.name}: {r.summary}",
                                          "allOf": [{"$ref": f"#/definitions/{r.check}-rule"}]} for r in rules}
        return out

    def override(self, params: dict[str, Any]) -> dict[str, Any]:
        """One rule's entry, its ``params`` described by ``params``."""
        return {"anyOf": [
            {"type": "boolean"},
            {"enum": list(SHORTHANDS)},
            {"type": "object", "additionalProperties": False, "properties": {
                "severity": self.severity.schema(),
                "enabled": self.enabled.schema(),
                "params": params,
            }},
        ]}


def _put(attr: str) -> Callable[[Config, Any, Spec, tuple], None]:
    def store(cfg: Config, value: Any, spec: Spec, key: tuple) -> None:
        setattr(cfg, attr, spec.convert(value))

    return store


def _put_rule_paths(cfg: Config, value: Any, spec: Spec, key: tuple) -> None:
    resolved = []
    for i, p in enumerate(spec.convert(value)):
        path = (cfg.root / p).resolve()
        if not path.is_dir():
            raise cfg.error(f"rule folder {p!r} does not exist (looked in {path})", *key, i)
        resolved.append(path)
    cfg.rule_paths = resolved


def _put_per_file_ignores(cfg: Config, value: Any, spec: Spec, key: tuple) -> None:
    cfg.per_file_ignores = {str(pattern): as_codes(codes) or [] for pattern, codes in value.items()}


def _put_rules(cfg: Config, value: Any, spec: Spec, key: tuple) -> None:
    for code, settings in value.items():
        ov = RuleOverride(line=cfg.located.line(*key, code) if cfg.located else None)
        for k, val in Overrides.expand(settings).items():
            if k == "params":
                ov.params = dict(val)
            else:
                setattr(ov, k, val)
        cfg.rules[str(code)] = ov


@dataclass(frozen=True)
class Setting:
    """One config key: what it takes (checked, and described in the JSON Schema), what it means,
    and how it is stored on :class:`Config`."""

    key: str
    spec: Spec
    description: str
    store: Callable[[Config, Any, Spec, tuple], None]

    def apply(self, cfg: Config, value: Any, key: tuple) -> None:
        problem = self.spec.check(value)
        if problem is not None:
            raise cfg.error(problem.message, *key, *problem.path)
        self.store(cfg, value, self.spec, key)


# Every config key, in the order the README presents them. The schema (tools/gen_schemas.py) is
# written from this table.
SETTINGS: tuple[Setting, ...] = (
    Setting("audience", Choice(AUDIENCES),
            "Reading-level targets: patient (grade 8, the default) or professional (relaxed thresholds).",
            _put("audience")),
    Setting("select", Codes("must be a list of rule codes or prefixes, like [HL1, HL401]"),
            "Only these rule codes or prefixes (default: every rule that is on by default).", _put("select")),
    Setting("extend-select", Codes("must be a list of rule codes or prefixes, like [HL1, HL401]"),
            "Rules or prefixes added to the selection, such as rules that are off by default.",
            _put("extend_select")),
    Setting("ignore", Codes("must be a list of rule codes or prefixes, like [HL1, HL401]"),
            "Rules or prefixes never reported.", _put("ignore")),
    Setting("fail-on", Choice(SEVERITIES),
            "Lowest severity that makes the exit code 1 (default: warning).", _put("fail_on")),
    Setting("rules", Overrides(),
            "Per-rule overrides: severity, enabled, params; or a shorthand (off, on, or a severity).",
            _put_rules),
    Setting("rule-paths", Strings("must be a list of folders holding rule files"),
            "Folders of your own rule files, relative to the config file's folder.", _put_rule_paths),
    Setting("keyphrase", Phrase(10, "must be a phrase of 1 to 10 words"),
            "Focus keyphrase for the focus-keyphrase rules when an article's front matter names none.",
            _put("keyphrase")),
    Setting("places", Strings("must be a list of place names, like [Round Rock, Cedar Park]",
                              item=lambda n: bool(n.strip()) and n.strip()[0].isalpha(),
                              # a letter first; JavaScript's \W is ASCII-only, so any other character
                              # than a space, a digit or ASCII punctuation passes the schema
                              item_pattern=r"^\s*[^\s0-9!-/:-@\[-`{-~]", strip_items=True),
            "Place names added to the built-in gazetteer.", _put("places")),
    Setting("allowed-duplicates", Strings("must be a list of paragraphs (text) that may repeat, like a disclaimer",
                                          item=lambda t: bool(t.strip()), item_pattern=r"\S"),
            "Boilerplate paragraphs that may repeat within and across articles.", _put("allowed_duplicates")),
    Setting("exclude", Strings("must be a list of glob patterns"),
            "Files and folders left out, as globs relative to the config file's folder.", _put("exclude")),
    Setting("respect-gitignore", Flag(),
            "Leave out what .gitignore and .ignore files list (default: true).", _put("respect_gitignore")),
    Setting("docs-url", Text("must be an http(s) URL where the rule pages are published, got {value!r}",
                             pattern=r"https?://[^\s<>\"']+", strip=False),
            "Where you publish docs/rules/: reports link each finding to <docs-url>/<CODE>.md.", _put("docs_url")),
    Setting("per-file-ignores", MapOf(Codes("must be a list of rule codes or prefixes"),
                                      "must map a glob pattern to a list of rule codes"),
            "Rules or prefixes skipped for the files a glob (relative to the config file's folder) matches.",
            _put_per_file_ignores),
    Setting("max-file-size", Number(0, 4096, "must be a size in megabytes between 0 and 4096", above=True),
            "Megabytes; a larger file gets an HL001 finding instead of being linted (default: 10).",
            _put("max_file_size")),
    Setting("rule-timeout", Number(0.01, 600, "must be a number of seconds between 0.01 and 600"),
            "Seconds one of your own rules may spend on one article before it is stopped (HL005; default: 2).",
            _put("rule_timeout")),
)

# key -> setter (checks the value, stores it, raises through cfg.error)
Setter = Callable[[Config, Any, tuple], None]
SETTERS: dict[str, Setter] = {s.key: s.apply for s in SETTINGS}


def from_mapping(data: Any, located: Located | None, file: str | None, root: Path) -> Config:
    cfg = Config(file=file, root=root, located=located)
    if data is None:
        return cfg
    if not isinstance(data, dict):
        raise cfg.error("the configuration must be a mapping of settings")
    prefix = located_prefix(located)
    for key, value in data.items():
        setter = SETTERS.get(str(key).replace("_", "-"))
        if setter is None:
            raise cfg.error(f"unknown setting; expected one of {', '.join(sorted(SETTERS))}", *prefix, key)
        setter(cfg, value, (*prefix, key))
        line = located.line(*prefix, key) if located is not None else None
        cfg.origins[str(key).replace("_", "-")] = f"{file or '<config>'}" + (f":{line}" if line else "")
    return cfg


def located_prefix(located: Located | None) -> tuple:
    return getattr(located, "prefix", ())


def load_file(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), f"cannot read config file: {e}") from None
    root = path.parent.resolve()
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data, located = _load_toml(text, str(path))
        return from_mapping(data, located, str(path), root)
    located = load_yaml(text, str(path))
    return from_mapping(located.data, located, str(path), root)


def _load_toml(text: str, file: str) -> tuple[Any, Located]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(file, f"invalid TOML: {e}", None, int(m.group(1)) if m else None) from None
    section = data.get("tool", {}).get("healthlint")
    located = _TomlLocated(text, file)
    return section, located


class _TomlLocated(Located):
    """Key lines in a TOML file, found by searching the text (tomllib keeps no positions)."""

    prefix = ("tool", "healthlint")

    def __init__(self, text: str, file: str):
        super().__init__(None, {}, file)
        self.text_lines = text.splitlines()

    def line(self, *path: Any) -> int | None:
        keys = [str(p) for p in path[2:]] if path[:2] == ("tool", "healthlint") else [str(p) for p in path]
        header = re.compile(r"^\s*\[\s*tool\.healthlint(\.[^\]]*)?\s*\]")
        in_section = False
        best = None
        for i, ln in enumerate(self.text_lines, 1):
            h = header.match(ln)
            if h:
                in_section = True
                best = best or i
                sub = (h.group(1) or "").strip(".")
                if keys and sub and sub.split(".")[-1].strip('"') == keys[-1]:
                    return i
                continue
            if re.match(r"^\s*\[", ln):
                in_section = False
                continue
            if in_section and keys:
                for k in reversed(keys):
                    if re.match(rf"^\s*\"?{re.escape(k)}\"?\s*=", ln) or re.search(rf"[{{,]\s*\"?{re.escape(k)}\"?\s*=", ln):
                        return i
        return best


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``: a .healthlint.yaml (or .yml), or a
    pyproject.toml with a [tool.healthlint] table. In one folder, .healthlint.yaml comes first,
    then .healthlint.yml, then pyproject.toml (see :func:`candidates`)."""
    found = candidates(start)
    return found[0] if found else None


def candidates(start: Path) -> list[Path]:
    """The config files of the nearest folder at or above ``start`` that has any, in precedence
    order: the first is used, the others are ignored (and :func:`load` says so)."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        found = []
        for name in CONFIG_NAMES:
            candidate = d / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    if not re.search(r"^\s*\[\s*tool\.healthlint", candidate.read_text(encoding="utf-8"), re.M):
                        continue
                except (OSError, UnicodeDecodeError):
                    continue
            found.append(candidate)
        if found:
            return found
    return []


def load(config_file: str | None, paths: list[str]) -> Config:
    if config_file:
        p = Path(config_file)
        if not p.is_file():
            raise ConfigError(config_file, "config file not found")
        return load_file(p)
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    found = candidates(start if start.exists() else Path.cwd())
    if not found:
        return Config()
    cfg = load_file(found[0])
    for other in found[1:]:
        what = "[tool.healthlint] in " + other.name if other.name == "pyproject.toml" else other.name
        cfg.notes.append(f"using {found[0]}; {what} in the same folder is ignored "
                         f"(precedence: .healthlint.yaml, .healthlint.yml, pyproject.toml)")
    return cfg
