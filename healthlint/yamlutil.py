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


# The most nodes a document may expand to, aliases followed: a "billion laughs" file of a few
# hundred bytes would otherwise grow without bound when its aliases are expanded.
MAX_NODES = 100_000


class YamlValueError(Exception):
    """A YAML document that parses but cannot be turned into data: too many nodes once aliases are
    expanded, or a value Python refuses (a 5,000-digit integer, 29 February 2023, nesting too deep)."""

    def __init__(self, message: str, line: int | None = None, key: str | None = None):
        self.line = line
        self.key = key
        super().__init__(message)


def safe_load(text: str) -> tuple[Any, Any]:
    """(data, root node) from YAML ``text`` with the safe loader (no Python object tags). Raises
    ``yaml.YAMLError`` for bad syntax and :class:`YamlValueError` for a document too large once its
    aliases are expanded or holding a value that cannot be built. Uses libyaml's C implementation of
    the safe loader when PyYAML has it (several times faster at start-up)."""
    import yaml

    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = safe_loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_size(node)
        try:
            return loader.construct_document(node), node
        except (ValueError, OverflowError, RecursionError, TypeError) as e:
            line, key = _bad_value(loader, node)
            raise YamlValueError(f"a value cannot be read ({type(e).__name__}: {e})", line, key) from None
    finally:
        loader.dispose()


def _check_size(root: Any) -> None:
    """Count the nodes the document holds once every alias is followed, without building them."""
    import yaml

    seen = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise YamlValueError(f"the document expands to over {MAX_NODES:,} values (aliases repeated "
                                 "inside aliases?); refused", node.start_mark.line + 1)
        if depth > 200:
            raise YamlValueError("values nested over 200 levels deep; refused", node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            stack.extend((n, depth + 1) for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((n, depth + 1) for n in node.value)


def _bad_value(loader: Any, root: Any) -> tuple[int | None, str | None]:
    """The line and key of the first scalar that cannot be built (for the error message)."""
    import yaml

    stack: list[tuple[Any, tuple]] = [(root, ())]
    while stack:
        node, path = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node, deep=True)
            except Exception:  # noqa: BLE001 - any failure is the one to report
                return node.start_mark.line + 1, ".".join(str(p) for p in path) or None
        elif isinstance(node, yaml.MappingNode):
            stack.extend((v, path + (k.value if isinstance(k, yaml.ScalarNode) else "?",)) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, path + (i,)) for i, v in enumerate(node.value))
    return root.start_mark.line + 1, None


def load_yaml(text: str, file: str) -> Located:
    """Parse YAML with the safe loader (no Python object tags) and record key lines."""
    import yaml

    try:
        data, node = safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(file, f"invalid YAML: {problem}", None, line) from None
    except YamlValueError as e:
        raise ConfigError(file, str(e), e.key, e.line) from None
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


def shipped_data(name: str) -> Any:
    """The parsed YAML of a data file shipped in the package, ``healthlint/data/<name>.yaml``
    (FileNotFoundError when there is none)."""
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("healthlint").joinpath(f"data/{name}.yaml").read_text(encoding="utf-8"))
