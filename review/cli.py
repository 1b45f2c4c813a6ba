"""The ``review`` command: ``review check [PATH ...] [options]`` (see SPEC.md and the README)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from contextlib import ExitStack
from pathlib import Path

from review import analyse_many, parse_report_date
from review.batch import check_jobs, connect
from review.core.errors import E202, E203, E207, E208, E900, ReviewError
from review.core.model import MAX_CHARS
from review.io.audit import SummaryTable
from review.io.readers import expand, read_sources
from review.io.terminal import TEXT_WIDTH, render_text
from review.pipeline import load_pipeline
from review.serve import (DEFAULT_HOST, DEFAULT_MAX_BYTES, DEFAULT_MAX_CONCURRENT, DEFAULT_PORT, TOKEN_ENV,
                          ServiceSettings, read_token)

FORMATS = ("text", "json", "jsonl", "html", "docx")
STDIN_HINT = ("reading a report from standard input: paste or type it, then press Ctrl-D "
              "(or give files: review check PATH ...)")
CHILD_IS_A_FILE = "warning: --child {name!r} is an existing file; it is taken as the child's name, not read"
CANNOT_WRITE = "cannot write {path}: {reason}"
STDIN_NAME = "standard-input"  # the Word output's name for standard input among several inputs


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
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="output format (default: text); docx writes Word files, see --output")
    check.add_argument("--output", metavar="PATH",
                       help="with --format docx: the Word file to write, every finding a comment on its words "
                            "(a .docx input comes back as itself with comments); with several inputs or a folder, "
                            "a folder, where each output keeps its input's name")
    check.add_argument("--lines", action="store_true",
                       help="every non-empty input line is its own document, id = line number")
    check.add_argument("--report-date", metavar="DATE",
                       help="the date the report is written: 20/03/2024, 20.03.2024, 20 March 2024 or "
                            "2024-03-20, day first (default: the date it states, else today)")
    check.add_argument("--child", action="append", metavar="NAME", default=[],
                       help="the child the report is about (repeatable; default: detected from the text)")
    check.add_argument("--rules", metavar="PATH", help="a rules file or folder merged over the bundled rules/")
    check.add_argument("--max-chars", type=int, default=MAX_CHARS, metavar="N",
                       help=f"refuse a document longer than N characters (default {MAX_CHARS:,})")
    many = check.add_argument_group("many reports")
    many.add_argument("--jobs", type=int, default=1, metavar="N",
                      help="review in N processes (default 1); output stays in input order")
    many.add_argument("--summary-csv", metavar="PATH",
                      help="also write one CSV row per report: findings by severity and by principle")
    many.add_argument("--scheduler", metavar="ADDRESS",
                      help="review on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                           "needs the 'distributed' extra")
    _add_serve_command(commands)
    return parser


def _add_serve_command(commands) -> None:
    serve = commands.add_parser("serve", help="answer reviews over HTTP on this machine (POST /check)",
                                description="A local review service holding one warm pipeline: GET /health, "
                                            "POST /check with {\"text\": ...} (see the README).")
    serve.add_argument("--host", default=DEFAULT_HOST,
                       help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"refuse a request body over N bytes with 413 (default {DEFAULT_MAX_BYTES:,})")
    serve.add_argument("--max-concurrent", type=int, default=DEFAULT_MAX_CONCURRENT, metavar="N",
                       help="requests in hand at once (reviewed one at a time, the rest wait their turn); "
                            f"one more is answered 503 (default {DEFAULT_MAX_CONCURRENT})")
    serve.add_argument("--token-file", metavar="PATH",
                       help=f"require 'Authorization: Bearer TOKEN' with the token in PATH (or in ${TOKEN_ENV})")
    serve.add_argument("--rules", metavar="PATH", help="a rules file or folder merged over the bundled rules/")


def _say(message: str) -> None:
    print(f"review: {message}", file=sys.stderr)


def _with_progress(documents, total: int):
    """`documents`, with a progress bar on standard error when it is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield from documents
        return
    from tqdm import tqdm

    with tqdm(documents, total=total, unit="report", file=sys.stderr, leave=False) as bar:
        for document in bar:
            with bar.external_write_mode():
                yield document


