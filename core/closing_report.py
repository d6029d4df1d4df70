"""The closing report of the week (DESIGN §6) as PDF bytes, laid out on core/pdf_layout.py.

Input is a db.report_data.ReportData (numbers from the stats module only); charts are the
dashboard's own builders (core/charts.py) rendered to PNG offline with vl-convert.
Same data and same date in → same bytes out (the creation date is the report's date).
"""
from __future__ import annotations

import json
import threading
from datetime import date, datetime

from core import area_report, charts, numbers, organiser, scoring, texts
from core import report_texts as rt
from core import reference as ref
from core.pdf_layout import Letterhead, OfficialDocument, Signature, printable
from core.text import fold

CHART_SCALE = 2
CHART_FONT = "LLW Serif"  # Liberation Serif 2, renamed: see _chart_font_dir
_fonts_registered = threading.Lock()
_fonts_done = False
_png_cache: dict[str, bytes] = {}
_png_lock = threading.Lock()


# --- wording helpers ---------------------------------------------------------------------

def _type_name(t: dict) -> str:
    """The week's name of a by_type row (its catalogue), the plan's for an older summary."""
    return t.get("name") or ref.TYPE_NAMES.get(t["type"], t["type"])


def _channel_name(c: dict) -> str:
    return c.get("name") or ref.CHANNEL_NAMES.get(c["channel"], c["channel"])


def vn_date(iso: str | None) -> str:
    return date.fromisoformat(str(iso)[:10]).strftime("%d/%m/%Y") if iso else ""


def sentence_case(upper: str) -> str:
    """'BAN CHỈ ĐẠO XÂY DỰNG XHHT' -> 'Ban chỉ đạo xây dựng XHHT': words without a vowel
    are acronyms (XHHT, UBND, HĐND) and stay in capitals."""
    words = []
    for i, word in enumerate(printable(upper).split()):
        if not any(ch in "aeiouy" for ch in fold(word)):
            words.append(word)
        else:
            words.append(word.capitalize() if i == 0 else word.lower())
    return " ".join(words)


def district_of(issuer_line1: str) -> str:
    """'UBND QUẬN BA ĐÌNH' -> 'Ba Đình': the old guess of the date line's place from the
    issuer, kept only for a profile without a place name (an old backup)."""
    upper = printable(issuer_line1).upper()
    for marker in ("QUẬN ", "HUYỆN ", "THỊ XÃ ", "THÀNH PHỐ "):
        if marker in upper:
            return upper.split(marker, 1)[1].strip().title()
    return texts.REPORT_PLACE


def issuer_phrase(event: dict) -> str:
    """'Ban chỉ đạo xây dựng XHHT quận Ba Đình': the issuer with the organiser's level word
    and place (the profile); without a place, the old guess from 'UBND QUẬN …'."""
    body = sentence_case(event.get("issuer_line2") or "")
    upper = printable(event.get("issuer_line1") or "").upper()
    guess = f" quận {district_of(upper)}" if "QUẬN " in upper else ""
    return organiser.issuer_phrase(organiser.from_event(event), body, guess)


def report_number(event: dict) -> str:
    """'…/BC-BCĐXHHT' with the committee's symbol of the profile."""
    return organiser.document_number(rt.NUMBER_KIND, organiser.from_event(event))


def recipients(event: dict) -> list[str]:
    """'Nơi nhận' of the profile."""
    return organiser.from_event(event).recipients or texts.REPORT_RECIPIENTS_FALLBACK


def short_title(event: dict) -> str:
    """The event title without its trailing 'năm 2020' (the subject adds the year)."""
    title = printable(event["title"]).strip()
    suffix = f"năm {event['year']}"
    return title[: -len(suffix)].strip() if title.endswith(suffix) else title


def subject(event: dict) -> str:
    return rt.render(rt.SUBJECT, title=short_title(event), year=event["year"])


# --- charts ------------------------------------------------------------------------------

def _chart_font_dir() -> str:
    """The shipped Liberation Serif 2 under a family name of its own.

    vl-convert also loads the system fonts, and Debian's fonts-liberation 1.07 (no ơ, ư,
    U+1EA0–1EF9) answers to the same family name: labels with those letters then fell back
    to DejaVu Serif while plain ones did not. A private family name ends the ambiguity
    (and keeps the OFL's Reserved Font Name off the modified copy)."""
    import tempfile
    from pathlib import Path

    from fontTools.ttLib import TTFont

    from core.pdf_layout import FONT_DIR, FONT_FILES

    target = Path(tempfile.gettempdir()) / f"llw-chart-fonts-{CHART_FONT.replace(' ', '')}"
    target.mkdir(exist_ok=True)
    for style, name in FONT_FILES.items():
        out = target / name.replace("LiberationSerif", "LLWSerif")
        if out.exists():
            continue
        font = TTFont(FONT_DIR / name)
        style_name = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "Bold Italic"}[style]
        for record in font["name"].names:
            if record.nameID in (1, 16):
                record.string = CHART_FONT
            elif record.nameID == 4:
                record.string = f"{CHART_FONT} {style_name}".replace(" Regular", "")
            elif record.nameID == 6:
                record.string = f"{CHART_FONT}-{style_name}".replace(" ", "")
        partial = out.with_suffix(".part")
        font.save(partial)
        partial.replace(out)  # atomic: a concurrent build never reads half a font
    return str(target)


def chart_png(chart) -> bytes:
    """A dashboard chart as PNG, offline: the shipped font, no URL may be fetched."""
    global _fonts_done
    import vl_convert

    with _fonts_registered:
        if not _fonts_done:
            vl_convert.register_font_directory(_chart_font_dir())
            _fonts_done = True
    spec = charts.localised(chart, font=CHART_FONT).to_dict()
    key = json.dumps(spec, sort_keys=True, default=str)
    with _png_lock:
        if key in _png_cache:
            return _png_cache[key]
    # vl-convert ignores config.locale: the number locale is passed explicitly (12.345).
    png = vl_convert.vegalite_to_png(spec, scale=CHART_SCALE, allowed_base_urls=[],
                                     format_locale=numbers.VEGA_NUMBER_LOCALE)
    with _png_lock:
        if len(_png_cache) >= 32:  # a few reports' worth; the same data draws the same PNG
            _png_cache.pop(next(iter(_png_cache)))
        _png_cache[key] = png
    return png


