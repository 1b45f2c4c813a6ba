"""The contract and the policy travel with the repository: docs/ holds copies of ../shared/."""

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
