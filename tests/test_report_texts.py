"""The closing report's words (issue 22 items 3 and 4, issue 25 item 8): no word of the
app's own states in the PDF (read back with pypdf), the scoring note once, every
suggested sentence true of the figures and saying against what it compares, lists
separated by semicolons, and no user or admin text ever used as a template."""
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from core import closing_report, numbers, organiser
from core import reference as ref
from core import report_texts as rt
from db import Actor, closing, demo, events, report_data, stats
from tests import closing_fixture as fx

# never in the PDF: states and screens of the app, not an official's words
GLOSSARY = ("đánh dấu", "«Đã nộp»", "mục được tính", "kể cả mục chưa duyệt", "Đã duyệt %",
            "chưa duyệt", "Đã duyệt", "hệ thống theo dõi", "trang Khen thưởng", "needs_fix",
            "submitted", "accepted", "Ban chỉ đạo chưa nhập", "{", "}")


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                    .split())


def build(db, year=2020, **kw) -> str:
    data = report_data.gather(db, events.get(db, year), issued_on=date(2020, 10, 8))
    return pdf_text(closing_report.build_pdf(data, **kw))


def fill_sections(db, committee, event_id, summary, targets):
    suggested = closing_report.suggestions(summary, 2020, None, targets)
    closing.save_sections(db, committee, event_id, {
        k: "\n".join(v) or "Không có." for k, v in suggested.items()})


@pytest.fixture
def demo_week(db, admin):
    demo.load(db, Actor.system(), units=40, activities=300, seed=5, accounts=False)
    return events.get(db, 2020)


def test_no_app_word_in_the_demo_report_nor_in_an_empty_weeks(db, demo_week, committee):
    counts = stats.unit_counts(db, demo_week["id"])
    fill_sections(db, committee, demo_week["id"], stats.summary(db, demo_week["id"]),
                  stats.targets_attainment(db, demo_week["id"], counts))
    text = build(db)
    for word in GLOSSARY + rt.NEVER_IN_PDF:
        assert word.casefold() not in text.casefold(), word
    # the scoring note: once
    assert text.count(rt.LEADERS_NOTE[:60]) == 1


def test_no_app_word_in_an_empty_weeks_draft(db, admin):
    text = build(db)
    for word in GLOSSARY[:-2] + rt.NEVER_IN_PDF:  # a draft's notes are in brackets
        assert word.casefold() not in text.casefold(), word
    assert rt.NO_MODELS in text  # an all-zero table is one sentence
    assert "0/0 0/0 0/0" not in text


def test_admin_and_user_text_is_never_a_template(db, week_fixture_db):
    """`organiser.level_word` «{x}» crashed the Tờ trình (KeyError); a unit named «{area}»
    was rewritten by the report's word filling. Both are printed as typed."""
    db.execute("update events set level_word = '{x}', area_word = '{0}{level}'")
    db.execute("update units set name = 'Trường {area} {0} {x}' where code = 'TH-NGOCHA'")
    text = build(db)
    assert "Trường {area} {0} {x}" in text
    assert "Đơn vị cấp {x}" in text
    from core import budget_pdf
    pdf = budget_pdf.build_pdf(events.get(db, 2020), {"status": "draft", "total": 0},
                               [])
    assert "{x}" in pdf_text(pdf)


def test_render_fills_each_name_once():
    org = organiser.from_event({"level_word": "{area}", "area_word": "{level}"})
    assert rt.render("{level}/{area}/{n}", org, n="{level}") == "{area}/{level}/{level}"
    with pytest.raises(KeyError):
        rt.render("{unknown}", org)


@pytest.fixture
def week_fixture_db(db, admin):
    fx.build_week(db)
    return db


# --- every suggested sentence is true of the figures ------------------------------------

def rate(part, whole):
    return part / whole if whole else 0.0


def items(listing: str) -> list[str]:
    """A list of a sentence: items separated by semicolons."""
    return [i.strip() for i in listing.rstrip(".").split("; ")]


