"""Linguistics that raises no findings: grammar, phrase patterns, people, dates and times,
quotations and their speakers, the report's children, and readability."""