def report_charts(data) -> list[tuple[str, bytes, float]]:
    """(caption, png, width in mm) for the charts of the report. The dashboard's channel
    chart is left out: it sets quantities of different units of measure on one axis (the
    propaganda table gives them with their "Đơn vị tính")."""
    summary = data.summary
    return [
        (rt.CHART_MAP, chart_png(charts.ward_tile_map(
            charts.tile_rows(summary["by_ward"], data.ward_grid), selectable=False,
            width=520, height=300)),
         # many areas: the full text width (165 mm), so that the short labels stay legible
         165 if len(summary["by_ward"]) > charts.DENSE_TILES else 150),
        (rt.CHART_DAYS, chart_png(charts.activities_per_day(
            data.day_group, width=440, height=220)), 140),
        (rt.CHART_TIERS, chart_png(charts.tier_reporting_rate(
            summary["by_tier"], width=400, height=160)), 130),
    ]


# --- what a final report needs ----------------------------------------------------------

# Above this many units the per-unit appendix moves to the workbook (the PDF keeps a
# summary by ward): one line per unit is ~50 units a page, so 400 units keep the appendix
# within ~9 pages and a city of 2 000 units within the 40-page bound of issue 14.
APPENDIX_MAX_UNITS = 400

REQUIRED_SECTIONS = ("assess_strengths", "assess_weaknesses", "assess_proposals",
                     "next_directions")


class ReportIncomplete(Exception):
    """A final report was asked for while something is still missing."""

    def __init__(self, missing: list[str]):
        super().__init__("; ".join(missing))
        self.missing = missing


def missing(data, *, how_to_remove: str | None = None) -> list[str]:
    """What keeps the report a draft (empty when it may be final), in Vietnamese. Sample
    data in the week keeps it a draft too (DESIGN §4: never in a signed document); the
    line says how to remove it — `how_to_remove` in the caller's words (the page's
    default names the admin's button, the command line its command)."""
    event = data.event
    out = [texts.CLOSE_MISSING[key] for key in REQUIRED_SECTIONS
           if not (event.get(key) or "").strip()]
    if not event.get("commendations_decided_at"):
        out.append(texts.CLOSE_MISSING["commendations"])
    elif data.picks_changed_after_decision:
        out.append(texts.CLOSE_MISSING["picks_changed"])
    if data.pending_nominations:
        out.append(texts.CLOSE_MISSING["pending"].format(n=data.pending_nominations))
    if getattr(data, "sample_in_week", None):
        details = ", ".join(f"{numbers.integer(n)} {texts.SAMPLE_TABLE_NAMES.get(what, what)}"
                            for what, n in data.sample_in_week.items())
        out.append(texts.CLOSE_MISSING_SAMPLE.format(
            details=details, how=how_to_remove or texts.CLOSE_SAMPLE_HOW_PAGE))
    # a lower level's figures summed into this report (a live ward, a file taken in) are
    # signed here too: sample data there keeps this report a draft as well (issue 24)
    lower_sample = [s["organiser"] for s in getattr(data, "suborganisations", None) or []
                    if s.get("sample")]
    if lower_sample:
        out.append(texts.CLOSE_MISSING_LOWER_SAMPLE.format(names="; ".join(lower_sample)))
    return out


def _share(reviewed: tuple[int, int] | None) -> str:
    accepted, total = reviewed or (0, 0)
    return numbers.percent(accepted / total, 0) if total else "–"


# --- suggested sentences for sections IV and V -------------------------------------------

def _rate(part, whole):
    return part / whole if whole else 0.0


def _ward_rate(w) -> float:
    return _rate(w["reporting_units"], w["units"])


def _tier_rate(t) -> float:
    return _rate(t["reporting_schools"], t["schools"])


def target_phrase(t: dict, targets: list[dict]) -> str:
    return rt.render(rt.TARGET_ATTAIN, label=target_label(t, targets),
                     met=numbers.integer(t["met"]), units=numbers.integer(t["units"]),
                     rate=numbers.percent(t["rate"]))


