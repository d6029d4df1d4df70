"""report: the closing report of the week as PDF (the same document as the UI's download)."""
from datetime import date
from pathlib import Path

from cli.common import fail, open_db
from core import closing_report, numbers
from db import events, report_data


def cmd_report(args):
    db = open_db(args)
    event = events.get(db, args.year)
    if event is None:
        fail(f"Không có Tuần lễ năm {args.year}." if args.year else "Chưa có Tuần lễ nào.")
    issued_on = None
    if args.date:
        try:
            issued_on = date.fromisoformat(args.date)
        except ValueError:
            fail(f"Ngày «{args.date}» không hợp lệ (dùng dạng YYYY-MM-DD).")
    pdf = closing_report.build_pdf(report_data.gather(db, event, issued_on=issued_on))
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as error:
        fail(f"Không ghi được tệp {out}: {error.strerror or error}")
    print(f"Đã ghi báo cáo tổng kết năm {event['year']} vào {out} "
          f"({numbers.integer(len(pdf))} byte).")


def register(sub):
    p = sub.add_parser("report", help="closing report of the week as PDF")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--year", type=int, default=None, help="the week's year (default: latest)")
    p.add_argument("--date", default=None,
                   help="date printed on the report, YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_report)
