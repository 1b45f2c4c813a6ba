"""The checks' rules as data: loading, validating and merging the YAML files in ``rules/``.

Each file describes one check::

    check: opinion                 # one of the checks the package implements
    principle: accurate            # the policy principle its findings serve
    rules:                         # one entry per rule, id CHECK.NAME
      - id: opinion.judgement
        severity: warning          # info | warning | error
        message: "..."             # may use {match} and the check's own placeholders
        suggestion: "..."
        rationale: "..."           # the policy line the rule traces back to
        enabled: true              # optional
    lexicons: {name: [phrases]}    # the check's word lists
    thresholds: {name: number}     # the check's numbers
    allow: [phrases]               # text containing one of these is never flagged

A user's ``--rules`` file or folder is merged over the bundled rules: a rule with a known id
changes only the fields it gives (``{id: length.sentence, enabled: false}`` switches it off),
thresholds replace the bundled value, lexicons and ``allow`` add to the bundled lists, and
``mode: replace`` in a file replaces the bundled file for that check altogether.
Every problem is reported as one line naming the file and the rule.
"""

from __future__ import annotations

import copy
import functools
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from review.core.errors import E301, ReviewError
from review.core.findings import SEVERITIES

FILE_KEYS = {"check", "principle", "description", "mode", "rules", "lexicons", "thresholds", "allow"}
RULE_KEYS = {"id", "severity", "message", "suggestion", "rationale", "enabled", "principle", "description"}
RULE_REQUIRED = ("id", "severity", "message", "suggestion", "rationale")
MODES = ("extend", "replace")


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
            raise ReviewError("E301", E301.format(source=self.source, problem=f"rule {rule_id!r} is missing")) from None

    def lexicon(self, name: str) -> list[str]:
        try:
            return self.lexicons[name]
        except KeyError:
            raise ReviewError("E301", E301.format(source=self.source, problem=f"lexicon {name!r} is missing")) from None

    def threshold(self, name: str) -> float:
        try:
            return self.thresholds[name]
        except KeyError:
            raise ReviewError("E301", E301.format(source=self.source, problem=f"threshold {name!r} is missing")) from None


@dataclass
class RuleSet:
    checks: dict[str, CheckRules]

    def check(self, name: str) -> CheckRules:
        try:
            return self.checks[name]
        except KeyError:
            raise ReviewError("E301", E301.format(source="rules", problem=f"no rules file for check {name!r}")) from None

    def all_rules(self) -> list[Rule]:
        return [rule for check in self.checks.values() for rule in check.rules.values()]


