"""Every user-facing Vietnamese text in one place (code stays in English)."""

APP_TITLE = "Tuần lễ hưởng ứng học tập suốt đời"
APP_SHORT = "Tuần lễ HTSĐ"

# Access and errors
ACCESS_DENIED = "Bạn không có quyền thực hiện thao tác này."
ACCESS_DENIED_OTHER_UNIT = "Bạn chỉ được nhập, sửa dữ liệu của đơn vị mình."
PAGE_FORBIDDEN = "Trang này không dành cho vai trò của bạn."
WEEK_LOCKED = ("Tuần lễ đã khóa báo cáo lúc {lock_at}: không thể thêm, sửa hay xóa dữ liệu. "
               "Liên hệ Ban chỉ đạo nếu cần điều chỉnh.")
DB_WRITE_FAILED = ("Không ghi được dữ liệu (ổ đĩa đầy hoặc chỉ đọc). Chưa có gì được lưu; "
                   "vui lòng báo quản trị hệ thống.")
UNDER_CONSTRUCTION = "Trang này đang xây dựng."
FORM_HAS_ERRORS = "Vui lòng sửa các ô được đánh dấu bên dưới. Chưa có gì được lưu."
SAVED = "Đã lưu."
ALREADY_SAVED = "Biểu mẫu này đã được lưu (bấm hai lần chỉ lưu một lần)."

# Login and accounts
LOGIN_FIELDS = {
    "Form name": "Đăng nhập",
    "Username": "Tên đăng nhập",
    "Password": "Mật khẩu",
    "Login": "Đăng nhập",
}
LOGIN_WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
LOGIN_LOCKED = ("Tài khoản tạm khóa đến {until} do nhập sai mật khẩu quá {limit} lần. "
                "Hãy thử lại sau hoặc liên hệ quản trị hệ thống.")
LOGIN_HELP = "Chưa có tài khoản? Liên hệ Phòng GD&ĐT quận để được cấp."
LOGOUT = "Đăng xuất"
SESSION_ENDED = "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại."
COOKIE_KEY_WEAK = ("Khóa cookie quá ngắn hoặc là giá trị mặc định của thư viện: ứng dụng không "
                   "khởi động. Đặt LLW_COOKIE_KEY (ít nhất 32 ký tự ngẫu nhiên) hoặc xóa nó "
                   "để hệ thống tự sinh.")

USERNAME_INVALID = ("Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch "
                    "ngang, gạch dưới (ví dụ nguyen.van.a).")
USERNAME_TAKEN = "Tên đăng nhập này đã có."
PASSWORD_TOO_SHORT = "Mật khẩu cần ít nhất {min} ký tự."
PASSWORD_TOO_LONG = "Mật khẩu dài tối đa {max} ký tự."
PASSWORD_BLANK = "Mật khẩu không được chỉ gồm khoảng trắng."
PASSWORD_SAME_AS_USERNAME = "Mật khẩu không được trùng tên đăng nhập."
PASSWORD_MISMATCH = "Hai lần nhập mật khẩu không khớp."
PASSWORD_CURRENT_WRONG = "Mật khẩu hiện tại không đúng."
PASSWORD_RULES = ("Ít nhất 10 ký tự, có thể dùng cụm từ tiếng Việt có dấu và khoảng trắng, "
                  "ví dụ «Học tập suốt đời 2020!».")
NAME_REQUIRED = "Vui lòng nhập họ tên."
ROLE_INVALID = "Vai trò phải là unit, committee hoặc admin."
UNIT_REQUIRED_FOR_ROLE = "Tài khoản đơn vị phải gắn với một đơn vị."
UNIT_NOT_ALLOWED_FOR_ROLE = "Chỉ tài khoản đơn vị mới gắn với đơn vị."
UNIT_UNKNOWN = "Không có đơn vị mã «{code}»."
USER_UNKNOWN = "Không có tài khoản «{username}»."
FIRST_ADMIN_EXISTS = "Đã có tài khoản quản trị: trang khởi tạo không còn dùng được."

# Units and imports
UNIT_CODE_INVALID = "Mã đơn vị gồm 1–40 ký tự chữ không dấu, số, gạch ngang, gạch dưới, chấm."
UNIT_CODE_TWICE = "mã «{code}» xuất hiện hai lần trong tệp (dòng {first})"
UNIT_CODE_EXISTS = "mã «{code}» đã có trong hệ thống"
UNIT_NAME_REQUIRED = "thiếu tên đơn vị"
KIND_UNKNOWN = "loại đơn vị «{kind}» không hợp lệ"
TIER_REQUIRED = "trường học phải có cấp học (Mầm non, Tiểu học, THCS hoặc THPT)"
TIER_UNKNOWN = "cấp học «{tier}» không hợp lệ"
TIER_ONLY_SCHOOL = "chỉ trường học mới có cấp học"
WARD_UNKNOWN = "mã phường «{ward}» không có trong 14 phường"
EMAIL_INVALID = "địa chỉ email không hợp lệ"
FILE_UNREADABLE = "Không đọc được tệp: {reason}"
FILE_MISSING_COLUMNS = "tệp thiếu cột: {columns}"
FILE_EMPTY = "Tệp không có dòng dữ liệu nào."
IMPORT_LINE = "dòng {line}: {reason}"
IMPORT_NOTHING_WRITTEN = "Không nhập dòng nào vì có {count} dòng lỗi."
IMPORT_DONE = "Đã nhập {created} dòng mới, cập nhật {updated} dòng."

# Navigation
NAV_ACCOUNT = "Tài khoản"
NAV_SECTIONS = {"unit": "Đơn vị", "committee": "Ban chỉ đạo", "admin": "Quản trị"}
CANNOT_DEACTIVATE_SELF = "Không thể tự khóa tài khoản đang đăng nhập."
LOGGED_OUT = "Bạn đã đăng xuất."
FIRST_RUN_TITLE = "Khởi tạo hệ thống"
FIRST_RUN_INTRO = ("Hệ thống chưa có tài khoản quản trị. Hãy tạo tài khoản quản trị đầu tiên: "
                   "trang này chỉ xuất hiện một lần và biến mất khi đã có quản trị viên.")
FIRST_RUN_DONE = "Đã tạo tài khoản quản trị «{username}». Hãy đăng nhập."
FIELD_USERNAME = "Tên đăng nhập"
FIELD_NAME = "Họ và tên"
FIELD_EMAIL = "Email"
FIELD_PASSWORD = "Mật khẩu"
FIELD_PASSWORD_REPEAT = "Nhập lại mật khẩu"
FIELD_PASSWORD_CURRENT = "Mật khẩu hiện tại"
FIELD_PASSWORD_NEW = "Mật khẩu mới"
BUTTON_CREATE_ADMIN = "Tạo tài khoản quản trị"
BUTTON_CHANGE_PASSWORD = "Đổi mật khẩu"
PASSWORD_CHANGED = "Đã đổi mật khẩu."
ACCOUNT_SIGNED_IN_AS = "Đăng nhập với tên **{username}** ({role})"
ACCOUNT_UNIT = "Đơn vị: {unit}"

# Admin: units and accounts
TAB_UNITS = "Danh sách đơn vị"
TAB_UNIT_EDIT = "Thêm / sửa đơn vị"
TAB_IMPORT = "Nhập từ tệp"
TAB_ACCOUNTS = "Tài khoản"
FILTER_WARD = "Phường"
FILTER_KIND = "Loại đơn vị"
FILTER_TIER = "Cấp học"
FILTER_ALL = "Tất cả"
FILTER_SEARCH = "Tìm theo mã hoặc tên"
FILTER_SHOW_INACTIVE = "Hiện cả đơn vị đã ngừng"
UNITS_COUNT = "{count} đơn vị"
COL_CODE = "Mã"
COL_NAME = "Tên"
COL_KIND = "Loại"
COL_TIER = "Cấp học"
COL_WARD = "Phường"
COL_EMAIL = "Email"
COL_PHONE = "Điện thoại"
COL_ACTIVE = "Đang hoạt động"
COL_SAMPLE = "Dữ liệu mẫu"
COL_ROLE = "Vai trò"
COL_UNIT = "Đơn vị"
COL_LOCKED = "Khóa đến"
COL_LAST_LOGIN = "Đăng nhập gần nhất"
UNIT_PICK = "Chọn đơn vị để sửa (để trống để thêm mới)"
UNIT_NEW = "— Thêm đơn vị mới —"
BUTTON_SAVE = "Lưu"
BUTTON_DEACTIVATE = "Ngừng hoạt động"
BUTTON_ACTIVATE = "Hoạt động trở lại"
UNIT_SAVED = "Đã lưu đơn vị «{name}»."
UNIT_DEACTIVATED = "Đơn vị đã ngừng hoạt động (dữ liệu cũ vẫn giữ)."
UNIT_ACTIVATED = "Đơn vị hoạt động trở lại."
NO_TIER = "— (không phải trường học) —"
NO_WARD = "— (cấp quận) —"
IMPORT_UNITS_HELP = ("Tệp CSV (UTF-8) hoặc XLSX với các cột: code, name, kind, tier, ward_code, "
                     "email, phone. Một dòng lỗi thì không dòng nào được nhập.")
