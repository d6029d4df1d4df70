"""The wording of the closing report (PDF), apart from the pages' texts (core/texts.py).

Administrative Vietnamese: the report says what happened in the week, never how the app
works — no state of the app as a word («đánh dấu», «mục được tính», «chưa duyệt») and no
column named after a screen («Đã duyệt %»). tests/test_report_texts.py lists the words
that must never appear in the PDF.

`render(template, org, **values)` is the only way a text here is filled: one pass over
the *template* replaces `{name}` by the value given or by a word of the organiser's
profile ({level}, {area}, {Area}, {area_heads}, {office}); what is inserted is never read
again as a template, so an admin's level word `{x}` or a unit's name `{area}` is printed
as typed and never raises (issue 25 item 8).
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\{(\w+)\}")


def words(org) -> dict[str, str]:
    """The profile's words a report text may name."""
    from core.organiser import LEVELS

    level = LEVELS.get(org.level, LEVELS["huyen"])
    plain = {"level": org.level_word, "area": org.area_word}
    out = dict(plain, Level=org.level_word[:1].upper() + org.level_word[1:],
               Area=org.area_word[:1].upper() + org.area_word[1:])
    # the level's phrases are ours ("UBND các {area}"): filled with the profile's words once
    out["area_heads"] = _TOKEN.sub(lambda m: plain.get(m.group(1), m.group(0)),
                                   level["area_heads"])
    out["office"] = _TOKEN.sub(lambda m: plain.get(m.group(1), m.group(0)), level["office"])
    return out


def render(template: str, org=None, **values) -> str:
    """`template` (a text of this module) with its `{name}`s replaced in one pass: by
    `values` first, then by the organiser's words. An unknown name raises KeyError (a bug
    of ours, caught by the tests), never a value's content."""
    known = dict(words(org)) if org is not None else {}
    known.update({k: str(v) for k, v in values.items()})

    def sub(match):
        return known[match.group(1)]

    return _TOKEN.sub(sub, template)


def area_named(org, name: str) -> str:
    """«phường Kim Mã», but «Tổ dân phố số 2» as it is: a name that already starts with the
    area word is not given it twice («tổ dân phố Tổ dân phố số 2»)."""
    word = org.area_word
    if name.casefold().startswith(word.casefold()):
        return name
    return render(OVERVIEW_AREA, org, name=name)


def join(items) -> str:
    """Items of a sentence's list, separated by semicolons: names contain commas
    («Hoạt động thư viện, đọc sách»)."""
    return "; ".join(str(i) for i in items)


# --- document ----------------------------------------------------------------------------
NUMBER_KIND = "BC"  # "…/BC-<symbol of the committee>" (organiser profile)
KIND = "BÁO CÁO"
SUBJECT = "Kết quả tổ chức “{title}” năm {year}"
DRAFT_MARK = "DỰ THẢO"
DRAFT_NOTE = "[Dự thảo — {what}]"
DRAFT_SECTION = "[Dự thảo — Ban chỉ đạo chưa viết phần này.]"
SAMPLE_LINE = ("Lưu ý: cơ sở dữ liệu đang có DỮ LIỆU MẪU (các đơn vị mẫu tạo ra để dùng thử); "
               "số liệu trong báo cáo này gồm cả dữ liệu mẫu, không phải số liệu thật.")
SAMPLE_ROLLUP_LINE = ("Lưu ý: số liệu tổng hợp gồm cả DỮ LIỆU MẪU của cơ quan cấp dưới "
                      "(không phải số liệu thật): {names}.")

# --- I. ----------------------------------------------------------------------------------
H_OVERVIEW = "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"
OVERVIEW_PLAN = ("Thực hiện Kế hoạch số {plan} ngày {plan_date} của {issuer} về việc tổ chức "
                 "“{title}” năm {year}, {issuer} báo cáo kết quả tổ chức Tuần lễ như sau:")
