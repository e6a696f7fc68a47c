"""Google's published contract for the Sheets API v4, read from its discovery document.

``Contract`` knows nothing of the fake's state: it answers "would Google accept this
request?" for any method, query and body the document describes, and can be used alone
(``Contract.load().check(method, path, params, body)``). Refusals are ``Invalid`` carrying
the message Google would send, naming the field path in Google's style. It also checks and
applies ``fields`` masks, and checks that an answer carries only fields of the response schema.

The discovery document is a copy kept next to this module (``sheets.v4.json``, see the
README for its revision and how to refresh it). What the document says only in words is
written down here, each rule citing the schema whose description states it (``ONE_OF``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DOCUMENT = Path(__file__).with_name("sheets.v4.json")

INT32 = (-(2**31), 2**31 - 1)
UINT32 = (0, 2**32 - 1)

ONE_OF: dict[str, tuple[str, tuple[str, ...] | None, bool]] = {
    # schema: (oneof name, its members (None: every property), exactly one required?)
    "Request": ("kind", None, True),  # "A single kind of update to apply"
    "ExtendedValue": ("value", None, False),  # "The kinds of value that a cell ... can have"
    "UpdateCellsRequest": ("area", ("start", "range"), True),
    "ProtectedRange": ("range_source", ("range", "namedRangeId", "tableId"), False),
    # "When writing, only one of range or named_range_id or table_id may be set."
    "ConditionalFormatRule": ("rule", ("booleanRule", "gradientRule"), True),
}


class Invalid(Exception):
    """A request Google answers with 400 INVALID_ARGUMENT; ``str()`` is Google's message."""


class NotFound(Exception):
    """No method of the API has this HTTP method and path: Google answers 404."""


@dataclass(frozen=True)
class Method:
    id: str  # e.g. "sheets.spreadsheets.values.batchGet"
    http_method: str
    path: str  # template, e.g. "v4/spreadsheets/{spreadsheetId}:batchUpdate"
    parameters: dict
    request: str | None  # schema name of the body
    response: str | None


