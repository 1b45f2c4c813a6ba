"""Getting reports in and results out: readers (text, Word), the JSON document object, the
terminal and HTML renderings, the downloads, redaction and the audit CSV."""