OVERVIEW_NO_PLAN = "{issuer} báo cáo kết quả tổ chức “{title}” năm {year} như sau:"
OVERVIEW_DATES = "Thời gian tổ chức: từ ngày {start} đến ngày {end}."
OVERVIEW_THEME = "Chủ đề: “{theme}”."
OVERVIEW_OPENING_PLANNED = "Lễ khai mạc theo Kế hoạch: {when}{place}."
OVERVIEW_AT_TIME = "{time} ngày {day}"
OVERVIEW_ON_DAY = "ngày {day}"
OVERVIEW_AT_PLACE = " tại {place}"
OVERVIEW_OPENING_HELD = "Lễ khai mạc đã được tổ chức ngày {day} tại {place} ({title})."
OVERVIEW_OPENING_HELD_NO_PLACE = "Lễ khai mạc đã được tổ chức ngày {day} ({title})."
OVERVIEW_AREA = "{area} {name}"

# --- II. ---------------------------------------------------------------------------------
H_RESULTS = "II. KẾT QUẢ THỰC HIỆN"
H_TOTALS = "Kết quả chung"
SCOPE_WHOLE = ("Số liệu toàn địa bàn: các đơn vị trực thuộc {name} và {subs} cơ quan cấp "
               "dưới ({source}, Bảng {table}).")
# where the lower levels' figures come from (issue 24: live from the same server, or a file)
TOTAL_LEVELS_ACTIVE = "Cơ quan cấp dưới có hoạt động: {active}/{listed} cơ quan."
SOURCE_FILES = "tổng hợp từ báo cáo của cơ quan cấp dưới gửi lên"
SOURCE_LIVE = "số liệu lấy trực tiếp từ dữ liệu của cơ quan cấp dưới trên cùng hệ thống"
SOURCE_MIXED = ("{live} cơ quan lấy số liệu trực tiếp trên cùng hệ thống, {files} cơ quan theo "
                "báo cáo gửi lên")
SCOPE_OWN = "Số liệu của các đơn vị trực thuộc {name}."
TOTAL_ACTIVITIES = "Tổng số hoạt động được tổ chức: {n} hoạt động."
TOTAL_PARTICIPANTS = "Tổng số lượt người tham gia: {n} lượt (trong đó trực tuyến: {online} lượt)."
NO_PROPAGANDA = "Công tác tuyên truyền: chưa có lượt tuyên truyền nào."
TOTAL_PROPAGANDA = ("Công tác tuyên truyền: {n} lượt tuyên truyền trên {channels} kênh "
                    "(số lượng theo đơn vị tính của từng kênh tại Bảng {table}).")
TOTAL_WITH_DATA = ("Đơn vị có báo cáo số liệu (có ít nhất một hoạt động hoặc lượt tuyên "
                   "truyền): {n}/{units} đơn vị (đạt {rate}).")
TOTAL_SUBMITTED = "Đơn vị đã gửi báo cáo kết quả: {n}/{units} đơn vị (đạt {rate})."
TOTAL_WARDS = "Số {area} có hoạt động: {covered}/{wards} {area}{scope}."
TOTAL_WARDS_OWN_SCOPE = " (địa bàn trực thuộc {name})"
TOTAL_MODELS = "Mô hình học tập: {registered} đăng ký, {recognised} được công nhận (Bảng {table})."
SEE_APPENDIX = "Kết quả của từng đơn vị trực thuộc: xem Phụ lục kèm theo Báo cáo này."
SEE_WORKBOOK = ("Kết quả của từng đơn vị trực thuộc ({n} đơn vị): xem Phụ lục (tổng hợp theo "
                "{area}) và tệp số liệu Excel kèm theo Báo cáo này.")
COUNTING_NOTE = ("Số liệu không gồm các hoạt động, lượt tuyên truyền đơn vị đã rút lại hoặc "
                 "Ban chỉ đạo đã trả lại để bổ sung, chỉnh sửa.")

H_LEVELS = "Kết quả theo cơ quan cấp dưới"
TABLE_LEVELS = "Bảng {n}. Kết quả theo cơ quan cấp dưới và các đơn vị trực thuộc"
LEVELS_BASIS = ("Số liệu của cơ quan cấp dưới lấy từ báo cáo (bảng tính) cơ quan đó gửi lên, "
                "gồm cả cấp dưới của cơ quan đó; dòng tổng cộng bằng số liệu chung ở mục 1.")
