"""Reference data of DESIGN §2, seeded on first start (see db/seed.py).

Plain data only: the seed, the forms, the stats and the PDF all read it from here or from
the database tables it fills.
"""
from core.organiser import BA_DINH_2020

EVENT_2020 = {
    "year": 2020,
    "title": "Tuần lễ hưởng ứng học tập suốt đời năm 2020",
    "theme": "Chuyển đổi số thúc đẩy Học tập suốt đời",
    "start_date": "2020-10-02",
    "end_date": "2020-10-07",
    "opening_time": "2020-10-02T07:00",
    "opening_place": "Trường THCS Thăng Long (Số 46 phố Nguyễn Văn Ngọc, Ba Đình, Hà Nội)",
    "plan_number": "185/KH-BCĐXHHT",
    "plan_date": "2020-09-28",
    "issuer_line1": "UBND QUẬN BA ĐÌNH",
    "issuer_line2": "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
    "signer_for": "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN",
    "signer_title": "PHÓ CHỦ TỊCH UBND QUẬN",
    "signer_name": "Phạm Thị Diễm",
    "report_email": "pgd-badinh@hanoiedu.vn",
    "refresh_seconds": 30,
}
EVENT_2020.update(BA_DINH_2020)  # the organiser profile (core/organiser.py)

# code, name, (row, column) on the schematic tile map: rough relative positions,
# north at the top, the Red River side on the right.
WARDS = [
    ("00001", "Phúc Xá", 0, 4),
    ("00004", "Trúc Bạch", 0, 3),
    ("00006", "Vĩnh Phúc", 0, 0),
    ("00007", "Cống Vị", 1, 0),
    ("00008", "Liễu Giai", 1, 1),
    ("00010", "Nguyễn Trung Trực", 1, 4),
    ("00013", "Quán Thánh", 1, 3),
    ("00016", "Ngọc Hà", 0, 2),
    ("00019", "Điện Biên", 2, 3),
    ("00022", "Đội Cấn", 1, 2),
    ("00025", "Ngọc Khánh", 2, 0),
    ("00028", "Kim Mã", 2, 1),
    ("00031", "Giảng Võ", 2, 2),
    ("00034", "Thành Công", 3, 1),
]

UNIT_KINDS = [
    ("school", "Trường học"),
    ("ward_committee", "UBND phường"),
    ("community_learning_center", "Trung tâm học tập cộng đồng"),
    ("continuing_education_center", "Trung tâm GDNN-GDTX"),
    ("culture_center", "Trung tâm VHTT&TT"),
    ("district_office", "Phòng ban quận"),
    ("association", "Hội Khuyến học"),
    ("language_it_center", "Trung tâm ngoại ngữ - tin học"),
    ("library", "Thư viện"),
]

TIERS = [
    ("mam_non", "Mầm non"),
    ("tieu_hoc", "Tiểu học"),
    ("thcs", "THCS"),
    ("thpt", "THPT"),
]

# code, name, kind, tier, ward_code
DISTRICT_UNITS = [
    ("PGDDT", "Phòng Giáo dục và Đào tạo quận Ba Đình", "district_office", None, None),
    ("PVHTT", "Phòng Văn hóa và Thông tin quận Ba Đình", "district_office", None, None),
    ("TTVHTTTT", "Trung tâm Văn hóa - Thông tin và Thể thao quận Ba Đình", "culture_center",
     None, None),
    ("TTGDNNGDTX", "Trung tâm GDNN-GDTX quận Ba Đình", "continuing_education_center", None,
     None),
    ("HKH", "Hội Khuyến học quận Ba Đình", "association", None, None),
    ("THCS-THANGLONG", "Trường THCS Thăng Long", "school", "thcs", "00007"),
]


def ward_units():
    """One People's Committee and one community learning centre per ward."""
    for code, name, _row, _col in WARDS:
        yield (f"UBND-{code}", f"UBND phường {name}", "ward_committee", None, code)
        yield (f"TTHTCD-{code}", f"Trung tâm học tập cộng đồng phường {name}",
               "community_learning_center", None, code)


ACTIVITY_GROUPS = [
    ("education", "Hoạt động giáo dục"),
    ("emulation", "Thi đua, phong trào"),
    ("ceremony", "Lễ khai mạc, bế mạc"),
]

# code, group, name
ACTIVITY_TYPES = [
    ("online_learning", "education", "Học tập trực tuyến, ứng dụng CNTT trong dạy và học"),
    ("library", "education", "Hoạt động thư viện, đọc sách"),
    ("oer", "education", "Tài nguyên giáo dục mở (sách, báo, bài giảng điện tử)"),
    ("internet_skills", "education",
     "Tập huấn kỹ năng khai thác thông tin trên Internet an toàn"),
    ("online_forum", "education", "Diễn đàn, câu lạc bộ trực tuyến"),
    ("contest", "education", "Cuộc thi công dân học tập, công dân toàn cầu"),
    ("learning_model", "education", "Gia đình, dòng họ, cộng đồng, đơn vị học tập"),
    ("literacy", "education", "Xóa mù chữ"),
    ("study_promotion", "emulation", "Hoạt động khuyến học"),
    ("sports", "emulation", "Thể dục thể thao"),
    ("arts", "emulation", "Văn hóa văn nghệ"),
    ("thematic", "emulation", "Hoạt động chuyên đề"),
    ("club", "emulation", "Câu lạc bộ"),
    ("opening_ceremony", "ceremony", "Lễ khai mạc"),
    ("closing_ceremony", "ceremony", "Lễ bế mạc, tổng kết"),
]

