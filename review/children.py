"""PLACEHOLDER by the lead so the skeleton runs; owned by the quotes engineer: replace freely."""
import re

_AGED = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z][a-z]+)?,? \((?:aged|age) \d+")


def detect_children(doc) -> list[str]:
    names = []
    for match in _AGED.finditer(doc.text):
        if match.group(1) not in names:
            names.append(match.group(1))
    return names