IMPORT_UPDATE_EXISTING = "Cập nhật đơn vị đã có cùng mã"
IMPORT_FILE = "Chọn tệp"
BUTTON_IMPORT = "Nhập"
TEMPLATE_CSV = "Tải tệp mẫu CSV"
TEMPLATE_XLSX = "Tải tệp mẫu XLSX"
ACCOUNT_CREATE = "Tạo tài khoản"
ACCOUNT_CREATED = "Đã tạo tài khoản «{username}». Hãy gửi mật khẩu cho người dùng qua kênh riêng."
FIELD_ROLE = "Vai trò"
FIELD_UNIT = "Đơn vị (cho tài khoản đơn vị)"
ACCOUNT_PICK = "Chọn tài khoản"
BUTTON_RESET_PASSWORD = "Đặt lại mật khẩu"
BUTTON_UNLOCK = "Mở khóa"
PASSWORD_RESET_DONE = "Đã đặt lại mật khẩu; các phiên đăng nhập cũ của tài khoản này đã kết thúc."
UNLOCKED = "Đã mở khóa tài khoản."
ACCOUNT_DEACTIVATED = "Đã khóa tài khoản."
ACCOUNT_ACTIVATED = "Đã mở lại tài khoản."
BUTTON_DEACTIVATE_ACCOUNT = "Khóa tài khoản"
BUTTON_ACTIVATE_ACCOUNT = "Mở lại tài khoản"
YES = "Có"
NO = "Không"
EVENT_YEAR = "Năm"

# Week settings, lock, next year (issue 6: db/event_admin.py, core/event_rules.py)
EVT_UNKNOWN = "Không tìm thấy Tuần lễ này."
EVT_YEAR_INVALID = "Năm phải là số từ 2000 đến 2100."
EVT_YEAR_TAKEN = "Đã có Tuần lễ năm {year}."
EVT_REQUIRED = "Không được để trống."
EVT_DATE_INVALID = "Ngày không hợp lệ."
EVT_DATETIME_INVALID = "Ngày giờ không hợp lệ."
EVT_END_BEFORE_START = "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."
EVT_DATE_NOT_IN_YEAR = "Ngày bắt đầu phải thuộc năm {year}."
EVT_OPENING_OUTSIDE_WEEK = "Lễ khai mạc phải diễn ra trong thời gian Tuần lễ."
EVT_PLAN_AFTER_END = "Ngày ban hành kế hoạch không thể sau ngày kết thúc Tuần lễ."
EVT_REFRESH_INVALID = "Chu kỳ làm mới là số giây từ {low} đến {high}."
EVT_LOCK_BEFORE_END = ("Thời điểm khóa báo cáo phải từ ngày kết thúc Tuần lễ ({end}) trở đi, "
                       "để đơn vị kịp nhập số liệu cả tuần.")
EVT_SLOGAN_COUNT = "Cần đúng {count} khẩu hiệu."
EVT_SLOGAN_EMPTY = "Khẩu hiệu số {number} không được để trống."
EVT_TARGET_ROW = "Chỉ tiêu dòng {number}: {problems}"
EVT_TARGET_TIER_NEEDS_SCHOOL = "chỉ đặt cấp học khi loại đơn vị là trường học"
EVT_TARGET_METRIC = "chọn tiêu chí đo"
EVT_TARGET_MINIMUM = "mức tối thiểu là số nguyên không âm"
EVT_TARGET_LABEL = "thiếu mô tả chỉ tiêu"

# Budget estimate (issue 6: db/budget.py, core/budget.py)
BUD_ITEM_REQUIRED = "Vui lòng nhập nội dung chi."
BUD_QUANTITY_INVALID = "Số lượng là số từ 0 đến {max} (dùng dấu phẩy cho phần thập phân: 1,5)."
BUD_PRICE_INVALID = ("Đơn giá là số đồng nguyên, không âm (ví dụ 1500000 hoặc 1.500.000), "
                     "tối đa 100 tỷ đồng.")
BUD_NOT_DRAFT = ("Dự trù đã gửi hoặc đã duyệt nên không sửa được. Quản trị có thể trả lại "
                 "bản dự trù đã gửi để chỉnh sửa.")
BUD_NOT_SUBMITTED = "Chỉ duyệt hoặc trả lại được dự trù đang ở trạng thái «Đã gửi duyệt»."
BUD_APPROVED_FINAL = "Dự trù đã được phê duyệt: không thể trả lại."
BUD_EMPTY = "Dự trù chưa có dòng chi nào: chưa thể gửi duyệt."
BUD_LINE_UNKNOWN = "Không tìm thấy dòng chi này (có thể đã bị xóa)."
BUD_STATUS_NAMES = {"draft": "Bản nháp", "submitted": "Đã gửi duyệt", "approved": "Đã phê duyệt"}

# Backup and restore (issue 6: db/backup.py, cli/operations.py, app_pages/admin_backup.py)
BAK_NO_DATABASE = "Không có cơ sở dữ liệu tại {path}."
BAK_COPY_UNHEALTHY = "Bản sao lưu không đạt kiểm tra toàn vẹn ({problems}); đã hủy bản sao."
BAK_UNREADABLE = "Không đọc được tệp: {reason}"
BAK_NOT_SQLITE = "Tệp không phải cơ sở dữ liệu SQLite."
BAK_DAMAGED = "Cơ sở dữ liệu bị hỏng: {reason}"
BAK_NOT_THIS_APP = "Tệp là SQLite nhưng không phải cơ sở dữ liệu của ứng dụng này."
BAK_NEWER_VERSION = ("Tệp được tạo bởi phiên bản ứng dụng mới hơn (bước nâng cấp lạ: {names}); "
                     "hãy cập nhật ứng dụng trước khi khôi phục.")
BAK_MISSING_TABLES = "Thiếu bảng: {tables}"
BAK_RESTORE_REFUSED = "Không khôi phục: {problems}. Cơ sở dữ liệu đang dùng không bị thay đổi."
BAK_RESTORE_FAILED = ("Khôi phục thất bại ({reason}). Cơ sở dữ liệu đang dùng không bị thay "
                      "đổi.")

# Commendations: scoring rubric, nominations, picks (issue 5)
SCORING_WEIGHT_INVALID = "Trọng số phải là số từ 0 đến {max}."
SCORING_CAP_INVALID = "Số hoạt động tối đa được tính cho mỗi loại phải là số nguyên từ 1 trở lên."
SCORING_TYPE_UNKNOWN = "Loại hoạt động «{code}» không có trong danh mục."
SCORING_GROUP_SCHOOL = "Trường {tier}"
SCORING_GROUP_WARD = "Phường (UBND, Trung tâm HTCĐ)"
SCORING_GROUP_OTHER = "Đơn vị khác"
SCORING_CRITERIA = {
    "activities": "Hoạt động được duyệt (theo trọng số loại)",
    "distinct_types": "Số loại hoạt động khác nhau",
    "participants": "Người tham gia (thang logarit)",
    "propaganda_items": "Sản phẩm tuyên truyền (thang logarit)",
    "channels": "Số kênh tuyên truyền",
    "evidence": "Tỷ lệ hoạt động có minh chứng",
    "on_time": "Nộp báo cáo đúng hạn",
}
SCORING_WEIGHT_LABELS = {
    "activity_cap": "Tối đa số hoạt động được tính cho mỗi loại",
    "distinct_types": "Điểm cho mỗi loại hoạt động khác nhau",
    "participants": "Hệ số người tham gia (× log10(1 + số người))",
    "propaganda_items": "Hệ số sản phẩm tuyên truyền (× log10(1 + số sản phẩm))",
    "channels": "Điểm cho mỗi kênh tuyên truyền",
    "evidence": "Điểm tối đa cho minh chứng (× tỷ lệ hoạt động có minh chứng)",
    "on_time": "Điểm nộp báo cáo đúng hạn",
}
SCORING_RUBRIC_HELP = (
    "Chỉ tính hoạt động và tuyên truyền đã được Ban chỉ đạo duyệt. Mỗi hoạt động được tính "
    "theo trọng số của loại hoạt động (tối đa một số hoạt động mỗi loại); số người tham gia "
    "và số sản phẩm tuyên truyền tính theo thang logarit để đơn vị lớn không thắng chỉ nhờ "
    "quy mô; đúng hạn là nộp báo cáo trước giờ khóa báo cáo (hoặc trước hết ngày cuối Tuần lễ "
    "nếu chưa đặt giờ khóa). Đơn vị chỉ được xếp hạng trong nhóm tương đương.")
SCORING_WEIGHTS_SAVED = "Đã lưu trọng số chấm điểm."
SCORING_WEIGHTS_RESET = "Đã khôi phục trọng số mặc định."
COMMEND_DECISION_INVALID = "Quyết định phải là duyệt hoặc không duyệt."
COMMEND_NOMINATION_UNKNOWN = "Không tìm thấy đề xuất này (có thể đơn vị đã rút)."
COMMEND_NOMINATION_NOT_APPROVED = "Chỉ chọn khen thưởng từ đề xuất đã được duyệt."
COMMEND_CATEGORY_INVALID = "Vui lòng chọn danh hiệu khen thưởng."
COMMEND_RECIPIENT_REQUIRED = "Vui lòng nhập tên cá nhân hoặc chọn đơn vị được khen."
COMMEND_RECIPIENT_TOO_LONG = "Tên người được khen dài tối đa {max} ký tự."
COMMEND_RATIONALE_REQUIRED = "Vui lòng ghi lý do khen thưởng."
COMMEND_RATIONALE_TOO_LONG = "Lý do khen thưởng dài tối đa {max} ký tự."
COMMEND_UNIT_UNKNOWN = "Không tìm thấy đơn vị được chọn."
COMMEND_UNKNOWN = "Không tìm thấy quyết định khen thưởng này (có thể đã bị xóa)."
COMMEND_STATUS_NAMES = {"proposed": "Chờ duyệt", "approved": "Đã duyệt",
                        "declined": "Không duyệt"}
