"""Safe YAML loading that remembers the line of every key, so errors can name file, key and line."""

from __future__ import annotations

from typing import Any

KeyPath = tuple


class ConfigError(Exception):
    """A config or rule file is wrong. The message names the file, the line and the key."""

    def __init__(self, file: str, message: str, key: str | None = None, line: int | None = None):
        self.file = file
        self.key = key
        self.line = line
        where = file + (f":{line}" if line else "")
        what = f"'{key}': " if key else ""
        super().__init__(f"{where}: {what}{message}")


class Located:
    """Parsed YAML data plus the 1-based line of each key path (("rules", "HL103", "params"))."""

    def __init__(self, data: Any, lines: dict[KeyPath, int], file: str):
        self.data = data
        self.lines = lines
        self.file = file

    def line(self, *path: Any) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)

    def error(self, message: str, *path: Any) -> ConfigError:
        key = ".".join(str(p) for p in path) if path else None
        return ConfigError(self.file, message, key, self.line(*path))


def load_yaml(text: str, file: str) -> Located:
    """Parse YAML with the safe loader (no Python object tags) and record key lines. Uses libyaml's
    C implementation of the safe loader when PyYAML has it (several times faster at start-up)."""
    import yaml

    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = safe_loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(file, f"invalid YAML: {problem}", None, line) from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        lines[()] = node.start_mark.line + 1
        _walk(node, (), lines)
    return Located(data, lines, file)


def _walk(node: Any, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            p = path + (key,)
            lines[p] = key_node.start_mark.line + 1
            _walk(value_node, p, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            p = path + (i,)
            lines[p] = item.start_mark.line + 1
            _walk(item, p, lines)
