"""Fresh-eye attacks on the roll-up (session 5): forged files with the public sha256
recomputed, near the bounds, with values of the wrong type, the sample flag tampered with,
and the organiser's name spelt another way."""
import pytest

from tests.test_rollup_values import (CITY, LOWER, city, forge, lower, machine_rows,  # noqa: F401
                                      refused, run, set_organiser_cell, set_value, stored)


def cell(at, section, key, fld=""):
    row = at[(section, key, fld)]
    return f"dòng {row}, ô E{row}"


@pytest.mark.parametrize("value", ["1e3", "١٢", " 12 ", "12", -1, 10**9 + 1])
def test_a_count_of_the_wrong_kind_is_refused_naming_its_cell(lower, city, tmp_path, capsys,
                                                              value):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("totals", "activities", "", value))
    err = refused(capsys, city, bad)
    assert f"{cell(at, 'totals', 'activities')}: «activities» phải là số nguyên" in err


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_cell_is_refused_naming_its_cell(lower, city, tmp_path, capsys, value):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("totals", "activities", "", value))
    err = refused(capsys, city, bad)
    row = at[("totals", "activities", "")]
    assert f"dòng {row}: ô E{row} không phải một số đọc được" in err


def parsed(rows):
    from core import rollup as core
    from core import texts

    header = rows.index(texts.ROLLUP_COLUMNS)
    body = [[("" if v is None else v) for v in r] for r in rows[header + 1:-1]]
    return body, lambda b: core.parse(rows[:header + 1] + core.with_hash(b),
                                      file_name="f.xlsx", sheet="s",
                                      header=texts.ROLLUP_COLUMNS)


def test_counts_at_the_bound_are_read_and_one_more_is_not(lower):
    from core import rollup as core

    body, parse = parsed(machine_rows(lower[1]))
    for r in body:
        if r[0] == "totals" and r[1] in ("participants", "online_participants"):
            r[4] = 10**9
    area = next(r for r in body if r[0] == "by_area" and r[2] == "participants")
    area[4] += 10**9 - sum(r[4] for r in body if r[0] == "by_area" and r[2] == "participants")
    kind = next(r for r in body if r[0] == "by_type" and r[2] == "participants")
    kind[4] += 10**9 - sum(r[4] for r in body if r[0] == "by_type" and r[2] == "participants")
    assert parse(body).totals["participants"] == 10**9
    area[4] += 1
    next(r for r in body if r[:2] == ["totals", "participants"])[4] += 1
    with pytest.raises(core.RollupError, match="phải là số nguyên từ 0 đến 1.000.000.000"):
        parse(body)


@pytest.mark.parametrize("value", [2, "1", True, -1, ""])
def test_a_tampered_sample_flag_is_refused(lower, city, tmp_path, capsys, value):
    bad = tmp_path / "forged.xlsx"
    forge(lower[1], bad, set_value("meta", "sample", "", value))
    refused(capsys, city, bad)


