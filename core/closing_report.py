"""The closing report of the week (DESIGN §6) as PDF bytes, laid out on core/pdf_layout.py.

Input is a db.report_data.ReportData (numbers from the stats module only); charts are the
dashboard's own builders (core/charts.py) rendered to PNG offline with vl-convert.
Same data and same date in → same bytes out (the creation date is the report's date).
"""
from __future__ import annotations

import json
import threading
from datetime import date, datetime

from core import charts, numbers, organiser, scoring, texts
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
    return organiser.document_number(texts.REPORT_NUMBER_KIND, organiser.from_event(event))


def recipients(event: dict) -> list[str]:
    """'Nơi nhận' of the profile."""
    return organiser.from_event(event).recipients or texts.REPORT_RECIPIENTS_FALLBACK


def short_title(event: dict) -> str:
    """The event title without its trailing 'năm 2020' (the subject adds the year)."""
    title = printable(event["title"]).strip()
    suffix = f"năm {event['year']}"
    return title[: -len(suffix)].strip() if title.endswith(suffix) else title


def subject(event: dict) -> str:
    return texts.REPORT_SUBJECT.format(title=short_title(event), year=event["year"])


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
        (texts.REPORT_CHART_MAP, chart_png(charts.ward_tile_map(
            charts.tile_rows(summary["by_ward"], data.ward_grid), selectable=False,
            width=520, height=300)),
         # many areas: the full text width (165 mm), so that the short labels stay legible
         165 if len(summary["by_ward"]) > charts.DENSE_TILES else 150),
        (texts.REPORT_CHART_DAYS, chart_png(charts.activities_per_day(
            data.day_group, width=440, height=220)), 140),
        (texts.REPORT_CHART_TIERS, chart_png(charts.tier_reporting_rate(
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
    return out


def _share(reviewed: tuple[int, int] | None) -> str:
    accepted, total = reviewed or (0, 0)
    return numbers.percent(accepted / total, 0) if total else "–"


# --- suggested sentences for sections IV and V -------------------------------------------

def _rate(part, whole):
    return part / whole if whole else 0.0


def suggestions(summary: dict, year: int, org=None) -> dict[str, list[str]]:
    """Sentences computed from the figures for the committee to edit (never printed by
    themselves): {section field: [sentence, ...]}, in the words of the organiser `org`
    (default: Ba Đình 2020's level)."""
    n, pct = numbers.integer, numbers.percent
    totals = summary["totals"]
    wards = [w for w in summary["by_ward"] if w["units"]]
    by_rate = sorted(wards, key=lambda w: (_rate(w["reporting_units"], w["units"]), w["name"]))
    tiers = sorted([t for t in summary["by_tier"] if t["schools"]],
                   key=lambda t: _rate(t["reporting_schools"], t["schools"]))

    def ward_list(rows):
        return ", ".join(f"{w['name']} ({pct(_rate(w['reporting_units'], w['units']))})"
                         for w in rows)

    def tier_list(rows):
        return ", ".join(f"{ref.TIER_NAMES[t['tier']]} "
                         f"({pct(_rate(t['reporting_schools'], t['schools']))})" for t in rows)

    types = sorted(summary["by_type"], key=lambda t: -t["activities"])
    strengths = [texts.SUGGEST_STRENGTHS_TOTALS.format(
        activities=n(totals["activities"]), participants=n(totals["participants"]),
        covered=n(totals["wards_covered"]), wards=n(totals["wards"]))]
    if by_rate:
        strengths.append(texts.SUGGEST_STRENGTHS_BEST_WARDS.format(
            wards=ward_list(list(reversed(by_rate))[:3])))
    if types and types[0]["activities"]:
        strengths.append(texts.SUGGEST_STRENGTHS_TYPES.format(types=", ".join(
            f"{_type_name(t)} ({n(t['activities'])})"
            for t in types[:3] if t["activities"])))
    weaknesses, proposals = [], []
    low_wards = [w for w in by_rate[:3] if w["reporting_units"] < w["units"]]
    low_tiers = [t for t in tiers[:2] if t["reporting_schools"] < t["schools"]]
    if low_wards:
        weaknesses.append(texts.SUGGEST_WEAK_WARDS.format(wards=ward_list(low_wards)))
        proposals.append(texts.SUGGEST_PROPOSAL_WARDS.format(
            wards=", ".join(w["name"] for w in low_wards)))
    if low_tiers:
        weaknesses.append(texts.SUGGEST_WEAK_TIERS.format(tiers=tier_list(low_tiers)))
        proposals.append(texts.SUGGEST_PROPOSAL_TIERS.format(
            tiers=", ".join(ref.TIER_NAMES[t["tier"]] for t in low_tiers)))
    weaknesses.append(texts.SUGGEST_WEAK_NOT_SUBMITTED.format(
        n=n(totals["units"] - totals["submitted_units"]), units=n(totals["units"]),
        missing=n(totals["units"] - totals["units_with_data"])))
    uncovered = [w["name"] for w in summary["by_ward"] if not w["activities"]]
    if uncovered:
        weaknesses.append(texts.SUGGEST_WEAK_UNCOVERED.format(wards=", ".join(uncovered)))
    zero_types = [_type_name(t) for t in summary["by_type"] if not t["activities"]]
    if zero_types:
        weaknesses.append(texts.SUGGEST_WEAK_ZERO_TYPES.format(types="; ".join(zero_types)))
    focus = ", ".join([w["name"] for w in low_wards] +
                      [ref.TIER_NAMES[t["tier"]] for t in low_tiers]) or "–"
    org = org or organiser.from_event({})
    out = {"assess_strengths": strengths, "assess_weaknesses": weaknesses,
           "assess_proposals": proposals,
           "next_directions": [texts.SUGGEST_DIRECTIONS.format(year=year + 1, focus=focus)]}
    return {field: [organiser.fill(s, org) for s in sentences]
            for field, sentences in out.items()}


# --- the document ------------------------------------------------------------------------

class _Numbering:
    """Bảng 1, Bảng 2, ... in the order tables are printed."""

    def __init__(self):
        self.n = 0

    def next(self, caption: str) -> str:
        self.n += 1
        return caption.format(n=self.n)

    def peek(self, ahead: int = 1) -> int:
        return self.n + ahead


def place_of(event: dict) -> str:
    return printable(event.get("report_place") or "").strip() or organiser.place(
        organiser.from_event(event), district_of(event.get("issuer_line1") or ""))


def build_pdf(data, *, final: bool = False) -> bytes:
    """The report as PDF bytes: a draft ("DỰ THẢO" on every page, notes where something
    is missing) unless `final`, which raises ReportIncomplete while missing() is not
    empty."""
    gaps = missing(data)
    if final and gaps:
        raise ReportIncomplete(gaps)
    event = data.event
    letterhead = Letterhead(event.get("issuer_line1") or "", event.get("issuer_line2") or "",
                            report_number(event), place_of(event), data.issued_on)
    doc = OfficialDocument(letterhead, subject=subject(event),
                           creation_date=datetime.combine(data.issued_on, datetime.min.time())
                           if data.issued_on else None,
                           draft_mark="" if final else texts.CLOSE_DRAFT_MARK)
    doc = organiser.FilledDocument(doc, organiser.from_event(event))  # {area}, {level}
    doc.start()
    doc.document_title(texts.REPORT_KIND, subject(event))
    if data.sample_data:
        doc.paragraph(texts.CLOSE_SAMPLE_LINE, style="B", indent=False, size=12)
    sample_subs = [s["organiser"] for s in data.suborganisations if s.get("sample")]
    if sample_subs:  # rolled-up sample data (issue 20 deliver 2), named on page 1
        doc.paragraph(texts.CLOSE_SAMPLE_ROLLUP_LINE.format(names=", ".join(
            f"«{name}»" for name in sample_subs)), style="B", indent=False, size=12)
    tables = _Numbering()
    _overview(doc, event)
    _results(doc, data, tables)
    _commendations(doc, data, tables, final)
    _assessment(doc, data, final)
    doc.closing(recipients(event), Signature(event.get("signer_for") or "",
                                                  event.get("signer_title") or "",
                                                  event.get("signer_name") or ""),
                last_paragraph=texts.CLOSE_CLOSING.format(
                    title=short_title(event), year=event["year"], issuer=issuer_phrase(event)))
    _appendix(doc, data, final)
    if data.suborganisations:  # issue 15: only when sub-organisers' reports were taken in
        _suborganisations(doc, data)
    return doc.to_bytes()


def _missing_note(doc, what: str) -> None:
    doc.paragraph(texts.CLOSE_DRAFT_NOTE.format(what=what), style="I")


def _overview(doc, event):
    doc.heading(texts.CLOSE_H_OVERVIEW)
    fields = dict(issuer=issuer_phrase(event), title=short_title(event), year=event["year"])
    if event.get("plan_number"):
        doc.paragraph(texts.REPORT_OVERVIEW_PLAN.format(
            plan=event["plan_number"], plan_date=vn_date(event.get("plan_date")), **fields))
    else:
        doc.paragraph(texts.REPORT_OVERVIEW_NO_PLAN.format(**fields))
    lines = [texts.REPORT_OVERVIEW_DATES.format(start=vn_date(event["start_date"]),
                                                end=vn_date(event["end_date"]))]
    if event.get("theme"):
        lines.append(texts.REPORT_OVERVIEW_THEME.format(theme=event["theme"]))
    if event.get("opening_place"):
        opening = event.get("opening_time")
        lines.append(texts.REPORT_OVERVIEW_OPENING.format(
            time=str(opening)[11:16].replace(":", " giờ ") if opening and len(str(opening)) > 11
            else "", day=vn_date(opening), place=event["opening_place"])
            if opening else texts.REPORT_OVERVIEW_OPENING_NO_TIME.format(
                place=event["opening_place"]))
    doc.bullets(lines)


def _results(doc, data, tables):
    summary = data.summary
    totals = summary["totals"]
    n, pct = numbers.integer, numbers.percent
    channels_used = sum(1 for c in summary["by_channel"] if c["entries"])
    # table numbers are fixed by the order below: wards, tiers, types, channels, ...
    channels_table = tables.peek(4)
    models_table = tables.peek(6)
    doc.heading(texts.CLOSE_H_RESULTS)
    doc.subheading(texts.CLOSE_H_TOTALS)
    lm_total = data.learning_models.get("total", {"registered": 0, "recognised": 0})
    active_units = sum(1 for u in data.units if _is_unit(u))
    in_pdf = active_units <= APPENDIX_MAX_UNITS
    doc.bullets([
        texts.CLOSE_TOTAL_ACTIVITIES.format(n=n(totals["activities"])),
        texts.CLOSE_TOTAL_PARTICIPANTS.format(n=n(totals["participants"]),
                                              online=n(totals["online_participants"])),
        texts.CLOSE_TOTAL_PROPAGANDA.format(n=n(totals["propaganda_entries"]),
                                            channels=n(channels_used), table=channels_table)
        if totals["propaganda_entries"] else texts.CLOSE_NO_PROPAGANDA,
        texts.CLOSE_TOTAL_WITH_DATA.format(n=n(totals["units_with_data"]),
                                           units=n(totals["units"]),
                                           rate=pct(totals["reporting_rate"])),
        texts.CLOSE_TOTAL_SUBMITTED.format(n=n(totals["submitted_units"]),
                                           units=n(totals["units"]),
                                           rate=pct(totals["submission_rate"])),
        texts.CLOSE_TOTAL_WARDS.format(covered=n(totals["wards_covered"]),
                                       wards=n(totals["wards"])),
        texts.CLOSE_TOTAL_MODELS.format(registered=n(lm_total["registered"]),
                                        recognised=n(lm_total["recognised"]),
                                        table=models_table),
        texts.CLOSE_SEE_APPENDIX if in_pdf else
        texts.CLOSE_SEE_WORKBOOK.format(n=n(active_units)),
    ])
    doc.paragraph(texts.CLOSE_COUNTING_NOTE, style="I", size=12)

    # 2. by ward: 14 wards, the district row, the total row (= the headline)
    doc.subheading(texts.CLOSE_H_WARDS)

    def ward_cells(w):
        return [n(w["activities"]), n(w["participants"]), n(w["propaganda_entries"]),
                n(w["units"]), n(w["reporting_units"]), n(w["submitted_units"])]

    rows = [[str(i), w["name"]] + ward_cells(w)
            for i, w in enumerate(summary["by_ward"], start=1)]
    district = summary["by_ward_district"]
    rows.append(["", district["name"], "–", "–", "–",
                 n(district["units"]), n(district["reporting_units"]),
                 n(district["submitted_units"])])
    total = ["", texts.CLOSE_TOTAL_ROW] + ward_cells(summary["by_ward_total"])
    doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_WARD, texts.CLOSE_COL_ACTIVITIES,
                    texts.CLOSE_COL_PARTICIPANTS, texts.CLOSE_COL_PROP_ENTRIES,
                    texts.CLOSE_COL_UNITS, texts.CLOSE_COL_WITH_DATA,
                    texts.CLOSE_COL_SUBMITTED], rows,
                   widths=[11, 37, 21, 22, 21, 16, 17, 18],
                   align=["C", "L", "R", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=total, caption=tables.next(texts.CLOSE_TABLE_WARDS))
    doc.paragraph(texts.CLOSE_WARDS_BASIS, style="I", size=12)

    # 3. by tier, with the schools' total
    doc.subheading(texts.CLOSE_H_TIERS)

    def tier_cells(t):
        return [n(t["schools"]), n(t["reporting_schools"]),
                pct(numbers.ratio(t["reporting_schools"], t["schools"])) if t["schools"]
                else "–", n(t["submitted_schools"]), n(t["activities"]), n(t["participants"])]

    rows = [[ref.TIER_NAMES[t["tier"]]] + tier_cells(t) for t in summary["by_tier"]]
    doc.data_table([texts.CLOSE_COL_TIER, texts.CLOSE_COL_SCHOOLS, texts.CLOSE_COL_WITH_DATA,
                    texts.CLOSE_COL_RATE, texts.CLOSE_COL_SUBMITTED,
                    texts.CLOSE_COL_ACTIVITIES_PLAIN, texts.CLOSE_COL_PARTICIPANTS], rows,
                   widths=[30, 17, 19, 19, 20, 20, 24],
                   align=["L", "R", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=[texts.CLOSE_TIER_TOTAL] + tier_cells(summary["by_tier_total"]),
                   caption=tables.next(texts.CLOSE_TABLE_TIERS))
    doc.paragraph(texts.CLOSE_TIERS_BASIS, style="I", size=12)

    # 4. every activity type of the week's catalogue, zeros included, under its group
    doc.subheading(texts.CLOSE_H_TYPES)
    rows, i, group_rows = [], 0, []
    for group, group_name in ref.ACTIVITY_GROUPS:
        members = [t for t in summary["by_type"] if t["group"] == group]
        group_rows.append(len(rows))
        rows.append(["", group_name, n(sum(t["activities"] for t in members)),
                     n(sum(t["participants"] for t in members))])
        for t in members:
            i += 1
            rows.append([str(i), _type_name(t), n(t["activities"]),
                         n(t["participants"])])
    doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_TYPE, texts.CLOSE_COL_ACTIVITIES_PLAIN,
                    texts.CLOSE_COL_PARTICIPANTS], rows, widths=[11, 104, 24, 26],
                   align=["C", "L", "R", "R"], size=10.5, bold_rows=group_rows,
                   total_row=["", texts.CLOSE_TOTAL_ROW, n(totals["activities"]),
                              n(totals["participants"])],
                   caption=tables.next(texts.CLOSE_TABLE_TYPES))

    # 5. propaganda: per channel in its own unit of measure; the slogans used
    doc.subheading(texts.CLOSE_H_PROPAGANDA)
    rows = [[str(i), _channel_name(c), c["measure"], n(c["quantity"]),
             n(c["entries"])] for i, c in enumerate(summary["by_channel"], start=1)]
    doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_CHANNEL, texts.CLOSE_COL_MEASURE,
                    texts.CLOSE_COL_QUANTITY, texts.CLOSE_COL_PROP_ENTRIES], rows,
                   widths=[11, 62, 30, 28, 35], align=["C", "L", "L", "R", "R"], size=10.5,
                   total_row=["", texts.CLOSE_TOTAL_ROW, "", "",
                              n(totals["propaganda_entries"])],
                   caption=tables.next(texts.CLOSE_TABLE_CHANNELS))
    doc.paragraph(texts.CLOSE_CHANNELS_NOTE, style="I", size=12)
    rows = [[str(s["slogan"]), s["text"], n(s["entries"])] for s in data.slogans]
    doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_SLOGAN, texts.CLOSE_COL_USES], rows,
                   widths=[11, 127, 28], align=["C", "L", "R"], size=10.5,
                   caption=tables.next(texts.CLOSE_TABLE_SLOGANS))

    # 6. learning models, per model and per ward (ward of the reporting unit)
    doc.subheading(texts.CLOSE_H_MODELS)
    lm = data.learning_models
    models = [code for code, _name in ref.LEARNING_MODELS]
    rows = [[str(i), ref.MODEL_NAMES[r["model"]], n(r["registered"]), n(r["recognised"])]
            for i, r in enumerate(lm.get("by_model", []), start=1)]
    doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_MODEL, texts.CLOSE_COL_REGISTERED,
                    texts.CLOSE_COL_RECOGNISED], rows, widths=[11, 85, 35, 35],
                   align=["C", "L", "R", "R"], size=10.5,
                   total_row=["", texts.CLOSE_TOTAL_ROW, n(lm_total["registered"]),
                              n(lm_total["recognised"])],
                   caption=tables.next(texts.CLOSE_TABLE_MODELS))
    ward_rows = [r for r in lm.get("by_ward", []) if r["code"] is not None or r["registered"]]
    rows = [[r["name"]] + [f"{n(r[m][0])}/{n(r[m][1])}" for m in models]
            + [f"{n(r['registered'])}/{n(r['recognised'])}"] for r in ward_rows]
    doc.data_table([texts.CLOSE_COL_WARD] + [texts.CLOSE_MODEL_SHORT[m] for m in models]
                   + [texts.CLOSE_COL_TOTAL], rows, widths=[45, 24, 24, 24, 24, 24],
                   align=["L", "C", "C", "C", "C", "C"], size=10.5,
                   total_row=[texts.CLOSE_TOTAL_ROW]
                   + [f"{n(r['registered'])}/{n(r['recognised'])}" for r in lm["by_model"]]
                   + [f"{n(lm_total['registered'])}/{n(lm_total['recognised'])}"]
                   if lm.get("by_model") else None,
                   caption=tables.next(texts.CLOSE_TABLE_MODELS_WARD))

    # 7. targets and their attainment
    doc.subheading(texts.CLOSE_H_TARGETS)
    if data.targets:
        rows = [[str(i), target_label(t, data.targets), n(t["units"]), n(t["met"]),
                 pct(t["rate"]) if t["units"] else "–"]
                for i, t in enumerate(data.targets, start=1)]
        doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_TARGET, texts.CLOSE_COL_APPLIES,
                        texts.CLOSE_COL_MET, texts.CLOSE_COL_ATTAIN], rows,
                       widths=[11, 85, 25, 23, 22], align=["C", "L", "R", "R", "R"],
                       size=10.5, caption=tables.next(texts.CLOSE_TABLE_TARGETS))
    else:
        doc.paragraph(texts.CLOSE_NO_TARGETS)

    doc.subheading(texts.CLOSE_H_CHARTS)
    for caption, png, width in (getattr(data, "charts", None) or report_charts(data)):
        doc.image_png(png, width=width, caption=caption)