def suggestions(summary: dict, year: int, org=None, targets=None) -> dict[str, list[str]]:
    """Sentences computed from the figures for the committee to edit (never printed by
    themselves): {section field: [sentence, ...]}. Each one is true of `summary` and says
    against what it compares (the overall rate); lists are separated by semicolons.
    `summary`: the report's (the whole area when lower levels were taken in; areas are the
    organiser's own map, compared with the own units' rate); `targets`: the attainment rows
    of db/stats.targets_attainment."""
    org = org or organiser.from_event({})
    targets = targets or []
    n, pct = numbers.integer, numbers.percent

    def say(template, **values):
        return rt.render(template, org, **values)

    totals = summary["totals"]
    # areas are the own map's: compared with the own units' rate, said so with lower levels
    own = summary.get("own_totals") or totals
    overall = _rate(own["units_with_data"], own["units"])
    basis = rt.SUGGEST_BASIS_OWN if "own_totals" in summary else ""
    wards = sorted([w for w in summary["by_ward"] if w["units"]],
                   key=lambda w: (_ward_rate(w), fold(w["name"])))
    tier_total = summary["by_tier_total"]
    tier_overall = _tier_rate(tier_total)
    tiers = sorted([t for t in summary["by_tier"] if t["schools"]], key=_tier_rate)

    def ward_list(rows):
        return rt.join(say(rt.RATE_ITEM, name=w["name"], rate=pct(_ward_rate(w)))
                       for w in rows)

    def tier_list(rows):
        return rt.join(say(rt.RATE_ITEM, name=ref.TIER_NAMES[t["tier"]],
                           rate=pct(_tier_rate(t))) for t in rows)

    best = [w for w in reversed(wards) if _ward_rate(w) > overall][:3]
    low_wards = [w for w in wards if _ward_rate(w) < overall][:3]
    low_tiers = [t for t in tiers if _tier_rate(t) < tier_overall][:2]
    unmet = [t for t in targets if t["units"] and t["met"] < t["units"]]
    met = [t for t in targets if t["units"] and t["met"] >= t["units"]]
    types = sorted([t for t in summary["by_type"] if t["activities"]],
                   key=lambda t: (-t["activities"], fold(_type_name(t))))
    zero_types = [_type_name(t) for t in summary["by_type"] if not t["activities"]]
    uncovered = [w["name"] for w in summary["by_ward"] if not w["activities"]]

    strengths = []
    if totals["activities"]:
        strengths.append(say(rt.SUGGEST_STRENGTHS_TOTALS, activities=n(totals["activities"]),
                             participants=n(totals["participants"]),
                             covered=n(totals["wards_covered"]), wards=n(totals["wards"])))
    if totals["units"]:
        strengths.append(say(rt.SUGGEST_STRENGTHS_RATE, rate=pct(totals["reporting_rate"]),
                             n=n(totals["units_with_data"]), units=n(totals["units"])))
    if best:
        strengths.append(say(rt.SUGGEST_STRENGTHS_BEST_WARDS, rate=pct(overall),
                             basis=basis, wards=ward_list(best)))
    if types:
        strengths.append(say(rt.SUGGEST_STRENGTHS_TYPES, types=rt.join(
            say(rt.RATE_ITEM, name=_type_name(t), rate=n(t["activities"]))
            for t in types[:3])))
    if met:
        strengths.append(say(rt.SUGGEST_STRENGTHS_TARGETS,
                             targets=rt.join(target_phrase(t, targets) for t in met)))

    weaknesses, proposals = [], []
    if low_wards:
        weaknesses.append(say(rt.SUGGEST_WEAK_WARDS, rate=pct(overall), basis=basis,
                              wards=ward_list(low_wards)))
        proposals.append(say(rt.SUGGEST_PROPOSAL_WARDS,
                             wards=rt.join(w["name"] for w in low_wards)))
    if low_tiers:
        weaknesses.append(say(rt.SUGGEST_WEAK_TIERS, rate=pct(tier_overall),
                              tiers=tier_list(low_tiers)))
        proposals.append(say(rt.SUGGEST_PROPOSAL_TIERS,
                             tiers=rt.join(ref.TIER_NAMES[t["tier"]] for t in low_tiers)))
    not_submitted = totals["units"] - totals["submitted_units"]
    if not_submitted:
        weaknesses.append(say(rt.SUGGEST_WEAK_NOT_SUBMITTED, n=n(not_submitted),
                              units=n(totals["units"]),
                              missing=n(totals["units"] - totals["units_with_data"])))
    if uncovered:
        weaknesses.append(say(rt.SUGGEST_WEAK_UNCOVERED, wards=rt.join(uncovered)))
    if zero_types:
        weaknesses.append(say(rt.SUGGEST_WEAK_ZERO_TYPES, types=rt.join(zero_types)))
    if unmet:
        unmet_list = rt.join(target_phrase(t, targets) for t in unmet)
        weaknesses.append(say(rt.SUGGEST_WEAK_TARGETS, targets=unmet_list))
        proposals.append(say(rt.SUGGEST_PROPOSAL_TARGETS, targets=unmet_list))

    directions = [say(rt.SUGGEST_DIRECTIONS, year=year + 1)]
    if low_wards:
        directions.append(say(rt.SUGGEST_DIRECTIONS_WARDS, wards=ward_list(low_wards)))
    if low_tiers:
        directions.append(say(rt.SUGGEST_DIRECTIONS_TIERS, tiers=tier_list(low_tiers)))
    if unmet:
        directions.append(say(rt.SUGGEST_DIRECTIONS_TARGETS,
                              targets=rt.join(target_label(t, targets) for t in unmet)))
    if zero_types and totals["activities"]:
        directions.append(say(rt.SUGGEST_DIRECTIONS_TYPES, types=rt.join(zero_types)))
    return {"assess_strengths": strengths, "assess_weaknesses": weaknesses,
            "assess_proposals": proposals, "next_directions": directions}


# --- the document ------------------------------------------------------------------------

class _Plan:
    """Numbers of the tables and of section II's parts, fixed before anything is printed
    (the totals refer to tables further down)."""

    def __init__(self, tables: list[str]):
        self.table = {name: i for i, name in enumerate(tables, start=1)}
        self.part = 0

    def sub(self, text: str) -> str:
        self.part += 1
        return f"{self.part}. {text}"


def place_of(event: dict) -> str:
    return printable(event.get("report_place") or "").strip() or organiser.place(
        organiser.from_event(event), district_of(event.get("issuer_line1") or ""))


def _models_empty(data) -> bool:
    total = data.learning_models.get("total") or {}
    subs = area_report.whole_models(data.learning_models, data.suborganisations)
    return not (total.get("registered") or total.get("recognised")) and not any(
        r["registered"] or r["recognised"] for r in subs)


def _empty_tables(data) -> set[str]:
    """The tables whose every figure would be 0: printed as one sentence instead."""
    summary = report_summary(data.summary, data.suborganisations)
    out = set()
    if not any(t["activities"] for t in summary["by_type"]):
        out.add("types")
    if not any(c["entries"] for c in summary["by_channel"]):
        out.add("channels")
    if not any(s["entries"] for s in data.slogans):
        out.add("slogans")
    if not any(t[k] for t in summary["by_tier"] for k in area_report.TIER_KEYS):
        out.add("tiers")
    if not any(area_report.level_channels(s, str) for s in data.suborganisations):
        out.add("level_channels")
    return out


def table_plan(data) -> _Plan:
    empty = _empty_tables(data)
    names = [name for name in (["levels", "level_channels"] if data.suborganisations else [])
             + ["wards", "tiers", "types", "channels", "slogans"] if name not in empty]
    if not _models_empty(data):
        names += ["models"]
        own = data.learning_models.get("total") or {}
        if own.get("registered") or own.get("recognised"):
            names.append("models_ward")
    if data.targets:
        names.append("targets")
    if data.picks:
        names.append("picks")
    names.append("leaders")
    return _Plan(names)


def build_pdf(data, *, final: bool = False) -> bytes:
    """The report as PDF bytes: a draft ("DỰ THẢO" on every page, notes where something
    is missing) unless `final`, which raises ReportIncomplete while missing() is not
    empty. Every text is ours, rendered once with the profile's words (report_texts.render);
    user and admin text is printed as typed."""
    return build_document(data, final=final).to_bytes()


def build_document(data, *, final: bool = False) -> OfficialDocument:
    """The laid-out document (not yet written to bytes; the layout tests read it). When
    the closing (last sentence, "Nơi nhận", signature) would stand alone on a page, the
    document is laid out again with section V starting that page, so that the signature
    never stands alone."""
    gaps = missing(data)
    if final and gaps:
        raise ReportIncomplete(gaps)
    doc = _layout(data, final, keep_tail=False)
    if doc.closing_alone:
        doc = _layout(data, final, keep_tail=True)
    return doc