COMMEND_NOMINEE_KINDS = {"person": "Cá nhân", "unit": "Tập thể"}

# --- Issue 4: live dashboard, progress, review, export (prefix DASH_/PROG_/REV_/EXP_/CHART_)
CHART_WARD = "Phường"
CHART_ACTIVITIES = "Số hoạt động"
CHART_PARTICIPANTS = "Lượt người tham gia"
CHART_GROUP = "Nhóm hoạt động"
CHART_TIER = "Cấp học"
CHART_REPORTING_RATE = "Tỷ lệ báo cáo"
CHART_REPORTING = "Đơn vị đã báo cáo"
CHART_UNITS = "Số đơn vị"
CHART_DAY = "Ngày"
CHART_CHANNEL = "Kênh tuyên truyền"
CHART_QUANTITY = "Số lượng"
CHART_ENTRIES = "Số lần"
CHART_SLOGAN = "Khẩu hiệu"
CHART_SLOGAN_N = "Khẩu hiệu {n}"
CHART_PROPAGANDA = "Tuyên truyền"
CHART_NOT_COVERED = "Chưa có hoạt động"
WEEKDAY_SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
DASH_KPI_ACTIVITIES = "Hoạt động"
DASH_KPI_PARTICIPANTS = "Lượt người tham gia"
DASH_KPI_ONLINE = "Tỷ lệ trực tuyến"
DASH_KPI_PROPAGANDA = "Sản phẩm tuyên truyền"
DASH_KPI_REPORTING = "Đơn vị đã báo cáo"
DASH_KPI_WARDS = "Phường có hoạt động"
DASH_KPI_DELTA_HELP = "Thay đổi so với hết ngày {day}"
DASH_UPDATED_AT = "Cập nhật lúc {time}"
DASH_MAP = "Bản đồ 14 phường (bấm vào một phường để lọc cả trang)"
DASH_HEATMAP = "Hoạt động theo phường và nhóm"
DASH_TIER_RATES = "Tỷ lệ trường đã báo cáo theo cấp học"
DASH_PER_DAY = "Hoạt động theo ngày"
DASH_CHANNELS = "Tuyên truyền theo kênh"
DASH_SLOGANS = "Khẩu hiệu được sử dụng"
DASH_FEED = "Dữ liệu mới nhập"
DASH_FEED_EMPTY = "Chưa có dữ liệu nào được nhập."
DASH_FILTERS = "Bộ lọc"
DASH_FILTER_DAYS = "Khoảng ngày"
DASH_WARD_SELECTED = "Đang lọc theo phường {name}"
DASH_CLEAR_WARD = "Bỏ lọc phường"
DASH_YEARS = "So sánh các năm"
DASH_COL_YEAR = "Năm"
DASH_FEED_ACTIVITY = "Hoạt động"
DASH_FEED_PROPAGANDA = "Tuyên truyền"
DASH_NO_EVENT = "Chưa có Tuần lễ nào được cấu hình."
STATUS_NAMES = {"submitted": "Đã gửi", "accepted": "Đã duyệt", "needs_fix": "Cần sửa"}
PROG_RATE_TIER = "Tỷ lệ báo cáo theo cấp học"
PROG_RATE_WARD = "Tỷ lệ báo cáo theo phường"
PROG_UNITS = "Tình hình báo cáo của từng đơn vị"
PROG_NOT_REPORTED = "Đơn vị chưa báo cáo"
PROG_ALL_REPORTED = "Tất cả đơn vị trong phạm vi lọc đã báo cáo."
PROG_MAILTO = "Gửi email nhắc {count} đơn vị (BCC)"
PROG_MAILTO_NONE = "Các đơn vị chưa báo cáo chưa có địa chỉ email."
PROG_MAIL_SUBJECT = "Nhắc báo cáo {title}"
PROG_MAIL_BODY = ("Kính gửi các đơn vị,\n\nBan chỉ đạo đề nghị đơn vị cập nhật kết quả tổ chức "
                  "{title} trên hệ thống theo dõi.\n\nTrân trọng.")
PROG_FILTER_STATUS = "Tình trạng"
PROG_STATUS_ALL = "Tất cả"
PROG_STATUS_REPORTED = "Đã báo cáo"
PROG_STATUS_NOT_REPORTED = "Chưa báo cáo"
PROG_COL_REPORTED = "Đã báo cáo"
PROG_COL_ENTRIES = "Số mục đã nhập"
PROG_COL_LAST = "Lần nhập gần nhất"
PROG_COL_SUBMITTED = "Đã nộp"
PROG_COL_RATE = "Tỷ lệ"
PROG_COL_TOTAL = "Tổng số"
PROG_NO_EMAIL = "(chưa có email)"
REV_FILTER_STATUS = "Trạng thái duyệt"
REV_FILTER_KIND = "Loại dữ liệu"
REV_FILTER_TYPE = "Loại hoạt động / kênh"
REV_KIND_ACTIVITY = "Hoạt động"
REV_KIND_PROPAGANDA = "Tuyên truyền"
REV_PICK = "Chọn mục để xem"
REV_COUNT = "{count} mục"
REV_NONE = "Không có mục nào phù hợp bộ lọc."
REV_COMMENT = "Nhận xét (bắt buộc khi yêu cầu sửa)"
REV_ACCEPT = "Duyệt"
REV_NEEDS_FIX = "Yêu cầu sửa"
REV_DONE = "Đã lưu kết quả duyệt: {status}."
REV_COMMENT_REQUIRED = "Hãy ghi rõ cần sửa gì để đơn vị biết."
REV_COMMENT_TOO_LONG = "Nhận xét tối đa 1.000 ký tự."
REV_STATUS_INVALID = "Trạng thái duyệt không hợp lệ."
REV_ENTRY_MISSING = "Không tìm thấy mục này (có thể đơn vị đã rút)."
REV_PHOTOS = "Ảnh minh chứng"
REV_NO_PHOTOS = "Không có ảnh."
REV_PREVIOUS_COMMENT = "Nhận xét trước: {comment}"
EXP_INTRO = ("Bảng số liệu gửi Thành phố: cùng số liệu với Bảng theo dõi và báo cáo tổng kết "
             "(không tính mục đã rút và mục cần sửa).")
EXP_XLSX = "Tải tệp XLSX (mỗi bảng một trang tính)"
EXP_CSV = "Tải tệp CSV"
EXP_CSV_TABLE = "Bảng xuất CSV"
EXP_SHEETS = {"totals": "Tổng hợp", "by_ward": "Theo phường", "by_tier": "Theo cấp học",
              "by_day": "Theo ngày", "by_type": "Theo loại hoạt động",
              "by_channel": "Theo kênh tuyên truyền", "activities": "Danh sách hoạt động",
              "propaganda": "Danh sách tuyên truyền"}
EXP_TOTAL_LABELS = {"activities": "Số hoạt động", "participants": "Lượt người tham gia",
                    "online_participants": "Lượt tham gia trực tuyến",
                    "propaganda_items": "Sản phẩm tuyên truyền", "units": "Số đơn vị",
                    "reporting_units": "Số đơn vị đã báo cáo",
                    "reporting_rate": "Tỷ lệ đơn vị đã báo cáo", "wards": "Số phường",
                    "wards_covered": "Số phường có hoạt động"}
EXP_COLS = {"item": "Chỉ tiêu", "value": "Giá trị", "code": "Mã", "name": "Tên",
            "ward": "Phường", "tier": "Cấp học", "schools": "Số trường",
            "reporting_schools": "Số trường đã báo cáo", "date": "Ngày", "type": "Loại hoạt động",
            "group": "Nhóm", "channel": "Kênh", "measure": "Đơn vị tính", "entries": "Số lần",
            "quantity": "Số lượng", "unit": "Đơn vị", "unit_code": "Mã đơn vị",
            "title": "Tên hoạt động", "start_date": "Từ ngày", "end_date": "Đến ngày",
            "format": "Hình thức", "status": "Trạng thái", "slogans": "Khẩu hiệu",
            "link": "Liên kết", "note": "Ghi chú", "id": "Số TT",
            "activities": "Số hoạt động", "participants": "Lượt người tham gia",
            "online_participants": "Lượt trực tuyến", "propaganda_items": "Sản phẩm tuyên truyền",
            "units": "Số đơn vị", "reporting_units": "Số đơn vị đã báo cáo",
            "rate": "Tỷ lệ", "audiences": "Đối tượng"}
DEMO_SAMPLE_PREFIX = "[Mẫu] "
REPORT_ASSESSMENT_TOO_LONG = "Phần đánh giá dài tối đa {max} ký tự."