def snake(name: str) -> str:
    """Google names fields in payload errors by their proto name: addSheet -> add_sheet."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _at(path: list[str]) -> str:
    return ".".join(path).replace(".[", "[")


def parse_mask(mask: str) -> list[list[str]]:
    """``a.b,c(d,e.f)`` -> [[a, b], [c, d], [c, e, f]]; raises Invalid on bad syntax."""
    paths: list[list[str]] = []
    position = 0

    def group(prefix: list[str]) -> None:
        nonlocal position
        while True:
            match = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|\*)((?:\.(?:[A-Za-z_][A-Za-z0-9_]*"
                               r"|\*))*)\s*").match(mask, position)
            if not match:
                raise Invalid(f"Invalid field selection: {mask!r} at character {position}")
            names = [match.group(1)] + [n for n in match.group(2).split(".") if n]
            position = match.end()
            if position < len(mask) and mask[position] == "(":
                position += 1
                group(prefix + names)
                if position >= len(mask) or mask[position] != ")":
                    raise Invalid(f"Invalid field selection: {mask!r}: unbalanced parenthesis")
                position += 1
            else:
                paths.append(prefix + names)
            if position < len(mask) and mask[position] == ",":
                position += 1
                continue
            return

    group([])
    if position != len(mask):
        raise Invalid(f"Invalid field selection: {mask!r} at character {position}")
    return paths


def mask_tree(paths: list[list[str]]) -> dict:
    """Paths as a tree: {name: subtree}; an empty subtree means "the whole field"."""
    tree: dict = {}
    for path in paths:
        node = tree
        for index, name in enumerate(path):
            if name in node and node[name] == {} and index < len(path) - 1:
                break  # already whole
            last = index == len(path) - 1
            node = node.setdefault(name, {})
            if last:
                node.clear()
    return tree


def select(value, tree: dict):
    """Keep only what a mask tree names (the partial response Google sends)."""
    if not tree:
        return value
    if isinstance(value, list):
        return [select(item, tree) for item in value]
    if not isinstance(value, dict):
        return value
    chosen = {}
    for key, item in value.items():
        if key in tree or "*" in tree:
            chosen[key] = select(item, tree.get(key, tree.get("*", {})))
    return chosen


class Contract:
    """The discovery document, with the checks Google applies before doing anything."""

    def __init__(self, document: dict):
        self.document = document
        self.schemas: dict[str, dict] = document["schemas"]
        self.revision: str = document["revision"]
        self.methods: list[Method] = []
        self._collect(document.get("resources", {}), "sheets")
        # Longest literal text first: ".../values:batchGet" before ".../values/{range}".
        self.methods.sort(key=lambda m: -len(re.sub(r"\{[^}]*\}", "", m.path)))
        self._patterns = [(self._pattern(m.path), m) for m in self.methods]

    @classmethod
    def load(cls, path: Path = DOCUMENT) -> Contract:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # -- methods and paths --------------------------------------------------------------------

    def _collect(self, resources: dict, prefix: str) -> None:
        for name, resource in resources.items():
            for method in resource.get("methods", {}).values():
                self.methods.append(Method(
                    method["id"], method["httpMethod"], method["path"],
                    method.get("parameters", {}),
                    method.get("request", {}).get("$ref"), method.get("response", {}).get("$ref")))
            self._collect(resource.get("resources", {}), f"{prefix}.{name}")

    @staticmethod
    def _pattern(template: str) -> re.Pattern:
        parts = re.split(r"(\{\+?[A-Za-z]+\})", template)
        regex = "".join(f"(?P<{p.strip('{}+')}>[^/]+)" if p.startswith("{") else re.escape(p)
                        for p in parts)
        return re.compile(regex)

    def method(self, http_method: str, path: str) -> tuple[Method, dict[str, str]]:
        """The method a request calls and its path parameters; ``NotFound`` if none."""
        relative = path.lstrip("/")
        for pattern, method in self._patterns:
            found = pattern.fullmatch(relative)
            if found and method.http_method == http_method.upper():
                return method, found.groupdict()
        raise NotFound(f"The requested URL /{relative} was not found on this server "
                       f"(method {http_method.upper()}).")

    # -- the whole request --------------------------------------------------------------------

    def check(self, http_method: str, path: str, params: dict[str, list[str]],
              body: object) -> tuple[Method, dict[str, str]]:
        """Every check Google applies to a request before reading any spreadsheet."""
        method, path_params = self.method(http_method, path)
        self.check_query(method, params)
        if method.request:
            if body is None:
                body = {}
            self.check_body(method.request, body)
        elif body not in (None, {}, b""):
            raise Invalid("Invalid JSON payload received. Unknown name \"\": "
                          f"{method.id} takes no request body.")
        if "fields" in params and method.response:
            self.check_read_mask(method.response, params["fields"][0])
        return method, path_params

    def check_query(self, method: Method, params: dict[str, list[str]]) -> None:
        declared = {**self.document.get("parameters", {}),
                    **{n: p for n, p in method.parameters.items() if p["location"] == "query"}}
        for name, values in params.items():
            spec = declared.get(name)
            if spec is None:
                raise Invalid(f'Invalid JSON payload received. Unknown name "{name}": Cannot '
                              f"bind query parameter. Field '{name}' could not be found in "
                              "request message.")
            if len(values) > 1 and not spec.get("repeated"):
                raise Invalid(f"Invalid value at '{snake(name)}': repeated values for a "
                              "non-repeated query parameter.")
            for value in values:
                self._check_query_value(name, spec, value)
        for name, spec in declared.items():
            if spec.get("required") and name not in params:
                raise Invalid(f"Missing required parameter '{name}' for {method.id}.")

    @staticmethod
    def _check_query_value(name: str, spec: dict, value: str) -> None:
        kind = spec.get("type")
        ok = True
        if "enum" in spec:
            ok = value in spec["enum"]
        elif kind == "boolean":
            ok = value in ("true", "false", "True", "False", "1", "0")
        elif kind == "integer":
            ok = re.fullmatch(r"-?\d+", value) is not None
        if not ok:
            raise Invalid(f"Invalid value at '{snake(name)}' ({_proto_type(spec)}), "
                          f'"{value}"')

    # -- bodies -------------------------------------------------------------------------------

    def check_body(self, schema: str, body: object) -> None:
        """A request body against its schema, recursively; raises Invalid at the first fault."""
        self._object(schema, body, [], request=True)

    def check_response(self, schema: str, answer: object) -> None:
        """An answer must carry only fields its schema defines (the fake checks itself)."""
        self._object(schema, answer, [], request=False)

    def _object(self, name: str, value: object, path: list[str], request: bool) -> None:
        if value is None:
            return  # JSON null is the default value in proto3 JSON
        if not isinstance(value, dict):
            raise Invalid(f"Invalid value at '{_at(path)}' "
                          f"(type.googleapis.com/google.apps.sheets.v4.{name}), "
                          f"{json.dumps(value, ensure_ascii=False)}")
        schema = self.schemas[name]
        properties = schema.get("properties", {})
        for key, item in value.items():
            spec = properties.get(key)
            if spec is None:
                where = f" at '{_at(path)}'" if path else ""
                raise Invalid(f'Invalid JSON payload received. Unknown name "{key}"{where}: '
                              "Cannot find field.")
            here = path + [snake(key)]
            # Read-only ids are how update and delete requests name what they change
            # (updateProtectedRange "with the specified protectedRangeId"): accepted.
            if request and item is not None and _read_only(spec) and not key.endswith("Id"):
                raise Invalid(f"Invalid value at '{_at(here)}': {name}.{key} is read-only.")
            self._value(spec, item, here, request)
        if request:
            self._semantics(name, value, path)

    def _value(self, spec: dict, value: object, path: list[str], request: bool) -> None:
        if value is None:
            return
        if "$ref" in spec:
            self._object(spec["$ref"], value, path, request)
            return
        kind = spec.get("type")
        if kind == "array":
            if not isinstance(value, list):
                raise Invalid(f"Invalid value at '{_at(path)}' (TYPE_REPEATED), "
                              f"{json.dumps(value, ensure_ascii=False)}")
            for index, item in enumerate(value):
                here = path[:-1] + [f"{path[-1]}[{index}]"]
                if item is None and spec["items"].get("type") != "any":
                    raise Invalid(f"Invalid value at '{_at(here)}' (null): a list element "
                                  "cannot be null.")
                self._value(spec["items"], item, here, request)
            return
        if kind == "object":  # a map
            if not isinstance(value, dict):
                raise Invalid(f"Invalid value at '{_at(path)}' (TYPE_MAP), "
                              f"{json.dumps(value, ensure_ascii=False)}")
            for key, item in value.items():
                self._value(spec.get("additionalProperties", {"type": "any"}), item,
                            path[:-1] + [f'{path[-1]}["{key}"]'], request)
            return
        if kind == "any":
            return
        if not _scalar_ok(spec, value):
            raise Invalid(f"Invalid value at '{_at(path)}' ({_proto_type(spec)}), "
                          f"{json.dumps(value, ensure_ascii=False)}")

    def _semantics(self, name: str, value: dict, path: list[str]) -> None:
        """What the document states in words, for request bodies."""
        where = _at(path) or "request"
        rule = ONE_OF.get(name)
        if rule:
            oneof, members, required = rule
            members = members or tuple(self.schemas[name]["properties"])
            present = [m for m in members if value.get(m) is not None]
            if len(present) > 1:
                raise Invalid(f"Invalid value at '{where}' (oneof), oneof field '{oneof}' is "
                              f"already set. Cannot set '{present[1]}'")
            if required and not present:
                kind = "request" if name == "Request" else f"{oneof} ({' or '.join(members)})"
                raise Invalid(f"Invalid {where}: No {kind} set.")
        if name == "ExtendedValue":
            formula = value.get("formulaValue")
            if isinstance(formula, str) and not formula.startswith("="):
                raise Invalid(f"Invalid value at '{where}.formula_value': a formula must "
                              f'start with "=", got {json.dumps(formula, ensure_ascii=False)}')
        if name == "BooleanCondition" and value.get("type") == "CUSTOM_FORMULA":
            # "Requires a single ConditionValue", whose formula "must begin with an `=` or
            # a '+'" (the document's words for CUSTOM_FORMULA and userEnteredValue).
            values = value.get("values") or []
            if len(values) != 1:
                raise Invalid(f"Invalid {where}: CUSTOM_FORMULA requires a single "
                              f"ConditionValue, got {len(values)}.")
            typed = values[0].get("userEnteredValue") or ""
            if not typed.startswith(("=", "+")):
                raise Invalid(f"Invalid {where}.values[0].user_entered_value: a custom "
                              "formula must begin with = or +, got "
                              f"{json.dumps(typed, ensure_ascii=False)}")
        if name == "ProtectedRange" and value.get("warningOnly") and value.get("editors"):
            raise Invalid(f"Invalid {where}: ProtectedRange is warningOnly. Editors cannot "
                          "be set on it.")
        for key, spec in self.schemas[name].get("properties", {}).items():
            if spec.get("format") != "google-fieldmask":
                continue
            if value.get(key) is None and "At least one field must be specified" in \
                    spec.get("description", ""):
                raise Invalid(f"Invalid {_at(path + [snake(key)])}: at least one field must "
                              "be specified.")
            if key in value:
                root = self.mask_root(name, key)
                self.check_write_mask(root, value[key], path + [snake(key)])

    def normalize(self, schema: str, value):
        """A checked body with proto3 JSON's spellings made plain: integers sent as strings
        (or as 2.0) become ints, and null fields (the default value) are left out, so
        whoever reads the body sees one type per field."""
        if not isinstance(value, dict):
            return value
        properties = self.schemas[schema].get("properties", {})
        return {key: self._normal(properties[key], item) for key, item in value.items()
                if item is not None}

    def _normal(self, spec: dict, value):
        if value is None:
            return None
        if "$ref" in spec:
            return self.normalize(spec["$ref"], value)
        if spec.get("type") == "array":
            return [self._normal(spec["items"], item) for item in value]
        if spec.get("type") == "object":
            inner = spec.get("additionalProperties", {"type": "any"})
            return {key: self._normal(inner, item) for key, item in value.items()}
        if spec.get("type") == "integer" and not isinstance(value, bool):
            return int(value)
        return value

    # -- field masks --------------------------------------------------------------------------

    def mask_root(self, schema: str, key: str) -> str:
        """The schema a body's field mask is relative to, as its description says."""
        properties = self.schemas[schema]["properties"]
        words = properties[key].get("description", "")
        found = (re.search(r"The root [`'\"]?(\w+)[`'\"]? is implied", words)
                 or re.search(r"The root is the (\w+)", words)
                 or re.search(r"The fields of (\w+)", words))
        if not found:
            raise LookupError(f"{schema}.{key}: no root named in its description")
        named = found.group(1)
        for candidate in (named, named[:1].lower() + named[1:]):
            if candidate in properties and "$ref" in properties[candidate]:
                return properties[candidate]["$ref"]
        for other in properties.values():  # "The root `SlicerSpec`": the property's type
            if other.get("$ref") == named:
                return named
        if named in self.schemas:
            return named
        raise LookupError(f"{schema}.{key}: root {named!r} is neither a field nor a schema")

    def check_write_mask(self, root: str, mask: object, path: list[str]) -> None:
        if not isinstance(mask, str) or not mask.strip():
            raise Invalid(f"Invalid value at '{_at(path)}': at least one field must be "
                          "specified.")
        if mask.strip() == "*":
            return
        try:
            paths = parse_mask(mask)
        except Invalid as error:
            raise Invalid(f"Invalid value at '{_at(path)}': {error}") from None
        for names in paths:
            problem = self._mask_path(root, names)
            if problem:
                raise Invalid(f"Invalid value at '{_at(path)}': {problem}")

    def check_read_mask(self, root: str, mask: str) -> None:
        for names in parse_mask(mask):
            problem = self._mask_path(root, names)
            if problem:
                raise Invalid(f"Request contains an invalid argument: 'fields': {problem}")

    def _mask_path(self, root: str, names: list[str]) -> str | None:
        schema: str | None = root
        spec: dict = {"$ref": root}
        for index, name in enumerate(names):
            if name == "*":
                return None
            while spec.get("type") == "array":
                spec = spec["items"]
            if spec.get("type") == "object":
                spec = spec.get("additionalProperties", {})  # a map: any key
                continue
            schema = spec.get("$ref")
            if schema is None:
                return (f"{'.'.join(names[:index])} is not a message, cannot select "
                        f"{name!r}")
            properties = self.schemas[schema].get("properties", {})
            if name not in properties:
                return f"Cannot find field {name!r} in {schema} ({'.'.join(names)})"
            spec = properties[name]
        return None


