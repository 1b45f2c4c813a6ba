"""``python -m review.evaluate NAME [args]``: run review/evaluate/NAME.py's main() and print its figures."""

import importlib
import pkgutil
import sys

import review.evaluate as package


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))


def main() -> int:
    names = available()
    if len(sys.argv) < 2 or sys.argv[1] not in names:
        print(f"usage: python -m review.evaluate {{{','.join(names)}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"review.evaluate.{sys.argv[1]}")
    try:
        return module.main(sys.argv[2:]) or 0
    except FileNotFoundError as error:  # the evaluation data is not where it was looked for
        print(f"review.evaluate: {error.filename or error}: not found (set REVIEW_DATA_DIR or pass --data)",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
