"""The checks' rules as data: loading, validating and merging the YAML files in ``rules/``.

How it works: docs/internals.md, `review.core.rules`."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import get_args

import yaml
from pydantic import BaseModel, ValidationError

from review.core.errors import E301, ReviewError
from review.core.schema import SCHEMAS, SEVERITIES, CheckFile, Evidence, PatchFile, RuleEntry


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    principle: str
    severity: str
    message: str
    suggestion: str
    rationale: str
    enabled: bool = True
    description: str = ""
    evidence: Evidence | None = None  # a checklist question's: what answers it


@dataclass
class CheckRules:
    """Everything one check reads from ``rules/``: its rules, lexicons, thresholds and allow-list."""

    check: str
    principle: str
    source: str
    rules: dict[str, Rule] = field(default_factory=dict)
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    allow: list[str] = field(default_factory=list)
    description: str = ""

    def rule(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise _fail(self.source, f"rule {rule_id!r} is missing") from None

    def lexicon(self, name: str) -> list[str]:
        try:
            return self.lexicons[name]
        except KeyError:
            raise _fail(self.source, f"lexicon {name!r} is missing") from None

    def threshold(self, name: str) -> float:
        try:
            return self.thresholds[name]
        except KeyError:
            raise _fail(self.source, f"threshold {name!r} is missing") from None


@dataclass
class RuleSet:
    checks: dict[str, CheckRules]

    def check(self, name: str) -> CheckRules:
        try:
            return self.checks[name]
        except KeyError:
            raise _fail("rules", f"no rules file for check {name!r}") from None

    def all_rules(self) -> list[Rule]:
        return [rule for check in self.checks.values() for rule in check.rules.values()]


def _fail(source: str, problem: str) -> ReviewError:
    return ReviewError("E301", E301.format(source=source, problem=problem))


def load_yaml(text: str):
    """`text` read as YAML with PyYAML's safe loader, in its C version (libyaml) where installed:
    about ten times faster than the pure-Python one, and every review reads the rules at start-up."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read_yaml(path: Path) -> dict:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise _fail(str(path), f"not valid YAML{where}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(str(path), f"cannot be read ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise _fail(str(path), "must be a mapping with at least a 'check' key")
    return data


# Validation errors as one line -----------------------------------------------------------------


def _fields(model: type[BaseModel], name: str) -> list[str]:
    """The keys allowed in `model`'s field `name` (a model, or a list of models)."""
    annotation = model.model_fields[name].annotation
    inner = get_args(annotation)[0] if get_args(annotation) else annotation
    return sorted(inner.model_fields) if isinstance(inner, type) and issubclass(inner, BaseModel) else []


def _rule_problem(loc: tuple, error: dict, data: dict, model: type[BaseModel]) -> str:
    entries = data.get("rules")
    entry = entries[loc[0]] if isinstance(entries, list) and isinstance(loc[0], int) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or loc[1:2] == ("id",):
        return "every rule needs an 'id' (CHECK.NAME)"
    where, key, kind = f"rule {entry['id']}", loc[1] if len(loc) > 1 else None, error["type"]
    if kind == "extra_forbidden":
        allowed = _fields(SCHEMAS.get(data.get("check"), model), "rules")
        return f"{where}: unknown key {key!r} (allowed: {', '.join(allowed)})"
    if kind == "missing" and len(loc) == 2:
        return f"{where}: missing {key!r}"
    if key == "severity":
        return f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {error.get('input')!r}"
    if key == "enabled":
        return f"{where}: enabled must be true or false"
    if key == "evidence" and kind == "literal_error":
        return f"{where}: evidence: {loc[-1]} must be {error['ctx']['expected']}, not {error.get('input')!r}"
    if key == "evidence":
        return f"{where}: evidence: {' '.join([*map(str, loc[2:]), error['msg']])}"
    if kind == "review":
        return f"{where}: {key!r} {error['msg']}"
    return f"{where}: {key!r} must be text"


def _named_problem(section: str, loc: tuple, error: dict, data: dict, model: type[BaseModel]) -> str:
    """A problem with one lexicon or threshold."""
    kind, name, singular = error["type"], loc[0], section[:-1]
    if kind == "extra_forbidden":
        known = ", ".join(_fields(model, section))
        return f"unknown {singular} {name!r} for check {data.get('check')!r} (known: {known})"
    if kind == "missing":
        return f"{singular} {name!r} is missing"
    if section == "thresholds":
        return f"threshold {name!r} must be a number >= 0, not {error.get('input')!r}"
    return f"lexicon {name!r} must be a list of non-empty strings"


def _describe(error: ValidationError, data: dict, model: type[BaseModel]) -> str:
    """The first problem pydantic found in `data`, as the one line a user reads."""
    first = min(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    loc, kind = first["loc"], first["type"]
    if not loc:
        return first["msg"]
    head, rest = loc[0], loc[1:]
    if head == "rules" and rest:
        return _rule_problem(rest, first, data, model)
    if head in ("lexicons", "thresholds") and rest:
        return _named_problem(head, rest, first, data, model)
    if kind == "extra_forbidden":
        return f"unknown key {head!r} (allowed: {', '.join(sorted(model.model_fields))})"
    if kind == "missing":
        return f"missing {head!r}" + (" (the name of the check these rules belong to)" if head == "check" else "")
    if head == "mode":
        return "mode must be one of extend, replace"
    if head == "rules":
        return "'rules' must be a list"
    if head in ("lexicons", "thresholds"):
        return f"{head!r} must be a mapping of name to value"
    if head == "allow":
        return "'allow' must be a list of non-empty strings"
    return f"{head!r} must be text"


def _validated(model: type[BaseModel], data: dict, source: str):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise _fail(source, _describe(error, data, model)) from None


# Loading and merging ---------------------------------------------------------------------------


def _schema(data: dict, source: str, known: dict) -> type[CheckFile]:
    """The schema of the check `data` is for (a check the package implements, or one loaded)."""
    patch = _validated(PatchFile, data, source)
    if patch.check not in SCHEMAS or (known is not None and patch.check not in known):
        names = known if known is not None else SCHEMAS
        raise _fail(source, f"unknown check {patch.check!r} (known: {', '.join(sorted(names))})")
    return SCHEMAS[patch.check]


def _make_rule(entry: RuleEntry, check: str, principle: str) -> Rule:
    return Rule(
        id=entry.id,
        check=check,
        principle=entry.principle if entry.principle is not None else principle,
        severity=entry.severity,
        message=entry.message.strip(),
        suggestion=entry.suggestion.strip(),
        rationale=entry.rationale.strip(),
        enabled=entry.enabled if entry.enabled is not None else True,
        description=entry.description or "",
        evidence=getattr(entry, "evidence", None),
    )


def _build_check(parsed: CheckFile, source: str) -> CheckRules:
    return CheckRules(
        check=parsed.check,
        principle=parsed.principle,
        source=source,
        rules={entry.id: _make_rule(entry, parsed.check, parsed.principle) for entry in parsed.rules},
        lexicons=parsed.lexicons.model_dump(),
        thresholds=parsed.thresholds.model_dump(),
        allow=list(parsed.allow),
        description=parsed.description,
    )


def _merge(base: dict, data: dict, source: str) -> dict:
    """`base` (a bundled file's data) with a user's extending file `data` merged over it."""
    patch = _validated(PatchFile, data, source)
    merged = copy.deepcopy(base)
    rules = {entry["id"]: entry for entry in merged.setdefault("rules", [])}
    for entry in rules.values():  # a rule keeps the principle it had when the file's principle changes
        entry.setdefault("principle", merged["principle"])
    if patch.principle is not None:
        merged["principle"] = patch.principle
    for given in patch.rules:
        fields = given.model_dump(exclude_unset=True)
        if given.id in rules:
            rules[given.id].update(fields)
        else:
            merged["rules"].append(fields)
            rules[given.id] = fields
    for name, words in patch.lexicons.items():
        existing = merged.setdefault("lexicons", {}).setdefault(name, [])
        existing.extend(w for w in words if w not in existing)
    merged.setdefault("thresholds", {}).update(patch.thresholds)
    allow = merged.setdefault("allow", [])
    allow.extend(w for w in patch.allow if w not in allow)
    return merged


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if path.is_file():
        return [path]
    raise _fail(str(path), "no such rules file or folder")


def bundled_rules_dir() -> Path:
    """The rules shipped with the package (the repository's ``rules/`` folder)."""
    return Path(str(resources.files("review") / "bundled_rules"))


@functools.lru_cache(maxsize=8)
def load_rules(extra_path: str | None = None) -> RuleSet:
    """The bundled rules, with the rules at `extra_path` (a file or folder) merged over them."""
    files: dict[str, tuple[dict, str]] = {}  # check -> (its data so far, where it came from)
    checks: dict[str, CheckRules] = {}
    for path in _yaml_files(bundled_rules_dir()):
        data, source = _read_yaml(path), f"rules/{path.name}"
        schema = _schema(data, source, None)
        if data["check"] in checks:
            raise _fail(source, f"check {data['check']!r} already defined in {checks[data['check']].source}")
        checks[data["check"]] = _build_check(_validated(schema, data, source), source)
        files[data["check"]] = (data, source)
    for path in _yaml_files(Path(extra_path)) if extra_path else []:
        data, source = _read_yaml(path), str(path)
        schema = _schema(data, source, checks)
        check = data["check"]
        if data.get("mode") == "replace":
            files[check] = (data, source)
        else:
            files[check] = (_merge(files[check][0], data, source), f"{files[check][1]} + {source}")
        checks[check] = _build_check(_validated(schema, files[check][0], source), files[check][1])
    return RuleSet(checks)