def _write(documents, output_format: str, out, summary: SummaryTable | None) -> bool:
    """Write the documents in `output_format`; True if any has a finding."""
    any_findings = False
    if output_format in ("json", "html"):
        collected = []
        for document in documents:
            collected.append(document)
            if summary:
                summary.add(document)
        any_findings = any(d["findings"] for d in collected)
        if output_format == "json":
            out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
        else:
            from review.io.render import render_html  # the page and its timeline: only this format needs them

            out.write(render_html(collected))
    else:
        colour = output_format == "text" and out.isatty() and "NO_COLOR" not in os.environ
        width = shutil.get_terminal_size((TEXT_WIDTH, 24)).columns
        for n, document in enumerate(documents):
            any_findings = any_findings or bool(document["findings"])
            if summary:
                summary.add(document)
            out.write(json.dumps(document, ensure_ascii=False) + "\n" if output_format == "jsonl"
                      else ("\n" if n else "") + render_text(document, colour=colour, width=width) + "\n")
    out.flush()
    return any_findings


def word_targets(paths: list[str], output: str) -> dict[str, Path]:
    """The Word file each input is written to: `output` itself for one file or standard input; for
    several inputs, a folder, or an existing folder as `output`, a file in the folder `output` with
    its input's name (and, from a folder, its place under it) and the suffix .docx."""
    folder = Path(output)
    if len(paths) <= 1 and not folder.is_dir() and not any(p != "-" and Path(p).is_dir() for p in paths):
        return {name: folder for name in expand(paths)}
    targets = {}
    for given in paths or ["-"]:
        if given != "-" and Path(given).is_dir():
            targets.update((name, folder / Path(name).relative_to(given).with_suffix(".docx"))
                           for name in expand([given]))
        else:
            targets[given] = folder / (f"{STDIN_NAME}.docx" if given == "-" else Path(given).with_suffix(".docx").name)
    return targets


def _target_clash(targets: dict[str, Path]) -> str | None:
    """What is wrong where two inputs would be written to one file, or an output would replace its input."""
    written: dict[Path, str] = {}
    for name, target in targets.items():
        resolved = target.resolve()
        if name != "-" and Path(name).resolve() == resolved:
            return f"--output would write over the input {name}; give another file or folder"
        if resolved in written:
            return f"{written[resolved]} and {name} would both be written to {target}; review them separately"
        written[resolved] = name
    return None


def _write_word(documents, targets: dict[str, Path], summary: SummaryTable | None) -> tuple[bool, int]:
    """Write each document as Word to its target (a .docx input: itself with comments); returns
    whether any has a finding and how many could not be written."""
    from review.io.word import to_docx  # python-docx: only this format needs it

    any_findings, unwritable = False, 0
    for document in documents:
        any_findings = any_findings or bool(document["findings"])
        if summary:
            summary.add(document)
        name, target = document["id"], targets[document["id"]]
        try:
            original = Path(name).read_bytes() if name != "-" and name.lower().endswith(".docx") else None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(to_docx(document, original))
        except OSError as error:
            _say(CANNOT_WRITE.format(path=target, reason=error.strerror or "unwritable"))
            unwritable += 1
    return any_findings, unwritable


def _with_source_facts(documents, sources):
    """Each document with, in its summary, the encoding its text was decoded from (where bytes
    were), and for a .docx each finding on its words with its `location` in Word ("paragraph 14")."""
    by_id = {source.id: source for source in sources}
    for document in documents:  # by id: a report whose review failed (E900) is not among them
        source = by_id.get(document["id"])
        if source and source.encoding:
            document["summary"]["encoding"] = source.encoding
        if source and source.places:
            for finding in document["findings"]:
                if finding["sentence"] is not None:
                    finding["location"] = source.place(finding["start"])
        yield document


