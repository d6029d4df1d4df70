"""report: the closing report of the week as PDF (the same document as the UI's download).

A draft ("DỰ THẢO" on every page) until the committee has written sections IV–V and
decided the commendations; what is missing goes to stderr. `--final` refuses (exit 1, no
file) until nothing is missing — sample data in the week included (DESIGN §4: it never
reaches a signed document; the message says how to remove it)."""
import sys
from pathlib import Path

from cli.common import fail, open_db
from core import closing_report, numbers, texts
from db import ValidationFailed, closing, events, report_data


def cmd_report(args):
    db = open_db(args)
    event = events.get(db, args.year)
    if event is None:
        fail(f"Không có Tuần lễ năm {args.year}." if args.year else "Chưa có Tuần lễ nào.")
    try:
        issued_on = closing.parse_report_date(args.date)
    except ValidationFailed as failure:
        fail(failure.errors["report_date"])
    data = report_data.gather(db, event, issued_on=issued_on)
    gaps = closing_report.missing(data, how_to_remove=texts.CLOSE_SAMPLE_HOW_CLI)
    if gaps and args.final:
        fail("\n".join([texts.CLOSE_CLI_FINAL_REFUSED] + [f"- {g}" for g in gaps]))
    pdf = closing_report.build_pdf(data, final=args.final)
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as error:
        fail(f"Không ghi được tệp {out}: {error.strerror or error}")
    if gaps:
        print("\n".join([texts.CLOSE_CLI_DRAFT] + [f"- {g}" for g in gaps]), file=sys.stderr)
    print(texts.CLOSE_CLI_WRITTEN.format(
        year=event["year"], kind=texts.CLOSE_KIND_FINAL if args.final else
        texts.CLOSE_KIND_DRAFT, out=out, size=numbers.integer(len(pdf))))


def register(sub):
    p = sub.add_parser("report", help="closing report of the week as PDF (a draft until "
                       "complete)")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--year", type=int, default=None, help="the week's year (default: latest)")
    p.add_argument("--date", default=None,
                   help="date printed on the report, YYYY-MM-DD (default: the report date "
                   "saved in the week's settings, else 'ngày … tháng … năm …')")
    p.add_argument("--final", action="store_true",
                   help="the final report: refused (exit 1, no file) while anything is "
                   "missing or the week holds sample data (manage.py demo --remove)")
    p.set_defaults(func=cmd_report)
