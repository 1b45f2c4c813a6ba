"""The findings of one check that a review shows as warnings or errors, as the check tests read them."""


def warning_findings(result: dict, check: str) -> list[dict]:
    """The findings of `check` in the document object `result` with severity warning or error."""
    return [f for f in result["findings"] if f["check"] == check and f["severity"] in ("warning", "error")]


def date_warnings(result: dict) -> list[tuple[str, str]]:
    """(rule, match) of each date warning or error, in the document's order."""
    return [(f["rule"], f["match"]) for f in warning_findings(result, "date")]
