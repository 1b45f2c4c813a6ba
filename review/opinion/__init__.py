"""The opinion check's parts: a trained sentence classifier, attribution from the parse, hedge cues.

- `features`: the sentence features the classifier reads (shared by training and the check);
- `classifier`: loads the trained weights from ``models/opinion/`` and scores a sentence;
- `attribution`: which tokens are someone else's words (quoted, or reported with a named
  source), owned professional opinions, and unsourced quoted labels;
- `hedge`: speculation cues in the writer's own voice;
- `train`: ``python -m review.opinion.train`` rebuilds the classifier from ``../shared/data/``.
"""
