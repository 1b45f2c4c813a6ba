# Two commands do all the set-up on a fresh machine with Python 3.11, make and git:
#   make run    set up, then start the review page (http://127.0.0.1:8501) with a sample report loaded
#   make test   set up, then check the import contract (pyproject.toml) and run the tests (what CI runs)
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := corpus/01-school-mia-before.txt

.PHONY: setup run test evaluate clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# byte-compile the package as a non-editable install would: where Python writes no bytecode cache
	# (PYTHONDONTWRITEBYTECODE), every run would otherwise compile it again (a sixth of a second)
	$(BIN)/python -m compileall -q review >/dev/null
	touch $@

run: setup
	$(BIN)/streamlit run app.py -- --sample $(SAMPLE)

test: setup
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q -rs

evaluate: setup
	$(BIN)/python -m review.evaluate corpus

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
