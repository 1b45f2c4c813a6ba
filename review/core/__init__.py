"""What every other part of the review stands on: errors, Doc extensions, the finding type,
the rules as data, the registry of checks, and the one definition of sentence and paragraph."""
