"""Every error the user can see, with a code, in one place (as spaCy's errors.py).

A `ReviewError` is always shown as one line: ``review: E101 <message>``; the CLI turns
it into exit status 2. Nothing else should reach the user as a traceback.
"""


class ReviewError(Exception):
    """A problem with the user's input, options or rules: shown as one line, exit status 2."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


# Input files
E101 = "cannot read {path}: {reason}"
E102 = "{path}: unsupported file type {suffix!r} (use .txt, .md or .docx, or - for standard input)"
E103 = "{path}: not text in a known encoding ({reason})"
E104 = "{path}: not a readable .docx file ({reason})"
E105 = "{path}: {size} is over the limit of {limit} characters; split the report into parts"

# Options
E201 = "--report-date {value!r} is not a date in the form 20/03/2024, 20.03.2024, 20 March 2024 or 2024-03-20"
E202 = "--max-chars must be between 1 and {limit}"
E203 = "cannot write the summary to {path}: {reason}"
E204 = "--jobs must be between 1 and {limit}"
E205 = "--scheduler needs Dask's distributed package: pip install 'safeguarding-review[distributed]'"
E206 = "cannot reach the Dask scheduler at {address} ({reason})"
E207 = "--port must be between 1 and 65535"
E208 = "{option} must be at least 1"
E209 = "cannot read the token from {path}: {reason}"
E210 = "cannot serve on {host}:{port} ({reason})"

# Rules
E301 = "{source}: {problem}"

# Requests to the review service (review serve): the "error" of a 4xx answer, never the report's text
E601 = "the request body is not JSON ({reason})"
E602 = "the request body must be a JSON object with \"text\" and optionally \"report_date\" and \"children\""
E603 = "unknown key(s) {keys}: only \"text\", \"report_date\" and \"children\" are read"
E604 = "\"text\" must be a string of valid Unicode"
E605 = "\"report_date\" must be a date in the form YYYY-MM-DD"
E606 = "\"children\" must be a list of names (strings)"
E607 = "the request body is over the limit of {limit} bytes; split the report into parts"
E608 = "\"text\" is {size} characters, over the limit of {limit}; split the report into parts"
E609 = "missing or wrong token: send the header 'Authorization: Bearer TOKEN'"
E610 = "the service is busy ({limit} reviews in progress or waiting); try again shortly"
E611 = "no such endpoint: use POST /check or GET /health"
E612 = "{method} is not allowed here (allowed: {allowed})"

# Internal errors: a bug in this program, never the user's fault
E900 = "internal error ({error}); please report it with the command you ran"