LEVELS_BASIS_LIVE = ("Số liệu của cơ quan cấp dưới lấy trực tiếp từ dữ liệu của cơ quan đó trên "
                     "cùng hệ thống lúc lập báo cáo, gồm cả cấp dưới của cơ quan đó; «dự thảo»: "
                     "cơ quan đó chưa đủ điều kiện lập báo cáo chính thức; dòng tổng cộng bằng số "
                     "liệu chung ở mục 1.")
LEVELS_BASIS_MIXED = ("Số liệu của cơ quan cấp dưới: lấy trực tiếp trên cùng hệ thống (ghi «trực "
                      "tiếp») hoặc từ báo cáo (bảng tính) cơ quan đó gửi lên, gồm cả cấp dưới của "
                      "cơ quan đó; dòng tổng cộng bằng số liệu chung ở mục 1.")
LEVEL_LIVE_NAME = "{name} (trực tiếp, {state})"
LEVELS_NOT_SUMMED = "Chưa tính vào số liệu chung: {items}."
LEVEL_NOT_SUMMED_ITEM = "{name} ({state})"
COL_LEVEL = "Cơ quan, đơn vị"
COL_DATA_OF_UNITS = "Đơn vị có số liệu / số đơn vị"
OWN_ROW = "Các đơn vị trực thuộc {name}"
TABLE_LEVEL_CHANNELS = "Bảng {n}. Tuyên truyền theo kênh của từng cơ quan cấp dưới"
LEVEL_CHANNELS_BASIS = "Chỉ liệt kê các kênh có tuyên truyền; số lượng theo đơn vị tính của kênh."
NO_LEVEL_CHANNELS = "Các cơ quan cấp dưới chưa báo cáo lượt tuyên truyền nào."

H_WARDS = "Kết quả theo {area}"
TABLE_WARDS = "Bảng {n}. Kết quả theo {area}{scope}"
SCOPE_OWN_SUFFIX = " (các đơn vị trực thuộc {name})"
SCOPE_WHOLE_SUFFIX = " (toàn địa bàn, gồm cơ quan cấp dưới)"
WARDS_BASIS = ("Hoạt động, người tham gia và lượt tuyên truyền tính theo {area} nơi tổ chức; "
               "số đơn vị tính theo {area} nơi đơn vị đóng trụ sở; các đơn vị cấp {level} "
               "(không thuộc {area} nào) ở dòng «Đơn vị cấp {level}». Dòng tổng cộng bằng số "
               "liệu {which}.")
WARDS_TOTAL_HEADLINE = "chung ở mục 1"
WARDS_TOTAL_OWN = "của các đơn vị trực thuộc (Bảng {table})"
COL_NO = "STT"
COL_WARD = "{Area}"
COL_ACTIVITIES = "Hoạt động (nơi tổ chức)"
COL_ACTIVITIES_PLAIN = "Hoạt động"
COL_PARTICIPANTS = "Người tham gia"
COL_PROP_ENTRIES = "Lượt tuyên truyền"
COL_UNITS = "Số đơn vị"
COL_WITH_DATA = "Có số liệu"
COL_SUBMITTED = "Đã gửi báo cáo"
TOTAL_ROW = "Tổng cộng"
H_TIERS = "Kết quả theo cấp học"
TIERS_BASIS = ("Tính theo trường: mọi hoạt động của trường, dù tổ chức ở {area} nào. Dòng "
               "cộng là của khối trường học (không gồm các đơn vị khác).")
