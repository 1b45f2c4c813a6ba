"""The contract and the policy travel with the repository (docs/ holds copies of ../shared/), and the
README's commands and test command work as written."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize("name", ["SPEC.md", "POLICY.md"])
def test_the_copy_in_docs_matches_shared(name):
    original = SHARED / name
    if not original.is_file():
        pytest.skip(f"no ../shared/{name} beside this checkout to compare with")
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == original.read_text(encoding="utf-8"), \
        f"docs/{name} differs from ../shared/{name}: copy it again"


def test_readme_commands_run_in_a_new_shell():
    """The README's command lines call the command where `make` installs it (`.venv/bin/review`):
    a new shell has no `review` on its PATH."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines() if line.startswith("    ") and
                re.search(r"(?:^|\| )(?:\S*/)?review (?:check|serve)\b", line.strip())]
    assert len(commands) >= 6
    assert all(re.search(r"(?:^|\| )\.venv/bin/review ", command) for command in commands), commands


def test_make_test_lists_the_reasons_for_skipped_tests():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\t\$\(BIN\)/python -m pytest .*-rs\b", makefile, re.M)
