"""python -m matcher rank REQUEST.json [--top K] | assign CASELOAD.json [--top K]

Prints the contract's JSON on stdout. Bad input: exit status 2 and one line on stderr that
names the field at fault (`participant.travel.modes[1]: unknown travel mode 'boat'`).
"""
import argparse
import json
import sys

from matcher.assign import assign
from matcher.errors import MatcherError
from matcher.index import WorkpostIndex
from matcher.jsonio import caseload_from_json, request_from_json

BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage too; the contract wants one line
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m matcher", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, help_ in (("rank", "rank workposts for one participant"),
                        ("assign", "propose one workpost per participant of a caseload")):
        command = commands.add_parser(name, help=help_)
        command.add_argument("file", help="JSON file, or - for stdin")
        command.add_argument("--top", type=int, default=10, help="how many results (10)")
    return parser


def _load(path: str):
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as error:
        raise MatcherError(path, error.strerror or str(error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise MatcherError(path, f"not valid JSON ({error.msg} at line {error.lineno})") \
            from None


def _ids_as_given(counts: dict, workposts) -> dict:
    """JSON object keys are strings; map "12" back to the integer id 12 where that is it."""
    by_text = {str(w.id): w.id for w in workposts}
    return {by_text.get(str(k), k): v for k, v in counts.items()}


def run_rank(document, top: int) -> list:
    participant, workposts, options = request_from_json(document)
    index = WorkpostIndex.build(workposts)
    counts = _ids_as_given(options["shortlist_counts"], workposts)
    matches = index.rank(participant, top=top, shortlist_counts=counts,
                         filters=options["filters"])
    return [m.to_json() for m in matches]


def run_assign(document, top: int) -> list:
    participants, workposts, options = caseload_from_json(document)
    index = WorkpostIndex.build(workposts)
    counts = _ids_as_given(options["shortlist_counts"], workposts)
    return [a.to_json() for a in assign(participants, index, top=top, shortlist_counts=counts)]


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.top < 1:
            raise MatcherError("--top", f"must be at least 1, not {args.top}")
        document = _load(args.file)
        result = (run_rank if args.command == "rank" else run_assign)(document, args.top)
    except MatcherError as error:
        print(str(error).replace("\n", " "), file=sys.stderr)
        return BAD_INPUT
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
