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
E103 = "{path}: not UTF-8 text ({reason})"
E104 = "{path}: not a readable .docx file ({reason})"
E105 = "{path}: {size} is over the limit of {limit} characters; split the report into parts"

# Options
E201 = "--report-date {value!r} is not a date in the form YYYY-MM-DD"
E202 = "--max-chars must be between 1 and {limit}"
E203 = "cannot write the summary to {path}: {reason}"
E204 = "--jobs must be between 1 and {limit}"
E205 = "--scheduler needs Dask's distributed package: pip install 'safeguarding-review[distributed]'"
E206 = "cannot reach the Dask scheduler at {address} ({reason})"

# Rules
E301 = "{source}: {problem}"

# Internal errors: a bug in this program, never the user's fault
E900 = "internal error ({error}); please report it with the command you ran"