def _layout(data, final: bool, keep_tail: bool) -> OfficialDocument:
    event = data.event
    org = organiser.from_event(event)
    letterhead = Letterhead(event.get("issuer_line1") or "", event.get("issuer_line2") or "",
                            report_number(event), place_of(event), data.issued_on)
    doc = OfficialDocument(letterhead, subject=subject(event),
                           creation_date=datetime.combine(data.issued_on, datetime.min.time())
                           if data.issued_on else None,
                           draft_mark="" if final else rt.DRAFT_MARK)
    doc.start()
    doc.document_title(rt.KIND, subject(event))
    if data.sample_data:
        doc.paragraph(rt.SAMPLE_LINE, style="B", indent=False, size=12)
    sample_subs = [s["organiser"] for s in data.suborganisations if s.get("sample")]
    if sample_subs:  # rolled-up sample data (issue 20 deliver 2), named on page 1
        doc.paragraph(rt.render(rt.SAMPLE_ROLLUP_LINE, names="; ".join(
            f"«{name}»" for name in sample_subs)), style="B", indent=False, size=12)
    plan = table_plan(data)
    say = _sayer(org)
    _overview(doc, data, say)
    _results(doc, data, plan, say)
    _commendations(doc, data, plan, final, say)
    _assessment(doc, data, final, say, keep_tail)
    doc.closing(recipients(event), Signature(event.get("signer_for") or "",
                                             event.get("signer_title") or "",
                                             event.get("signer_name") or ""),
                last_paragraph=say(rt.CLOSING, title=short_title(event), year=event["year"],
                                   issuer=issuer_phrase(event)))
    _appendix(doc, data, say)
    return doc


def _sayer(org):
    def say(template: str, **values) -> str:
        return rt.render(template, org, **values)
    return say


def _missing_note(doc, what: str) -> None:
    doc.paragraph(rt.render(rt.DRAFT_NOTE, what=what), style="I")


def overview_suggestion(event: dict, opening: dict | None) -> list[str]:
    """Section I as the committee may start it, from facts only: the plan (number, date),
    the week's dates and theme, and the opening ceremony — as planned (the week's
    settings) unless an entry records it (`opening`: db/report_data.opening_ceremony),
    then as held, with that entry's date and place. The first line is a paragraph, the
    others start with '- '."""
    org = organiser.from_event(event)

    def say(template, **values):
        return rt.render(template, org, **values)

    fields = dict(issuer=issuer_phrase(event), title=short_title(event), year=event["year"])
    first = (say(rt.OVERVIEW_PLAN, plan=event["plan_number"],
                 plan_date=vn_date(event.get("plan_date")), **fields)
             if event.get("plan_number") else say(rt.OVERVIEW_NO_PLAN, **fields))
    lines = [say(rt.OVERVIEW_DATES, start=vn_date(event["start_date"]),
                 end=vn_date(event["end_date"]))]
    if event.get("theme"):
        lines.append(say(rt.OVERVIEW_THEME, theme=event["theme"]))
    if opening:
        place = rt.area_named(org, opening["area"]) if opening.get("area") else ""
        lines.append(say(rt.OVERVIEW_OPENING_HELD if place else
                         rt.OVERVIEW_OPENING_HELD_NO_PLACE, day=vn_date(opening["date"]),
                         place=place, title=opening["title"]))
    elif event.get("opening_place") or event.get("opening_time"):
        opening_time = str(event.get("opening_time") or "")
        when = ""
        if len(opening_time) > 11:
            when = say(rt.OVERVIEW_AT_TIME, time=opening_time[11:16].replace(":", " giờ "),
                       day=vn_date(opening_time))
        elif opening_time:
            when = say(rt.OVERVIEW_ON_DAY, day=vn_date(opening_time))
        place = say(rt.OVERVIEW_AT_PLACE, place=event["opening_place"]) \
            if event.get("opening_place") else ""
        lines.append(say(rt.OVERVIEW_OPENING_PLANNED, when=when, place=place))
    return [" ".join(first.split())] + [f"- {' '.join(line.split())}" for line in lines]


def _overview(doc, data, say):
    """Section I: the committee's text (stored per week), else the suggestion from facts."""
    event = data.event
    doc.heading(rt.H_OVERVIEW)
    text = (event.get("overview") or "").strip()
    lines = text.splitlines() if text else overview_suggestion(event, data.opening)
    bullets = []
    for line in lines + [""]:
        line = line.strip()
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        if bullets:
            doc.bullets(bullets)
            bullets = []
        if line:
            doc.paragraph(line)


def _scope(data, say, whole: bool) -> str:
    """What a table includes, said in its caption when lower levels were taken in."""
    if not data.suborganisations:
        return ""
    if whole:
        return rt.SCOPE_WHOLE_SUFFIX
    return say(rt.SCOPE_OWN_SUFFIX, name=organiser.from_event(data.event).name)


def report_summary(summary: dict, subs: list[dict]) -> dict:
    """The figures the report states: the whole area (with `own_totals`) when lower levels
    were taken in, else the own summary."""
    if not subs:
        return summary
    return dict(area_report.whole_area(summary, subs), own_totals=summary["totals"])


