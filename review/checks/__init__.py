"""One module per check; importing this package registers every component factory."""

from review.checks import checklist, child_voice, date, historic, language, length, opinion  # noqa: F401
