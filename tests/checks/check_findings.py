"""The findings of one check that a review shows as warnings or errors, as the check tests read them."""


def warning_findings(result: dict, check: str) -> list[dict]:
    """The findings of `check` in the document object `result` with severity warning or error."""
    return [f for f in result["findings"] if f["check"] == check and f["severity"] in ("warning", "error")]


def date_warnings(result: dict) -> list[tuple[str, str]]:
    """(rule, match) of each date warning or error, in the document's order."""
    return [(f["rule"], f["match"]) for f in warning_findings(result, "date")]


def undated_events(result: dict) -> list[str]:
    """The flagged words of each ``date.undated_event`` warning or error, in the document's order."""
    return [match for rule, match in date_warnings(result) if rule == "date.undated_event"]


def flags_words(result: dict, text: str, rules: tuple[str, ...], words: str) -> bool:
    """Whether a finding of one of `rules`, at any severity, lies on `words` of `text`: its span, give or
    take a character either side (a quote's marks), holds them."""
    return any(f["rule"] in rules and f["end"] > f["start"] and words in text[max(0, f["start"] - 1):f["end"] + 1]
               for f in result["findings"])


def historic_matches(result: dict) -> list[str]:
    """The flagged words of each ``historic.no_relevance`` finding, at any severity."""
    return [f["match"] for f in result["findings"] if f["rule"] == "historic.no_relevance"]