TABLE_TIERS = "Bảng {n}. Kết quả theo cấp học{scope}"
COL_TIER = "Cấp học"
COL_SCHOOLS = "Số trường"
COL_RATE = "Tỷ lệ có số liệu"
TIER_TOTAL = "Cộng khối trường"
H_TYPES = "Kết quả theo loại hoạt động"
TABLE_TYPES = "Bảng {n}. Số hoạt động theo loại hoạt động của Kế hoạch{scope}"
COL_TYPE = "Loại hoạt động"
H_PROPAGANDA = "Công tác tuyên truyền"
TABLE_CHANNELS = "Bảng {n}. Kết quả tuyên truyền theo kênh{scope}"
COL_CHANNEL = "Kênh tuyên truyền"
COL_MEASURE = "Đơn vị tính"
COL_QUANTITY = "Số lượng"
CHANNELS_NOTE = ("Số lượng tính theo đơn vị tính của từng kênh nên không cộng chung giữa "
                 "các kênh; dòng tổng cộng chỉ cộng số lượt tuyên truyền.")
TABLE_SLOGANS = "Bảng {n}. Khẩu hiệu được sử dụng{scope}"
COL_SLOGAN = "Khẩu hiệu"
COL_USES = "Số lượt sử dụng"
H_MODELS = "Xây dựng các mô hình học tập"
TABLE_MODELS = "Bảng {n}. Mô hình học tập đăng ký và được công nhận{scope}"
COL_MODEL = "Mô hình"
COL_REGISTERED = "Đăng ký"
COL_RECOGNISED = "Được công nhận"
TABLE_MODELS_WARD = ("Bảng {n}. Mô hình học tập theo {area} (đăng ký / được công nhận; theo "
                     "{area} của đơn vị báo cáo){scope}")
NO_MODELS = "Chưa có đơn vị đăng ký mô hình học tập."
# an all-zero table is one sentence instead
NO_TYPES = "Chưa có hoạt động nào được tổ chức."
NO_CHANNELS = "Chưa có lượt tuyên truyền nào trên các kênh."
NO_SLOGANS = "Chưa có khẩu hiệu nào được sử dụng trong các lượt tuyên truyền."
NO_SLOGANS_OWN = ("Các đơn vị trực thuộc {name} chưa sử dụng khẩu hiệu nào (báo cáo của cơ quan "
                  "cấp dưới không có số liệu theo khẩu hiệu).")
NO_SCHOOLS = "Chưa có trường học tham gia Tuần lễ."
NO_MODELS_WARD = "Các đơn vị trực thuộc {name} chưa đăng ký mô hình học tập."
NO_CHARTS = "Chưa có hoạt động, lượt tuyên truyền nào để thể hiện bằng biểu đồ."
NO_CHARTS_OWN = ("Các đơn vị trực thuộc {name} chưa có hoạt động, lượt tuyên truyền nào để thể "
                 "hiện bằng biểu đồ.")
MODEL_SHORT = {"gia_dinh": "Gia đình", "dong_ho": "Dòng họ", "cong_dong": "Cộng đồng",
               "don_vi": "Đơn vị"}
COL_TOTAL = "Tổng"
H_TARGETS = "Thực hiện các chỉ tiêu"
TABLE_TARGETS = "Bảng {n}. Kết quả thực hiện chỉ tiêu{scope}"
COL_TARGET = "Chỉ tiêu"
COL_APPLIES = "Số đơn vị áp dụng"
COL_MET = "Số đơn vị đạt"
COL_ATTAIN = "Tỷ lệ đạt"
NO_TARGETS = "Tuần lễ năm nay không đặt chỉ tiêu."
TARGET_ALL_UNITS = "mọi đơn vị"
H_CHARTS = "Biểu đồ"
CHART_MAP = "Biểu đồ 1. Số hoạt động theo {area} (sơ đồ vị trí các {area})"
CHART_DAYS = "Biểu đồ 2. Số hoạt động theo ngày trong Tuần lễ"
CHART_TIERS = "Biểu đồ 3. Tỷ lệ trường có số liệu theo cấp học"
CHARTS_SCOPE = "Các biểu đồ là số liệu của các đơn vị trực thuộc {name}."

