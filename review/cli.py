"""The ``review`` command: ``review check [PATH ...] [options]`` (see SPEC.md and the README)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import analyse_many, parse_report_date
from .errors import E202, ReviewError
from .pipeline import MAX_CHARS, load_pipeline
from .readers import expand, read_sources
from .render import render_html, render_text

FORMATS = ("text", "json", "jsonl", "html")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit status 2."""

    def error(self, message: str):
        self.exit(2, f"review: {message} (see 'review check --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="review", description="Review child-safeguarding reports against the "
                     "multi-agency information-sharing policy.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser("check", help="review reports and print findings",
                                description="Review .txt, .md or .docx reports (or standard input).")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="report files or folders; '-' or nothing reads standard input")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument("--lines", action="store_true",
                       help="every non-empty input line is its own document, id = line number")
    check.add_argument("--report-date", metavar="YYYY-MM-DD",
                       help="the date the report is written (default: the date it states, else today)")
    check.add_argument("--child", action="append", metavar="NAME", default=[],
                       help="the child the report is about (repeatable; default: detected from the text)")
    check.add_argument("--rules", metavar="PATH", help="a rules file or folder merged over the bundled rules/")
    check.add_argument("--max-chars", type=int, default=MAX_CHARS, metavar="N",
                       help=f"refuse a document longer than N characters (default {MAX_CHARS:,})")
    return parser


def _say(message: str) -> None:
    print(f"review: {message}", file=sys.stderr)


def run_check(args) -> int:
    report_date = parse_report_date(args.report_date)
    if not 1 <= args.max_chars <= MAX_CHARS:
        raise ReviewError("E202", E202.format(limit=f"{MAX_CHARS:,}"))
    rules_path = os.path.abspath(args.rules) if args.rules else None
    load_pipeline(rules_path)  # validates the rules before any input is read
    sources, unreadable = [], 0
    for name in expand(args.paths):
        try:
            sources.extend(read_sources(name, lines=args.lines, max_chars=args.max_chars))
        except ReviewError as error:
            _say(str(error))
            unreadable += 1
    documents = analyse_many(((s.id, s.text) for s in sources), report_date=report_date,
                             children=args.child, rules_path=rules_path)
    out = sys.stdout
    any_findings = False
    if args.format in ("json", "html"):
        collected = list(documents)
        any_findings = any(d["findings"] for d in collected)
        out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n" if args.format == "json"
                  else render_html(collected))
    else:
        colour = args.format == "text" and out.isatty() and "NO_COLOR" not in os.environ
        for document in documents:
            any_findings = any_findings or bool(document["findings"])
            out.write((json.dumps(document, ensure_ascii=False) if args.format == "jsonl"
                       else render_text(document, colour=colour)) + "\n")
    out.flush()
    if unreadable:
        return 2
    return 1 if any_findings else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run_check(args)
    except ReviewError as error:
        _say(str(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # never a traceback: say what failed, not the report's text
        _say(f"E900 internal error ({error.__class__.__name__}); please report it with the command you ran")
        return 2


if __name__ == "__main__":
    sys.exit(main())
