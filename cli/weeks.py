"""new-week: start the week of a year (db/new_week.py), copied from the newest week, from
a named one (--from), or empty but for the plan's catalogue (--empty). The moved dates
are printed so they can be checked."""
from cli.common import fail, open_db


def cmd_new_week(args):
    from core import texts
    from db import Actor, ValidationFailed, events, new_week

    db = open_db(args)
    if events.get(db, args.year):
        fail(texts.NEWWEEK_EXISTS.format(year=args.year))
    try:
        done = new_week.create(db, Actor.system(), args.year, from_year=args.from_year,
                               empty=args.empty)
    except ValidationFailed as failure:
        fail("\n".join(failure.errors.values()))
    print(texts.NEWWEEK_DONE.format(year=done["year"], id=done["event_id"]))
    if done["source"] is None:
        print(texts.NEWWEEK_EMPTY.format(year=done["year"]))
    else:
        print(texts.NEWWEEK_COPIED.format(**dict(done, source=f"năm {done['source']}")))
    print(texts.NEWWEEK_DATES.format(source=f"năm {done['source']}" if done["source"]
                                     else texts.NEWWEEK_PLAN_WEEK))
    for line in new_week.date_lines(done):
        print(f"  {line}")


def register(sub):
    p = sub.add_parser("new-week", help="start the week of YEAR: copies roster, areas, "
                       "catalogue, organiser profile, slogans and targets from the newest "
                       "week (or --from YEAR), or only the plan's catalogue (--empty); dates "
                       "move to the same weekdays of YEAR and are printed")
    p.add_argument("--year", type=int, required=True)
    # not an argparse group: both given is refused in Vietnamese by db/new_week
    p.add_argument("--from", dest="from_year", type=int, default=None, metavar="YEAR",
                   help="the week to copy (default: the newest)")
    p.add_argument("--empty", action="store_true",
                   help="no roster, areas, slogans, targets or profile; the plan's catalogue")
    p.set_defaults(func=cmd_new_week)