# --- Issue 3: units log their week (entries, photos, models, nominations, submission) ---
ENT_WARD_REQUIRED = "Đơn vị cấp quận chưa gắn với phường: vui lòng chọn phường nơi tổ chức."
ENT_WARD_UNKNOWN = "Mã phường «{value}» không thuộc 14 phường của quận."
ENT_TYPE_UNKNOWN = "Loại hoạt động «{value}» không có trong danh mục."
ENT_TITLE_REQUIRED = "Vui lòng nhập tên hoạt động."
ENT_TOO_LONG = "Tối đa {max} ký tự (đang có {length})."
ENT_DATE_REQUIRED = "Vui lòng nhập ngày."
ENT_DATE_INVALID = "Ngày «{value}» không hợp lệ (dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy)."
ENT_DATE_OUTSIDE = ("Ngày {value} nằm ngoài Tuần lễ ({start} – {end}): nếu đúng là vậy, "
                    "hãy đánh dấu ô xác nhận ngày ngoài Tuần lễ.")
ENT_END_BEFORE_START = "Ngày kết thúc ({end}) trước ngày bắt đầu ({start})."
ENT_FORMAT_UNKNOWN = "Hình thức «{value}» không hợp lệ (truc_tiep, truc_tuyen hoặc ket_hop)."
ENT_COUNT_INVALID = "«{value}» không phải số nguyên không âm."
ENT_COUNT_TOO_BIG = "Số quá lớn (tối đa {max})."
ENT_ONLINE_OVER_TOTAL = ("Số người tham gia trực tuyến ({online}) không được lớn hơn tổng số "
                         "người tham gia ({total}).")
ENT_ONLINE_BUT_IN_PERSON = ("Hoạt động trực tiếp không có người tham gia trực tuyến: đổi hình "
                            "thức thành «Kết hợp» hoặc để số trực tuyến là 0.")
ENT_AUDIENCE_UNKNOWN = ("Đối tượng «{value}» không hợp lệ (hoc_sinh, phu_huynh, can_bo, "
                        "nguoi_lao_dong, nguoi_dan).")
ENT_URL_INVALID = ("Đường dẫn phải là địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https:// "
                   "(không có khoảng trắng).")
ENT_CHANNEL_UNKNOWN = "Kênh tuyên truyền «{value}» không có trong danh mục."
ENT_QUANTITY_MIN = "Số lượng phải từ 1 trở lên."
ENT_SLOGAN_UNKNOWN = "Khẩu hiệu «{value}» không hợp lệ (số từ 1 đến {max})."
ENT_NOT_FOUND = "Không tìm thấy mục này (có thể đã được rút)."
ENT_UNIT_INACTIVE = "Đơn vị «{code}» đã ngừng hoạt động."
ENT_IMPORT_OTHER_UNIT = "Dòng của đơn vị «{code}»: bạn chỉ được nhập dữ liệu của đơn vị mình."
ENT_STATUS_NAMES = {"submitted": "Chờ duyệt", "accepted": "Đã duyệt", "needs_fix": "Cần sửa"}

PHOTO_TOO_MANY = "Tối đa {max} ảnh cho mỗi mục (đang chọn tổng cộng {count})."
PHOTO_TOO_BIG = "Ảnh «{name}» nặng {size} MB, vượt quá {max} MB."
PHOTO_NOT_IMAGE = ("Tệp «{name}» không phải ảnh JPEG, PNG hoặc WebP (hệ thống kiểm tra nội "
                   "dung tệp, không theo tên tệp).")
PHOTO_BROKEN = "Ảnh «{name}» bị hỏng hoặc quá lớn, không đọc được."
PHOTO_EMPTY = "Tệp «{name}» rỗng."

LM_MODEL_UNKNOWN = "Mô hình «{value}» không có trong danh mục."
LM_RECOGNISED_OVER = ("Số được công nhận ({recognised}) không được lớn hơn số đăng ký "
                      "({registered}).")
LM_NOT_FOR_KIND = ("Chỉ UBND phường và Trung tâm học tập cộng đồng báo cáo số mô hình học "
                   "tập.")

NOM_KINDS = {"person": "Cá nhân", "unit": "Tập thể, đơn vị"}
NOM_STATUS_NAMES = {"proposed": "Chờ xét", "approved": "Được chấp thuận",
                    "declined": "Không chấp thuận"}
NOM_KIND_INVALID = "Hãy chọn cá nhân hoặc tập thể ({value} không hợp lệ)."
NOM_NAME_REQUIRED = "Vui lòng nhập tên cá nhân hoặc tập thể được đề xuất."
NOM_CATEGORY_UNKNOWN = "Danh hiệu «{value}» không có trong danh mục."
NOM_ACHIEVEMENT_REQUIRED = "Vui lòng mô tả thành tích."
NOM_ONLY_PROPOSED = "Chỉ rút được đề xuất Ban chỉ đạo chưa xét."

SUB_FROZEN = ("Đơn vị đã nộp báo cáo lúc {at}: muốn thêm, sửa hay rút dữ liệu, hãy mở lại báo "
              "cáo ở trang «Nộp báo cáo».")
SUB_ALREADY = "Báo cáo đã được nộp trước đó."
SUB_NOT_SUBMITTED = "Báo cáo chưa nộp nên không cần mở lại."
COMMEND_TAB_RANKING = "Điểm và xếp hạng"
COMMEND_TAB_WEIGHTS = "Trọng số chấm điểm"
COMMEND_TAB_NOMINATIONS = "Đề xuất của đơn vị"
COMMEND_TAB_PICKS = "Quyết định khen thưởng"
COMMEND_GROUP_EMPTY = "Chưa có đơn vị nào trong nhóm này."
COMMEND_COL_RANK = "Hạng"
COMMEND_COL_TOTAL = "Tổng điểm"
COMMEND_WEIGHTS_INTRO = ("Sửa trọng số rồi bấm **Lưu**: điểm và xếp hạng của mọi đơn vị được "
                         "tính lại ngay. Mỗi ô trong bảng xếp hạng ghi «số liệu → điểm».")
COMMEND_TYPE_WEIGHTS = "**Điểm cho mỗi hoạt động được duyệt, theo loại hoạt động**"
COMMEND_RESET_WEIGHTS = "Khôi phục trọng số mặc định"
COMMEND_FILTER_STATUS = "Trạng thái"
COMMEND_NO_NOMINATIONS = "Chưa có đề xuất nào."
COMMEND_NOMINATION_LINE = ("**{name}** ({kind}) — {category} — do {unit} đề xuất — "
                           "_{status}_")
COMMEND_APPROVE = "Duyệt"
COMMEND_DECLINE = "Không duyệt"
COMMEND_FIELD_CATEGORY = "Danh hiệu"
COMMEND_FIELD_UNIT = "Đơn vị được khen (theo bảng xếp hạng)"
COMMEND_UNIT_OPTION = "{name} — {group}, hạng {rank} ({total} điểm)"
COMMEND_FIELD_NOMINATION = "Hoặc chọn từ đề xuất đã duyệt"
COMMEND_FIELD_RECIPIENT = "Tên cá nhân / tập thể được khen"
COMMEND_FIELD_RECIPIENT_HELP = "Để trống để dùng tên đơn vị hoặc tên trong đề xuất đã chọn."
COMMEND_FIELD_RATIONALE = "Lý do khen thưởng"
COMMEND_ADD = "Thêm vào danh sách khen thưởng"
COMMEND_NO_PICKS = "Chưa chọn khen thưởng nào."
COMMEND_PICK_SCORE = "— {total} điểm, hạng {rank} trong nhóm"
COMMEND_REMOVE = "Bỏ"
SIGNING_IN = "Đang đăng nhập…"
DEMO_ALREADY_LOADED = "Dữ liệu mẫu đã được nạp trước đó; không nạp lại."
DEMO_CREATED_BY = "Dữ liệu mẫu"
DEMO_SAMPLE_UNIT_NOMINEE = "[Mẫu] Tập thể giáo viên nhà trường"
DEMO_ACHIEVEMENT = "Số liệu mẫu: tích cực tham gia các hoạt động của Tuần lễ."
ENT_DATE_OUTSIDE_FILE = ("Ngày {value} nằm ngoài Tuần lễ ({start} – {end}); nếu đúng là vậy, "
                         "nhập lại với tùy chọn cho phép ngày ngoài Tuần lễ "
                         "(--allow-outside-week).")
DB_UNAVAILABLE = ("Không mở được cơ sở dữ liệu (ổ đĩa đầy, chỉ đọc hoặc tệp hỏng). "
                  "Vui lòng báo quản trị hệ thống.")
# Closing report (PDF) — issue 5
REPORT_NUMBER = "…/BC-BCĐXHHT"
REPORT_KIND = "BÁO CÁO"
REPORT_SUBJECT = "Kết quả tổ chức “{title}” năm {year}"
REPORT_PLACE = "Ba Đình"
REPORT_H_OVERVIEW = "I. KHÁI QUÁT CHUNG"
REPORT_OVERVIEW_PLAN = ("Thực hiện Kế hoạch số {plan} ngày {plan_date} của {issuer} về việc "
                        "tổ chức “{title}” năm {year}, {issuer} báo cáo kết quả tổ chức Tuần "
                        "lễ như sau:")