def target_label(target: dict, targets: list[dict]) -> str:
    """The target's label; when another target of the week has the same wording, followed
    by whom it applies to ('(UBND phường)', '(Trường học – Mầm non)'), so that two rows
    never read the same."""
    if sum(1 for t in targets if t["label"].strip() == target["label"].strip()) < 2:
        return target["label"]
    whom = [ref.KIND_NAMES.get(target["unit_kind"], target["unit_kind"])
            if target.get("unit_kind") else "",
            ref.TIER_NAMES.get(target["tier"], target["tier"]) if target.get("tier") else ""]
    whom = " – ".join(w for w in whom if w) or texts.CLOSE_TARGET_ALL_UNITS
    return f"{target['label']} ({whom})"


def _commendations(doc, data, tables, final):
    doc.heading(texts.CLOSE_H_COMMENDATIONS)
    doc.subheading(texts.CLOSE_H_PICKS)
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
        doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_NAME, texts.CLOSE_COL_UNIT,
                        texts.CLOSE_COL_CATEGORY, texts.CLOSE_COL_ACHIEVEMENT], rows,
                       widths=[11, 38, 36, 28, 53], align=["C", "L", "L", "L", "L"],
                       size=10.5, caption=tables.next(texts.CLOSE_TABLE_PICKS))

    # exemplars: approved nominations not already in the table above, once, by category
    doc.subheading(texts.CLOSE_H_EXEMPLARS)
    picked = {p["nomination_id"] for p in data.picks if p.get("nomination_id")}
    others = [e for e in data.exemplars if e["id"] not in picked]
    if not data.exemplars:
        doc.paragraph(texts.CLOSE_EXEMPLARS_EMPTY)
    elif not others:
        doc.paragraph(texts.CLOSE_EXEMPLARS_NONE)
    for code, name in ref.CATEGORY_NAMES.items():
        chosen = sorted([e for e in others if e["category"] == code],
                        key=lambda e: (fold(e["nominee_name"]), e["id"]))
        if chosen:
            doc.paragraph(f"{name}:", style="B", indent=False)
            doc.bullets([f"{e['nominee_name']} ({e['unit_name']})"
                         + (f": {e['achievement']}" if e["achievement"] else "")
                         for e in chosen])

    # scores, each with the unit's reviewed share beside it
    doc.subheading(texts.CLOSE_H_LEADERS)
    rows = []
    for group in scoring.group_order():
        for s in [s for s in data.leaders.get(group, []) if s.total > 0][:3]:
            rows.append([scoring.group_name(group), str(s.rank), s.inputs.name,
                         numbers.decimal(s.total, 1), _share(data.reviewed.get(s.inputs.unit_id))])
    if rows:
        doc.paragraph(texts.CLOSE_LEADERS_NOTE, style="I", size=12)
        doc.data_table([texts.CLOSE_COL_GROUP, texts.CLOSE_COL_RANK, texts.CLOSE_COL_UNIT,
                        texts.CLOSE_COL_SCORE, texts.CLOSE_COL_REVIEWED], rows,
                       widths=[38, 12, 80, 16, 19], align=["L", "C", "L", "R", "R"],
                       size=10.5, caption=tables.next(texts.CLOSE_TABLE_LEADERS))
    else:
        doc.paragraph(texts.CLOSE_NO_LEADERS)


