#!/usr/bin/env python3
"""Check the gold files of the marked report sets in data/ (reports-c, reports-d, or the folders
given): valid JSON, schema, and every "text" an exact, unique substring of its report.
Run: python3 data/check_gold.py [FOLDER ...]"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDERS = sys.argv[1:] or [os.path.join(HERE, 'reports-c'), os.path.join(HERE, 'reports-d')]
CHECKS = {'opinion', 'date', 'length', 'child_voice', 'historic'}
bad = 0
GOLD = [p for folder in FOLDERS for p in glob.glob(os.path.join(folder, '[A-Z][0-9][0-9]-*.gold.jsonl'))]
for gp in sorted(GOLD):
    rp = gp[:-len('.gold.jsonl')] + '.txt'
    name = os.path.basename(rp)
    report = open(rp, encoding='utf-8').read()
    words = len([t for t in report.split() if re.search(r'[A-Za-z0-9]', t)])
    if not 300 <= words <= 1300:  # the briefs asked 300 (E, F) to 1,300 words
        print(f'{name}: {words} words, outside 300-1300'); bad += 1
    meta = doc_cv = 0
    flags = {c: 0 for c in sorted(CHECKS)}
    no_flag = 0
    for n, line in enumerate(open(gp, encoding='utf-8'), 1):
        o = json.loads(line)
        if o.get('document'):
            if 'report_date' in o:
                meta += 1
                assert re.fullmatch(r'\d{4}-\d{2}-\d{2}', o['report_date']), (name, n)
                for c in o['children']:
                    if c not in report:
                        print(f'{name}:{n}: child {c!r} not named in report'); bad += 1
            else:
                doc_cv += 1
                assert o['check'] == 'child_voice' and o['expect'] in ('flag', 'no_flag'), (name, n)
            continue
        assert o['check'] in CHECKS, (name, n, o['check'])
        assert set(o) <= {'text', 'check', 'expect', 'why'} and o.get('why'), (name, n)
        k = report.count(o['text'])
        if k != 1:
            print(f'{name}:{n}: text found {k} times: {o["text"][:60]!r}'); bad += 1
        if o.get('expect') == 'no_flag':
            no_flag += 1
        else:
            assert 'expect' not in o, (name, n)
            flags[o['check']] += 1
    if meta != 1 or doc_cv != 1:
        print(f'{name}: needs exactly one report_date line and one document child_voice line'); bad += 1
    if no_flag < 5:
        print(f'{name}: only {no_flag} no_flag lines'); bad += 1
    print(f'{name:40s} words={words:5d} flags={flags} no_flag={no_flag}')
print('all texts are exact unique substrings' if not bad else f'{bad} problem(s)')
sys.exit(1 if bad else 0)
