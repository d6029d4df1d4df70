"""The closing report of the week (DESIGN §6) as PDF bytes, laid out on core/pdf_layout.py.

Input is a db.report_data.ReportData (numbers from the stats module only); charts are the
dashboard's own builders (core/charts.py) rendered to PNG offline with vl-convert.
Same data and same date in → same bytes out (the creation date is the report's date).
"""
from __future__ import annotations

import threading
from datetime import date, datetime

from core import charts, numbers, scoring, texts
from core import reference as ref
from core.pdf_layout import Letterhead, OfficialDocument, Signature, printable
from core.text import fold

CHART_SCALE = 2
CHART_FONT = "LLW Serif"  # Liberation Serif 2, renamed: see _chart_font_dir
_fonts_registered = threading.Lock()
_fonts_done = False


# --- wording helpers ---------------------------------------------------------------------

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
    """'UBND QUẬN BA ĐÌNH' -> 'Ba Đình' (the place of the date line)."""
    upper = printable(issuer_line1).upper()
    for marker in ("QUẬN ", "HUYỆN ", "THỊ XÃ ", "THÀNH PHỐ "):
        if marker in upper:
            return upper.split(marker, 1)[1].strip().title()
    return texts.REPORT_PLACE


def issuer_phrase(event: dict) -> str:
    """'Ban chỉ đạo xây dựng XHHT quận Ba Đình'."""
    body = sentence_case(event.get("issuer_line2") or "")
    upper = printable(event.get("issuer_line1") or "").upper()
    if "QUẬN " in upper:
        body += f" quận {district_of(upper)}"
    return body


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
    # vl-convert ignores config.locale: the number locale is passed explicitly (12.345).
    return vl_convert.vegalite_to_png(spec, scale=CHART_SCALE, allowed_base_urls=[],
                                      format_locale=numbers.VEGA_NUMBER_LOCALE)


def report_charts(data) -> list[tuple[str, bytes, float]]:
    """(caption, png, width in mm) for the four charts of the report."""
    summary = data.summary
    return [
        (texts.REPORT_CHART_MAP, chart_png(charts.ward_tile_map(
            charts.tile_rows(summary["by_ward"], data.ward_grid), selectable=False,
            width=520, height=300)), 150),
        (texts.REPORT_CHART_DAYS, chart_png(charts.activities_per_day(
            data.day_group, width=440, height=220)), 140),
        (texts.REPORT_CHART_TIERS, chart_png(charts.tier_reporting_rate(
            summary["by_tier"], width=400, height=160)), 130),
        (texts.REPORT_CHART_CHANNELS, chart_png(charts.channel_mix(
            summary["by_channel"], width=400, height=240)), 135),
    ]


# --- the document ------------------------------------------------------------------------

def build_pdf(data) -> bytes:
    event = data.event
    letterhead = Letterhead(event.get("issuer_line1") or "", event.get("issuer_line2") or "",
                            texts.REPORT_NUMBER, district_of(event.get("issuer_line1") or ""),
                            data.issued_on)
    doc = OfficialDocument(letterhead, subject=subject(event),
                           creation_date=datetime.combine(data.issued_on, datetime.min.time()))
    doc.start()
    doc.document_title(texts.REPORT_KIND, subject(event))
    _overview(doc, event)
    _results(doc, data)
    _commendations(doc, data)
    _assessment(doc, event)
    doc.closing(texts.REPORT_RECIPIENTS, Signature(event.get("signer_for") or "",
                                                  event.get("signer_title") or "",
                                                  event.get("signer_name") or ""),
                last_paragraph=texts.REPORT_CLOSING.format(
                    title=short_title(event), year=event["year"], issuer=issuer_phrase(event)))
    _appendix(doc, data)
    return doc.to_bytes()


def _overview(doc, event):
    doc.heading(texts.REPORT_H_OVERVIEW)
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