def _warn_of_slips(args) -> None:
    """One line on stderr for a file given as --child, and a hint before waiting on a terminal."""
    for name in args.child:
        if os.path.isfile(name):
            _say(CHILD_IS_A_FILE.format(name=name))
    if not args.paths and sys.stdin is not None and sys.stdin.isatty():
        _say(STDIN_HINT)


def _report_failure(doc_id, error: str):
    """One line on stderr for a report whose review failed (the others go on); returns its id."""
    _say(f"E900 {doc_id}: {E900.format(error=error)}")
    return doc_id


def run_serve(args) -> int:
    from review.serve.app import serve  # only this command needs the web server stack

    if not 1 <= args.port <= 65535:
        raise ReviewError("E207", E207)
    for option, value in (("--max-bytes", args.max_bytes), ("--max-concurrent", args.max_concurrent)):
        if value < 1:
            raise ReviewError("E208", E208.format(option=option))
    rules_path = os.path.abspath(args.rules) if args.rules else None
    load_pipeline(rules_path)  # validates the rules before anything is served
    settings = ServiceSettings(max_bytes=args.max_bytes, max_concurrent=args.max_concurrent,
                               token=read_token(args.token_file), rules_path=rules_path)
    serve(args.host, args.port, settings)
    return 0


def run_check(args) -> int:
    report_date = parse_report_date(args.report_date)
    if not 1 <= args.max_chars <= MAX_CHARS:
        raise ReviewError("E202", E202.format(limit=f"{MAX_CHARS:,}"))
    rules_path = os.path.abspath(args.rules) if args.rules else None
    check_jobs(args.jobs)
    load_pipeline(rules_path)  # validates the rules before any input is read
    targets = word_targets(args.paths, args.output) if args.format == "docx" else {}
    clash = _target_clash(targets)
    if clash:
        _say(clash)
        return 2
    _warn_of_slips(args)
    sources, unreadable = [], 0
    for name in expand(args.paths):
        try:
            sources.extend(read_sources(name, lines=args.lines, max_chars=args.max_chars))
        except ReviewError as error:
            _say(str(error))
            unreadable += 1
    with ExitStack() as stack:
        client = stack.enter_context(connect(args.scheduler)) if args.scheduler else None
        summary = None
        if args.summary_csv:  # opened before any output, so a bad path stops the run cleanly
            try:
                csv_file = stack.enter_context(open(args.summary_csv, "w", encoding="utf-8", newline=""))
            except OSError as error:
                raise ReviewError("E203", E203.format(path=args.summary_csv,
                                                      reason=error.strerror or "unwritable")) from None
            summary = SummaryTable(csv_file)
        batch_size = max(1, min(16, len(sources) // (4 * args.jobs)))
        failed = []
        documents = analyse_many(((s.id, s.text) for s in sources), report_date=report_date,
                                 children=args.child, rules_path=rules_path, n_process=args.jobs,
                                 batch_size=batch_size, client=client,
                                 on_error=lambda doc_id, error: failed.append(_report_failure(doc_id, error)))
        documents = _with_progress(_with_source_facts(documents, sources), len(sources))
        if args.format == "docx":
            any_findings, unwritable = _write_word(documents, targets, summary)
        else:
            any_findings, unwritable = _write(documents, args.format, sys.stdout, summary), 0
    if unreadable or failed or unwritable:
        return 2
    return 1 if any_findings else 0


def _output_mistake(args) -> str | None:
    """What is wrong in how --format docx and --output are given together, if anything."""
    if args.command != "check":
        return None
    if args.format == "docx" and not args.output:
        return "--format docx needs --output PATH: the Word file to write, or a folder for several inputs"
    if args.output and args.format != "docx":
        return "--output is only for --format docx; the other formats are written to standard output"
    if args.format == "docx" and args.lines:
        return "--format docx cannot be used with --lines: each report is one Word document"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    mistake = _output_mistake(args)
    if mistake:
        parser.error(mistake)
    try:
        return run_serve(args) if args.command == "serve" else run_check(args)
    except ReviewError as error:
        _say(str(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # never a traceback: say what failed, not the report's text
        _say(f"E900 {E900.format(error=error.__class__.__name__)}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
