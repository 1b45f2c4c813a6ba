"""The checks' must-flag and must-pass cases, read from cases/<check>.yaml beside these tests.

A case file is YAML with up to three kinds of key:
- `documents`: named texts (YAML anchors, `&name`) that cases reuse as `text: *name` and tests read
  with `documents(check)`;
- `must_flag`: cases a rule must be raised on; `must_pass`: cases it must not be raised on (with no
  `rule`, no rule of the check may be); a check may keep another table, named for what it asserts.
Each case is a mapping with these keys (any other key is an error):
- `text` (required): the text reviewed;
- `rule`: the rule the case is about; `rules`: every rule of the check the text raises, sorted;
- `match`: the text the finding matches; `language`: the language code the summary names;
- `report_date`, `children`: options for the review, where a case needs other than the tests' defaults;
- `why`: what the case shows; `known_gap`: why the case fails today (it runs as a strict xfail).
Each test module says what its tables assert, and selects cases by table and rule.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "cases"
ID_LENGTH = 60


@dataclasses.dataclass(frozen=True)
class Case:
    """One case of a table: a text and what the check must (or must not) find in it."""

    check: str
    text: str
    rule: str | None = None
    rules: tuple[str, ...] | None = None
    match: str | None = None
    language: str | None = None
    report_date: str | None = None
    children: tuple[str, ...] | None = None
    why: str | None = None
    known_gap: str | None = None

    @property
    def options(self) -> dict:
        """The review options the case sets (report_date, children), to pass on as keywords."""
        options = {"report_date": self.report_date, "children": list(self.children) if self.children else None}
        return {key: value for key, value in options.items() if value is not None}

    def unwanted(self, rules) -> list[str]:
        """Those of `rules` (found rule ids) that a must-pass case forbids: its rule, or with none, its check's."""
        return [rule for rule in rules if rule == self.rule or self.rule is None and rule.startswith(f"{self.check}.")]


@cache
def _case_file(check: str) -> dict:
    with open(CASES_DIR / f"{check}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def documents(check: str) -> dict[str, str]:
    """The named texts of a check's case file."""
    return _case_file(check)["documents"]


def _case(check: str, entry: dict) -> Case:
    lists = {key: tuple(entry[key]) for key in ("rules", "children") if entry.get(key) is not None}
    return Case(check=check, **{**entry, **lists})


def _case_id(case: Case) -> str:
    """The case's rule, if it names one, and the start of its text: `date.imprecise: Mia was born in November.`"""
    text = " ".join(case.text.split()) or "(empty)"
    text = text if len(text) <= ID_LENGTH else text[:ID_LENGTH - 3] + "..."
    return f"{case.rule}: {text}" if case.rule else text


def cases(check: str, table: str, rule: str | None = None) -> list:
    """The cases of `table` in cases/<check>.yaml as pytest params; where `rule` is given, its cases only."""
    params = []
    for entry in _case_file(check)[table]:
        case = _case(check, entry)
        if rule is not None and case.rule != rule:
            continue
        marks = [pytest.mark.xfail(reason=case.known_gap, strict=True)] if case.known_gap else []
        params.append(pytest.param(case, id=_case_id(case), marks=marks))
    assert params, f"no cases in {check}.yaml {table} for rule {rule}"
    return params


INDEPENDENT_DIR = Path(__file__).resolve().parents[1] / "data" / "independent"


@cache
def independent(name: str):
    """The YAML file `name` of tests/data/independent (material written apart from the rules), parsed."""
    return yaml.safe_load((INDEPENDENT_DIR / name).read_text(encoding="utf-8"))


def with_known_gaps(entries, gaps: dict[str, str], key: str = "text", name=None) -> list:
    """The `entries` (mappings) of an independent file as pytest params: one whose `key` value `gaps` names runs
    as a strict xfail with that reason (the test turns red when it starts to pass); ids are `name(entry)`,
    else the start of its text."""
    def ident(entry):
        return name(entry) if name else " ".join(entry["text"].split())[:ID_LENGTH]
    return [pytest.param(entry, id=ident(entry),
                         marks=[pytest.mark.xfail(strict=True, reason=gaps[entry[key]])] if entry[key] in gaps else [])
            for entry in entries]


def independent_cases(files: dict[str, tuple[str | None, dict[str, str]]], table: str) -> list:
    """The `table` entries ("must_flag" or "must_pass") of several independent files as pytest params: `files`
    maps each file to its report date (None: the file's own `report_date`) and its known gaps (as in
    `with_known_gaps`); each entry carries its report date in `report_date`, and its id names its file."""
    params = []
    for name, (report_date, gaps) in files.items():
        data = independent(name)
        entries = [{**entry, "report_date": report_date or data["report_date"]} for entry in data[table]]
        stem = Path(name).stem
        params += with_known_gaps(entries, gaps, name=lambda entry, stem=stem: f"{stem}: "
                                  + " ".join(entry["text"].split())[:ID_LENGTH])
    return params


DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def gold_reports(folders, gaps: dict[str, str]) -> list:
    """The reports of data/<folder>/gold.jsonl (one line per report: its `file` and what it holds) as pytest
    params (path, gold), those `gaps` names strict xfails; a folder not there is skipped."""
    params = []
    for folder in folders:
        gold_file = DATA_DIR / folder / "gold.jsonl"
        if not gold_file.exists():
            continue
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            params.append(pytest.param(DATA_DIR / folder / gold["file"], gold, id=gold["file"], marks=[
                pytest.mark.xfail(strict=True, reason=gaps[gold["file"]])] if gold["file"] in gaps else []))
    return params