REPORT_OVERVIEW_NO_PLAN = ("{issuer} báo cáo kết quả tổ chức “{title}” năm {year} như sau:")
REPORT_OVERVIEW_DATES = "Thời gian tổ chức: từ ngày {start} đến ngày {end}."
REPORT_OVERVIEW_THEME = "Chủ đề: “{theme}”."
REPORT_OVERVIEW_OPENING = "Lễ khai mạc: {time} ngày {day} tại {place}."
REPORT_OVERVIEW_OPENING_NO_TIME = "Lễ khai mạc tại {place}."
REPORT_H_RESULTS = "II. KẾT QUẢ THỰC HIỆN"
REPORT_H_TOTALS = "1. Kết quả chung"
REPORT_TOTAL_ACTIVITIES = "Tổng số hoạt động được tổ chức: {n} hoạt động."
REPORT_TOTAL_PARTICIPANTS = ("Tổng số lượt người tham gia: {n} lượt (trong đó trực tuyến: "
                             "{online} lượt).")
REPORT_TOTAL_PROPAGANDA = "Sản phẩm, lượt tuyên truyền: {n}."
REPORT_TOTAL_UNITS = ("Đơn vị đã báo cáo kết quả: {reporting}/{units} đơn vị (đạt {rate}).")
REPORT_TOTAL_WARDS = "Số phường có hoạt động: {covered}/{wards} phường."
REPORT_COUNTING_NOTE = ("Số liệu tổng hợp từ hệ thống theo dõi Tuần lễ, không tính các mục "
                        "đơn vị đã rút hoặc Ban chỉ đạo yêu cầu sửa.")
REPORT_H_WARDS = "2. Kết quả theo phường"
REPORT_H_TIERS = "3. Kết quả theo cấp học"
REPORT_H_CHARTS = "4. Biểu đồ"
REPORT_TABLE_WARDS = "Bảng 1. Kết quả theo phường"
REPORT_TABLE_TIERS = "Bảng 2. Kết quả theo cấp học"
REPORT_COL_NO = "STT"
REPORT_COL_WARD = "Phường"
REPORT_COL_ACTIVITIES = "Hoạt động"
REPORT_COL_PARTICIPANTS = "Người tham gia"
REPORT_COL_PROPAGANDA = "Tuyên truyền"
REPORT_COL_UNITS_REPORTED = "Đơn vị báo cáo / tổng số"
REPORT_COL_TIER = "Cấp học"
REPORT_COL_SCHOOLS = "Số trường"
REPORT_COL_SCHOOLS_REPORTED = "Trường đã báo cáo"
REPORT_COL_RATE = "Tỷ lệ"
REPORT_COL_UNIT = "Đơn vị"
REPORT_COL_GROUP = "Nhóm"
REPORT_COL_SCORE = "Điểm"
REPORT_COL_RANK = "Hạng"
REPORT_COL_PROPAGANDA_ENTRIES = "Lượt tuyên truyền"
REPORT_COL_REPORTED = "Đã báo cáo"
REPORT_COL_SUBMITTED = "Đã nộp"
REPORT_TOTAL_ROW = "Tổng cộng"
REPORT_CHART_MAP = "Biểu đồ 1. Số hoạt động theo phường (sơ đồ vị trí các phường)"
REPORT_CHART_DAYS = "Biểu đồ 2. Số hoạt động theo ngày trong Tuần lễ"
REPORT_CHART_TIERS = "Biểu đồ 3. Tỷ lệ trường đã báo cáo theo cấp học"
REPORT_CHART_CHANNELS = "Biểu đồ 4. Sản phẩm tuyên truyền theo kênh"
REPORT_H_COMMENDATIONS = "III. GƯƠNG ĐIỂN HÌNH VÀ ĐỀ NGHỊ KHEN THƯỞNG"
REPORT_H_PICKS = "1. Danh sách đề nghị khen thưởng"
REPORT_NO_PICKS = "Ban chỉ đạo chưa quyết định danh sách khen thưởng."
REPORT_H_EXEMPLARS = "2. Gương điển hình do các đơn vị đề xuất"
REPORT_NO_EXEMPLARS = "Chưa có đề xuất nào được Ban chỉ đạo duyệt."
REPORT_H_LEADERS = "3. Đơn vị dẫn đầu theo nhóm (điểm chấm theo tiêu chí của Ban chỉ đạo)"
REPORT_TABLE_LEADERS = "Bảng 3. Ba đơn vị điểm cao nhất mỗi nhóm"
REPORT_H_ASSESSMENT = "IV. ĐÁNH GIÁ CHUNG"
REPORT_NO_ASSESSMENT = "(Ban chỉ đạo chưa nhập phần đánh giá.)"
REPORT_CLOSING = ("Trên đây là báo cáo kết quả tổ chức “{title}” năm {year} của {issuer}./.")
REPORT_RECIPIENTS = [
    "Sở GDĐT Hà Nội",
    "TT Quận ủy - TT HĐND quận",
    "Các đ/c lãnh đạo UBND quận",
    "Thành viên Ban chỉ đạo XHHT quận",
    "UBND 14 phường",
    "Lưu: VT",
]
REPORT_APPENDIX = "PHỤ LỤC"
REPORT_APPENDIX_SUBJECT = "Kết quả theo đơn vị (kèm theo Báo cáo số {number})"
REPORT_APPENDIX_NOTE = ("Hoạt động và lượt tuyên truyền: số mục được tính (không rút, không "
                        "bị yêu cầu sửa). Điểm: theo tiêu chí chấm điểm khen thưởng (chỉ tính "
                        "mục đã được duyệt).")
REPORT_DISTRICT_LEVEL = "Cấp quận"

# Budget estimate document: PDF and XLSX (issue 6: core/budget_pdf.py)
BPDF_TITLE = "DỰ TRÙ KINH PHÍ"
BPDF_SUBJECT = "Tổ chức các hoạt động “Tuần lễ hưởng ứng học tập suốt đời” năm {year}"
BPDF_STATUS_NOTE = {"draft": "(Dự thảo)", "submitted": "(Trình lãnh đạo quận phê duyệt)"}
BPDF_NUMBER = "…/DT-BCĐXHHT"
BPDF_BASIS = ("Căn cứ Kế hoạch số {number} ngày {date} của Ban chỉ đạo xây dựng xã hội học tập "
              "quận về việc tổ chức {title};")
BPDF_INTRO = ("Ban chỉ đạo xây dựng xã hội học tập quận dự trù kinh phí tổ chức các hoạt động "
              "của Tuần lễ (từ ngày {start} đến ngày {end}) như sau:")
BPDF_HEADERS = ["STT", "Nội dung chi", "Hoạt động", "Đơn vị tính", "Số lượng",
                "Đơn giá", "Thành tiền", "Ghi chú"]
BPDF_UNIT_NOTE = "Đơn vị tính: đồng"
BPDF_TOTAL = "Tổng cộng"
BPDF_IN_WORDS = "Bằng chữ"
BPDF_NOTES = "Ghi chú"
BPDF_APPROVED = "Đã được phê duyệt ngày {date} ({name})."
BPDF_RECIPIENTS = ["Lãnh đạo UBND quận (để phê duyệt)", "Phòng Tài chính - Kế hoạch quận",
                   "Lưu: VT, Phòng GD&ĐT"]
BXLSX_SHEET = "Dự trù kinh phí"
BXLSX_STATUS = "Trạng thái"

# --- Issue 3: unit pages (entry forms EF_, my entries MYE_, unit home UHOME_, imports EIMP_) ---
EF_TYPE = "Loại hoạt động"
EF_TITLE = "Tên hoạt động"
EF_DESCRIPTION = "Mô tả ngắn (không bắt buộc)"
EF_WARD = "Phường nơi tổ chức"
EF_WARD_HELP = "Mặc định là phường của đơn vị; đơn vị cấp quận chọn phường nơi tổ chức."
EF_WARD_PICK = "— Chọn phường —"
EF_START = "Ngày bắt đầu"
EF_END = "Ngày kết thúc"
EF_DATE = "Ngày thực hiện"
EF_CONFIRM_OUTSIDE = "Tôi xác nhận ngày nằm ngoài Tuần lễ ({start} – {end}) là đúng"
EF_FORMAT = "Hình thức"
EF_PARTICIPANTS = "Tổng số người tham gia"
EF_ONLINE = "Trong đó tham gia trực tuyến"
EF_AUDIENCES = "Đối tượng tham gia"
EF_EVIDENCE = "Đường dẫn minh chứng (bài viết, video…)"
EF_PHOTOS = "Ảnh minh họa (tối đa {max} ảnh)"
EF_PHOTOS_HELP = "JPEG, PNG hoặc WebP, mỗi ảnh tối đa 5 MB; tối đa {max} ảnh cho một mục."
EF_PHOTOS_SAVED = "Ảnh đã lưu (đánh dấu để xóa khi lưu):"
EF_PHOTO_REMOVE = "Xóa ảnh này"
EF_CHANNEL = "Kênh tuyên truyền (đơn vị tính)"
EF_QUANTITY = "Số lượng"
EF_QUANTITY_HELP = "Theo đơn vị tính của kênh: chiếc, lượt xe, bài đăng, buổi phát, bài báo…"
EF_SLOGANS = "Khẩu hiệu đã sử dụng"
EF_LINK = "Đường dẫn (không bắt buộc)"
EF_NOTE = "Ghi chú"
EF_SAVE = "Lưu thay đổi"
ACT_TAB_FORM = "Nhập một hoạt động"
ACT_SUBMIT = "Lưu hoạt động"
ACT_SAVED = "Đã lưu hoạt động «{title}». Xem lại ở trang «Dữ liệu đã nhập»."
PROP_TAB_FORM = "Nhập một hoạt động tuyên truyền"
PROP_SUBMIT = "Lưu tuyên truyền"
PROP_SAVED = "Đã lưu hoạt động tuyên truyền. Xem lại ở trang «Dữ liệu đã nhập»."
UNIT_LINK_MY_ENTRIES = "Xem dữ liệu đã nhập"

