"""bilan's command line. The only module that prints."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilan import __version__
from bilan.errors import BilanError, UsageError

_RUN_EPILOG = """\
outputs written to DIR:
  events.json      the canonical dataset: documents, events, claims with evidence offsets
  events.csv       one row per event with ACLED's column names
  events.geojson   one point per located event
  report.html      a self-contained page: timeline, map, every event with its claims
  timeline.json    a dated summary of what the reports say happened
  documents.jsonl  every processed document with the text the offsets refer to
  rejects.jsonl    every input that could not be processed, with the reason

examples:
  bilan run reports/ --out out/
  bilan run a.txt b.html feed.jsonl --out out/ --lang fr --workers 2
  cat feed.jsonl | bilan run - --out out/
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilan",
        description="bilan turns news reports about armed conflict into a sourced incident "
        "dataset: events with dates, places and actors, and every casualty figure with who "
        "gave it and the text it came from.",
    )
    parser.add_argument("--version", action="version", version=f"bilan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="extract events and claims from reports and write the dataset",
        description="Read news reports (.txt, .html, .jsonl, directories, or - for JSON Lines "
        "on standard input) and write an incident dataset to DIR.",
        epilog=_RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, or -")
    run.add_argument("--out", required=True, metavar="DIR", help="output directory")
    _common(run)
    run.add_argument("--workers", type=_positive, default=1, metavar="N",
                     help="worker processes (default 1)")

    timex = sub.add_parser(
        "timex",
        help="find and resolve temporal expressions (TimeML values)",
        description="Read JSON Lines ({id, text, dct, lang}) and print one JSON line per "
        "input with its temporal expressions: start, end, text, type, TimeML value.",
    )
    timex.add_argument("--jsonl", required=True, metavar="IN.jsonl",
                       help="input JSON Lines file, or - for standard input")

    timeline = sub.add_parser(
        "timeline",
        help="write a dated summary of what the reports say happened",
        description="Build events from the reports, then a dated summary: at most N dates, "
        "at most K sentences per date, each citing its events and documents.",
    )
    timeline.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, or -")
    timeline.add_argument("--out", required=True, metavar="FILE.json", help="output file")
    timeline.add_argument("--dates", type=_positive, default=None, metavar="N",
                          help="at most N dates (default: chosen by bilan)")
    timeline.add_argument("--sentences", type=_positive, default=2, metavar="K",
                          help="at most K sentences per date (default 2)")
    timeline.add_argument("--summary-lang", default="auto", choices=["auto", "fr", "en"],
                          help="language of the summaries (default: the reports' own; events "
                          "told in another language are then described from their records)")
    _common(timeline)
    timeline.add_argument("--workers", type=_positive, default=1, metavar="N",
                          help="worker processes (default 1)")
    gazetteer = sub.add_parser(
        "gazetteer",
        help="inspect the place index or add a GeoNames dump to it",
        description="The offline gazetteer bilan resolves place names with (GeoNames cities, "
        "divisions and curated districts), cached in the user's cache folder.",
    )
    gaz_sub = gazetteer.add_subparsers(dest="gazetteer_command", metavar="ACTION", required=True)
    gaz_import = gaz_sub.add_parser(
        "import", help="add a GeoNames dump (allCountries.txt, XX.txt, or a .zip of one)",
        description="Add the populated places, divisions, regions and camps of a GeoNames "
        "dump to a user layer in the cache folder; later runs resolve them too.",
    )
    gaz_import.add_argument("file", metavar="FILE", help="GeoNames dump (.txt or .zip)")
    gaz_sub.add_parser("info", help="print counts and the cache location")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default="auto", choices=["auto", "fr", "en"],
                   help="language of the reports (default: identify each report)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _prepare_out_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".bilan-write-test-"):
            pass
    except OSError as exc:
        raise UsageError(f"cannot write to output directory {path}: {exc.strerror or exc}") from exc
    return path


class _ProgressBar:
    """A progress bar on standard error when it is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, desc="bilan")
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _cmd_run(args: argparse.Namespace) -> int:
    from bilan.output import write_outputs
    from bilan.runner import check_lang, run

    check_lang(args.lang)
    out = _prepare_out_dir(Path(args.out))
    bar = _ProgressBar(not args.quiet)
    try:
        result = run(args.inputs, lang=args.lang, workers=args.workers, stdin=sys.stdin,
                     progress=bar)
    finally:
        bar.close()
    write_outputs(result, out)
    if not args.quiet:
        print(
            f"bilan: {len(result.documents)} documents, {len(result.events)} events, "
            f"{len(result.rejects)} rejected -> {out}/events.json",
            file=sys.stderr,
        )
        print(f"report: {(out / 'report.html').resolve()}", file=sys.stderr)
    return 0


def _cmd_timex(args: argparse.Namespace) -> int:
    from bilan.time.timex_cli import timex_records

    if args.jsonl == "-":
        lines: Any = sys.stdin
    else:
        path = Path(args.jsonl)
        if not path.is_file():
            raise UsageError(f"input not found: {path}")
        lines = path.open(encoding="utf-8")
    try:
        for record in timex_records(lines):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if lines is not sys.stdin:
            lines.close()
    return 0


def _cmd_timeline(args: argparse.Namespace) -> int:
    from bilan.output import dumps, timeline_json, write_atomic
    from bilan.runner import check_lang, run

    check_lang(args.lang)
    out = Path(args.out)
    _prepare_out_dir(out.parent if str(out.parent) else Path("."))
    bar = _ProgressBar(not args.quiet)
    try:
        result = run(args.inputs, lang=args.lang, workers=args.workers, stdin=sys.stdin,
                     progress=bar, max_dates=args.dates, sentences_per_date=args.sentences,
                     summary_lang=None if args.summary_lang == "auto" else args.summary_lang)
    finally:
        bar.close()
    write_atomic(out, dumps(timeline_json(result)))
    if not args.quiet:
        print(f"bilan: {len(result.timeline)} dates -> {out}", file=sys.stderr)
    return 0


def _cmd_gazetteer(args: argparse.Namespace) -> int:
    from bilan.places.gazetteer import gazetteer_info, import_geonames

    if args.gazetteer_command == "import":
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"input not found: {path}")
        report = import_geonames(path)
        print(f"bilan: {report.kept} of {report.read} features kept; user layer now "
              f"{report.total} features ({report.layer})", file=sys.stderr)
        return 0
    sys.stdout.write(json.dumps(gazetteer_info(), indent=1) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    handlers = {"run": _cmd_run, "timex": _cmd_timex, "timeline": _cmd_timeline,
                "gazetteer": _cmd_gazetteer}
    try:
        return handlers[args.command](args)
    except BilanError as exc:
        print(f"bilan: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bilan: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