def test_a_schema_2_file_without_its_sample_row_is_refused(lower, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"
    forge(lower[1], bad, lambda body: body.remove(
        next(r for r in body if r[:2] == ["meta", "sample"])))
    err = refused(capsys, city, bad)
    assert "sample" in err


def test_a_sample_file_relabelled_schema_1_with_its_flag_is_still_sample(
        lower, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"

    def change(body):
        set_value("meta", "schema_version", "", 1)(body)
        set_value("meta", "sample", "", 1)(body)
    forge(lower[1], bad, change)
    refused(capsys, city, bad)


@pytest.mark.parametrize("spelling", [
    "UBND thành phố Hà Nộі",            # Cyrillic і
    "UBND thành phố Ηà Nội",            # Greek Eta
    "ＵＢＮＤ thành phố Hà Nội",          # fullwidth
    "UBND thành phố Hà Nội\u00ad",      # soft hyphen
    "  ubnd   THÀNH PHỐ hà nội ",
])
def test_the_own_organiser_spelt_with_lookalikes_is_refused(lower, city, tmp_path, capsys,
                                                            spelling):
    bad = tmp_path / "forged.xlsx"
    forge(lower[1], bad, set_organiser_cell(spelling))
    err = refused(capsys, city, bad)
    assert "chính đơn vị tổ chức" in err


@pytest.mark.parametrize("old, new", [
    ("UBND phường Thuỵ Khuê", "UBND phường Thụy Khuê"),
    ("UBND xã Hoà Bình", "UBND xã Hòa Bình"),
    ("UBND phường Ðống Đa", "UBND phường Đống Đa"),   # Icelandic eth for Đ
])
def test_one_organiser_in_two_spellings_in_a_batch_is_refused(lower, city, tmp_path, capsys,
                                                              old, new):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    forge(lower[1], a, set_organiser_cell(old))
    forge(lower[1], b, set_organiser_cell(new))
    err = refused(capsys, city, a, b)
    assert "có hơn một tệp trong lần nhập này" in err


def test_remove_in_the_other_tone_placement(lower, city, tmp_path, capsys):
    a = tmp_path / "a.xlsx"
    forge(lower[1], a, set_organiser_cell("UBND xã Hoà Bình"))
    assert run(capsys, "--db", city, "rollup", a)[0] == 0
    code, _out, err = run(capsys, "--db", city, "rollup", "--remove", "UBND XÃ HÒA BÌNH")
    assert code == 0, err
    assert stored(city) == []


@pytest.mark.parametrize("level", ["quoc_gia", "", "<b>x</b>"])
def test_an_unknown_level_is_refused(lower, city, tmp_path, capsys, level):
    bad = tmp_path / "forged.xlsx"
    forge(lower[1], bad, set_value("meta", "level", "", level))
    refused(capsys, city, bad)


# --- the sample flag against what the file shows ---------------------------------------------

def _drop_sample_row_schema_1(body):
    set_value("meta", "schema_version", "", 1)(body)
    body.remove(next(r for r in body if r[:2] == ["meta", "sample"]))


@pytest.mark.parametrize("change", [set_value("meta", "sample", "", 0),
                                    _drop_sample_row_schema_1],
                         ids=["flag-0", "schema-1-without-row"])
def test_a_sample_weeks_file_whose_flag_says_real_is_still_sample(tmp_path, capsys, change):
    """«Tổng hợp» of a week with sample data says so in its heading (what a person sees);
    a machine sheet that says `sample 0`, or a previous release's schema 1 that cannot say,
    took such a file in as real figures."""
    import manage
    from core import texts
    from db import connect

    base = tmp_path
    path, book = base / "ward.db", base / "ward.xlsx"
    assert manage.main(["--db", str(path), "demo", "--units", "4", "--activities", "15",
                        "--seed", "5", "--no-accounts"]) == 0
    db = connect(path)
    db.execute("update events set organiser_name = 'UBND phường Cống Vị', "
               "organiser_level = 'xa'")
    db.conn.close()
    assert manage.main(["--db", str(path), "export", "--out", str(book)]) == 0
    city_db = base / "city.db"
    assert manage.main(["--db", str(city_db), "init"]) == 0
    db = connect(city_db)
    db.execute("update events set organiser_name = ?, organiser_level = 'tinh'", [CITY])
    db.conn.close()
    capsys.readouterr()
    bad = base / "forged.xlsx"
    forge(book, bad, change)
    err = refused(capsys, city_db, bad)
    assert "có DỮ LIỆU MẪU" in err
    if change is _drop_sample_row_schema_1:
        assert f"Tệp «forged.xlsx», trang «{texts.WB_SHEETS['totals']}»: tệp của" in err
    code, _out, err = run(capsys, "--db", city_db, "rollup", "--allow-sample", bad)
    assert code == 0, err
    db = connect(city_db)
    data = db.execute("select data from suborg_reports").fetchone()[0]
    db.conn.close()
    assert '"sample": 1' in data


# --- the moment of export --------------------------------------------------------------------

@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00",
                                    "1999-12-31T23:59:59+00:00"])
def test_a_moment_no_export_has_is_refused_naming_its_row(lower, city, tmp_path, capsys,
                                                          moment):
    """Year 9999 was stored, then the command (and every page listing the report) failed
    with OverflowError converting it to Hà Nội time."""
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("meta", "generated_at", "", moment))
    err = refused(capsys, city, bad)
    assert (f"dòng {at[('meta', 'generated_at', '')]}: thời điểm xuất tệp không hợp lệ"
            in err)


def test_a_file_dated_in_the_future_is_refused(lower, city, tmp_path, capsys):
    """A file dated 2999 made every real later export «older», refused."""
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("meta", "generated_at", "", "2999-01-01T00:00:00+00:00"))
    err = refused(capsys, city, bad)
    assert (f"dòng {at[('meta', 'generated_at', '')]}: thời điểm xuất tệp (01/01/2999 07:00:00) "
            "ở tương lai") in err
    code, _out, err = run(capsys, "--db", city, "rollup", lower[1])
    assert code == 0, err


def test_a_stored_moment_out_of_range_is_shown_not_raised():
    from core import timefmt

    assert timefmt.local("9999-12-31T23:59:59+00:00", seconds=True) == "31/12/9999 23:59:59"