MYE_TAB_ACTIVITIES = "Hoạt động ({count})"
MYE_TAB_PROPAGANDA = "Tuyên truyền ({count})"
MYE_EMPTY = "Chưa có mục nào."
MYE_COL_DATE = "Ngày"
MYE_COL_TITLE = "Tên hoạt động"
MYE_COL_TYPE = "Loại"
MYE_COL_PARTICIPANTS = "Người tham gia"
MYE_COL_PHOTOS = "Ảnh"
MYE_COL_STATUS = "Trạng thái"
MYE_COL_COMMENT = "Nhận xét của Ban chỉ đạo"
MYE_COL_CHANNEL = "Kênh"
MYE_COL_QUANTITY = "Số lượng"
MYE_COL_SLOGANS = "Khẩu hiệu"
MYE_PICK = "Chọn một mục để xem, sửa hoặc rút"
MYE_PICK_PLACEHOLDER = "— Chọn mục —"
MYE_NEEDS_FIX_COUNT = "Có {count} mục Ban chỉ đạo yêu cầu sửa (tô đỏ trong bảng)."
MYE_NEEDS_FIX_COMMENT = "Ban chỉ đạo yêu cầu sửa: {comment}"
MYE_ACCEPTED_NOTE = "Mục này đã được duyệt; nếu sửa, mục sẽ chờ duyệt lại."
MYE_UPDATED = "Đã lưu thay đổi; mục chờ Ban chỉ đạo duyệt."
MYE_WITHDRAW = "Rút mục này"
MYE_WITHDRAW_CONFIRM = "Tôi muốn rút mục này (mục không còn được tính vào báo cáo)"
MYE_WITHDRAWN = "Đã rút mục."

UHOME_UNIT = "**{unit}** · {ward}"
UHOME_DISTRICT = "cấp quận"
UHOME_BEFORE = "Còn {days} ngày nữa đến Tuần lễ."
UHOME_DURING = "Tuần lễ đang diễn ra: còn {days} ngày (tính cả hôm nay)."
UHOME_AFTER = "Tuần lễ đã kết thúc; hãy hoàn thiện và nộp báo cáo trước khi khóa."
UHOME_OPENING = "**Lễ khai mạc:** {time} ngày {day}, tại {place}"
UHOME_LOCK_AT = "Báo cáo sẽ khóa lúc {at}."
UHOME_CHECKLIST = "Việc cần làm của đơn vị"
UHOME_NO_TARGETS = "Ban chỉ đạo chưa đặt chỉ tiêu cho loại đơn vị này."
UHOME_PROGRESS = "đã có {count}, chỉ tiêu ít nhất {minimum}"
UHOME_ACTIVITIES = "Hoạt động"
UHOME_PARTICIPANTS = "Lượt người tham gia"
UHOME_PROPAGANDA = "Tuyên truyền"
UHOME_NEXT = "Nhập liệu"
UHOME_LINK_ACTIVITY = "Nhập hoạt động"
UHOME_LINK_PROPAGANDA = "Nhập tuyên truyền"
UHOME_LINK_SUBMIT = "Nộp báo cáo"

LM_INTRO = ("Số mô hình học tập trên địa bàn: số đã đăng ký xây dựng và số đã được công nhận "
            "(số công nhận không lớn hơn số đăng ký).")
LM_REGISTERED = "Số đăng ký"
LM_RECOGNISED = "Số được công nhận"
LM_SAVED = "Đã lưu số mô hình học tập."

NOM_KIND = "Đề xuất cho"
NOM_NAME = "Tên cá nhân hoặc tập thể"
NOM_CATEGORY = "Danh hiệu đề xuất"
NOM_ACHIEVEMENT = "Thành tích"
NOM_SUBMIT = "Gửi đề xuất"
NOM_SAVED = "Đã gửi đề xuất khen thưởng cho «{name}»."
NOM_LIST = "Đề xuất của đơn vị"
NOM_NONE = "Đơn vị chưa có đề xuất nào."
NOM_WITHDRAW = "Rút đề xuất"
NOM_WITHDRAWN = "Đã rút đề xuất."

SUB_SUMMARY = "Đơn vị đã nhập **{activities}** hoạt động và **{propaganda}** mục tuyên truyền."
SUB_SUBMITTED_AT = "Đã nộp báo cáo lúc {at}."
SUB_NOT_YET = "Chưa nộp báo cáo."
SUB_HELP = ("Khi nộp, dữ liệu của đơn vị được chốt. Đơn vị có thể mở lại để sửa cho đến khi "
            "Tuần lễ khóa báo cáo.")
SUB_REOPEN_HELP = "Mở lại báo cáo để thêm, sửa hay rút dữ liệu, sau đó nộp lại."
SUB_BUTTON = "Nộp báo cáo"
SUB_REOPEN = "Mở lại báo cáo"
SUB_DONE = "Đã nộp báo cáo. Cảm ơn đơn vị!"
SUB_REOPENED = "Đã mở lại báo cáo: đơn vị có thể sửa dữ liệu, nhớ nộp lại."
SUB_EMPTY_WARNING = "Đơn vị chưa nhập hoạt động hay tuyên truyền nào."

EIMP_HELP_ACTIVITIES = ("Tệp CSV (UTF-8) hoặc XLSX, mỗi dòng một hoạt động. `ward_code` để "
                        "trống = phường của đơn vị; ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy; "
                        "`audiences` cách nhau bởi dấu «;». Một dòng lỗi thì không dòng nào "
                        "được nhập (trừ khi chọn bỏ qua dòng lỗi). Các cột:")
EIMP_HELP_PROPAGANDA = ("Tệp CSV (UTF-8) hoặc XLSX, mỗi dòng một hoạt động tuyên truyền. "
                        "`slogans` là số khẩu hiệu 1–8 cách nhau bởi «;». Một dòng lỗi thì "
                        "không dòng nào được nhập (trừ khi chọn bỏ qua dòng lỗi). Các cột:")
EIMP_SKIP_INVALID = "Bỏ qua dòng lỗi, nhập các dòng hợp lệ"
EIMP_ALLOW_OUTSIDE = "Cho phép ngày ngoài Tuần lễ"
EIMP_COMMITTEE_INTRO = ("Nhập dữ liệu của bất kỳ đơn vị nào vào Tuần lễ năm {year}; mỗi dòng "
                        "được ghi nhật ký với tên người nhập.")
EIMP_TAB_ACTIVITIES = "Hoạt động"
EIMP_TAB_PROPAGANDA = "Tuyên truyền"

# Admin: week settings page (issue 6: app_pages/admin_settings.py)
SET_EDITING = "Đang cấu hình Tuần lễ năm {year}: {title}."
SET_TABS = ["Thông tin chung", "Khẩu hiệu", "Chỉ tiêu", "Khóa báo cáo", "Năm sau",
            "Duyệt dự trù kinh phí"]
SET_LOCK_NONE = "Chưa đặt thời điểm khóa báo cáo: các đơn vị vẫn nhập, sửa được dữ liệu."
SET_LOCK_LOCKED = ("Đã khóa báo cáo từ {at}: các đơn vị không thể thêm, sửa hay xóa dữ liệu "
                   "của năm này.")
SET_LOCK_PLANNED = "Báo cáo sẽ khóa lúc {at}. Đến lúc đó các đơn vị vẫn nhập, sửa được."
SET_YEAR = "Năm"
SET_TITLE = "Tên Tuần lễ"
SET_THEME = "Chủ đề"
SET_START = "Ngày bắt đầu"
SET_END = "Ngày kết thúc"
SET_OPENING_DAY = "Ngày khai mạc"
SET_OPENING_TIME = "Giờ khai mạc"
SET_OPENING_PLACE = "Địa điểm khai mạc"
SET_PLAN_NUMBER = "Số kế hoạch"
SET_PLAN_DATE = "Ngày ban hành kế hoạch"
SET_DOCUMENT_HEADER = "**Phần đầu và chữ ký văn bản** (in trên báo cáo và dự trù kinh phí)"
SET_ISSUER1 = "Cơ quan chủ quản (dòng 1)"
SET_ISSUER2 = "Cơ quan ban hành (dòng 2)"
SET_SIGNER_FOR = "Thẩm quyền ký"
SET_SIGNER_FOR_HELP = "Mỗi dòng một ý, ví dụ «TM. BAN CHỈ ĐẠO» rồi xuống dòng «TRƯỞNG BAN»."
SET_SIGNER_TITLE = "Chức vụ người ký"
SET_SIGNER_NAME = "Họ tên người ký"
SET_EMAIL = "Email nhận báo cáo"
SET_REFRESH = "Chu kỳ tự làm mới bảng theo dõi (giây)"
SET_SAVED = "Đã lưu cấu hình Tuần lễ."
SET_SLOGANS_HELP = "8 khẩu hiệu tuyên truyền chính thức; đơn vị chọn theo số khi nhập tuyên truyền."
SET_SLOGAN_N = "Khẩu hiệu {n}"
SET_SLOGANS_SAVED = "Đã lưu 8 khẩu hiệu."
SET_TARGETS_HELP = ("Chỉ tiêu cho từng loại đơn vị (và cấp học với trường học). Thêm dòng ở "
                    "cuối bảng, xóa dòng bằng cách chọn dòng rồi bấm biểu tượng thùng rác.")