# code, name, unit of measure
CHANNELS = [
    ("banner", "Băng rôn, khẩu hiệu", "chiếc"),
    ("mobile_convoy", "Xe lưu động", "lượt xe"),
    ("portal", "Cổng thông tin điện tử", "bài đăng"),
    ("facebook", "Facebook", "bài đăng"),
    ("zalo", "Zalo", "bài đăng"),
    ("viber", "Viber", "bài đăng"),
    ("ward_radio", "Đài truyền thanh phường", "buổi phát"),
    ("city_radio_tv", "Đài PT-TH Thành phố", "buổi phát"),
    ("press", "Báo chí", "bài báo"),
    ("column", "Chuyên mục", "chuyên mục"),
]

SLOGANS = [
    "Xây dựng xã hội học tập là trách nhiệm của toàn Đảng, Nhà nước và của toàn dân.",
    "Chuyển đổi số - phát triển học tập trong thời đại Công nghệ 4.0.",
    "Học tập sử dụng công nghệ - chìa khóa của mọi thành công.",
    "Việc chuyển đổi số rất quan trọng. Nếu bạn biết cách học, cả thế giới sẽ mở ra cho bạn.",
    "Tự học là một cách xây dựng xã hội học tập.",
    "Đọc và học tập suốt đời theo tấm gương Bác Hồ vĩ đại.",
    "“Học hỏi là một việc phải tiếp tục suốt đời” (Hồ Chí Minh).",
    "Học ở trường, học ở sách vở, học lẫn nhau và học nhân dân (Hồ Chí Minh).",
]

COMMENDATION_CATEGORIES = [
    ("day_tot", "Dạy tốt"),
    ("hoc_tot", "Học tốt"),
    ("to_chuc_tot", "Tổ chức hoạt động tốt"),
    ("tu_hoc", "Tấm gương tự học, học tập suốt đời"),
]

LEARNING_MODELS = [
    ("gia_dinh", "Gia đình học tập"),
    ("dong_ho", "Dòng họ học tập"),
    ("cong_dong", "Cộng đồng học tập"),
    ("don_vi", "Đơn vị học tập"),
]

FORMATS = [
    ("truc_tiep", "Trực tiếp"),
    ("truc_tuyen", "Trực tuyến"),
    ("ket_hop", "Kết hợp trực tiếp và trực tuyến"),
]

AUDIENCES = [
    ("hoc_sinh", "Học sinh"),
    ("phu_huynh", "Phụ huynh"),
    ("can_bo", "Giáo viên, cán bộ"),
    ("nguoi_lao_dong", "Người lao động"),
    ("nguoi_dan", "Người dân"),
]

ROLES = [
    ("unit", "Đơn vị"),
    ("committee", "Ban chỉ đạo"),
    ("admin", "Quản trị hệ thống"),
    ("leader", "Lãnh đạo UBND quận"),  # approves the budget estimate
]

# unit kind (None = any), tier (None = any), metric, minimum, label
DEFAULT_TARGETS = [
    ("school", None, "education_activities", 1, "Ít nhất 1 hoạt động giáo dục"),
    (None, None, "propaganda_entries", 1, "Ít nhất 1 hoạt động tuyên truyền"),
    ("ward_committee", None, "activities", 1, "Ít nhất 1 hoạt động trong Tuần lễ"),
    ("community_learning_center", None, "activities", 1, "Ít nhất 1 hoạt động trong Tuần lễ"),
]


WARD_NAMES = {code: name for code, name, _r, _c in WARDS}
KIND_NAMES = dict(UNIT_KINDS)
TIER_NAMES = dict(TIERS)
GROUP_NAMES = dict(ACTIVITY_GROUPS)
TYPE_NAMES = {code: name for code, _group, name in ACTIVITY_TYPES}
TYPE_GROUPS = {code: group for code, group, _name in ACTIVITY_TYPES}
CHANNEL_NAMES = {code: name for code, name, _measure in CHANNELS}
CHANNEL_MEASURES = {code: measure for code, _name, measure in CHANNELS}
CATEGORY_NAMES = dict(COMMENDATION_CATEGORIES)
MODEL_NAMES = dict(LEARNING_MODELS)
FORMAT_NAMES = dict(FORMATS)
AUDIENCE_NAMES = dict(AUDIENCES)
ROLE_NAMES = dict(ROLES)
