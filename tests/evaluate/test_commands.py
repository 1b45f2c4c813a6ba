"""``python -m review.evaluate``: every command it lists is a module with a ``main``, and an
unknown name gets the usage line and exit status 2, not a traceback."""

import importlib
import subprocess
import sys

import pytest

from review.evaluate.__main__ import available


@pytest.mark.parametrize("name", available())
def test_every_listed_command_has_a_main(name):
    module = importlib.import_module(f"review.evaluate.{name}")
    assert callable(getattr(module, "main", None)), f"review.evaluate {name} is listed but has no main()"


@pytest.mark.parametrize("argv", [[], ["no-such-command"], ["_data"]])
def test_an_unknown_command_gets_the_usage_and_status_2(argv):
    run = subprocess.run([sys.executable, "-m", "review.evaluate", *argv], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.startswith("usage: python -m review.evaluate {")
    assert "Traceback" not in run.stderr