SET_ANY_KIND = "Mọi đơn vị"
SET_ANY_TIER = "Mọi cấp học"
SET_COL_KIND = "Loại đơn vị"
SET_COL_TIER = "Cấp học"
SET_COL_METRIC = "Tiêu chí"
SET_COL_MINIMUM = "Tối thiểu"
SET_COL_LABEL = "Mô tả chỉ tiêu"
SET_METRICS = {"activities": "Số hoạt động", "education_activities": "Số hoạt động giáo dục",
               "propaganda_entries": "Số lần tuyên truyền"}
SET_TARGETS_SAVED = "Đã lưu {count} chỉ tiêu."
SET_LOCK_HELP = ("Sau thời điểm khóa, các đơn vị **không thể thêm, sửa hay xóa** dữ liệu của "
                 "năm này (hệ thống kiểm tra ở tầng dữ liệu, không chỉ trên trang). Thời điểm "
                 "khóa phải từ ngày kết thúc Tuần lễ ({end}) trở đi.")
SET_LOCK_DAY = "Ngày khóa"
SET_LOCK_TIME = "Giờ khóa"
SET_LOCK_SAVE = "Lưu thời điểm khóa"
SET_LOCK_NOW = "Khóa ngay"
SET_UNLOCK = "Mở khóa"
SET_LOCK_SAVED = "Đã cập nhật khóa báo cáo."
SET_NEXT_HELP = ("Tạo Tuần lễ năm **{year}** từ năm {source}: sao chép cấu hình (ngày lùi đúng "
                 "một năm), 8 khẩu hiệu và các chỉ tiêu; danh sách đơn vị và danh mục dùng "
                 "chung. Số và ngày kế hoạch, thời điểm khóa để trống; dự trù kinh phí mới "
                 "là bản nháp rỗng. Dữ liệu năm {source} giữ nguyên và vẫn xem được.")
SET_NEXT_CONFIRM = "Tôi muốn tạo Tuần lễ năm {year}"
SET_NEXT_BUTTON = "Bắt đầu Tuần lễ năm sau"
SET_NEXT_DONE = ("Đã tạo Tuần lễ năm {year}. Hãy kiểm tra ngày, chủ đề và số kế hoạch ở thẻ "
                 "«Thông tin chung».")
SET_BUDGET_STATUS = "Trạng thái: **{status}** · {lines} dòng chi · Tổng cộng **{total}**"
SET_BUDGET_SUBMITTED_BY = "Gửi duyệt bởi {name} lúc {at}."
SET_BUDGET_APPROVED_BY = "Phê duyệt bởi {name} lúc {at}."
SET_BUDGET_APPROVE = "Phê duyệt"
SET_BUDGET_RETURN = "Trả lại để chỉnh sửa"
SET_BUDGET_APPROVED = "Đã phê duyệt dự trù kinh phí."
SET_BUDGET_RETURNED = "Đã trả lại dự trù kinh phí cho Ban chỉ đạo chỉnh sửa."
SET_BUDGET_NOTHING_TO_APPROVE = "Không có dự trù nào đang chờ duyệt."
REPORT_PAGE_INTRO = ("Báo cáo tổng kết theo thể thức Nghị định 30/2020/NĐ-CP: số liệu lấy từ "
                     "bảng theo dõi (cùng định nghĩa với bảng điều khiển), danh sách khen "
                     "thưởng từ trang **Khen thưởng**, phần đánh giá nhập bên dưới.")
REPORT_METRIC_REPORTING = "Tỷ lệ đơn vị đã báo cáo"
REPORT_ASSESSMENT_LABEL = "Đánh giá chung của Ban chỉ đạo (in vào mục IV của báo cáo)"
REPORT_ASSESSMENT_HELP = ("Mỗi dòng là một đoạn văn. Văn bản được in nguyên như đã gõ; biểu "
                          "tượng cảm xúc (emoji) không có trong phông chữ văn bản nên được bỏ "
                          "khi in.")
REPORT_SAVE_ASSESSMENT = "Lưu phần đánh giá"
REPORT_ASSESSMENT_SAVED = "Đã lưu phần đánh giá."
REPORT_DOWNLOAD_HEADING = "Xuất báo cáo"
REPORT_WARN_NO_ASSESSMENT = "Chưa có phần đánh giá: báo cáo sẽ ghi «chưa nhập phần đánh giá»."
REPORT_WARN_NO_PICKS = "Chưa chọn khen thưởng nào (trang Khen thưởng)."
REPORT_DATE_LABEL = "Ngày ghi trên báo cáo"
REPORT_DOWNLOAD = "Tải báo cáo tổng kết (PDF)"
REPORT_DOWNLOAD_HELP = ("Báo cáo được tạo khi bấm nút (vài giây, nút hiện vòng quay trong lúc "
                        "tạo) với số liệu tại thời điểm bấm.")

# Committee: budget estimate page (issue 6: app_pages/committee_budget.py)
BUDP_FOR_YEAR = ("Dự trù kinh phí Tuần lễ năm {year} (kế hoạch §III.1: Phòng GD&ĐT lập, trình "
                 "lãnh đạo quận phê duyệt). Thành tiền = số lượng × đơn giá, do hệ thống tính.")
BUDP_WAITING = "Đang chờ quản trị (lãnh đạo quận) phê duyệt."
BUDP_TOTAL = "**Tổng cộng: {total}**  \nBằng chữ: {words}."
BUDP_DOWNLOAD_PDF = "Tải dự trù (PDF)"
BUDP_DOWNLOAD_XLSX = "Tải dự trù (XLSX)"
BUDP_ITEM = "Nội dung chi"
BUDP_ACTIVITY = "Hoạt động liên quan"
BUDP_ACTIVITY_HINT = "Lễ khai mạc, tuyên truyền, hội thi…"
BUDP_QUANTITY = "Số lượng"
BUDP_MEASURE = "Đơn vị tính"
BUDP_PRICE = "Đơn giá (đồng)"
BUDP_NOTE = "Ghi chú"
BUDP_ADD = "Thêm dòng chi"
BUDP_ADD_BUTTON = "Thêm dòng"
BUDP_ADDED = "Đã thêm dòng chi."
BUDP_EDIT = "Sửa hoặc xóa dòng chi"
BUDP_PICK = "Chọn dòng"
BUDP_UPDATED = "Đã lưu dòng chi."
BUDP_DELETE = "Xóa dòng này"
BUDP_DELETED = "Đã xóa dòng chi."
BUDP_NOTES = "Ghi chú, nguồn kinh phí"
BUDP_NOTES_HINT = "Ví dụ: Nguồn kinh phí sự nghiệp giáo dục năm 2020 của quận."
BUDP_NOTES_SAVED = "Đã lưu ghi chú."
BUDP_SUBMIT_HELP = ("Khi dự trù đã đầy đủ, gửi để quản trị (lãnh đạo quận) phê duyệt. Sau khi "
                    "gửi, không sửa được nữa trừ khi được trả lại.")
BUDP_SUBMIT = "Gửi duyệt"
BUDP_SUBMITTED = "Đã gửi dự trù kinh phí để phê duyệt."
BUDP_FROZEN = "Dự trù đã gửi hoặc đã duyệt nên không sửa được."

# Admin: backup page (issue 6: app_pages/admin_backup.py)
BAKP_HELP = ("Sao lưu dùng cơ chế sao lưu trực tuyến của SQLite: an toàn cả khi các đơn vị đang "
             "nhập liệu. Mỗi bản sao được kiểm tra toàn vẹn (`integrity_check`) trước khi lưu. "
             "Hãy tải bản sao về và cất ở nơi khác máy chủ.")
BAKP_MAKE = "Tạo bản sao lưu"
BAKP_MAKE_BUTTON = "Sao lưu ngay"
BAKP_WORKING = "Đang xử lý…"
BAKP_MADE = ("Đã sao lưu vào {name} ({size} KB), kiểm tra toàn vẹn: đạt. Bản sao gồm: "
             "{counts}.")
BAKP_TABLES = {"events": "Tuần lễ", "units": "đơn vị", "users": "tài khoản",
               "activities": "hoạt động", "propaganda": "tuyên truyền",
               "audit_log": "dòng nhật ký"}
BAKP_SAVED = "Các bản sao lưu trên máy chủ (thư mục `{folder}`):"
BAKP_PICK = "Chọn bản sao lưu"
BAKP_ITEM = "{name} — {size} KB — {at}"
BAKP_DOWNLOAD = "Tải bản sao lưu về máy"
BAKP_NONE_YET = "Chưa có bản sao lưu nào trên máy chủ."
BAKP_RESTORE = "Khôi phục từ bản sao lưu"
BAKP_RESTORE_HELP = ("Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu trong tệp. Tệp phải là "
                     "cơ sở dữ liệu của ứng dụng này và qua kiểm tra toàn vẹn, nếu không hệ "
                     "thống từ chối và giữ nguyên dữ liệu. Dữ liệu đang dùng được cất lại thành "
                     "một tệp có ghi thời điểm bên cạnh cơ sở dữ liệu. Tệp lớn hơn giới hạn tải "
                     "lên: dùng lệnh `python3 manage.py restore TỆP` trên máy chủ.")