# --- III. --------------------------------------------------------------------------------
H_COMMENDATIONS = "III. KHEN THƯỞNG VÀ GƯƠNG ĐIỂN HÌNH"
H_PICKS = "1. Danh sách đề nghị khen thưởng"
TABLE_PICKS = "Bảng {n}. Danh sách đề nghị khen thưởng"
COL_NAME = "Cá nhân, tập thể"
COL_UNIT = "Đơn vị"
COL_CATEGORY = "Danh hiệu"
COL_ACHIEVEMENT = "Thành tích"
H_EXEMPLARS = "2. Gương điển hình do các đơn vị đề xuất"
EXEMPLARS_NONE = ("Các gương điển hình được Ban chỉ đạo chấp thuận đều đã có trong danh sách "
                  "đề nghị khen thưởng.")
EXEMPLARS_EMPTY = "Không có gương điển hình nào được Ban chỉ đạo chấp thuận."
H_LEADERS = "3. Đơn vị dẫn đầu theo nhóm (điểm theo tiêu chí của Ban chỉ đạo)"
TABLE_LEADERS = "Bảng {n}. Ba đơn vị điểm cao nhất mỗi nhóm"
COL_GROUP = "Nhóm"
COL_RANK = "Hạng"
COL_SCORE = "Điểm"
COL_CHECKED = "Tỷ lệ đã kiểm tra"
# the scoring note, printed once (here); the appendix refers to it
LEADERS_NOTE = ("Điểm tính trên toàn bộ hoạt động và lượt tuyên truyền của đơn vị có trong "
                "số liệu của Báo cáo; mỗi kênh tuyên truyền tính theo số lượt, không cộng số "
                "lượng khác đơn vị tính. Cột «Tỷ lệ đã kiểm tra» là tỷ lệ hoạt động và "
                "lượt tuyên truyền của đơn vị đã được Ban chỉ đạo kiểm tra.")
NO_LEADERS = "Chưa có đơn vị nào có điểm (chưa có hoạt động, lượt tuyên truyền nào)."

# --- IV., V. -----------------------------------------------------------------------------
H_ASSESSMENT = "IV. ĐÁNH GIÁ CHUNG"
H_STRENGTHS = "1. Ưu điểm"
H_WEAKNESSES = "2. Tồn tại, hạn chế"
H_PROPOSALS = "3. Đề xuất, kiến nghị"
H_DIRECTIONS = "V. PHƯƠNG HƯỚNG NĂM {year}"
CLOSING = "Trên đây là báo cáo kết quả tổ chức “{title}” năm {year} của {issuer}./."

# --- appendix ----------------------------------------------------------------------------
APPENDIX = "PHỤ LỤC"
APPENDIX_SUBJECT = ("Kết quả của từng đơn vị trực thuộc\n(Kèm theo Báo cáo số {number} ngày "
                    "{day} của {issuer})")
APPENDIX_NOTE = ("Mỗi đơn vị một dòng, nhóm theo {area} nơi đơn vị đóng trụ sở (khác Bảng "
                 "{table}: hoạt động tính theo nơi tổ chức). Điểm: xem ghi chú tại mục III.3.")
APPENDIX_LEGEND = ("HĐ: số hoạt động; TT: số lượt tuyên truyền; Số liệu: có số liệu; Gửi BC: "
                   "đã gửi báo cáo; KT: tỷ lệ số liệu đã được kiểm tra.")
APPENDIX_DEACTIVATED_LEGEND = ("Ngừng HĐ: đơn vị đã ngừng hoạt động sau khi báo cáo (số liệu "
                               "vẫn được tính, đơn vị không tính vào số đơn vị).")
APPENDIX_WARDS_NOTE = ("Có {n} đơn vị, nhiều hơn {max} đơn vị: bảng chi tiết từng đơn vị (mỗi "
                       "đơn vị một dòng) nằm trong tệp số liệu Excel kèm theo; dưới đây là tổng "
                       "hợp theo {area} nơi đơn vị đóng trụ sở.")
APPENDIX_DEACTIVATED_SUMMARY = ("Hoạt động và tuyên truyền tính cả {n} đơn vị đã ngừng hoạt "
                                "động sau khi báo cáo (không tính vào số đơn vị).")
