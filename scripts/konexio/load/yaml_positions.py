"""Read one YAML file into plain Python values, remembering where every value stands.

PyYAML's own constructors follow YAML 1.1, which misreads what coordinators type: an
unquoted ``14:00`` becomes the integer 840 (base 60), ``no`` becomes False, and a repeated
key silently keeps the last value. We therefore let PyYAML only *compose* the node tree and
build values ourselves with YAML 1.2 core rules: plain scalars are null, booleans
(true/false only), numbers, or else strings. Dates and times stay strings here; the typed
model parses them and explains the expected form when they are wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from konexio.problems import Problem, problem

Path = tuple[str | int, ...]

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (its wheels are): ten times faster to
compose, with the same nodes and marks (line, column in characters)."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@dataclass
class YamlDocument:
    """The values of one file and the position of each, by path from the root value."""

    path: str
    data: Any
    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def pos(self, path: Path, *, key: bool = False) -> Pos:
        """Position of the value at ``path`` (or of its key), else of its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Pos(1, 1))


def _mark(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or block scalar: always a string (plain is None, or "" in C)
        return text
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    return text


class _Builder:
    def __init__(self, doc: YamlDocument, problems: list[Problem]):
        self.doc = doc
        self.problems = problems

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.doc.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            at = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(problem(self.doc.path, at.line, at.col, "yaml.complex_key"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(problem(self.doc.path, at.line, at.col, "yaml.merge_key"))
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problems.append(
                    problem(
                        self.doc.path, at.line, at.col, "yaml.duplicate_key",
                        key=key, first_line=first_seen[key].line,
                    )
                )
                continue
            first_seen[key] = at
            self.doc.keys[(*path, key)] = at
            result[key] = self.build(value_node, (*path, key))
        return result


def _syntax_problem(path: str, error: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = (getattr(error, "problem", None) or str(error)).strip()
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: max(col, 1)] or "'\\t'" in reason:
        tab_col = here.find("\t") + 1 if "\t" in here else col
        return problem(path, line, tab_col, "yaml.tab")
    if "mapping values are not allowed" in reason:
        return problem(path, line, col, "yaml.colon_in_value")
    if "could not find expected ':'" in reason or "expected <block end>" in reason:
        return problem(path, line, col, "yaml.indentation")
    if "found undefined alias" in reason:
        return problem(path, line, col, "yaml.unknown_alias")
    # PyYAML speaks English: each frequent slip gets its own sentence, so that a French
    # message never quotes the parser.
    context = str(getattr(error, "context", "") or "")
    if "quoted scalar" in context and "end of stream" in reason:
        opening = getattr(error, "context_mark", None)
        at = (opening.line + 1, opening.column + 1) if opening else (line, col)
        return problem(path, *at, "yaml.unclosed_quote")
    if "flow sequence" in context or "flow mapping" in context:
        opening = getattr(error, "context_mark", None)
        at = (opening.line + 1, opening.column + 1) if opening else (line, col)
        return problem(path, *at, "yaml.unclosed_bracket",
                       bracket="[" if "sequence" in context else "{")
    if "cannot start any token" in reason:
        char = reason.split("'")[1] if reason.count("'") >= 2 else "?"
        return problem(path, line, col, "yaml.bad_start", char=char)
    if "unknown escape character" in reason:
        return problem(path, line, col, "yaml.escape")
    return problem(path, line, col, "yaml.syntax", detail=reason)


INVISIBLE = {
    "\u00a0": ("nbsp", " "),
    "\u202f": ("nbsp", " "),
    "\u2007": ("nbsp", " "),
    "\u200b": ("zwsp", ""),
    "\u200c": ("zwsp", ""),
    "\u200d": ("zwsp", ""),
    "\u2060": ("zwsp", ""),
    "\ufeff": ("zwsp", ""),
    "\t": ("tab", " "),
}
"""Characters a person cannot see in the web editor, what each is, and what it stands for.

A non-breaking space after ``venue:`` is not a space to YAML (the line becomes one long
key and the parser blames the *next* line); a zero-width space inside an id makes it
differ from the same id elsewhere. Each is reported where it is, then the file is read as
if it held the character meant, so the other mistakes are still found."""


def _invisible(path: str, text: str) -> tuple[str, list[Problem]]:
    """``text`` with invisible characters replaced, and a problem at each one.

    Comments are not checked (nothing reads them), nor tabs that indent a line (the parser
    reports those as indentation).
    """
    problems: list[Problem] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not any(c in INVISIBLE for c in line):
            continue
        out: list[str] = []
        quote = ""
        started = False
        for col, char in enumerate(line):
            if not quote and char == "#" and (col == 0 or line[col - 1] in " \t\ufeff"):
                out.append(line[col:])
                break
            if char in ("'", '"'):
                # A quote opens a value only where a value starts (l'Ascension is no quote).
                before = line[:col].rstrip(" \t")
                if quote == char:
                    quote = ""
                elif not quote and (not before or before[-1] in ":-[{,"):
                    quote = char
            if char in INVISIBLE and not (char == "\t" and not started) \
                    and not (char == "\ufeff" and number == 0 and col == 0):
                what, stands_for = INVISIBLE[char]
                problems.append(problem(path, number + 1, col + 1, f"yaml.invisible_{what}"))
                out.append(stands_for)
                continue
            if char not in " \t":
                started = True
            out.append(char)
        lines[number] = "".join(out)
    return "\n".join(lines), problems


def parse_yaml(path: str, text: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text`` (the file at ``path``, relative to the root).

    Returns the document, or None when the file cannot be read at all, and the problems
    found on the way (duplicate keys do not stop the reading: every one is reported).
    """
    text, problems = _invisible(path, text)
    try:
        nodes = list(yaml.compose_all(text, Loader=FAST_LOADER))
    except yaml.YAMLError:
        # libyaml words its errors its own way: the pure-Python parser finds the same
        # error with the wording (and marks) the messages were written for.
        try:
            nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError as error:
            return None, [*problems, _syntax_problem(path, error, text)]
    if len(nodes) > 1:
        second = nodes[1]
        at = _mark(second) if second is not None else Pos(1, 1)
        return None, [*problems, problem(path, at.line, at.col, "yaml.many_documents")]
    doc = YamlDocument(path, None)
    if not nodes or nodes[0] is None:
        return None, [*problems, problem(path, 1, 1, "yaml.empty")]
    doc.data = _Builder(doc, problems).build(nodes[0], ())
    return doc, problems