def _assessment(doc, data, final):
    event = data.event
    doc.heading(texts.CLOSE_H_ASSESSMENT)
    intro = (event.get("assessment") or "").strip()
    if intro:
        doc.paragraph(intro)
    for key, heading in (("assess_strengths", texts.CLOSE_H_STRENGTHS),
                         ("assess_weaknesses", texts.CLOSE_H_WEAKNESSES),
                         ("assess_proposals", texts.CLOSE_H_PROPOSALS)):
        _section(doc, heading, event.get(key), texts.CLOSE_MISSING[key], final)
    doc.heading(texts.CLOSE_H_DIRECTIONS.format(year=event["year"] + 1))
    text = (event.get("next_directions") or "").strip()
    if text:
        doc.paragraph(text)
    elif not final:
        _missing_note(doc, texts.CLOSE_MISSING["next_directions"])


def _section(doc, heading, text, missing_text, final):
    doc.subheading(heading)
    text = (text or "").strip()
    if text:
        doc.paragraph(text)
    elif not final:
        _missing_note(doc, missing_text)


def _is_unit(row: dict) -> bool:
    """An appendix row of an active unit; a deactivated one is listed for its entries only
    (db/report_data.unit_rows)."""
    return bool(row.get("active", 1))


def _appendix(doc, data, final):
    doc.page_break()
    event = data.event
    day = (f"{data.issued_on.day:02d}/{data.issued_on.month:02d}/{data.issued_on.year}"
           if data.issued_on else "…/…/…")
    doc.document_title(texts.CLOSE_APPENDIX, texts.CLOSE_APPENDIX_SUBJECT.format(
        number=report_number(event), day=day, issuer=issuer_phrase(event)))
    n = numbers.integer
    groups: dict = {}
    for u in data.units:
        groups.setdefault(u["ward_code"], []).append(u)
    order = sorted(groups, key=lambda code: (code is None, code or ""))
    names = {u["ward_code"]: u["ward_name"] for u in data.units}
    # deactivated units with counting entries (db/report_data.unit_rows): listed so that
    # the entries add up to the report's totals, never counted as units
    active = [u for u in data.units if _is_unit(u)]
    deactivated = len(data.units) - len(active)
    if len(active) > APPENDIX_MAX_UNITS:
        doc.paragraph(texts.CLOSE_APPENDIX_WARDS_NOTE.format(n=n(len(active)),
                                                              max=n(APPENDIX_MAX_UNITS)),
                      style="I", size=12, indent=False)
        if deactivated:
            doc.paragraph(texts.CLOSE_APPENDIX_DEACTIVATED_SUMMARY.format(n=n(deactivated)),
                          style="I", size=12, indent=False)
        rows = []
        for i, code in enumerate(order, start=1):
            members = groups[code]
            units = [u for u in members if _is_unit(u)]
            rows.append([str(i), names[code] or texts.STATS_DISTRICT_ROW, n(len(units)),
                         n(sum(u["activities"] for u in members)),
                         n(sum(u["propaganda"] for u in members)),
                         n(sum(1 for u in units if u["reported"])),
                         n(sum(1 for u in units if u["submitted"]))])
        doc.data_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_WARD, texts.CLOSE_COL_UNITS,
                        texts.CLOSE_COL_ACTIVITIES_PLAIN, texts.CLOSE_COL_PROP_ENTRIES,
                        texts.CLOSE_COL_WITH_DATA, texts.CLOSE_COL_SUBMITTED], rows,
                       widths=[11, 45, 20, 22, 24, 22, 22],
                       align=["C", "L", "R", "R", "R", "R", "R"], size=10.5)
        return
    doc.paragraph(texts.CLOSE_APPENDIX_NOTE.format(table=1), style="I", size=11,
                  indent=False)
    legend = texts.CLOSE_APPENDIX_LEGEND
    if deactivated:
        legend += " " + texts.CLOSE_APPENDIX_DEACTIVATED_LEGEND
    doc.paragraph(legend, style="I", size=11, indent=False)
    rows, i = [], 0
    for code in order:
        members = groups[code]
        rows.append(("group", texts.CLOSE_GROUP_ROW.format(
            name=names[code] or texts.STATS_DISTRICT_ROW,
            n=n(sum(1 for u in members if _is_unit(u))))))
        for u in members:
            if not _is_unit(u):
                rows.append(["", u["name"], n(u["activities"]), n(u["propaganda"]),
                             texts.CLOSE_DEACTIVATED_MARK, "–", "–",
                             _share(data.reviewed.get(u["id"]))])
                continue
            i += 1
            rows.append([str(i), u["name"], n(u["activities"]), n(u["propaganda"]),
                         texts.YES if u["reported"] else texts.NO,
                         texts.YES if u["submitted"] else texts.NO,
                         numbers.decimal(data.scores.get(u["id"], 0), 1),
                         _share(data.reviewed.get(u["id"]))])
    doc.compact_table([texts.CLOSE_COL_NO, texts.CLOSE_COL_UNIT, texts.CLOSE_COL_ENTRIES_A,
                       texts.CLOSE_COL_ENTRIES_P, texts.CLOSE_COL_DATA, texts.CLOSE_COL_SUB,
                       texts.CLOSE_COL_SCORE, texts.CLOSE_COL_REV], rows,
                      widths=[11, 83, 11, 11, 15, 11, 12, 12],
                      align=["C", "L", "R", "R", "C", "C", "R", "R"])