COL_ENTRIES_A = "HĐ"
COL_ENTRIES_P = "TT"
COL_DATA = "Số liệu"
COL_SUB = "Gửi BC"
COL_REV = "KT"
GROUP_ROW = "{name} ({n} đơn vị)"
DEACTIVATED_MARK = "Ngừng HĐ"
YES, NO = "Có", "Không"

# --- suggested sentences (the committee edits them; never printed by themselves) ---------
SUGGEST_STRENGTHS_TOTALS = ("Các đơn vị đã tổ chức {activities} hoạt động với {participants} "
                            "lượt người tham gia; {covered}/{wards} {area} có hoạt động.")
SUGGEST_STRENGTHS_RATE = ("Tỷ lệ đơn vị có báo cáo số liệu chung đạt {rate} ({n}/{units} đơn "
                          "vị).")
SUGGEST_STRENGTHS_BEST_WARDS = ("Các {area} có tỷ lệ đơn vị có số liệu cao hơn tỷ lệ chung"
                                "{basis} ({rate}): {wards}.")
SUGGEST_STRENGTHS_TYPES = "Loại hoạt động được tổ chức nhiều nhất: {types}."
SUGGEST_STRENGTHS_TARGETS = "Chỉ tiêu đã đạt 100%: {targets}."
SUGGEST_WEAK_WARDS = ("Các {area} có tỷ lệ đơn vị có số liệu thấp nhất, dưới tỷ lệ chung"
                      "{basis} ({rate}): {wards}.")
SUGGEST_BASIS_OWN = " của các đơn vị trực thuộc"
SUGGEST_WEAK_TIERS = ("Cấp học có tỷ lệ trường có số liệu thấp nhất, dưới tỷ lệ chung của "
                      "khối trường ({rate}): {tiers}.")
SUGGEST_WEAK_NOT_SUBMITTED = ("Còn {n}/{units} đơn vị chưa gửi báo cáo kết quả; {missing} đơn "
                              "vị chưa có số liệu.")
SUGGEST_WEAK_ZERO_TYPES = "Chưa có hoạt động thuộc các loại: {types}."
SUGGEST_WEAK_UNCOVERED = "Các {area} chưa có hoạt động: {wards}."
SUGGEST_WEAK_TARGETS = "Chỉ tiêu chưa đạt: {targets}."
SUGGEST_PROPOSAL_WARDS = ("Đề nghị {area_heads} {wards} chỉ đạo các đơn vị trên địa bàn "
                          "báo cáo đầy đủ kết quả.")
SUGGEST_PROPOSAL_TIERS = ("Đề nghị {office} đôn đốc các trường {tiers} tham gia và báo cáo "
                          "kết quả.")
SUGGEST_PROPOSAL_TARGETS = "Đề nghị các đơn vị chưa đạt chỉ tiêu bổ sung kết quả: {targets}."
SUGGEST_DIRECTIONS = "Tiếp tục tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {year}."
SUGGEST_DIRECTIONS_WARDS = ("Tập trung vào các {area} có tỷ lệ đơn vị có số liệu thấp nhất: "
                            "{wards}.")
SUGGEST_DIRECTIONS_TIERS = "Tập trung vào các cấp học có tỷ lệ thấp nhất: {tiers}."
SUGGEST_DIRECTIONS_TARGETS = "Hoàn thành các chỉ tiêu năm nay chưa đạt: {targets}."
SUGGEST_DIRECTIONS_TYPES = "Tổ chức các loại hoạt động năm nay chưa có: {types}."
TARGET_ATTAIN = "{label} ({met}/{units} đơn vị, {rate})"
RATE_ITEM = "{name} ({rate})"

# Words that never appear in the PDF (tests/test_report_texts.py): the app's states and
# screens, not an official's vocabulary.
NEVER_IN_PDF = ("đánh dấu", "Đã nộp»", "mục được tính", "mục chưa duyệt", "Đã duyệt %",
                "chưa duyệt", "hệ thống theo dõi", "trang Khen thưởng", "bấm", "nhập liệu",
                "needs_fix", "submitted", "accepted")
