"""closing: the committee's texts of the closing report on the command line (issue 22
item 9), so that an office can prepare them from files.

    manage.py closing show [--year Y]
    manage.py closing set KEY VALUE [KEY VALUE ...] [--year Y]     (VALUE @FILE reads FILE)

Written through db/closing.save_sections exactly as the report page writes them (same
length limit and Vietnamese message, exit 1 and nothing written on bad input, one audit
row, by the system actor). A text not yet written is shown empty; `show` also prints the
suggestion the page would offer for it, marked as such."""
import sys
from pathlib import Path

from cli.common import fail, open_db

# key -> (events column, section of the report)
KEYS = {
    "overview": ("overview", "I. Công tác chỉ đạo, triển khai"),
    "assessment": ("assessment", "IV. Đánh giá chung — đoạn mở đầu (không bắt buộc)"),
    "strengths": ("assess_strengths", "IV.1 Ưu điểm"),
    "weaknesses": ("assess_weaknesses", "IV.2 Tồn tại, hạn chế"),
    "proposals": ("assess_proposals", "IV.3 Đề xuất, kiến nghị"),
    "directions": ("next_directions", "V. Phương hướng"),
}


def _event(db, year):
    from core import texts
    from db import events

    event = events.get(db, year)
    if event is None:
        fail(texts.SETCLI_NO_EVENT.format(year=year) if year else texts.SETCLI_NO_EVENTS)
    return event


def cmd_show(args):
    from core import texts
    from db import report_data

    db = open_db(args)
    event = _event(db, args.year)
    suggested = report_data.suggested_sections(db, event)
    for key, (column, section) in KEYS.items():
        text = (event.get(column) or "").strip()
        print(f"== {key} ({section})")
        if text:
            print(text)
        else:
            print(texts.CLOSING_CLI_NOT_WRITTEN)
            for line in suggested.get(column, []):
                print(f"  {line}")
        print()


def _value(raw: str) -> str:
    """A value, or the content of a UTF-8 file for '@FILE'."""
    from core import texts

    if not raw.startswith("@"):
        return raw
    path = Path(raw[1:])
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        fail(texts.CLOSING_CLI_FILE.format(file=path, reason=error.__class__.__name__))


def cmd_set(args):
    from core import texts
    from db import Actor, ValidationFailed, closing, events

    items = list(args.pairs)
    if len(items) % 2:
        fail(texts.SETCLI_PAIRS)
    pairs = dict(zip(items[::2], items[1::2]))
    for key in pairs:
        if key not in KEYS:
            fail(texts.SETCLI_UNKNOWN_KEY.format(key=key, keys=", ".join(KEYS)))
    fields = {KEYS[k][0]: _value(v) for k, v in pairs.items()}
    db = open_db(args)
    event = _event(db, args.year)
    try:
        closing.save_sections(db, Actor.system(), event["id"], fields)
    except ValidationFailed as failure:
        columns = {KEYS[k][0]: k for k in pairs}
        fail("\n".join(f"{columns.get(c, c)}: {m}" for c, m in failure.errors.items()))
    saved = events.get_by_id(db, event["id"])
    for key in pairs:
        text = saved.get(KEYS[key][0]) or ""
        print(texts.CLOSING_CLI_SAVED.format(key=key, year=saved["year"],
                                             chars=len(text), lines=len(text.splitlines())))


def _keys_help() -> str:
    return "keys:\n" + "\n".join(f"  {k:<11} {section}" for k, (_c, section) in KEYS.items())


def register(sub):
    import argparse

    p = sub.add_parser("closing", help="the committee's texts of the closing report "
                       "(sections I, IV, V)", description=__doc__.splitlines()[0],
                       epilog=_keys_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="every text (and the suggestion for one not "
                              "written yet)")
    show.add_argument("--year", type=int, default=None, help="the week's year (default: "
                      "latest)")
    show.set_defaults(func=cmd_show)
    put = actions.add_parser("set", help="KEY VALUE [KEY VALUE ...]; VALUE @FILE reads a "
                             "UTF-8 file; an empty VALUE removes the text",
                             epilog=_keys_help(),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    put.add_argument("pairs", nargs="+", metavar="KEY VALUE")
    put.add_argument("--year", type=int, default=None, help="the week's year (default: "
                     "latest)")
    put.set_defaults(func=cmd_set)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run: python3 manage.py closing ...")