def check_suggestions(summary, targets, year=2020):
    """Each sentence against an independent reading of `summary` (never the code's own
    helpers): what it claims, the rate it compares with, and the full lists."""
    pct, n = numbers.percent, numbers.integer
    s = closing_report.suggestions(summary, year, None, targets)
    org = organiser.from_event({})
    totals = summary["totals"]
    overall = rate(totals["units_with_data"], totals["units"])
    wards = {w["name"]: w for w in summary["by_ward"]}
    tier_all = rate(sum(t["reporting_schools"] for t in summary["by_tier"]),
                    sum(t["schools"] for t in summary["by_tier"]))
    tiers = {ref.TIER_NAMES[t["tier"]]: t for t in summary["by_tier"]}
    unmet = [t["label"] for t in targets if t["units"] and t["met"] < t["units"]]
    zero_types = [t["name"] for t in summary["by_type"] if not t["activities"]]
    seen = set()
    checked = 0
    for field, sentences in s.items():
        for sentence in sentences:
            checked += 1
            m = re.fullmatch(r"Các phường có tỷ lệ đơn vị có số liệu (cao hơn|thấp nhất, dưới) "
                             r"tỷ lệ chung \((.+?)\): (.+)\.", sentence)
            if m:
                assert m[2] == pct(overall)
                for item in items(m[3]):
                    name, shown = re.fullmatch(r"(.+) \((.+)\)", item).groups()
                    w = wards[name]
                    assert shown == pct(rate(w["reporting_units"], w["units"]))
                    assert (rate(w["reporting_units"], w["units"]) > overall) == (
                        m[1] == "cao hơn"), sentence
                if m[1] != "cao hơn":  # the lowest: none lower left out
                    named = {re.fullmatch(r"(.+) \((.+)\)", i)[1] for i in items(m[3])}
                    top = max(rate(wards[x]["reporting_units"], wards[x]["units"])
                              for x in named)
                    assert not [x for x, w in wards.items() if w["units"] and x not in named
                                and rate(w["reporting_units"], w["units"]) < top]
                    seen.add("low_wards")
                continue
            m = re.fullmatch(r"Cấp học có tỷ lệ trường có số liệu thấp nhất, dưới tỷ lệ chung "
                             r"của khối trường \((.+?)\): (.+)\.", sentence)
            if m:
                assert m[1] == pct(tier_all)
                for item in items(m[2]):
                    name, shown = re.fullmatch(r"(.+) \((.+)\)", item).groups()
                    t = tiers[name]
                    assert rate(t["reporting_schools"], t["schools"]) < tier_all
                seen.add("low_tiers")
                continue
            m = re.fullmatch(r"Chưa có hoạt động thuộc các loại: (.+)\.", sentence)
            if m:
                assert items(m[1]) == zero_types  # every one, semicolons between
                continue
            m = re.fullmatch(r"Các phường chưa có hoạt động: (.+)\.", sentence)
            if m:
                assert items(m[1]) == [w for w, r in wards.items() if not r["activities"]]
                continue
            m = re.fullmatch(r"Các đơn vị đã tổ chức (\S+) hoạt động với (\S+) lượt người tham "
                             r"gia; (\d+)/(\d+) phường có hoạt động\.", sentence)
            if m:
                assert m.groups() == (n(totals["activities"]), n(totals["participants"]),
                                      str(totals["wards_covered"]), str(totals["wards"]))
                continue
            m = re.fullmatch(r"Tỷ lệ đơn vị có báo cáo số liệu chung đạt (.+) \((.+)/(.+) đơn "
                             r"vị\)\.", sentence)
            if m:
                assert m.groups() == (pct(totals["reporting_rate"]),
                                      n(totals["units_with_data"]), n(totals["units"]))
                continue
            m = re.fullmatch(r"Còn (.+)/(.+) đơn vị chưa gửi báo cáo kết quả; (.+) đơn vị chưa "
                             r"có số liệu\.", sentence)
            if m:
                assert m.groups() == (n(totals["units"] - totals["submitted_units"]),
                                      n(totals["units"]),
                                      n(totals["units"] - totals["units_with_data"]))
                continue
            m = re.fullmatch(r"Loại hoạt động được tổ chức nhiều nhất: (.+)\.", sentence)
            if m:
                top = sorted((t for t in summary["by_type"] if t["activities"]),
                             key=lambda t: -t["activities"])
                shown = items(m[1])
                most = top[0]["activities"]
                assert shown[0] in [f"{t['name']} ({n(most)})" for t in top
                                    if t["activities"] == most]
                continue
            m = re.fullmatch(r"(Chỉ tiêu chưa đạt|Chỉ tiêu đã đạt 100%|Hoàn thành các chỉ tiêu "
                             r"năm nay chưa đạt|Đề nghị các đơn vị chưa đạt chỉ tiêu bổ sung kết "
                             r"quả): (.+)\.", sentence)
            if m:
                labels = [re.sub(r" \(\d+/\d+ đơn vị, .+\)$", "", i) for i in items(m[2])]
                if "100%" in m[1]:
                    assert all(t["met"] == t["units"] for t in targets
                               if t["label"] in labels)
                else:
                    # every unmet target, in order (a shared label says whom it applies to)
                    assert len(labels) == len(unmet)
                    assert all(shown.startswith(label) for shown, label in zip(labels, unmet))
                    if field == "next_directions":
                        seen.add("targets_in_v")
                continue
            m = re.fullmatch(r"Tập trung vào các (phường|cấp học) có tỷ lệ (?:đơn vị có số liệu "
                             r")?thấp nhất: (.+)\.", sentence)
            if m:
                assert field == "next_directions"
                seen.add("v_wards" if m[1] == "phường" else "v_tiers")
                continue
            if sentence.startswith(("Đề nghị", "Tiếp tục tổ chức", "Tổ chức các loại hoạt "
                                    "động năm nay chưa có")):
                assert "; " in sentence or "," not in sentence.split(":")[-1] or \
                    sentence.startswith("Tiếp tục")
                continue
            raise AssertionError(f"a sentence no check knows: {sentence}")
    # part V names the lowest areas and tiers and every unmet target
    if "low_wards" in seen:
        assert "v_wards" in seen
    if "low_tiers" in seen:
        assert "v_tiers" in seen
    if unmet:
        assert "targets_in_v" in seen
    assert org  # the default profile's words were used
    return s, checked


def test_suggestions_are_true_on_the_demo_week(db, demo_week):
    summary = stats.summary(db, demo_week["id"])
    targets = stats.targets_attainment(db, demo_week["id"])
    s, checked = check_suggestions(summary, targets)
    assert checked >= 8
    weak = " ".join(s["assess_weaknesses"])
    assert "thấp nhất, dưới tỷ lệ chung" in weak
    assert any("cao hơn tỷ lệ chung" in x for x in s["assess_strengths"])


def test_suggestions_are_true_on_a_week_with_empty_categories(db, week_fixture_db):
    """The fixture week: most types, one tier and most wards have nothing."""
    event_id = fx.event_id_2020(db)
    summary = stats.summary(db, event_id)
    s, _ = check_suggestions(summary, stats.targets_attainment(db, event_id))
    assert any(x.startswith("Chưa có hoạt động thuộc các loại:") for x in
               s["assess_weaknesses"])


def test_suggestions_are_true_on_an_empty_week(db, admin):
    event_id = fx.event_id_2020(db)
    s, _ = check_suggestions(stats.summary(db, event_id), stats.targets_attainment(db, event_id))
    # nothing was held: nothing praised
    assert not any("cao hơn" in x or "nhiều nhất" in x for x in s["assess_strengths"])