def _suborganisations(doc, data):
    """Appendix: each sub-organiser's totals as in its checked workbook, the own units,
    and the total (core/rollup.combined_totals, the totals of `stats --json`)."""
    from core import rollup
    from core.organiser import from_event

    n = numbers.integer
    doc.page_break()
    doc.document_title(texts.ROLLUP_CLOSE_HEADING)
    doc.paragraph(texts.ROLLUP_CLOSE_NOTE, style="I", size=11, indent=False)
    own = data.summary["totals"]
    subs = data.suborganisations

    def cells(t):
        return [n(t["activities"]), n(t["participants"]), n(t["propaganda_entries"]),
                n(t["units"]), n(t["units_with_data"]), n(t["submitted_units"])]

    rows = [[str(i), s["organiser"]] + cells(s["totals"]) for i, s in enumerate(subs, 1)]
    rows.append([str(len(subs) + 1), texts.ROLLUP_OWN_ROW.format(
        name=from_event(data.event).name)] + cells(own))
    total = rollup.combined_totals(own, [s["totals"] for s in subs])
    doc.data_table(texts.ROLLUP_CLOSE_COLS, rows, widths=[11, 55, 20, 22, 22, 18, 20, 18],
                   align=["C", "L", "R", "R", "R", "R", "R", "R"], size=10.5,
                   total_row=["", texts.ROLLUP_TOTAL_ROW] + cells(total))
