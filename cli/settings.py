"""settings: every setting of a week on the command line (issue 15).

    manage.py settings show [--year Y] [--json]
    manage.py settings set KEY VALUE [--year Y]

A value is written through db/ exactly as the admin's forms write it (same validation and
Vietnamese messages, exit 1 and nothing written on bad input, one audit row per change, by
the system actor). Multi-line values (organiser.recipients, organiser.signer_for) are
written with "\\n" between lines; recipients may also be separated by ";"."""
import json
import sys

from cli.common import fail, open_db

# key -> (column of `events`, writer, help). The writer says which db/ function saves it.
KEYS = {
    # general settings (db/event_admin.update_settings, the "Thông tin chung" tab)
    "year": ("year", "general", "năm của Tuần lễ"),
    "title": ("title", "general", "tên Tuần lễ"),
    "theme": ("theme", "general", "chủ đề"),
    "start_date": ("start_date", "general", "ngày bắt đầu, YYYY-MM-DD"),
    "end_date": ("end_date", "general", "ngày kết thúc, YYYY-MM-DD"),
    "opening_time": ("opening_time", "general", "giờ khai mạc, YYYY-MM-DDTHH:MM"),
    "opening_place": ("opening_place", "general", "nơi khai mạc"),
    "plan_number": ("plan_number", "general", "số kế hoạch, ví dụ 185/KH-BCĐXHHT"),
    "plan_date": ("plan_date", "general", "ngày kế hoạch, YYYY-MM-DD"),
    "refresh_seconds": ("refresh_seconds", "general", "tự làm mới bảng điều khiển (giây)"),
    # the reporting lock (db/event_admin.set_lock); "" removes it
    "lock_at": ("lock_at", "lock", "khóa báo cáo lúc YYYY-MM-DDTHH:MM (trống: bỏ khóa)"),
    # the closing report's date and place (db/closing.save_document_settings)
    "report.date": ("report_date", "report", "ngày in trên báo cáo, YYYY-MM-DD (trống: "
                    "«ngày … tháng … năm …»)"),
    "report.place": ("report_place", "report", "địa danh riêng của báo cáo (trống: "
                     "organiser.place)"),
    # the signer of the budget Tờ trình (db/closing.save_office_head)
    "budget.office_head": ("office_head_name", "office_head", "Trưởng phòng ký tờ trình"),
    # the organiser profile (db/organiser.update_profile, the "Đơn vị tổ chức" tab)
    "organiser.name": ("organiser_name", "organiser",
                       "tên đơn vị tổ chức; danh tính của đơn vị khi cấp trên tổng hợp"),
    "organiser.level": ("organiser_level", "organiser", "cấp: xa, huyen hoặc tinh"),
    "organiser.level_word": ("level_word", "organiser", "từ chỉ cấp (trống: theo cấp)"),
    "organiser.area_word": ("area_word", "organiser", "từ chỉ địa bàn (trống: theo cấp)"),
    "organiser.place": ("place_name", "organiser", "địa danh ở dòng ngày tháng"),
    "organiser.issuer_line1": ("issuer_line1", "organiser", "cơ quan chủ quản (dòng 1)"),
    "organiser.issuer_line2": ("issuer_line2", "organiser", "cơ quan ban hành (dòng 2)"),
    "organiser.signer_for": ("signer_for", "organiser", "thẩm quyền ký, dòng cách nhau \\n"),
    "organiser.signer_title": ("signer_title", "organiser", "chức vụ người ký"),
    "organiser.signer_name": ("signer_name", "organiser", "họ tên người ký"),
    "organiser.recipients": ("recipients", "organiser", "nơi nhận, cách nhau \\n hoặc ;"),
    "organiser.email": ("report_email", "organiser", "email nhận báo cáo"),
    "organiser.symbol": ("committee_symbol", "organiser", "ký hiệu Ban chỉ đạo, ví dụ BCĐXHHT"),
}
MULTILINE = ("organiser.signer_for", "organiser.recipients")


def _event(db, year):
    from core import texts
    from db import events

    event = events.get(db, year)
    if event is None:
        fail(texts.SETCLI_NO_EVENT.format(year=year) if year else texts.SETCLI_NO_EVENTS)
    return event


def values_of(event: dict) -> dict:
    """KEY -> stored value ('' for none)."""
    out = {}
    for key, (column, _writer, _help) in KEYS.items():
        value = event.get(column)
        out[key] = "" if value is None else value
    return out


def _shown(value) -> str:
    return str(value).replace("\n", "\\n")


def cmd_show(args):
    db = open_db(args)
    values = values_of(_event(db, args.year))
    if args.json:
        values["organiser.recipients"] = [
            line for line in str(values["organiser.recipients"]).splitlines() if line]
        print(json.dumps(values, ensure_ascii=False, indent=2))
        return
    for key, value in values.items():
        print(f"{key} = {_shown(value)}")