def _results(doc, data):
    totals = data.summary["totals"]
    n = numbers.integer
    doc.heading(texts.REPORT_H_RESULTS)
    doc.subheading(texts.REPORT_H_TOTALS)
    doc.bullets([
        texts.REPORT_TOTAL_ACTIVITIES.format(n=n(totals["activities"])),
        texts.REPORT_TOTAL_PARTICIPANTS.format(n=n(totals["participants"]),
                                               online=n(totals["online_participants"])),
        texts.REPORT_TOTAL_PROPAGANDA.format(n=n(totals["propaganda_items"])),
        texts.REPORT_TOTAL_UNITS.format(reporting=n(totals["reporting_units"]),
                                        units=n(totals["units"]),
                                        rate=numbers.percent(totals["reporting_rate"])),
        texts.REPORT_TOTAL_WARDS.format(covered=n(totals["wards_covered"]),
                                        wards=n(totals["wards"])),
    ])
    doc.paragraph(texts.REPORT_COUNTING_NOTE, style="I", size=12)

    doc.subheading(texts.REPORT_H_WARDS)
    wards = data.summary["by_ward"]
    rows = [[str(i), w["name"], n(w["activities"]), n(w["participants"]),
             n(w["propaganda_items"]), f"{n(w['reporting_units'])}/{n(w['units'])}"]
            for i, w in enumerate(wards, start=1)]
    total = ["", texts.REPORT_TOTAL_WARDS_ROW, n(sum(w["activities"] for w in wards)),
             n(sum(w["participants"] for w in wards)),
             n(sum(w["propaganda_items"] for w in wards)),
             f"{n(sum(w['reporting_units'] for w in wards))}/"
             f"{n(sum(w['units'] for w in wards))}"]
    doc.data_table([texts.REPORT_COL_NO, texts.REPORT_COL_WARD, texts.REPORT_COL_ACTIVITIES,
                    texts.REPORT_COL_PARTICIPANTS, texts.REPORT_COL_PROPAGANDA,
                    texts.REPORT_COL_UNITS_REPORTED], rows,
                   widths=[10, 42, 22, 26, 24, 30], align=["C", "L", "R", "R", "R", "C"],
                   total_row=total, caption=texts.REPORT_TABLE_WARDS)

    doc.subheading(texts.REPORT_H_TIERS)
    tiers = data.summary["by_tier"]
    rows = [[ref.TIER_NAMES[t["tier"]], n(t["schools"]), n(t["reporting_schools"]),
             numbers.percent(numbers.ratio(t["reporting_schools"], t["schools"]))
             if t["schools"] else "–",
             n(t["activities"]), n(t["participants"])] for t in tiers]
    doc.data_table([texts.REPORT_COL_TIER, texts.REPORT_COL_SCHOOLS,
                    texts.REPORT_COL_SCHOOLS_REPORTED, texts.REPORT_COL_RATE,
                    texts.REPORT_COL_ACTIVITIES, texts.REPORT_COL_PARTICIPANTS], rows,
                   widths=[28, 20, 28, 20, 24, 30], align=["L", "R", "R", "R", "R", "R"],
                   caption=texts.REPORT_TABLE_TIERS)

    doc.subheading(texts.REPORT_H_CHARTS)
    for caption, png, width in report_charts(data):
        doc.image_png(png, width=width, caption=caption)


def _commendations(doc, data):
    doc.heading(texts.REPORT_H_COMMENDATIONS)
    doc.subheading(texts.REPORT_H_PICKS)
    if not data.picks:
        doc.paragraph(texts.REPORT_NO_PICKS)
    for code, name in ref.CATEGORY_NAMES.items():
        chosen = [p for p in data.picks if p["category"] == code]
        if chosen:
            doc.paragraph(f"{name}:", style="B")
            doc.bullets([f"{p['recipient_name']}: {p['rationale']}" for p in chosen])

    doc.subheading(texts.REPORT_H_EXEMPLARS)
    if not data.exemplars:
        doc.paragraph(texts.REPORT_NO_EXEMPLARS)
    else:
        doc.bullets([
            f"{e['nominee_name']} ({ref.CATEGORY_NAMES.get(e['category'], e['category'])}"
            f", {e['unit_name']})" + (f": {e['achievement']}" if e["achievement"] else "")
            for e in data.exemplars])

    doc.subheading(texts.REPORT_H_LEADERS)
    rows = []
    for group in scoring.group_order():
        for s in [s for s in data.leaders.get(group, []) if s.total > 0][:3]:
            rows.append([scoring.group_name(group), str(s.rank), s.inputs.name,
                         numbers.decimal(s.total, 1)])
    if rows:
        doc.data_table([texts.REPORT_COL_GROUP, texts.REPORT_COL_RANK, texts.REPORT_COL_UNIT,
                        texts.REPORT_COL_SCORE], rows, widths=[40, 12, 90, 18],
                       align=["L", "C", "L", "R"], caption=texts.REPORT_TABLE_LEADERS)
    else:
        doc.paragraph(texts.REPORT_NO_PICKS)


def _assessment(doc, event):
    doc.heading(texts.REPORT_H_ASSESSMENT)
    text = (event.get("assessment") or "").strip()
    doc.paragraph(text or texts.REPORT_NO_ASSESSMENT)


def _appendix(doc, data):
    doc.page_break()
    doc.document_title(texts.REPORT_APPENDIX,
                       texts.REPORT_APPENDIX_SUBJECT.format(number=texts.REPORT_NUMBER))
    doc.paragraph(texts.REPORT_APPENDIX_NOTE, style="I", size=12, indent=False)
    n = numbers.integer
    rows = [[str(i), u["name"], u["ward_name"] or texts.REPORT_DISTRICT_LEVEL,
             n(u["activities"]), n(u["propaganda"]),
             texts.YES if u["reported"] else texts.NO,
             texts.YES if u["submitted"] else texts.NO,
             numbers.decimal(data.scores.get(u["id"], 0), 1)]
            for i, u in enumerate(data.units, start=1)]
    doc.data_table([texts.REPORT_COL_NO, texts.REPORT_COL_UNIT, texts.REPORT_COL_WARD,
                    texts.REPORT_COL_ACTIVITIES, texts.REPORT_COL_PROPAGANDA_ENTRIES,
                    texts.REPORT_COL_REPORTED, texts.REPORT_COL_SUBMITTED,
                    texts.REPORT_COL_SCORE], rows,
                   widths=[11, 57, 24, 17, 19, 15, 13, 14],
                   align=["C", "L", "L", "R", "R", "C", "C", "R"], size=10)
