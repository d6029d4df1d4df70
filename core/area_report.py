"""An organiser's whole area (issue 22 item 1): its own units plus the lower levels whose
reports it took in (db/rollup.py). Pure: figures in, figures out.

The totals are core/rollup.combined_totals (the `totals` of `stats --json`). Tables whose
rows mean the same at every level add up: by tier, by activity type, by channel (a channel's
quantity only with the same channel in the same unit of measure) and learning models by
model. The tables by area stay the organiser's own (a lower level's areas are not on its
map); the report says so in their captions.

A lower level is {"organiser", "totals", "tables"}: totals as in its file (its own lower
levels included), tables as written by core/rollup.sheet_rows (its own units).
"""
from __future__ import annotations

from core import rollup

TIER_KEYS = ("schools", "reporting_schools", "submitted_schools", "activities",
             "participants")


def _table(sub: dict, section: str) -> dict:
    return (sub.get("tables") or {}).get(section) or {}


def whole_area(summary: dict, subs: list[dict]) -> dict:
    """The summary of the whole area: a copy of `summary` (own units) whose totals,
    by_tier(+total), by_type and by_channel include every lower level."""
    if not subs:
        return summary
    out = dict(summary)
    out["totals"] = rollup.combined_totals(summary["totals"], [s["totals"] for s in subs])
    tiers = []
    for t in summary["by_tier"]:
        row = dict(t)
        for s in subs:
            theirs = _table(s, "by_tier").get(t["tier"], {})
            for key in TIER_KEYS:
                row[key] += int(theirs.get(key, 0))
        tiers.append(row)
    out["by_tier"] = tiers
    out["by_tier_total"] = {k: sum(t[k] for t in tiers) for k in TIER_KEYS}
    types = [dict(t) for t in summary["by_type"]]
    index = {t["type"]: t for t in types}
    for s in subs:
        for code, theirs in _table(s, "by_type").items():
            row = index.get(code)
            if row is None:  # a type the own catalogue does not list: its own row
                row = index[code] = {"type": code, "group": "", "activities": 0,
                                     "participants": 0, "name": theirs.get("name") or code}
                types.append(row)
            row["activities"] += int(theirs.get("activities", 0))
            row["participants"] += int(theirs.get("participants", 0))
    out["by_type"] = types
    out["by_channel"] = whole_channels(summary["by_channel"], subs)
    return out


def whole_channels(own: list[dict], subs: list[dict]) -> list[dict]:
    """Channels of the whole area: a row per (channel, unit of measure); quantities add up
    only within a row, entries (lượt) within a row too."""
    rows = [dict(c) for c in own]
    index = {(c["channel"], c["measure"] or ""): c for c in rows}
    for s in subs:
        for code, theirs in _table(s, "by_channel").items():
            key = (code, theirs.get("measure") or "")
            row = index.get(key)
            if row is None:
                row = index[key] = {"channel": code, "measure": key[1], "entries": 0,
                                    "quantity": 0, "name": theirs.get("name") or code}
                rows.append(row)
            row["entries"] += int(theirs.get("entries", 0))
            row["quantity"] += int(theirs.get("quantity", 0))
    return rows


def whole_models(models: dict, subs: list[dict]) -> list[dict]:
    """Learning models by model (registered, recognised) of the whole area."""
    rows = [dict(r) for r in models.get("by_model", [])]
    index = {r["model"]: r for r in rows}
    for s in subs:
        for code, theirs in _table(s, "learning_models").items():
            row = index.setdefault(code, {"model": code, "registered": 0, "recognised": 0})
            if row not in rows:
                rows.append(row)
            row["registered"] += int(theirs.get("registered", 0))
            row["recognised"] += int(theirs.get("recognised", 0))
    return rows


def level_channels(sub: dict, channel_name) -> list[tuple[str, str, int, int]]:
    """(channel name, unit of measure, quantity, entries) of one lower level, channels with
    entries only, in its file's order."""
    out = []
    for code, c in _table(sub, "by_channel").items():
        if int(c.get("entries", 0)):
            out.append((c.get("name") or channel_name(code), c.get("measure") or "",
                        int(c.get("quantity", 0)), int(c["entries"])))
    return out
