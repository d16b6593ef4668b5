"""Configuration: ``.healthlint.yaml`` or ``[tool.healthlint]`` in ``pyproject.toml``.

Found by walking up from the first linted path (or given with ``--config``). Every key is
validated; an unknown key or a bad value is a :class:`~healthlint.yamlutil.ConfigError` that names
the file, the key and its line. Rule parameter overrides are checked against the rule's check kind
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


def _codes(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) and re.match(r"^[A-Za-z]{1,5}[0-9]{0,4}$", v) for v in value):
        return None
    return [v.upper() for v in value]


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


# key -> (setter). Each setter validates and stores; it raises through cfg.error.
Setter = Callable[[Config, Any, tuple], None]


def _set_audience(cfg: Config, v: Any, key: tuple) -> None:
    if v not in AUDIENCES:
        raise cfg.error(f"must be one of {', '.join(AUDIENCES)}, got {v!r}", *key)
    cfg.audience = v


def _set_codes(attr: str) -> Setter:
    def setter(cfg: Config, v: Any, key: tuple) -> None:
        codes = _codes(v)
        if codes is None:
            raise cfg.error("must be a list of rule codes or prefixes, like [HL1, HL401]", *key)
        setattr(cfg, attr, codes)

    return setter


def _set_docs_url(cfg: Config, v: Any, key: tuple) -> None:
    if not isinstance(v, str) or not re.match(r"^https?://[^\s<>\"']+$", v):
        raise cfg.error(f"must be an http(s) URL where the rule pages are published, got {v!r}", *key)
    cfg.docs_url = v


def _set_respect_gitignore(cfg: Config, v: Any, key: tuple) -> None:
    if not isinstance(v, bool):
        raise cfg.error(f"must be true or false, got {v!r}", *key)
    cfg.respect_gitignore = v


def _set_fail_on(cfg: Config, v: Any, key: tuple) -> None:
    if v not in SEVERITIES:
        raise cfg.error(f"must be one of {', '.join(SEVERITIES)}, got {v!r}", *key)
    cfg.fail_on = v


def _set_exclude(cfg: Config, v: Any, key: tuple) -> None:
    globs = _str_list(v)
    if globs is None:
        raise cfg.error("must be a list of glob patterns", *key)
    cfg.exclude = globs


def _set_rule_paths(cfg: Config, v: Any, key: tuple) -> None:
    paths = _str_list(v)
    if paths is None:
        raise cfg.error("must be a list of folders holding rule files", *key)
    resolved = []
    for i, p in enumerate(paths):
        path = (cfg.root / p).resolve()
        if not path.is_dir():
            raise cfg.error(f"rule folder {p!r} does not exist (looked in {path})", *key, i)
        resolved.append(path)
    cfg.rule_paths = resolved


def _set_per_file_ignores(cfg: Config, v: Any, key: tuple) -> None:
    if not isinstance(v, dict):
        raise cfg.error("must map a glob pattern to a list of rule codes", *key)
    out = {}
    for pattern, codes in v.items():
        parsed = _codes(codes)
        if parsed is None:
            raise cfg.error("must be a list of rule codes or prefixes", *key, pattern)
        out[str(pattern)] = parsed
    cfg.per_file_ignores = out


def _set_rules(cfg: Config, v: Any, key: tuple) -> None:
    if not isinstance(v, dict):
        raise cfg.error("must map rule codes to settings (severity, enabled, params)", *key)
    for code, settings in v.items():
        code_s = str(code)
        if not re.match(r"^[A-Z]{2,5}[0-9]{3,4}$", code_s):
            raise cfg.error("is not a rule code like HL103", *key, code)
        if isinstance(settings, bool):  # shorthand: HL103: off / on (YAML reads those as booleans)
            settings = {"enabled": settings}
        elif isinstance(settings, str):  # shorthand: HL103: error / off
            settings = {"enabled": settings != "off"} if settings in ("off", "on") else {"severity": settings}
        if not isinstance(settings, dict):
            raise cfg.error("must be a mapping with severity, enabled or params", *key, code)
        ov = RuleOverride(line=cfg.located.line(*key, code) if cfg.located else None)
        for k, val in settings.items():
            if k == "severity":
                if val not in SEVERITIES:
                    raise cfg.error(f"must be one of {', '.join(SEVERITIES)}, got {val!r}", *key, code, k)
                ov.severity = val
            elif k == "enabled":
                if not isinstance(val, bool):
                    raise cfg.error("must be true or false", *key, code, k)
                ov.enabled = val
            elif k == "params":
                if not isinstance(val, dict):
                    raise cfg.error("must be a mapping of parameter names to values", *key, code, k)
                ov.params = dict(val)
            else:
                raise cfg.error("unknown setting; expected severity, enabled or params", *key, code, k)
        cfg.rules[code_s] = ov


def _set_allowed_duplicates(cfg: Config, v: Any, key: tuple) -> None:
    texts = _str_list(v)
    if texts is None or not all(t.strip() for t in texts):
        raise cfg.error("must be a list of paragraphs (text) that may repeat, like a disclaimer", *key)
    cfg.allowed_duplicates = texts


def _set_keyphrase(cfg: Config, v: Any, key: tuple) -> None:
    if not isinstance(v, str) or not v.strip() or len(v.split()) > 10:
        raise cfg.error("must be a phrase of 1 to 10 words", *key)
    cfg.keyphrase = v.strip()


def _set_places(cfg: Config, v: Any, key: tuple) -> None:
    names = _str_list(v)
    if names is None or not all(n.strip() and n.strip()[0].isalpha() for n in names):
        raise cfg.error("must be a list of place names, like [Round Rock, Cedar Park]", *key)
    cfg.places = [n.strip() for n in names]


def _set_rule_timeout(cfg: Config, v: Any, key: tuple) -> None:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0.01 <= v <= 600:
        raise cfg.error("must be a number of seconds between 0.01 and 600", *key)
    cfg.rule_timeout = float(v)


def _set_max_file_size(cfg: Config, v: Any, key: tuple) -> None:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 4096:
        raise cfg.error("must be a size in megabytes between 0 and 4096", *key)
    cfg.max_file_size = float(v)


SETTERS: dict[str, Setter] = {
    "max-file-size": _set_max_file_size,
    "rule-timeout": _set_rule_timeout,
    "keyphrase": _set_keyphrase,
    "places": _set_places,
    "allowed-duplicates": _set_allowed_duplicates,
    "audience": _set_audience,
    "select": _set_codes("select"),
    "extend-select": _set_codes("extend_select"),
    "ignore": _set_codes("ignore"),
    "rules": _set_rules,
    "rule-paths": _set_rule_paths,
    "exclude": _set_exclude,
    "per-file-ignores": _set_per_file_ignores,
    "fail-on": _set_fail_on,
    "respect-gitignore": _set_respect_gitignore,
    "docs-url": _set_docs_url,
}


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
