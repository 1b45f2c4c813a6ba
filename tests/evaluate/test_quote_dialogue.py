"""The dialogue scorer: the child's words, over all quotes and over those named in their paragraph."""

import json

from review.evaluate import _quote_dialogue


def test_dialogue_scorer_counts_the_childs_words(tmp_path, base_nlp):
    lines = [
        {"child": "Tomasz", "text": '"I lost my shoe," said Tomasz.',
         "quotes": [{"text": "I lost my shoe,", "speaker": "Tomasz", "in_paragraph": True}]},
        {"child": "Tomasz", "text": '"Then find it," said Mrs Okafor.',
         "quotes": [{"text": "Then find it,", "speaker": "Mrs Okafor", "in_paragraph": True}]},
        {"child": "Tomasz", "text": '"Where?"',
         "quotes": [{"text": "Where?", "speaker": "Tomasz", "in_paragraph": False}]},
    ]
    path = tmp_path / "dialogue.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = _quote_dialogue.evaluate(_quote_dialogue.load_paragraphs(tmp_path), base_nlp)
    assert (result["tp_all"], result["fp_all"], result["fn_all"]) == (1, 0, 1)
    assert (result["tp_in_paragraph"], result["fn_in_paragraph"]) == (1, 0)
    assert result["in_paragraph"] == (1.0, 1.0, 1.0)