BAKP_UPLOAD = "Tệp sao lưu (.db)"
BAKP_CONFIRM = ("Tôi hiểu toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu trong «{name}»")
BAKP_RESTORE_BUTTON = "Khôi phục"
BAKP_RESTORED = ("Đã khôi phục dữ liệu từ «{name}». Dữ liệu cũ được cất tại {kept}. Nếu tài "
                 "khoản của bạn không có trong bản sao lưu, bạn sẽ phải đăng nhập lại.")

# Admin: audit log page (issue 6: app_pages/admin_audit.py)
AUD_USER = "Người thực hiện"
AUD_TABLE = "Bảng dữ liệu"
AUD_ACTION = "Thao tác"
AUD_FROM = "Từ ngày"
AUD_TO = "Đến ngày"
AUD_COUNT = "Hiển thị {shown} mục (tối đa {limit} mục mới nhất khớp bộ lọc; nhật ký có {total} mục)."
AUD_COL_ID = "Số"
AUD_COL_AT = "Thời điểm"
AUD_COL_USER = "Người thực hiện"
AUD_COL_ACTION = "Thao tác"
AUD_COL_TABLE = "Bảng"
AUD_COL_ROW = "Mã dòng"
AUD_COL_DETAIL = "Chi tiết"
AUD_COL_FIELD = "Trường"
AUD_COL_BEFORE = "Trước"
AUD_COL_AFTER = "Sau"
AUD_CHANGES = "Trước và sau khi thay đổi"
AUD_PICK = "Chọn mục nhật ký"
AUD_PICK_ITEM = "#{id} — {at} — {user} — {action}"
AUD_NO_CHANGES = "Mục này không thay đổi dữ liệu (ví dụ đăng nhập, sao lưu)."
AUD_ACTIONS = {
    "create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "withdraw": "Rút",
    "login": "Đăng nhập", "login_failed": "Sai mật khẩu", "login_refused": "Từ chối đăng nhập",
    "logout": "Đăng xuất", "lock": "Khóa", "unlock": "Mở khóa",
    "reset_password": "Đặt lại mật khẩu", "change_password": "Đổi mật khẩu",
    "activate": "Kích hoạt", "deactivate": "Ngừng hoạt động", "submit": "Gửi / nộp",
    "approve": "Phê duyệt", "return_to_draft": "Trả lại", "backup": "Sao lưu",
    "restore": "Khôi phục", "review": "Duyệt", "decide": "Quyết định", "reopen": "Mở lại",
}
AUD_TABLES = {
    "events": "Tuần lễ", "slogans": "Khẩu hiệu", "targets": "Chỉ tiêu", "units": "Đơn vị",
    "users": "Tài khoản", "activities": "Hoạt động", "propaganda": "Tuyên truyền",
    "photos": "Ảnh", "learning_model_counts": "Mô hình học tập", "nominations": "Đề xuất",
    "commendations": "Khen thưởng", "budgets": "Dự trù kinh phí",
    "budget_lines": "Dòng dự trù", "report_submissions": "Nộp báo cáo",
}
AUD_ACTIONS["demo"] = "Dữ liệu mẫu"
REPORT_PAGE_ASSESSMENT = "Đánh giá chung của Ban chỉ đạo"
EF_CHOOSE = "Chọn…"
REPORT_TOTAL_WARDS_ROW = "Cộng 14 phường"
BUDP_NO_LINES = "Chưa có dòng chi nào: thêm dòng đầu tiên ở biểu mẫu bên dưới."
PERCENT_POINTS = "điểm %"  # percentage points, after a signed number

# --- Clerk: Vietnamese everywhere, forms, times, phone (h7) ---
UPLOAD_BUTTON = "Chọn tệp"
UPLOAD_HINT = "Kéo thả tệp vào đây · tối đa {mb} MB mỗi tệp"
UPLOAD_HINT_PHOTOS = "Ảnh JPG, PNG hoặc WebP, tối đa {mb} MB mỗi ảnh"
NAV_SYSTEM = "Hệ thống {name}"
NAV_SIGNED_IN = "Đang đăng nhập: {who} ({username})"
NAV_ORGANISER = "Đơn vị tổ chức: {organiser}"
FORM_READ_ONLY_REOPEN = ("Các ô dưới đây chỉ để xem. Bấm «Mở lại báo cáo» để thêm hay sửa "
                         "dữ liệu, rồi nộp lại.")
YES_LOWER = "có"
NO_LOWER = "không"
# the audit log in words: column names of the stored rows, as a person calls them
AUD_FIELDS = {
    "id": "Số hiệu", "year": "Năm", "title": "Tên", "theme": "Chủ đề", "start_date": "Từ ngày",
    "end_date": "Đến ngày", "opening_time": "Giờ khai mạc", "opening_place": "Nơi khai mạc",
    "plan_number": "Số kế hoạch", "plan_date": "Ngày kế hoạch",
    "issuer_line1": "Cơ quan ban hành (dòng 1)", "issuer_line2": "Cơ quan ban hành (dòng 2)",
    "signer_for": "Thay mặt", "signer_title": "Chức vụ người ký", "signer_name": "Người ký",
    "report_email": "Thư điện tử nhận báo cáo", "lock_at": "Khóa báo cáo lúc",
    "refresh_seconds": "Tự làm mới (giây)", "scoring_weights": "Trọng số chấm điểm",
    "assessment": "Đánh giá", "created_at": "Tạo lúc", "code": "Mã", "name": "Tên",
    "kind": "Loại đơn vị", "tier": "Cấp học", "ward_code": "Phường", "email": "Thư điện tử",
    "phone": "Điện thoại", "active": "Đang hoạt động", "is_sample": "Dữ liệu mẫu",
    "username": "Tên đăng nhập", "role": "Vai trò", "unit_id": "Đơn vị",
    "failed_attempts": "Số lần sai mật khẩu", "locked_until": "Khóa đến",
    "last_login_at": "Đăng nhập gần nhất", "event_id": "Tuần lễ", "type": "Loại hoạt động",
    "description": "Mô tả", "format": "Hình thức", "participants": "Số người tham gia",
    "online_participants": "Tham gia trực tuyến", "audiences": "Đối tượng",
    "evidence_url": "Đường dẫn minh chứng", "status": "Trạng thái",
    "review_comment": "Nhận xét khi duyệt", "reviewed_by": "Người duyệt",
    "reviewed_at": "Duyệt lúc", "created_by": "Người tạo", "created_by_name": "Người tạo",
    "updated_by": "Người sửa", "updated_at": "Sửa lúc", "deleted": "Đã rút",
    "channel": "Kênh tuyên truyền", "quantity": "Số lượng", "date": "Ngày",
    "slogans": "Khẩu hiệu", "link": "Liên kết", "note": "Ghi chú", "model": "Mô hình",
    "registered": "Số đăng ký", "recognised": "Số được công nhận",
    "nominee_kind": "Đối tượng đề xuất", "nominee_name": "Người / đơn vị được đề xuất",
    "category": "Danh hiệu", "achievement": "Thành tích", "decided_by": "Người quyết định",
    "decided_at": "Quyết định lúc", "recipient_name": "Người / đơn vị được khen",
    "recipient_unit_id": "Đơn vị được khen", "nomination_id": "Đề xuất số",
    "rationale": "Lý do", "score": "Điểm", "notes": "Ghi chú", "submitted_by": "Người gửi",
    "submitted_at": "Gửi lúc", "approved_by": "Người duyệt", "approved_at": "Duyệt lúc",
    "item": "Nội dung chi", "activity_ref": "Hoạt động", "measure": "Đơn vị tính",
    "unit_price": "Đơn giá", "amount": "Thành tiền", "sort": "Thứ tự",
    "unit_kind": "Loại đơn vị", "metric": "Chỉ tiêu", "minimum": "Tối thiểu",
    "label": "Diễn giải", "number": "Số", "text": "Nội dung",
    "activity_id": "Hoạt động số", "propaganda_id": "Tuyên truyền số",
    # details of an entry in the log
    "file": "Tệp", "replaced_database_kept_as": "Cơ sở dữ liệu cũ lưu tại",
    "seed": "Hạt ngẫu nhiên", "units": "Số đơn vị", "activities": "Số hoạt động",
    "propaganda": "Số mục tuyên truyền", "copied_from_year": "Chép từ năm",
    "targets": "Số chỉ tiêu", "until": "Đến", "reason": "Lý do",
    "photos_added": "Ảnh thêm", "photos_removed": "Ảnh bỏ", "source": "Nguồn",
    "line": "Dòng", "rows": "Số dòng",
}
SET_EDITING_OTHER_YEAR = "Chọn năm khác ở ô «Năm» trên thanh bên."
PROG_COL_BAR = "Mức độ"
CONNECTING = "Đang kết nối…"
TABLE_EMPTY = "Chưa có dòng nào."
PAGE_FORBIDDEN_TITLE = "Không mở được trang này"
SUB_FROZEN_BANNER = "Đơn vị đã nộp báo cáo lúc {at}."  # the reopen button stands below it
