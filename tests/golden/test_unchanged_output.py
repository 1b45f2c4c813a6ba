"""The review's output on every sample report matches the pinned fingerprints (tests/golden/record.py).

A change that is meant to alter output re-pins them with ``python tests/golden/record.py`` in
the same commit, so the diff shows which outputs moved.
"""

import json

from record import PINNED, fingerprints, outputs


def test_output_is_unchanged_on_every_sample():
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    now = fingerprints(outputs())
    missing = sorted(set(now) - set(pinned))
    changed = sorted(key for key in now if key in pinned and now[key] != pinned[key])
    assert not missing, f"outputs with no pinned fingerprint: {missing[:5]}"
    assert not changed, f"{len(changed)} outputs changed, e.g. {changed[:5]}"
    assert len(now) >= 0.9 * len([k for k in pinned if not k.startswith("reports-dev/")])
