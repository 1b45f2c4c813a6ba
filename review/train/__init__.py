"""Tooling that rebuilds what the checks ship with (the opinion classifier, the hedge-cue list)
from the labelled data in ``../shared/data/``; not part of a review."""
