"""Evaluation commands: ``python -m review.evaluate NAME`` prints the figures for one part."""