def _results(doc, data, plan, say):
    own_summary = data.summary
    summary = report_summary(own_summary, data.suborganisations)
    totals = summary["totals"]
    n, pct = numbers.integer, numbers.percent
    subs = data.suborganisations
    own_name = organiser.from_event(data.event).name
    channels_used = len({c["channel"] for c in summary["by_channel"] if c["entries"]})
    doc.heading(rt.H_RESULTS)
    doc.subheading(plan.sub(rt.H_TOTALS))
    if subs:
        doc.paragraph(say(rt.SCOPE_WHOLE, name=own_name, subs=n(len(subs)),
                          source=_levels_source(subs), table=plan.table["levels"]),
                      style="I", size=12)
    if getattr(data, "unsummed_levels", None):
        doc.paragraph(say(rt.LEVELS_NOT_SUMMED, items="; ".join(
            say(rt.LEVEL_NOT_SUMMED_ITEM, name=s["organiser"], state=s["state_label"])
            for s in data.unsummed_levels)), style="I", size=12)
    models = area_report.whole_models(data.learning_models, subs)
    registered = sum(r["registered"] for r in models)
    recognised = sum(r["recognised"] for r in models)
    active_units = sum(1 for u in data.units if _is_unit(u))
    in_pdf = active_units <= APPENDIX_MAX_UNITS
    lines = [
        say(rt.TOTAL_ACTIVITIES, n=n(totals["activities"])),
        say(rt.TOTAL_PARTICIPANTS, n=n(totals["participants"]),
            online=n(totals["online_participants"])),
        say(rt.TOTAL_PROPAGANDA, n=n(totals["propaganda_entries"]), channels=n(channels_used),
            table=plan.table["channels"]) if totals["propaganda_entries"] else rt.NO_PROPAGANDA,
        say(rt.TOTAL_WITH_DATA, n=n(totals["units_with_data"]), units=n(totals["units"]),
            rate=pct(totals["reporting_rate"])),
        say(rt.TOTAL_SUBMITTED, n=n(totals["submitted_units"]), units=n(totals["units"]),
            rate=pct(totals["submission_rate"])),
        _areas_line(data, totals, say, own_name),
        say(rt.TOTAL_MODELS, registered=n(registered), recognised=n(recognised),
            table=plan.table["models"]) if "models" in plan.table else rt.NO_MODELS,
        rt.SEE_APPENDIX if in_pdf else say(rt.SEE_WORKBOOK, n=n(active_units)),
    ]
    doc.bullets(lines)
    doc.paragraph(rt.COUNTING_NOTE, style="I", size=12)
    if subs:
        _levels(doc, data, plan, say)

    # by area: the own map's areas, the row of units without an area, the total row
    doc.subheading(plan.sub(say(rt.H_WARDS)))

    def ward_cells(w):
        return [n(w["activities"]), n(w["participants"]), n(w["propaganda_entries"]),
                n(w["units"]), n(w["reporting_units"]), n(w["submitted_units"])]

    rows = [[str(i), w["name"]] + ward_cells(w)
            for i, w in enumerate(own_summary["by_ward"], start=1)]
    district = own_summary["by_ward_district"]
    rows.append(["", district["name"], "–", "–", "–", n(district["units"]),
                 n(district["reporting_units"]), n(district["submitted_units"])])
    total = ["", rt.TOTAL_ROW] + ward_cells(own_summary["by_ward_total"])
    doc.data_table([rt.COL_NO, say(rt.COL_WARD), rt.COL_ACTIVITIES, rt.COL_PARTICIPANTS,
                    rt.COL_PROP_ENTRIES, rt.COL_UNITS, rt.COL_WITH_DATA, rt.COL_SUBMITTED],
                   rows, widths=[11, 37, 21, 22, 21, 16, 17, 18],
                   align=["C", "L", "R", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=total,
                   caption=say(rt.TABLE_WARDS, n=plan.table["wards"],
                               scope=_scope(data, say, False)),
                   note=say(rt.WARDS_BASIS, which=say(rt.WARDS_TOTAL_OWN,
                                                      table=plan.table["levels"])
                            if subs else rt.WARDS_TOTAL_HEADLINE))

    # by tier, with the schools' total
    doc.subheading(plan.sub(rt.H_TIERS))

    def tier_cells(t):
        return [n(t["schools"]), n(t["reporting_schools"]),
                pct(numbers.ratio(t["reporting_schools"], t["schools"])) if t["schools"]
                else "–", n(t["submitted_schools"]), n(t["activities"]), n(t["participants"])]

    rows = [[ref.TIER_NAMES[t["tier"]]] + tier_cells(t) for t in summary["by_tier"]]
    if "tiers" not in plan.table:
        doc.paragraph(rt.NO_SCHOOLS)
    else:
        _tiers_table(doc, data, plan, say, rows, tier_cells(summary["by_tier_total"]))

    # every activity type of the week's catalogue, zeros included, under its group
    doc.subheading(plan.sub(rt.H_TYPES))
    if "types" not in plan.table:
        doc.paragraph(rt.NO_TYPES)
    else:
        _types_table(doc, data, plan, say, summary)

    # propaganda: per channel in its own unit of measure; the slogans used
    doc.subheading(plan.sub(rt.H_PROPAGANDA))
    if "channels" not in plan.table:
        doc.paragraph(rt.NO_CHANNELS)
    else:
        _channels_table(doc, data, plan, say, summary)
    if "slogans" not in plan.table:  # the own units' (a lower level's file has none)
        doc.paragraph(say(rt.NO_SLOGANS_OWN, name=own_name) if subs else rt.NO_SLOGANS)
    else:
        rows = [[str(s["slogan"]), s["text"], n(s["entries"])] for s in data.slogans]
        doc.data_table([rt.COL_NO, rt.COL_SLOGAN, rt.COL_USES], rows,
                       widths=[11, 127, 28], align=["C", "L", "R"], size=10.5,
                       caption=say(rt.TABLE_SLOGANS, n=plan.table["slogans"],
                                   scope=_scope(data, say, False)))
    _rest_of_results(doc, data, plan, say, models, own_name, subs)


def _tiers_table(doc, data, plan, say, rows, total_cells):
    doc.data_table([rt.COL_TIER, rt.COL_SCHOOLS, rt.COL_WITH_DATA, rt.COL_RATE,
                    rt.COL_SUBMITTED, rt.COL_ACTIVITIES_PLAIN, rt.COL_PARTICIPANTS], rows,
                   widths=[30, 17, 19, 19, 20, 20, 24],
                   align=["L", "R", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=[rt.TIER_TOTAL] + total_cells,
                   caption=say(rt.TABLE_TIERS, n=plan.table["tiers"],
                               scope=_scope(data, say, True)),
                   note=say(rt.TIERS_BASIS))


def _types_table(doc, data, plan, say, summary):
    n = numbers.integer
    totals = summary["totals"]
    rows, i, group_rows = [], 0, []
    groups = list(ref.ACTIVITY_GROUPS)
    if any(t["group"] not in dict(groups) for t in summary["by_type"]):
        groups.append(("", ""))  # types only a lower level's catalogue lists
    for group, group_name in groups:
        members = [t for t in summary["by_type"] if (t["group"] or "") == group]
        if not members:
            continue
        if group_name:
            group_rows.append(len(rows))
            rows.append(["", group_name, n(sum(t["activities"] for t in members)),
                         n(sum(t["participants"] for t in members))])
        for t in members:
            i += 1
            rows.append([str(i), _type_name(t), n(t["activities"]), n(t["participants"])])
    doc.data_table([rt.COL_NO, rt.COL_TYPE, rt.COL_ACTIVITIES_PLAIN, rt.COL_PARTICIPANTS],
                   rows, widths=[11, 104, 24, 26], align=["C", "L", "R", "R"], size=10.5,
                   bold_rows=group_rows,
                   total_row=["", rt.TOTAL_ROW, n(totals["activities"]),
                              n(totals["participants"])],
                   caption=say(rt.TABLE_TYPES, n=plan.table["types"],
                               scope=_scope(data, say, True)))


def _channels_table(doc, data, plan, say, summary):
    n = numbers.integer
    totals = summary["totals"]
    rows = [[str(i), _channel_name(c), c["measure"], n(c["quantity"]), n(c["entries"])]
            for i, c in enumerate(summary["by_channel"], start=1)]
    doc.data_table([rt.COL_NO, rt.COL_CHANNEL, rt.COL_MEASURE, rt.COL_QUANTITY,
                    rt.COL_PROP_ENTRIES], rows,
                   widths=[11, 62, 30, 28, 35], align=["C", "L", "L", "R", "R"], size=10.5,
                   total_row=["", rt.TOTAL_ROW, "", "", n(totals["propaganda_entries"])],
                   caption=say(rt.TABLE_CHANNELS, n=plan.table["channels"],
                               scope=_scope(data, say, True)),
                   note=rt.CHANNELS_NOTE)


def _rest_of_results(doc, data, plan, say, models, own_name, subs):
    n, pct = numbers.integer, numbers.percent
    # learning models, per model and per area (area of the reporting unit)
    doc.subheading(plan.sub(rt.H_MODELS))
    if "models" not in plan.table:
        doc.paragraph(rt.NO_MODELS)
    else:
        _models(doc, data, plan, say, models)

    # targets and their attainment
    doc.subheading(plan.sub(rt.H_TARGETS))
    if data.targets:
        rows = [[str(i), target_label(t, data.targets), n(t["units"]), n(t["met"]),
                 pct(t["rate"]) if t["units"] else "–"]
                for i, t in enumerate(data.targets, start=1)]
        doc.data_table([rt.COL_NO, rt.COL_TARGET, rt.COL_APPLIES, rt.COL_MET, rt.COL_ATTAIN],
                       rows, widths=[11, 85, 25, 23, 22], align=["C", "L", "R", "R", "R"],
                       size=10.5, caption=say(rt.TABLE_TARGETS, n=plan.table["targets"],
                                              scope=_scope(data, say, False)))
    else:
        doc.paragraph(rt.NO_TARGETS)

    doc.subheading(plan.sub(rt.H_CHARTS))
    own = data.summary["totals"]
    if not (own["activities"] or own["units_with_data"]):  # empty charts say nothing
        doc.paragraph(say(rt.NO_CHARTS_OWN, name=own_name) if subs else rt.NO_CHARTS)
        return
    if subs:
        doc.paragraph(say(rt.CHARTS_SCOPE, name=own_name), style="I", size=12)
    for caption, png, width in (getattr(data, "charts", None) or report_charts(data)):
        doc.image_png(png, width=width, caption=say(caption))


def _models(doc, data, plan, say, models):
    n = numbers.integer
    lm = data.learning_models
    codes = [code for code, _name in ref.LEARNING_MODELS]
    rows = [[str(i), ref.MODEL_NAMES.get(r["model"], r["model"]), n(r["registered"]),
             n(r["recognised"])] for i, r in enumerate(models, start=1)]
    doc.data_table([rt.COL_NO, rt.COL_MODEL, rt.COL_REGISTERED, rt.COL_RECOGNISED], rows,
                   widths=[11, 85, 35, 35], align=["C", "L", "R", "R"], size=10.5,
                   total_row=["", rt.TOTAL_ROW, n(sum(r["registered"] for r in models)),
                              n(sum(r["recognised"] for r in models))],
                   caption=say(rt.TABLE_MODELS, n=plan.table["models"],
                               scope=_scope(data, say, True)))
    if "models_ward" not in plan.table:  # the own units registered none
        doc.paragraph(say(rt.NO_MODELS_WARD, name=organiser.from_event(data.event).name))
        return
    lm_total = lm.get("total", {"registered": 0, "recognised": 0})
    ward_rows = [r for r in lm.get("by_ward", []) if r["code"] is not None or r["registered"]]
    rows = [[r["name"]] + [f"{n(r[m][0])}/{n(r[m][1])}" for m in codes]
            + [f"{n(r['registered'])}/{n(r['recognised'])}"] for r in ward_rows]
    doc.data_table([say(rt.COL_WARD)] + [rt.MODEL_SHORT[m] for m in codes] + [rt.COL_TOTAL],
                   rows, widths=[45, 24, 24, 24, 24, 24],
                   align=["L", "C", "C", "C", "C", "C"], size=10.5,
                   total_row=[rt.TOTAL_ROW]
                   + [f"{n(r['registered'])}/{n(r['recognised'])}" for r in lm["by_model"]]
                   + [f"{n(lm_total['registered'])}/{n(lm_total['recognised'])}"]
                   if lm.get("by_model") else None,
                   caption=say(rt.TABLE_MODELS_WARD, n=plan.table["models_ward"],
                               scope=_scope(data, say, False)))


def _areas_line(data, totals, say, own_name) -> str:
    """How many areas had an activity; an organiser whose own map is empty (a city whose
    areas are its wards, hosted or reporting by file) counts its lower levels instead."""
    n = numbers.integer
    subs = data.suborganisations
    if totals["wards"] or not subs:
        return say(rt.TOTAL_WARDS, covered=n(totals["wards_covered"]), wards=n(totals["wards"]),
                   scope=say(rt.TOTAL_WARDS_OWN_SCOPE, name=own_name) if subs else "")
    listed = len(subs) + len(getattr(data, "unsummed_levels", None) or [])
    active = sum(1 for s in subs if s["totals"]["activities"])
    return say(rt.TOTAL_LEVELS_ACTIVE, active=n(active), listed=n(listed))


def _levels_source(subs: list[dict]) -> str:
    """Where the lower levels' figures come from: live on this server, files, or both."""
    live = sum(1 for s in subs if s.get("live"))
    if live == len(subs):
        return rt.SOURCE_LIVE
    if not live:
        return rt.SOURCE_FILES
    return rt.render(rt.SOURCE_MIXED, live=numbers.integer(live),
                     files=numbers.integer(len(subs) - live))


def _levels_basis(subs: list[dict]) -> str:
    live = sum(1 for s in subs if s.get("live"))
    return (rt.LEVELS_BASIS_LIVE if live == len(subs) else rt.LEVELS_BASIS if not live
            else rt.LEVELS_BASIS_MIXED)


def _level_name(s: dict, say) -> str:
    if not s.get("live"):
        return s["organiser"]
    return say(rt.LEVEL_LIVE_NAME, name=s["organiser"], state=s["state_label"].lower())


def _levels(doc, data, plan, say):
    """The table by lower level (each report taken in, the own units, the total = the
    headline) and each lower level's propaganda per channel in its unit of measure."""
    n, pct = numbers.integer, numbers.percent
    own_name = organiser.from_event(data.event).name
    subs = data.suborganisations
    doc.subheading(plan.sub(rt.H_LEVELS))

    def cells(t):
        rate = pct(t["units_with_data"] / t["units"]) if t["units"] else "–"
        return [f"{n(t['units_with_data'])}/{n(t['units'])} ({rate})",
                n(t["submitted_units"]), n(t["activities"]), n(t["participants"]),
                n(t["propaganda_entries"])]

    rows = [[str(i), _level_name(s, say)] + cells(s["totals"]) for i, s in enumerate(subs, 1)]
    rows.append(["", say(rt.OWN_ROW, name=own_name)] + cells(data.summary["totals"]))
    total = area_report.whole_area(data.summary, subs)["totals"]
    doc.data_table([rt.COL_NO, rt.COL_LEVEL, rt.COL_DATA_OF_UNITS, rt.COL_SUBMITTED,
                    rt.COL_ACTIVITIES_PLAIN, rt.COL_PARTICIPANTS, rt.COL_PROP_ENTRIES], rows,
                   widths=[10, 50, 30, 17, 18, 20, 20],
                   align=["C", "L", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=["", rt.TOTAL_ROW] + cells(total),
                   caption=say(rt.TABLE_LEVELS, n=plan.table["levels"]),
                   note=_levels_basis(subs))
    rows, group_rows = [], []
    for s in subs:
        channels = area_report.level_channels(
            s, lambda code: ref.CHANNEL_NAMES.get(code, code))
        if not channels:
            continue
        group_rows.append(len(rows))
        rows.append([s["organiser"], "", "", ""])
        rows += [[f"- {name}", measure, n(quantity), n(entries)]
                 for name, measure, quantity, entries in channels]
    if rows:
        doc.data_table([rt.COL_CHANNEL, rt.COL_MEASURE, rt.COL_QUANTITY, rt.COL_PROP_ENTRIES],
                       rows, widths=[80, 30, 28, 28], align=["L", "L", "R", "R"], size=10.5,
                       bold_rows=group_rows,
                       caption=say(rt.TABLE_LEVEL_CHANNELS, n=plan.table["level_channels"]),
                       note=rt.LEVEL_CHANNELS_BASIS)
    else:
        doc.paragraph(rt.NO_LEVEL_CHANNELS)


def target_label(target: dict, targets: list[dict]) -> str:
    """The target's label; when another target of the week has the same wording, followed
    by whom it applies to ('(UBND phường)', '(Trường học – Mầm non)'), so that two rows
    never read the same."""
    if sum(1 for t in targets if t["label"].strip() == target["label"].strip()) < 2:
        return target["label"]
    whom = [ref.KIND_NAMES.get(target["unit_kind"], target["unit_kind"])
            if target.get("unit_kind") else "",
            ref.TIER_NAMES.get(target["tier"], target["tier"]) if target.get("tier") else ""]
    whom = " – ".join(w for w in whom if w) or rt.TARGET_ALL_UNITS
    return f"{target['label']} ({whom})"


def _commendations(doc, data, plan, final, say):
    doc.heading(rt.H_COMMENDATIONS)
    doc.subheading(rt.H_PICKS)
    gaps = [m for m in missing(data) if m.startswith("Mục III")]
    if gaps and not final:
        for gap in gaps:
            _missing_note(doc, gap)
    if data.picks:
        # a person's unit: the nominating unit when the pick came from a nomination
        unit_of = {e["id"]: e["unit_name"] for e in data.exemplars}
        rows = [[str(i), p["recipient_name"],
                 p.get("unit_name") or unit_of.get(p.get("nomination_id")) or "",
                 ref.CATEGORY_NAMES.get(p["category"], p["category"]), p["rationale"]]
                for i, p in enumerate(data.picks, start=1)]
        doc.data_table([rt.COL_NO, rt.COL_NAME, rt.COL_UNIT, rt.COL_CATEGORY,
                        rt.COL_ACHIEVEMENT], rows,
                       widths=[11, 38, 36, 28, 53], align=["C", "L", "L", "L", "L"],
                       size=10.5, caption=say(rt.TABLE_PICKS, n=plan.table["picks"]))

    # exemplars: approved nominations not already in the table above, once, by category
    doc.subheading(rt.H_EXEMPLARS)
    picked = {p["nomination_id"] for p in data.picks if p.get("nomination_id")}
    others = [e for e in data.exemplars if e["id"] not in picked]
    if not data.exemplars:
        doc.paragraph(rt.EXEMPLARS_EMPTY)
    elif not others:
        doc.paragraph(rt.EXEMPLARS_NONE)
    for code, name in ref.CATEGORY_NAMES.items():
        chosen = sorted([e for e in others if e["category"] == code],
                        key=lambda e: (fold(e["nominee_name"]), e["id"]))
        if chosen:
            doc.paragraph(f"{name}:", style="B", indent=False)
            doc.bullets([f"{e['nominee_name']} ({e['unit_name']})"
                         + (f": {e['achievement']}" if e["achievement"] else "")
                         for e in chosen])

    # scores, each with the unit's checked share beside it; the scoring note, once
    doc.subheading(rt.H_LEADERS)
    rows = []
    for group in scoring.group_order():
        for s in [s for s in data.leaders.get(group, []) if s.total > 0][:3]:
            rows.append([scoring.group_name(group), str(s.rank), s.inputs.name,
                         numbers.decimal(s.total, 1), _share(data.reviewed.get(s.inputs.unit_id))])
    doc.paragraph(rt.LEADERS_NOTE, style="I", size=12)
    if rows:
        doc.data_table([rt.COL_GROUP, rt.COL_RANK, rt.COL_UNIT, rt.COL_SCORE, rt.COL_CHECKED],
                       rows, widths=[36, 11, 81, 15, 22], align=["L", "C", "L", "R", "R"],
                       size=10.5, caption=say(rt.TABLE_LEADERS, n=plan.table["leaders"]))
    else:
        doc.paragraph(rt.NO_LEADERS)


def _assessment(doc, data, final, say, keep_tail=False):
    event = data.event
    doc.heading(rt.H_ASSESSMENT)
    intro = (event.get("assessment") or "").strip()
    if intro:
        doc.paragraph(intro)
    for key, heading in (("assess_strengths", rt.H_STRENGTHS),
                         ("assess_weaknesses", rt.H_WEAKNESSES),
                         ("assess_proposals", rt.H_PROPOSALS)):
        _section(doc, heading, event.get(key), final)
    if keep_tail:  # section V starts the page of the closing (build_document)
        doc.page_break()
    doc.heading(say(rt.H_DIRECTIONS, year=event["year"] + 1))
    text = (event.get("next_directions") or "").strip()
    if text:
        doc.paragraph(text)
    elif not final:
        doc.paragraph(rt.DRAFT_SECTION, style="I")


def _section(doc, heading, text, final):
    doc.subheading(heading)
    text = (text or "").strip()
    if text:
        doc.paragraph(text)
    elif not final:
        doc.paragraph(rt.DRAFT_SECTION, style="I")


def _is_unit(row: dict) -> bool:
    """An appendix row of an active unit; a deactivated one is listed for its entries only
    (db/report_data.unit_rows)."""
    return bool(row.get("active", 1))


def _appendix(doc, data, say):
    doc.page_break()
    event = data.event
    day = (f"{data.issued_on.day:02d}/{data.issued_on.month:02d}/{data.issued_on.year}"
           if data.issued_on else "…/…/…")
    doc.document_title(rt.APPENDIX, say(rt.APPENDIX_SUBJECT, number=report_number(event),
                                        day=day, issuer=issuer_phrase(event)))
    n = numbers.integer
    groups: dict = {}
    for u in data.units:
        groups.setdefault(u["ward_code"], []).append(u)
    order = sorted(groups, key=lambda code: (code is None, code or ""))
    names = {u["ward_code"]: u["ward_name"] for u in data.units}
    district_name = data.summary.get("by_ward_district", {}).get("name") or say(
        texts.STATS_DISTRICT_ROW)
    # deactivated units with counting entries (db/report_data.unit_rows): listed so that
    # the entries add up to the report's totals, never counted as units
    active = [u for u in data.units if _is_unit(u)]
    deactivated = len(data.units) - len(active)
    total_cells = [n(sum(u["activities"] for u in data.units)),
                   n(sum(u["propaganda"] for u in data.units))]
    if len(active) > APPENDIX_MAX_UNITS:
        doc.paragraph(say(rt.APPENDIX_WARDS_NOTE, n=n(len(active)), max=n(APPENDIX_MAX_UNITS)),
                      style="I", size=12, indent=False)
        if deactivated:
            doc.paragraph(say(rt.APPENDIX_DEACTIVATED_SUMMARY, n=n(deactivated)),
                          style="I", size=12, indent=False)
        rows = []
        for i, code in enumerate(order, start=1):
            members = groups[code]
            units = [u for u in members if _is_unit(u)]
            rows.append([str(i), names[code] or district_name, n(len(units)),
                         n(sum(u["activities"] for u in members)),
                         n(sum(u["propaganda"] for u in members)),
                         n(sum(1 for u in units if u["reported"])),
                         n(sum(1 for u in units if u["submitted"]))])
        doc.data_table([rt.COL_NO, say(rt.COL_WARD), rt.COL_UNITS, rt.COL_ACTIVITIES_PLAIN,
                        rt.COL_PROP_ENTRIES, rt.COL_WITH_DATA, rt.COL_SUBMITTED], rows,
                       widths=[11, 45, 20, 22, 24, 22, 22],
                       align=["C", "L", "R", "R", "R", "R", "R"], size=10.5,
                       total_row=["", rt.TOTAL_ROW, n(len(active))] + total_cells
                       + [n(sum(1 for u in active if u["reported"])),
                          n(sum(1 for u in active if u["submitted"]))])
        return
    doc.paragraph(say(rt.APPENDIX_NOTE, table=2 if data.suborganisations else 1),
                  style="I", size=11, indent=False)
    legend = rt.APPENDIX_LEGEND
    if deactivated:
        legend += " " + rt.APPENDIX_DEACTIVATED_LEGEND
    doc.paragraph(legend, style="I", size=11, indent=False)
    rows, i = [], 0
    for code in order:
        members = groups[code]
        rows.append(("group", rt.render(rt.GROUP_ROW, name=names[code] or district_name,
                                        n=n(sum(1 for u in members if _is_unit(u))))))
        for u in members:
            if not _is_unit(u):
                rows.append(["", u["name"], n(u["activities"]), n(u["propaganda"]),
                             rt.DEACTIVATED_MARK, "–", "–",
                             _share(data.reviewed.get(u["id"]))])
                continue
            i += 1
            rows.append([str(i), u["name"], n(u["activities"]), n(u["propaganda"]),
                         rt.YES if u["reported"] else rt.NO,
                         rt.YES if u["submitted"] else rt.NO,
                         numbers.decimal(data.scores.get(u["id"], 0), 1),
                         _share(data.reviewed.get(u["id"]))])
    rows.append(("total", ["", rt.TOTAL_ROW] + total_cells + [
        n(sum(1 for u in active if u["reported"])),
        n(sum(1 for u in active if u["submitted"])), "", ""]))
    doc.compact_table([rt.COL_NO, rt.COL_UNIT, rt.COL_ENTRIES_A, rt.COL_ENTRIES_P,
                       rt.COL_DATA, rt.COL_SUB, rt.COL_SCORE, rt.COL_REV], rows,
                      widths=[11, 81, 11, 11, 15, 13, 12, 12],
                      align=["C", "L", "R", "R", "C", "C", "R", "R"])
