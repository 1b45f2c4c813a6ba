"""``python -m review.train.opinion_model``: the labelled report sentences as spaCy training data,
and a cross-validated comparison of model families for the opinion sentence model.

    install MODEL DIR copy a trained model (spacy train's model-best) to the folder the package ships
    corpus  OUT_DIR   write train.spacy and dev.spacy (a seeded tenth of data/opinion-reports/train.jsonl,
                      for early stopping) for ``spacy train``; models/opinion/project.yml runs it
    compare           cross-validation on train.jsonl of each family: spaCy's TextCatBOW, its TextCatEnsemble,
                      and a logistic regression over review.train.sentence_features; 5 folds of writer's
                      batches, or with --by-writer each writer held out in turn

Every sentence is reduced to the words in the writer's own voice, exactly as the check does at run
time. The frozen test split (data/opinion-reports/test.jsonl) is never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from review.checks.opinion import OpinionCheck
from review.checks.opinion.sentence_model import SENTENCE_CLASSES, SentenceModel, label_class, own_words_doc
from review.core.model import BASE_MODEL
from review.train.sentence_features import sentence_features

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "opinion-reports"
CONFIGS = REPO / "models" / "opinion" / "configs"
SEED = 20241202
FOLDS = 5
DEV_FRACTION = 0.1


def read_labelled(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def own_words_docs(rows: Sequence[dict]) -> list[Doc]:
    """Each labelled sentence parsed by the base model and cut to the writer's own words, with its class."""
    nlp = spacy.load(BASE_MODEL, disable=["ner"])
    check = OpinionCheck()
    docs = []
    for row, parsed in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=256)):
        voice = check.voice(parsed[:])
        doc = own_words_doc(nlp.vocab, [t for t in parsed if voice.is_writers(t)])
        gold = label_class(row["label"], row["flag"])
        doc.cats = {c: float(c == gold) for c in SENTENCE_CLASSES}
        doc.user_data["id"] = row["id"]
        doc.user_data["features"] = dict(sentence_features(t for t in parsed if voice.is_writers(t)))
        docs.append(doc)
    return docs


def batch_of(doc: Doc) -> str:
    """The writer's batch a sentence came in ("ra" + its hundred): a batch's sentences share families and
    names, so held-out sentences are held out by batch, never one by one."""
    sentence_id = doc.user_data["id"]
    return f"{sentence_id[:2]}{(int(sentence_id[2:]) - 1) // 100}"


def writer_of(doc: Doc) -> str:
    """The writer a sentence came from (its id's two-letter prefix): the unit a new report's author differs by."""
    return doc.user_data["id"][:2]


def grouped_folds(docs: Sequence[Doc], k: int) -> list[list[int]]:
    """`k` folds of document indices, whole writer's batches to a fold, in a seeded order."""
    batches = sorted({batch_of(d) for d in docs})
    random.Random(SEED).shuffle(batches)
    fold_of = {b: n % k for n, b in enumerate(batches)}
    return [[i for i, d in enumerate(docs) if fold_of[batch_of(d)] == n] for n in range(k)]


def writer_folds(docs: Sequence[Doc]) -> list[list[int]]:
    """One fold per writer: each writer's sentences held out while the others' train, so the figure says how
    the model reads a writer it never saw (batch folds keep a writer's style on both sides)."""
    writers = sorted({writer_of(d) for d in docs})
    return [[i for i, d in enumerate(docs) if writer_of(d) == w] for w in writers]