def _fail(source: str, problem: str) -> ReviewError:
    return ReviewError("E301", E301.format(source=source, problem=problem))


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise _fail(str(path), f"not valid YAML{where}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(str(path), f"cannot be read ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise _fail(str(path), "must be a mapping with at least a 'check' key")
    return data


def _validate_file(data: dict, source: str) -> None:
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise _fail(source, f"unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(sorted(FILE_KEYS))})")
    if not isinstance(data.get("check"), str):
        raise _fail(source, "missing 'check' (the name of the check these rules belong to)")
    if data.get("mode", "extend") not in MODES:
        raise _fail(source, f"mode must be one of {', '.join(MODES)}")
    if not isinstance(data.get("rules", []), list):
        raise _fail(source, "'rules' must be a list")
    for key in ("lexicons", "thresholds"):
        if not isinstance(data.get(key, {}), dict):
            raise _fail(source, f"{key!r} must be a mapping of name to value")
    for name, words in data.get("lexicons", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise _fail(source, f"lexicon {name!r} must be a list of non-empty strings")
    for name, value in data.get("thresholds", {}).items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise _fail(source, f"threshold {name!r} must be a number >= 0, not {value!r}")
    allow = data.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(w, str) and w.strip() for w in allow):
        raise _fail(source, "'allow' must be a list of non-empty strings")


def _validate_rule_entry(entry: object, check: str, source: str, *, complete: bool) -> dict:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise _fail(source, "every rule needs an 'id' (CHECK.NAME)")
    rule_id = entry["id"]
    where = f"rule {rule_id}"
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise _fail(source, f"{where}: unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(sorted(RULE_KEYS))})")
    if not rule_id.startswith(f"{check}.") or rule_id == f"{check}.":
        raise _fail(source, f"{where}: id must be '{check}.NAME'")
    if complete:
        for key in RULE_REQUIRED:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise _fail(source, f"{where}: missing {key!r}")
    if "severity" in entry and entry["severity"] not in SEVERITIES:
        raise _fail(source, f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {entry['severity']!r}")
    if "enabled" in entry and not isinstance(entry["enabled"], bool):
        raise _fail(source, f"{where}: enabled must be true or false")
    for key in ("message", "suggestion", "rationale", "principle", "description"):
        if key in entry and not isinstance(entry[key], str):
            raise _fail(source, f"{where}: {key!r} must be text")
    for key in ("message", "suggestion"):
        if key in entry and not _valid_template(entry[key]):
            raise _fail(source, f"{where}: {key!r} has a broken {{placeholder}} (use names such as {{match}})")
    return entry


def _valid_template(text: str) -> bool:
    """True when every ``{...}`` in `text` is a named placeholder (or a doubled ``{{`` brace)."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return False
    return all(name.isidentifier() for name in fields)


def _build_check(data: dict, source: str) -> CheckRules:
    check = data["check"]
    if not isinstance(data.get("principle"), str):
        raise _fail(source, "missing 'principle'")
    rules: dict[str, Rule] = {}
    for entry in data.get("rules", []):
        entry = _validate_rule_entry(entry, check, source, complete=True)
        if entry["id"] in rules:
            raise _fail(source, f"rule {entry['id']}: defined twice")
        rules[entry["id"]] = _make_rule(entry, check, data["principle"])
    return CheckRules(
        check=check,
        principle=data["principle"],
        source=source,
        rules=rules,
        lexicons={name: list(words) for name, words in data.get("lexicons", {}).items()},
        thresholds={name: value for name, value in data.get("thresholds", {}).items()},
        allow=list(data.get("allow", [])),
        description=data.get("description", ""),
    )


def _make_rule(entry: dict, check: str, principle: str) -> Rule:
    return Rule(
        id=entry["id"],
        check=check,
        principle=entry.get("principle", principle),
        severity=entry["severity"],
        message=entry["message"].strip(),
        suggestion=entry["suggestion"].strip(),
        rationale=entry["rationale"].strip(),
        enabled=entry.get("enabled", True),
        description=entry.get("description", ""),
    )


def _merge(base: CheckRules, data: dict, source: str) -> CheckRules:
    merged = copy.deepcopy(base)
    merged.source = f"{base.source} + {source}"
    if "principle" in data:
        merged.principle = data["principle"]
    for entry in data.get("rules", []):
        rule_id = entry.get("id") if isinstance(entry, dict) else None
        known = rule_id in merged.rules
        entry = _validate_rule_entry(entry, base.check, source, complete=not known)
        if known:
            old = merged.rules[rule_id]
            fields = {**old.__dict__, **{k: v for k, v in entry.items()}}
            fields["message"], fields["suggestion"], fields["rationale"] = (
                fields["message"].strip(), fields["suggestion"].strip(), fields["rationale"].strip())
            merged.rules[rule_id] = Rule(**fields)
        else:
            merged.rules[rule_id] = _make_rule(entry, base.check, merged.principle)
    for key, known in (("thresholds", merged.thresholds), ("lexicons", merged.lexicons)):
        unknown = set(data.get(key, {})) - set(known)
        if unknown:
            raise _fail(source, f"unknown {key[:-1]} {sorted(unknown)[0]!r} for check {base.check!r} "
                                f"(known: {', '.join(sorted(known))})")
    for name, words in data.get("lexicons", {}).items():
        existing = merged.lexicons[name]
        existing.extend(w for w in words if w not in existing)
    merged.thresholds.update(data.get("thresholds", {}))
    merged.allow.extend(w for w in data.get("allow", []) if w not in merged.allow)
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
    checks: dict[str, CheckRules] = {}
    for path in _yaml_files(bundled_rules_dir()):
        data = _read_yaml(path)
        source = f"rules/{path.name}"
        _validate_file(data, source)
        if data["check"] in checks:
            raise _fail(source, f"check {data['check']!r} already defined in {checks[data['check']].source}")
        checks[data["check"]] = _build_check(data, source)
    if extra_path:
        for path in _yaml_files(Path(extra_path)):
            data = _read_yaml(path)
            source = str(path)
            _validate_file(data, source)
            check = data["check"]
            if check not in checks:
                raise _fail(source, f"unknown check {check!r} (known: {', '.join(sorted(checks))})")
            if data.get("mode") == "replace":
                checks[check] = _build_check(data, source)
            else:
                checks[check] = _merge(checks[check], data, source)
    return RuleSet(checks)
