"""spaCy is imported without its command line, which still works when asked for."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fresh(code: str) -> str:
    """What `code` prints in a fresh interpreter that imports this checkout's review package first."""
    return subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); {code}"],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()


def test_a_review_does_not_import_spacy_s_command_line():
    code = ("import review; review.analyse('The mother was neglectful.', report_date='2024-03-20'); "
            "print(sorted(m for m in ('spacy.cli', 'typer', 'requests', 'weasel') if m in sys.modules))")
    assert fresh(code) == "[]"


def test_spacy_info_and_spacy_cli_still_work_after_import_review():
    code = ("import review, spacy; print(spacy.info()['spacy_version'] == spacy.__version__, "
            "callable(spacy.cli.download), 'typer' in sys.modules)")
    assert fresh(code) == "True True True"


def test_a_missing_spacy_attribute_is_still_an_attribute_error():
    code = "import review, spacy; print(hasattr(spacy, 'no_such_thing'))"
    assert fresh(code) == "False"


def test_the_garbage_collector_runs_again_after_the_import():
    assert fresh("import gc, review; print(gc.isenabled())") == "True"


def test_registry_look_ups_select_each_entry_point_group_once_with_the_same_result():
    code = ("import importlib.metadata as m, catalogue, review; from review.core.lean_spacy import EntryPointGroups; "
            "groups = catalogue.AVAILABLE_ENTRY_POINTS; all_points = m.entry_points(); "
            "names = ['spacy_factories', 'spacy_languages', 'thinc_layers', 'no_such_group']; "
            "print(isinstance(groups, EntryPointGroups), "
            "all(list(groups.select(group=g)) == list(all_points.select(group=g)) for g in names), "
            "groups.select(group='spacy_factories') is groups.select(group='spacy_factories'))")
    assert fresh(code) == "True True True"