def _read_only(spec: dict) -> bool:
    words = spec.get("description", "")
    return bool(spec.get("readOnly")) or "This field is read-only" in words \
        or words.startswith("Output only")


def _proto_type(spec: dict) -> str:
    if "enum" in spec:
        return "TYPE_ENUM"
    return {("integer", "int32"): "TYPE_INT32", ("integer", "uint32"): "TYPE_UINT32",
            ("string", "int64"): "TYPE_INT64", ("number", "double"): "TYPE_DOUBLE",
            ("number", "float"): "TYPE_FLOAT", ("boolean", None): "TYPE_BOOL"}.get(
        (spec.get("type"), spec.get("format")), "TYPE_STRING")


def _scalar_ok(spec: dict, value: object) -> bool:
    kind, fmt = spec.get("type"), spec.get("format")
    if "enum" in spec:
        return isinstance(value, str) and value in spec["enum"]
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
            value = int(value)  # proto3 JSON accepts integers as strings
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        low, high = UINT32 if fmt == "uint32" else INT32
        return low <= value <= high
    if kind == "number":
        if isinstance(value, str):
            return value in ("NaN", "Infinity", "-Infinity")
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        if fmt == "int64":
            return isinstance(value, str | int) and not isinstance(value, bool) and \
                re.fullmatch(r"-?\d+", str(value)) is not None
        return isinstance(value, str)
    return True