def _write(db, actor, event: dict, changes: dict[str, str]) -> dict[str, str]:
    """Save `changes` {KEY: value}. The general settings given together are validated and
    saved together (a week moved to 2026 needs its year and dates at once), and so are the
    profile's keys (checked before anything is written); the others one by one. Returns
    the texts whose year followed a changed year {column: new text}."""
    from core import organiser
    from db import ValidationFailed, closing, event_admin, events
    from db import organiser as db_organiser

    profile = {KEYS[k][0]: v for k, v in changes.items() if KEYS[k][1] == "organiser"}
    if profile and (errors := organiser.profile_errors({**organiser.profile_of(event),
                                                        **profile}, event)):
        raise ValidationFailed(errors)  # checked before anything else is written
    general = {KEYS[k][0]: v for k, v in changes.items() if KEYS[k][1] == "general"}
    renamed = {}
    if general:
        fields = event_admin.settings_of(event)
        fields = {k: ("" if v is None else v) for k, v in fields.items()}
        fields.update(general)
        renamed = event_admin.update_settings(db, actor, event["id"], fields)
    for key, value in changes.items():
        column, writer, _help = KEYS[key]
        event = events.get_by_id(db, event["id"])
        if writer == "lock":
            event_admin.set_lock(db, actor, event["id"], value or None)
        elif writer == "report":
            current = {"report_date": event.get("report_date") or None,
                       "report_place": event.get("report_place") or ""}
            current[column] = value
            closing.save_document_settings(db, actor, event["id"], **current)
        elif writer == "office_head":
            closing.save_office_head(db, actor, event["id"], value)
    if profile:  # all the profile's keys in one save
        event = events.get_by_id(db, event["id"])
        db_organiser.update_profile(db, actor, event["id"],
                                    {**organiser.profile_of(event), **profile})
    return renamed


def _pairs(args) -> dict[str, str]:
    from core import texts

    items = list(args.pairs)
    if len(items) % 2:
        fail(texts.SETCLI_PAIRS)
    keys = items[::2]
    twice = next((key for key in keys if keys.count(key) > 1), None)
    if twice is not None:  # «organiser.level xa organiser.level tinh»: which one was meant?
        fail(texts.SETCLI_KEY_TWICE.format(key=twice))
    changes = dict(zip(keys, items[1::2]))
    for key in changes:
        if key not in KEYS:
            fail(texts.SETCLI_UNKNOWN_KEY.format(key=key, keys=", ".join(KEYS)))
    return {k: v.replace("\\n", "\n") if k in MULTILINE else v for k, v in changes.items()}


def cmd_set(args):
    from core import texts
    from db import Actor, ValidationFailed, events

    changes = _pairs(args)
    db = open_db(args)
    event = _event(db, args.year)
    try:
        renamed = _write(db, Actor.system(), event, changes)
    except ValidationFailed as failure:
        errors = failure.errors
        # every field named, the ones not given too: a profile checked as a whole may
        # refuse a level because of the letterhead already stored
        columns = {column: k for k, (column, _w, _h) in KEYS.items()}
        columns.update({KEYS[k][0]: k for k in changes})
        named = [f"{columns[c]}: {m}" for c, m in errors.items() if c in columns]
        fail("\n".join(named) or f"{next(iter(changes))}: " + "\n".join(errors.values()))
    saved = values_of(events.get_by_id(db, event["id"]))
    year = events.get_by_id(db, event["id"])["year"]
    for key in changes:
        print(texts.SETCLI_SAVED.format(key=key, value=_shown(saved[key]), year=year))
    keys = {column: key for key, (column, _writer, _help) in KEYS.items()}
    for column, value in renamed.items():  # as «Năm sau» does: the old year in the texts
        print(texts.SETCLI_YEAR_TEXT.format(old=event["year"], new=year, key=keys[column],
                                            value=_shown(value)))


def _keys_help() -> str:
    width = max(len(k) for k in KEYS)
    return "keys:\n" + "\n".join(f"  {key:<{width}}  {help_}"
                                 for key, (_c, _w, help_) in KEYS.items())


def register(sub):
    import argparse

    p = sub.add_parser("settings", help="show or change a week's settings, the organiser "
                       "profile included", description=__doc__.splitlines()[0],
                       epilog=_keys_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="every setting as KEY = VALUE",
                              epilog=_keys_help(),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    show.add_argument("--year", type=int, default=None, help="the week's year (default: "
                      "latest)")
    show.add_argument("--json", action="store_true", help="one JSON object")
    show.set_defaults(func=cmd_show)
    put = actions.add_parser("set", help="change settings: KEY VALUE [KEY VALUE ...] (validated "
                             "like the form; general settings given together are saved "
                             "together, e.g. year start_date end_date)",
                             epilog=_keys_help(),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    put.add_argument("pairs", nargs="+", metavar="KEY VALUE")
    put.add_argument("--year", type=int, default=None, help="the week's year (default: "
                     "latest)")
    put.set_defaults(func=cmd_set)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run: python3 manage.py settings ...")