def split_dev(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """A tenth of the writer's batches held out for spaCy's early stopping; the rest to train on."""
    dev = set(grouped_folds(docs, round(1 / DEV_FRACTION))[0])
    return [d for i, d in enumerate(docs) if i not in dev], [d for i, d in enumerate(docs) if i in dev]


def write_corpus(docs: Sequence[Doc], out_dir: Path) -> None:
    train, dev = split_dev([d for d in docs if len(d)])
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", train), ("dev", dev)):
        DocBin(docs=part).to_disk(out_dir / f"{name}.spacy")
        print(f"{out_dir / name}.spacy: {len(part)} sentences")


def train_textcat(config: Path, train: Sequence[Doc], work: Path) -> SentenceModel:
    """Train one textcat with `config` on `train` (a tenth held for early stopping); load model-best."""
    from spacy.cli.train import train as spacy_train

    fit, dev = split_dev([d for d in train if len(d)])  # no words of the writer's: nothing to learn
    DocBin(docs=fit).to_disk(work / "train.spacy")
    DocBin(docs=dev).to_disk(work / "dev.spacy")
    spacy_train(config, work / "model", overrides={"paths.train": str(work / "train.spacy"),
                                                   "paths.dev": str(work / "dev.spacy")})
    return SentenceModel.load(work / "model" / "model-best")


def predict_textcat(model: SentenceModel, docs: Sequence[Doc]) -> list[str]:
    probabilities = model.probabilities([list(d) for d in docs])
    return [max(p, key=p.get) for p in probabilities]


def predict_logistic(train: Sequence[Doc], test: Sequence[Doc]) -> list[str]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform([d.user_data["features"] for d in train])
    y = [max(d.cats, key=d.cats.get) for d in train]
    model = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(x, y)
    return list(model.predict(vectoriser.transform([d.user_data["features"] for d in test])))


def class_f1(gold: list[str], predicted: list[str], name: str) -> float:
    tp = sum(g == p == name for g, p in zip(gold, predicted))
    fp = sum(p == name != g for g, p in zip(gold, predicted))
    fn = sum(g == name != p for g, p in zip(gold, predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def flag_f1(gold: list[str], predicted: list[str]) -> float:
    return class_f1(["flag" if g != "other" else "other" for g in gold],
                    ["flag" if p != "other" else "other" for p in predicted], "flag")


FAMILIES = {"logistic": ("logistic regression (features)", None),
            "bow": ("spaCy TextCatBOW", CONFIGS / "textcat_bow.cfg"),
            "ensemble": ("spaCy TextCatEnsemble", CONFIGS / "textcat_ensemble.cfg")}


def compare(docs: list[Doc], families: Sequence[str], by_writer: bool = False) -> None:
    gold = [max(d.cats, key=d.cats.get) for d in docs]
    folds = writer_folds(docs) if by_writer else grouped_folds(docs, FOLDS)
    if by_writer:
        print(f"cross-validation on {len(docs)} sentences, each of {len(folds)} writers held out in turn")
    else:
        print(f"{FOLDS}-fold cross-validation on {len(docs)} sentences, held out by writer's batch (seed {SEED})")
    for name, config in (FAMILIES[f] for f in families):
        started = time.time()
        predicted = [""] * len(docs)
        for held in folds:
            held_set = set(held)
            train = [d for i, d in enumerate(docs) if i not in held_set]
            test = [docs[i] for i in held]
            if config is None:
                out = predict_logistic(train, test)
            else:
                work = Path(tempfile.mkdtemp(prefix="opinion-cv-"))
                try:
                    out = predict_textcat(train_textcat(config, train, work), test)
                finally:
                    shutil.rmtree(work, ignore_errors=True)
            for i, p in zip(held, out):
                predicted[i] = p
        print(f"{name:<32} judgement F1 {class_f1(gold, predicted, 'judgement'):.3f}  "
              f"speculation F1 {class_f1(gold, predicted, 'speculation'):.3f}  "
              f"flag F1 {flag_f1(gold, predicted):.3f}  ({time.time() - started:.0f} s)", flush=True)
        if by_writer:
            for held in folds:
                g, p = [gold[i] for i in held], [predicted[i] for i in held]
                print(f"  writer {writer_of(docs[held[0]])} held out: judgement F1 {class_f1(g, p, 'judgement'):.3f}  "
                      f"speculation F1 {class_f1(g, p, 'speculation'):.3f}  flag F1 {flag_f1(g, p):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.train.opinion_model", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="write train.spacy and dev.spacy")
    corpus.add_argument("out_dir", type=Path)
    compare_command = commands.add_parser("compare", help="cross-validate the model families")
    compare_command.add_argument("--families", default=",".join(FAMILIES),
                                 help=f"comma-separated, of {', '.join(FAMILIES)} (default: all)")
    compare_command.add_argument("--by-writer", action="store_true",
                                 help="hold out one writer at a time instead of batches")
    install = commands.add_parser("install", help="copy a trained model to the folder the package ships")
    install.add_argument("model", type=Path)
    install.add_argument("target", type=Path)
    parser.add_argument("--data", type=Path, default=DATA / "train.jsonl")
    args = parser.parse_args(argv)
    if args.command == "install":
        shutil.rmtree(args.target, ignore_errors=True)
        shutil.copytree(args.model, args.target)
        print(f"installed {args.model} as {args.target}")
        return 0
    docs = own_words_docs(read_labelled(args.data))
    if args.command == "corpus":
        write_corpus(docs, args.out_dir)
    else:
        compare(docs, args.families.split(","), by_writer=args.by_writer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
