"""``python -m review.train.hedge_cues``: learn the sentence ``hedge`` flag's cue lists.

How it works: docs/internals.md, `review.train.hedge_cues`."""

from __future__ import annotations

import argparse
from collections import Counter

import spacy

from review.core.model import BASE_MODEL
from review.evaluate import _data as data

CANDIDATE_WORDS = """
believe think suspect speculate hypothesize hypothesise propose assume presume consider regard
claim allege argue estimate expect predict postulate doubt infer deem reckon rumour rumor purport tend
criticize criticise
allegedly reportedly arguably conceivably purportedly ostensibly supposedly presumably seemingly
potentially approximately roughly
putative potential presumptive suspected uncertain unknown questionable doubtful alleged apparent
plausible conceivable hypothetical speculative controversial debatable disputed notable famous important
significant influential
possibility hypothesis suggestion speculation assumption belief theory likelihood indication
some many several various most numerous often sometimes usually generally commonly widely frequently
typically largely mostly mainly occasionally certain others critic expert scholar observer historian
people source whether either
""".split()
CANDIDATE_PHRASES = ["is thought", "is said", "is known", "not clear", "no evidence", "one of the most",
                     "some of", "raise the possibility"]
SETTINGS = [(count, share) for count in (3, 5, 10) for share in (0.4, 0.45, 0.5, 0.55, 0.6)]
FOLDS = 5


def candidate_cues(sent, voice, words: frozenset[str], phrases: list[str]) -> set[str]:
    """The candidate cues in `sent` that stand in the writer's voice."""
    found = set()
    for token in sent:
        if voice.is_writers(token) and token.tag_ != "MD":
            for form in (token.lemma_.lower(), token.lower_):
                if form in words:
                    found.add(form)
    text = " " + " ".join(t.lower_ for t in sent if voice.is_writers(t)) + " "
    found.update(p for p in phrases if f" {p} " in text)
    return found


def learned_cues(corpora: list[list[tuple[set[str], int]]], min_count: int, min_share: float) -> set[str]:
    """The cues of `corpora` (lists of (candidate cues, label) per sentence) that pass the two settings."""
    seen, uncertain = Counter(), Counter()
    for cues, label in (row for rows in corpora for row in rows):
        seen.update(cues)
        if label:
            uncertain.update(cues)
    return {c for c, n in seen.items() if n >= min_count and (uncertain[c] + 1) / (n + 4) >= min_share}


def f1(gold: list[int], predicted: list[int]) -> float:
    tp = sum(g and p for g, p in zip(gold, predicted))
    return 2 * tp / (sum(gold) + sum(predicted)) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m review.train.hedge_cues",
                            description=__doc__.splitlines()[0]).parse_args(argv)
    from review.checks.opinion import OpinionCheck
    from review.core.extensions import register_extensions

    register_extensions()
    nlp = spacy.load(BASE_MODEL)
    check = OpinionCheck()
    speculation_words = {w.lower() for name in ("hedge_words", "hedge_complement_verbs", "hedge_inference_verbs")
                         for w in check.rules.lexicon(name)}
    words = frozenset(CANDIDATE_WORDS) | speculation_words
    corpora = {}
    for corpus in ("wikiweasel", "bioscope"):
        kept, _ = data.held_back_split(data.conll2010(corpus))
        rows = []
        for doc, (_, label) in zip(nlp.pipe([t for t, _ in kept], batch_size=128), kept):
            sent = doc[:]
            voice = check.voice(sent)
            rows.append((candidate_cues(sent, voice, words, CANDIDATE_PHRASES), label,
                         bool(check.hedges.find_cues(sent, voice))))
        corpora[corpus] = rows
    best = (-1.0, None)
    for setting in SETTINGS:
        scores = []
        for rows in corpora.values():
            gold, predicted = [], []
            for fold in range(FOLDS):
                train = [[(c, y) for i, (c, y, _) in enumerate(every) if i % FOLDS != fold] for every in corpora.values()]
                cues = learned_cues(train, *setting)
                for cands, label, speculation in rows[fold::FOLDS]:
                    gold.append(label)
                    predicted.append(int(speculation or bool(cands & cues)))
            scores.append(f1(gold, predicted))
        print(f"min_count {setting[0]:>2}, min_share {setting[1]:.2f}: CV F1 "
              + ", ".join(f"{name} {s:.3f}" for name, s in zip(corpora, scores)), flush=True)
        best = max(best, (sum(scores) / len(scores), setting), key=lambda b: b[0])
    cues = learned_cues([[(c, y) for c, y, _ in rows] for rows in corpora.values()], *best[1])
    print(f"chosen: min_count {best[1][0]}, min_share {best[1][1]} (mean CV F1 {best[0]:.3f})")
    print("  flag_words: [" + ", ".join(sorted(c for c in cues if " " not in c)) + "]")
    print("  flag_phrases: [" + ", ".join(f'"{c}"' for c in sorted(c for c in cues if " " in c)) + "]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
