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
FORM_HAS_ERRORS = "Vui lòng sửa các ô được đánh dấu bên dưới. Chưa có gì được lưu."
SAVED = "Đã lưu."

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
LOGIN_HELP = "Chưa có tài khoản? Liên hệ {office} để được cấp."  # organiser_words.say
LOGOUT = "Đăng xuất"
SESSION_ENDED = "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại."

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
NAME_NOT_USERNAME = ("Vui lòng nhập họ và tên đầy đủ của người dùng (không dùng tên đăng nhập): "
                     "họ tên được in trên văn bản, ví dụ ý kiến phê duyệt tờ trình.")
NAME_TOO_LONG = "Họ tên dài tối đa {max} ký tự."
# accounts without a full name (issue 22 item 6): the accounts page and manage.py list-users
ACCOUNTS_NO_NAME = ("Các tài khoản chưa có họ tên đầy đủ (họ tên được in trên văn bản, ví dụ "
                    "ý kiến phê duyệt tờ trình): {names}. Chọn tài khoản bên dưới để nhập họ tên.")
ACCOUNT_SET_NAME = "Họ và tên đầy đủ"
ACCOUNT_SAVE_NAME = "Lưu họ tên"
ACCOUNT_NAME_SAVED = "Đã lưu họ tên."
USERS_CLI_NONE_MISSING = "Mọi tài khoản đang hoạt động đều có họ tên đầy đủ."
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
WARD_UNKNOWN = "mã địa bàn «{ward}» không có trong danh sách địa bàn"
EMAIL_INVALID = "địa chỉ email không hợp lệ"
FILE_UNREADABLE = "Không đọc được tệp: {reason}"
FILE_MISSING_COLUMNS = "tệp thiếu cột: {columns}"
FILE_EMPTY = "Tệp không có dòng dữ liệu nào."
# issue 20 (files): what a CSV in an unknown encoding gets
FILE_ENCODING_UNKNOWN = ("Không đọc được tệp: chữ trong tệp không ở dạng UTF-8, UTF-16 hay "
                         "Windows-1258 (có thể là bảng mã cũ như TCVN3). Lưu lại bằng Excel: "
                         "Tệp › Lưu thành › chọn kiểu «CSV UTF-8 (Comma delimited) (*.csv)» "
                         "(hoặc lưu dạng .xlsx) rồi nhập lại.")
# s5-attack: cells under no header are named like a column, not dropped
FILE_UNNAMED_COLUMN = "Cột {letter} (không có tên)"

# --- Bounded inputs (s5 bounds, issue 25 items 3, 4, 6, 10): files refused before they cost ---
XLSX_TOO_MANY_PARTS = ("Tệp Excel có {count} thành phần bên trong (tối đa {max}); hãy lưu lại "
                       "bảng tính thành tệp .xlsx mới chỉ gồm bảng dữ liệu.")
XLSX_PART_TOO_BIG = ("Tệp Excel khi giải nén quá lớn (hơn {mb} MB); hãy chia bảng tính thành "
                     "nhiều tệp nhỏ hơn.")
XLSX_TOO_MANY_STRINGS = ("Tệp Excel chứa quá nhiều chuỗi chữ (hơn {max}); hãy chia bảng tính "
                         "thành nhiều tệp nhỏ hơn.")
XLSX_TOO_MANY_CELLS = ("Trang tính có quá nhiều ô (hơn {max}); hãy chia bảng tính thành nhiều "
                       "tệp nhỏ hơn.")
XLSX_TOO_MANY_LINES = ("Trang tính có dữ liệu ở dòng {line} (chỉ đọc đến dòng {max}); hãy xóa "
                       "các dòng thừa hoặc chia thành nhiều tệp.")
XLSX_TOO_MANY_COLUMNS = ("Trang tính có dữ liệu ở cột thứ {column} (chỉ đọc {max} cột đầu); hãy "
                         "xóa các cột thừa.")
XLSX_TOO_COMPLEX = ("Tệp Excel có cấu trúc quá phức tạp để đọc; hãy sao chép bảng dữ liệu sang "
                    "một bảng tính mới và lưu lại.")
TABLE_TOO_MANY_ROWS = ("Tệp có hơn {max} dòng dữ liệu: mỗi lần nhập tối đa {max} dòng; hãy chia "
                       "thành nhiều tệp.")
IMP_MORE_PROBLEMS = ("Chỉ liệt kê {listed} lỗi đầu tiên; còn {more} lỗi khác chưa liệt kê. Hãy "
                     "sửa các lỗi trên rồi nhập lại để xem tiếp.")
PHOTO_JPEG_TOO_COSTLY = ("Ảnh «{name}» quá lớn để đọc an toàn ({width}×{height} điểm ảnh, "
                         "JPEG lũy tiến hoặc quá nhiều điểm ảnh). Hãy thu nhỏ ảnh (ví dụ cạnh "
                         "dài 4000 điểm ảnh) rồi tải lên lại.")

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
ACCOUNT_SIGNED_IN_AS = "Đăng nhập với tên **{username}** ({role})"
ACCOUNT_UNIT = "Đơn vị: {unit}"

# Admin: units and accounts
TAB_UNITS = "Danh sách đơn vị"
TAB_UNIT_EDIT = "Thêm / sửa đơn vị"
TAB_IMPORT = "Nhập từ tệp"
TAB_ACCOUNTS = "Tài khoản"
FILTER_WARD = "{Area}"
FILTER_KIND = "Loại đơn vị"
FILTER_TIER = "Cấp học"
FILTER_ALL = "Tất cả"
FILTER_SEARCH = "Tìm theo mã hoặc tên"
FILTER_SHOW_INACTIVE = "Hiện cả đơn vị không tham gia Tuần lễ này"
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
NO_WARD = "— (cấp {level}) —"
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

# --- Backup of one organiser and of the whole installation (vault, issue 24 deliver 5) ---
ARC_MISSING_FILE = "Không có tệp {path}."
ARC_NOT_ZIP = ("Tệp không phải bản sao lưu toàn máy chủ (.zip) nguyên vẹn: có thể tệp bị cắt "
               "cụt khi tải về hoặc chép, hoặc là loại tệp khác.")
ARC_TOO_MANY_MEMBERS = "Tệp nén có {count} tệp bên trong (tối đa {max})."
ARC_UNSAFE_NAME = ("Tệp nén chứa tên tệp không hợp lệ «{name}» (trỏ ra ngoài thư mục): tệp "
                   "không phải do ứng dụng này tạo.")
ARC_FOREIGN_MEMBER = ("Tệp nén chứa «{name}», không thuộc bản sao lưu của ứng dụng này (chỉ "
                      "có manifest.json, organisers.db và organisers/<mã>.db).")
ARC_DUPLICATE_MEMBER = "Tệp nén chứa «{name}» hai lần."
ARC_MEMBER_TOO_BIG = "«{name}» khi giải nén lớn hơn {gb} GB."
ARC_MEMBER_TOO_BIG_KB = "«{name}» lớn hơn {kb} KB."
ARC_TOO_BIG = "Bản sao lưu khi giải nén lớn hơn {gb} GB."
ARC_BOMB = ("«{name}» khi giải nén lớn gấp hơn trăm lần khi nén: không phải cơ sở dữ liệu "
            "của ứng dụng (tệp nén độc hại).")
ARC_NO_ROOM = ("Không đủ chỗ trống trên đĩa để giải nén bản sao lưu (cần khoảng {need} MB, còn "
               "{free} MB).")
ARC_MEMBER_DAMAGED = "«{name}» trong tệp nén bị hỏng ({reason})."
ARC_REFUSED = ("Không khôi phục: {reason} Không tệp nào của máy chủ bị thay đổi.")
ARC_BAD_MANIFEST = "manifest.json không đúng định dạng bản sao lưu toàn máy chủ ({reason})."
ARC_NEWER_FORMAT = ("Bản sao lưu được tạo bởi phiên bản ứng dụng mới hơn (định dạng {version}); "
                    "hãy cập nhật ứng dụng trước khi khôi phục.")
ARC_NO_DIRECTORY_MEMBER = "Tệp nén không có danh mục đơn vị tổ chức (organisers.db)."
ARC_BAD_DIRECTORY = "Danh mục đơn vị tổ chức trong tệp nén bị hỏng hoặc lạ ({reason})."
ARC_MISSING_ORGANISER = ("Thiếu dữ liệu của đơn vị tổ chức {keys}: danh mục có tên nhưng tệp nén "
                         "không có tệp organisers/<mã>.db tương ứng.")
ARC_UNLISTED_ORGANISER = ("Tệp nén có dữ liệu của {keys} nhưng danh mục đơn vị tổ chức không có "
                          "tên các đơn vị này.")
ARC_ORGANISER_FILE_BAD = "Dữ liệu của đơn vị tổ chức «{key}»: {problems}"
ARC_OTHER_ORGANISERS = ("Máy chủ này đang có đơn vị tổ chức không có trong bản sao lưu: {keys}. "
                        "Khôi phục toàn máy chủ sẽ bỏ các đơn vị này khỏi danh mục (tệp dữ liệu "
                        "của chúng được cất riêng, không xóa). Nếu đúng ý định, chạy lại với "
                        "--replace-others.")
ARC_SINGLE_INSTALLATION = ("Máy chủ chỉ có một đơn vị tổ chức (chưa có danh mục đơn vị tổ "
                           "chức): sao lưu bằng «manage.py backup TỆP».")
ARC_WRITE_FAILED = ("Khôi phục thất bại khi ghi ({reason}); các tệp đã thay được trả lại như "
                    "trước.")
ARC_ALL_NOT_ONE = ("--all sao lưu, khôi phục cả máy chủ (mọi đơn vị tổ chức): không dùng cùng "
                   "--organiser.")
ARC_MADE = ("Đã sao lưu toàn máy chủ vào {path} ({size} byte): danh mục đơn vị tổ chức và dữ liệu "
            "của {count} đơn vị ({keys}), mỗi tệp đã kiểm tra integrity_check: ok.")
ARC_CONFIRM = ("Thay danh mục đơn vị tổ chức và dữ liệu của mọi đơn vị có trong {file}? "
               "Gõ 'co' để tiếp tục: ")
ARC_RESTORED = "Đã khôi phục toàn máy chủ từ {file}: {count} đơn vị tổ chức ({keys})."
ARC_KEPT = "Dữ liệu cũ của {key} được giữ tại {kept}."
ARC_SET_ASIDE = ("{key} không có trong bản sao lưu: đã bỏ khỏi danh mục, tệp dữ liệu được cất "
                 "tại {kept}.")
ARC_BROUGHT_IN = "Dữ liệu của đơn vị được lấy từ bản sao lưu {file} (đã kiểm tra, đủ mọi bảng)."
BAKP_ORGANISER_SCOPE = ("Máy chủ này phục vụ nhiều đơn vị tổ chức: trang này chỉ sao lưu và "
                        "khôi phục dữ liệu của «{name}». Dữ liệu của các đơn vị tổ chức khác không "
                        "có trong bản sao lưu và không bị thay đổi khi khôi phục. Trên máy chủ: "
                        "`python3 manage.py --organiser {key} backup TỆP` (hoặc `restore TỆP`); "
                        "cả máy chủ: `python3 manage.py backup --all TỆP.zip`.")

# Commendations: scoring rubric, nominations, picks (issue 5)
SCORING_WEIGHT_INVALID = "Trọng số phải là số từ 0 đến {max}."
SCORING_CAP_INVALID = "Số hoạt động tối đa được tính cho mỗi loại phải là số nguyên từ 1 trở lên."
SCORING_TYPE_UNKNOWN = "Loại hoạt động «{code}» không có trong danh mục."
SCORING_GROUP_SCHOOL = "Trường {tier}"
SCORING_GROUP_WARD = "Phường (UBND, Trung tâm HTCĐ)"
SCORING_GROUP_OTHER = "Đơn vị khác"
SCORING_CRITERIA = {
    "activities": "Hoạt động được tính (theo trọng số loại)",
    "distinct_types": "Số loại hoạt động khác nhau",
    "participants": "Người tham gia (thang logarit)",
    "propaganda_entries": "Lượt tuyên truyền (thang logarit)",
    "channels": "Số kênh tuyên truyền",
    "evidence": "Tỷ lệ hoạt động có minh chứng",
    "on_time": "Nộp báo cáo đúng hạn",
}
SCORING_WEIGHT_LABELS = {
    "activity_cap": "Tối đa số hoạt động được tính cho mỗi loại",
    "distinct_types": "Điểm cho mỗi loại hoạt động khác nhau",
    "participants": "Hệ số người tham gia (× log10(1 + số người))",
    "propaganda_entries": "Hệ số lượt tuyên truyền (× log10(1 + số lượt))",
    "channels": "Điểm cho mỗi kênh tuyên truyền",
    "evidence": "Điểm tối đa cho minh chứng (× tỷ lệ hoạt động có minh chứng)",
    "on_time": "Điểm nộp báo cáo đúng hạn",
}
SCORING_RUBRIC_HELP = (
    "Điểm tính trên đúng các mục mà bảng theo dõi, báo cáo và tệp xuất đều đếm: hoạt động và "
    "tuyên truyền chưa rút, không bị yêu cầu sửa — đã duyệt hay chưa đều được tính; duyệt chỉ "
    "làm đổi điểm khi một mục bị yêu cầu sửa. Mỗi hoạt động được tính theo trọng số của loại "
    "hoạt động (tối đa một số hoạt động mỗi loại); số người tham gia và số lượt tuyên truyền "
    "tính theo thang logarit để đơn vị lớn không thắng chỉ nhờ quy mô (số lượng tuyên truyền có "
    "đơn vị tính khác nhau giữa các kênh nên không được cộng); đúng hạn là nộp "
    "báo cáo trước giờ khóa báo cáo (hoặc trước hết ngày cuối Tuần lễ nếu chưa đặt giờ khóa). "
    "Đơn vị chỉ được xếp hạng trong nhóm tương đương. Cột «Đã duyệt» cho biết phần số liệu của "
    "đơn vị đã được duyệt; chỉ chọn khen thưởng được cho đơn vị đã duyệt hết.")
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

# Issue 20 (s5-forms): decisions and lines record what was meant; confirmations
COMMEND_UNIT_NOT_NOMINATIONS = ("Đơn vị được chọn («{unit}») khác đơn vị đã đề xuất «{nominee}» "
                                "(«{nominating}»): quyết định lấy từ đề xuất thuộc về đơn vị "
                                "đề xuất. Bỏ chọn đơn vị hoặc chọn đúng đơn vị đó.")
COMMEND_CONFIRM_NO_ENTRIES = ("Đơn vị «{name}» chưa có hoạt động hay sản phẩm tuyên truyền nào "
                              "được tính trong Tuần lễ. Vẫn khen thưởng đơn vị này?")
COMMEND_CONFIRM_BUTTON = "Vẫn khen thưởng"
BUD_LINE_DUPLICATE = ("Dòng chi này giống hệt dòng {number} đã có («{item}», {quantity} × "
                      "{price} đồng). Vẫn thêm một dòng nữa?")
BUDP_ADD_ANYWAY = "Vẫn thêm dòng này"
CONFIRM_CANCEL = "Không lưu, sửa lại"
CONFIRM_CANCELLED = "Chưa lưu gì."
SUB_CONFIRM_UNMET = ("Đơn vị chưa đạt chỉ tiêu: {targets}. Vẫn nộp báo cáo? (Sau khi nộp, "
                     "đơn vị vẫn mở lại được để bổ sung cho đến khi khóa báo cáo.)")
SUB_UNMET_ITEM = "«{label}» đã có {count}, chỉ tiêu ít nhất {minimum}"
SUB_CONFIRM_BUTTON = "Vẫn nộp báo cáo"
SUB_NOT_NOW = "Chưa nộp, bổ sung thêm"

# --- Issue 4: live dashboard, progress, review, export (prefix DASH_/PROG_/REV_/EXP_/CHART_)
CHART_WARD = "Phường"
CHART_ACTIVITIES = "Số hoạt động"
CHART_PARTICIPANTS = "Lượt người tham gia"
CHART_GROUP = "Nhóm hoạt động"
CHART_TIER = "Cấp học"
CHART_REPORTING_RATE = "Tỷ lệ có số liệu"
CHART_REPORTING = "Đơn vị có số liệu"
CHART_UNITS = "Số đơn vị"
CHART_DAY = "Ngày"
CHART_CHANNEL = "Kênh tuyên truyền"
CHART_QUANTITY = "Số lượng"
CHART_ENTRIES = "Số lần"
CHART_SLOGAN = "Khẩu hiệu"
CHART_SLOGAN_N = "Khẩu hiệu {n}"
CHART_PROPAGANDA = "Tuyên truyền"
WEEKDAY_SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
DASH_KPI_ACTIVITIES = "Hoạt động"
DASH_KPI_PARTICIPANTS = "Lượt người tham gia"
DASH_KPI_ONLINE = "Tỷ lệ trực tuyến"
DASH_KPI_PROPAGANDA = "Lượt tuyên truyền"  # entries: quantities have their own units
DASH_KPI_REPORTING = "Đơn vị có số liệu"
DASH_KPI_SUBMITTED = "Đơn vị đã nộp báo cáo"
DASH_KPI_WARDS = "{Area} có hoạt động"
DASH_KPI_DELTA_HELP = "Số nhỏ dưới mỗi ô: thay đổi so với hết ngày {day}."
DASH_KPI_NO_CHANGE_BEFORE = ("Tuần lễ chưa bắt đầu (từ {day}): chưa có số thay đổi theo ngày "
                             "dưới các ô.")
DASH_KPI_NO_CHANGE_AFTER = ("Tuần lễ đã kết thúc ({day}): các ô không còn số thay đổi theo "
                            "ngày, con số là kết quả cả Tuần lễ.")
DASH_UPDATED_AT = "Cập nhật lúc {time}"
DASH_MAP = "Bản đồ {areas} (bấm vào một {area} để lọc cả trang)"
DASH_HEATMAP = "Hoạt động theo {area} và nhóm"
DASH_TIER_RATES = "Tỷ lệ trường có số liệu theo cấp học"
DASH_PER_DAY = "Hoạt động theo ngày"
DASH_CHANNELS = "Tuyên truyền theo kênh"
DASH_SLOGANS = "Khẩu hiệu được sử dụng"
DASH_FEED = "Dữ liệu mới nhập"
DASH_FEED_EMPTY = "Chưa có dữ liệu nào được nhập."
DASH_FILTER_DAYS = "Khoảng ngày"
DASH_YEARS = "So sánh các năm"
DASH_COL_YEAR = "Năm"
DASH_FEED_ACTIVITY = "Hoạt động"
DASH_FEED_PROPAGANDA = "Tuyên truyền"
DASH_NO_EVENT = "Chưa có Tuần lễ nào được cấu hình."
STATUS_NAMES = {"submitted": "Đã gửi", "accepted": "Đã duyệt", "needs_fix": "Cần sửa"}
# one word for one figure (DESIGN §4; issue 20 item 10): «có số liệu» = has a counting
# entry, «đã nộp» = the report is marked submitted — never «đã báo cáo» for either
PROG_RATE_TIER = "Tỷ lệ trường có số liệu theo cấp học"
PROG_RATE_WARD = "Tỷ lệ đơn vị có số liệu theo {area}"
PROG_UNITS = "Số liệu và báo cáo đã nộp của từng đơn vị"
PROG_NOT_REPORTED = "Đơn vị chưa có số liệu"
PROG_ALL_REPORTED = "Tất cả đơn vị trong phạm vi lọc đã có số liệu."
PROG_MAILTO = "Gửi email nhắc {count} đơn vị (BCC)"
PROG_MAILTO_NONE = "Các đơn vị chưa có số liệu chưa có địa chỉ email."
PROG_MAIL_SUBJECT = "Nhắc báo cáo {title}"
PROG_MAIL_BODY = ("Kính gửi các đơn vị,\n\nBan chỉ đạo đề nghị đơn vị cập nhật kết quả tổ chức "
                  "{title} trên hệ thống theo dõi.\n\nTrân trọng.")
PROG_FILTER_STATUS = "Tình trạng"
PROG_STATUS_ALL = "Tất cả"
PROG_STATUS_REPORTED = "Có số liệu"
PROG_STATUS_NOT_REPORTED = "Chưa có số liệu"
PROG_COL_REPORTED = "Có số liệu"
PROG_COL_ENTRIES = "Số mục đã nhập"
PROG_COL_LAST = "Lần nhập gần nhất"
PROG_COL_SUBMITTED = "Đã nộp"
PROG_NOT_SUBMITTED = "Đơn vị chưa nộp báo cáo: {count}"
PROG_WORDS_HELP = ("«Có số liệu»: đơn vị đã nhập ít nhất một hoạt động hoặc tuyên truyền được "
                   "tính. «Đã nộp»: đơn vị đã bấm «Nộp báo cáo». Hai số khác nhau, như trên "
                   "bảng theo dõi.")
PROG_COL_RATE = "Tỷ lệ"
PROG_COL_TOTAL = "Tổng số"
PROG_NO_EMAIL = "(chưa có email)"
REV_FILTER_STATUS = "Trạng thái duyệt"
REV_FILTER_KIND = "Loại dữ liệu"
REV_FILTER_TYPE = "Loại hoạt động / kênh"
REV_KIND_ACTIVITY = "Hoạt động"
REV_KIND_PROPAGANDA = "Tuyên truyền"
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
EXP_CSV = "Tải tệp CSV"
EXP_CSV_TABLE = "Bảng xuất CSV"
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
ENT_WARD_REQUIRED = "Đơn vị chưa gắn với địa bàn nào: vui lòng chọn địa bàn nơi tổ chức."
ENT_WARD_UNKNOWN = "Mã địa bàn «{value}» không thuộc danh sách địa bàn của Tuần lễ."
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
                   "(không có khoảng trắng, dấu ngoặc hay dấu nháy; nếu địa chỉ có ngoặc tròn, "
                   "hãy thay bằng %28 và %29).")
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
COMMEND_TYPE_WEIGHTS = "**Điểm cho mỗi hoạt động được tính, theo loại hoạt động**"
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
DB_UNAVAILABLE = ("Không mở được cơ sở dữ liệu (ổ đĩa đầy, chỉ đọc hoặc tệp hỏng). "
                  "Vui lòng báo quản trị hệ thống.")
# Closing report (PDF) — issue 5; its wording is core/report_texts.py (issue 22)
REPORT_PLACE = "Ba Đình"
# "Nơi nhận" comes from the organiser profile (Ba Đình 2020's: core/organiser.BA_DINH_2020);
# this is printed only when a profile has none.
REPORT_RECIPIENTS_FALLBACK = ["Lưu: VT"]

# Budget estimate document: PDF and XLSX (issue 6: core/budget_pdf.py)
BPDF_TITLE = "DỰ TRÙ KINH PHÍ"
BPDF_SUBJECT = "Tổ chức các hoạt động “Tuần lễ hưởng ứng học tập suốt đời” năm {year}"
BPDF_STATUS_NOTE = {"draft": "(Dự thảo)", "submitted": "(Trình lãnh đạo {level} phê duyệt)"}
BPDF_HEADERS = ["STT", "Nội dung chi", "Hoạt động", "Đơn vị tính", "Số lượng",
                "Đơn giá", "Thành tiền", "Ghi chú"]
BPDF_UNIT_NOTE = "Đơn vị tính: đồng"
BPDF_TOTAL = "Tổng cộng"
BPDF_IN_WORDS = "Bằng chữ"
BPDF_NOTES = "Ghi chú"
BXLSX_SHEET = "Dự trù kinh phí"
BXLSX_STATUS = "Trạng thái"

# --- Issue 3: unit pages (entry forms EF_, my entries MYE_, unit home UHOME_, imports EIMP_) ---
EF_TYPE = "Loại hoạt động"
EF_TITLE = "Tên hoạt động"
EF_DESCRIPTION = "Mô tả ngắn (không bắt buộc)"
EF_WARD = "{Area} nơi tổ chức"
EF_WARD_HELP = "Mặc định là {area} của đơn vị; đơn vị cấp {level} chọn {area} nơi tổ chức."
EF_WARD_PICK = "— Chọn {area} —"
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
EF_PHOTOS_HELP = ("JPEG, PNG hoặc WebP, mỗi ảnh tối đa 20 MB (ảnh lớn được tự thu nhỏ, bỏ thông tin "
                  "vị trí); tối đa {max} ảnh cho một mục.")
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
UHOME_DISTRICT = "cấp {level}"
UHOME_BEFORE = "Còn {days} ngày nữa đến Tuần lễ."
UHOME_DURING = "Tuần lễ đang diễn ra: còn {days} ngày (tính cả hôm nay)."
UHOME_AFTER = "Tuần lễ đã kết thúc; hãy hoàn thiện và nộp báo cáo trước khi khóa."
UHOME_ENDED = "Tuần lễ đã kết thúc."  # shown instead once the week is locked or submitted
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
SET_NEXT_HELP = ("Tạo Tuần lễ năm **{year}** từ Tuần lễ năm {source}: sao chép thông tin chung "
                 "(ngày chuyển sang cùng thứ trong tuần của năm {year}), thông tin đơn vị tổ "
                 "chức, 8 khẩu hiệu, các chỉ tiêu, danh mục hoạt động và kênh tuyên truyền, "
                 "các địa bàn và danh sách đơn vị tham gia (mỗi Tuần lễ có danh mục, địa bàn "
                 "và danh sách đơn vị riêng: sửa ở năm {year} không đổi năm {source}). Số và "
                 "ngày kế hoạch, thời điểm khóa, nhận xét và quyết định khen thưởng để trống; "
                 "dự trù kinh phí mới là bản nháp rỗng. Dữ liệu năm {source} giữ nguyên.")
SET_NEXT_HELP_EMPTY = ("Tạo Tuần lễ năm **{year}** trống: chỉ có danh mục hoạt động và kênh "
                       "tuyên truyền theo Kế hoạch; chưa có đơn vị tham gia, địa bàn, khẩu hiệu, "
                       "chỉ tiêu và thông tin đơn vị tổ chức (nhập ở các thẻ của trang này và "
                       "trang Đơn vị trước khi ghi số liệu).")
SET_NEXT_YEAR = "Năm của Tuần lễ mới"
SET_NEXT_SOURCE = "Sao chép từ"
SET_NEXT_SOURCE_YEAR = "Tuần lễ năm {year}"
SET_NEXT_SOURCE_EMPTY = "Tuần lễ trống (chỉ danh mục theo Kế hoạch)"
SET_NEXT_CONFIRM = "Tôi muốn tạo Tuần lễ năm {year}"
SET_NEXT_BUTTON = "Tạo Tuần lễ năm {year}"
SET_NEXT_DONE = ("Đã tạo Tuần lễ năm {year} ({dates}). Hãy kiểm tra ngày, chủ đề và số kế hoạch "
                 "ở thẻ «Thông tin chung».")
SET_BUDGET_STATUS = "Trạng thái: **{status}** · {lines} dòng chi · Tổng cộng **{total}**"
SET_BUDGET_SUBMITTED_BY = "Gửi duyệt bởi {name} lúc {at}."
SET_BUDGET_APPROVED_BY = "Phê duyệt bởi {name} lúc {at}."
SET_BUDGET_APPROVE = "Phê duyệt"
SET_BUDGET_RETURN = "Trả lại để chỉnh sửa"
SET_BUDGET_APPROVED = "Đã phê duyệt dự trù kinh phí."
SET_BUDGET_RETURNED = "Đã trả lại dự trù kinh phí cho Ban chỉ đạo chỉnh sửa."
SET_BUDGET_NOTHING_TO_APPROVE = "Không có dự trù nào đang chờ duyệt."

# Committee: budget estimate page (issue 6: app_pages/committee_budget.py)
BUDP_FOR_YEAR = ("Dự trù kinh phí Tuần lễ năm {year} (kế hoạch §III.1: Phòng GD&ĐT lập, trình "
                 "lãnh đạo {{level}} phê duyệt). Thành tiền = số lượng × đơn giá, do hệ thống tính.")
BUDP_WAITING = "Đang chờ lãnh đạo UBND {level} phê duyệt."
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
BUDP_NOTES_HINT = "Ví dụ: Nguồn kinh phí sự nghiệp giáo dục năm 2020 của {level}."
BUDP_NOTES_SAVED = "Đã lưu ghi chú."
BUDP_SUBMIT_HELP = ("Khi dự trù đã đầy đủ, gửi để lãnh đạo UBND {level} phê duyệt. Sau khi "
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
EF_CHOOSE = "Chọn…"
BUDP_NO_LINES = "Chưa có dòng chi nào: thêm dòng đầu tiên ở biểu mẫu bên dưới."
PERCENT_POINTS = "điểm %"  # percentage points, after a signed number

# --- Imports in a clerk's words, no double imports (h6) ---
IMP_SHEET_DATA = "Dữ liệu"
IMP_SHEET_CATALOGUE = "Danh mục"
IMP_DROPDOWN_ERROR = "Hãy chọn một giá trị trong danh sách (xem sheet «Danh mục»)."
IMP_DROPDOWN_MULTI = ("Chọn một giá trị, hoặc gõ nhiều giá trị cách nhau bởi dấu «;» "
                      "(xem sheet «Danh mục»).")
IMP_NOTE_HEAD = ("Cách điền: mỗi dòng của sheet «Dữ liệu» là một mục; giữ nguyên dòng tiêu "
                 "đề. Các cột có danh mục nhận đúng giá trị như trong danh sách dưới đây "
                 "(hoặc chọn từ danh sách thả xuống).")
IMP_NOTE_REQUIRED = "Cột bắt buộc: {columns}."
IMP_NOTE_DATE = ("Ngày ghi theo dạng dd/mm/yyyy (ví dụ 03/10/2020), hoặc là ô kiểu Ngày "
                 "của Excel.")
IMP_NOTE_LISTS = ("Đối tượng tham gia, khẩu hiệu: nhiều giá trị cách nhau bởi dấu «;» (không "
                  "dùng dấu phẩy, vì tên có thể chứa dấu phẩy); khẩu hiệu ghi số (1–8) hoặc "
                  "nội dung.")
IMP_NOTE_WARD = "Phường để trống = phường của đơn vị; ghi tên phường (ví dụ Phúc Xá) hoặc mã."
IMP_NOTE_EXAMPLES = "Các dòng ví dụ trong sheet «Dữ liệu» cần xóa trước khi nhập."
IMP_COL_LINE = "Dòng"
IMP_COL_COLUMN = "Cột"
IMP_COL_VALUE = "Giá trị"
IMP_COL_REASON = "Lý do"
IMP_WHERE_FILE = "tệp"
IMP_WHERE_LINE = "dòng {line}"
IMP_WHERE_COLUMN = ", cột «{column}»"
IMP_WHERE_VALUE = " («{value}»)"
IMP_COLUMN_TWICE = "Cột này trùng ý nghĩa với cột «{other}»: chỉ giữ một cột."
IMP_VALUE_UNKNOWN = "Không có trong danh mục (xem sheet «Danh mục» của tệp mẫu)."
IMP_LIST_UNKNOWN = ("{items} không có trong danh mục; nhiều giá trị cách nhau bởi dấu «;» "
                    "(xem sheet «Danh mục» của tệp mẫu).")
IMP_UNIT_UNKNOWN = "Không có đơn vị này: ghi đúng tên hoặc mã đơn vị."
IMP_TWINS_DISAGREE = ("Không khớp với cột «{other}» của cùng dòng («{value}»): hãy sửa một "
                      "trong hai.")
IMP_UNIT_AMBIGUOUS = "Có nhiều đơn vị cùng tên này: hãy ghi mã đơn vị."
IMP_DATE_OUTSIDE = "Ngày {value} nằm ngoài Tuần lễ ({start} – {end})."
IMP_UNIT_EXISTS = "Mã đơn vị «{code}» đã có trong hệ thống."
IMP_DUPLICATE_IN_FILE = ("Trùng với dòng {first} của tệp (cùng đơn vị, {what}): có thể là "
                         "nhập trùng.")
IMP_DUPLICATE_EXISTING = ("Trùng với một mục đã có của đơn vị, nhập lúc {at} (cùng {what}): "
                          "có thể là nhập trùng.")
IMP_DUPLICATE_WHAT = {"activities": "loại, tên, ngày bắt đầu, phường, số người tham gia",
                      "propaganda": "kênh, ngày, phường, số lượng, ghi chú"}
IMP_FILE_SEEN = ("Tệp có cùng nội dung đã được nhập lúc {at} bởi {user} (tệp «{name}», "
                 "{rows} dòng): không nhập lại để số liệu không bị nhân đôi.")
IMP_NOTHING_WRITTEN = "Không nhập dòng nào: {count} dòng lỗi."
IMP_NOTHING_WRITTEN_FILE = "Không nhập dòng nào."
# issue 20 (files): every column of a file is used or named
IMP_NOTHING_WRITTEN_COLUMNS = ("Không nhập dòng nào: tệp có {count} cột không có trong mẫu nhập, "
                               "chưa biết ghi vào đâu: {columns}.")
IMP_COLUMN_UNKNOWN = "Cột không có trong mẫu nhập và không giống cột nào của tệp mẫu."
IMP_COLUMN_UNKNOWN_NEAR = ("Cột không có trong mẫu nhập; tên gần nhất: {near}. Đổi tên cột "
                           "nếu đúng là cột đó.")
IMP_IGNORED_COLUMNS = "Đã bỏ qua, không ghi, các cột không có trong mẫu nhập: {columns}."
IMP_UNKNOWN_FOUND = ("Tệp có cột không có trong mẫu nhập (dữ liệu của các cột này sẽ không "
                     "được ghi): {columns}.")
IMP_IGNORE_UNKNOWN = "Bỏ qua các cột này"
IMP_UNKNOWN_ONE = "«{column}» (gần nhất: {near})"
IMP_PARTIAL = "Đã nhập {created} dòng, bỏ qua {skipped} dòng lỗi."
IMP_DONE = "Đã nhập {created} dòng."
IMP_UNITS_DONE = "Đã nhập {created} đơn vị mới, cập nhật {updated} đơn vị."
# What would let the refused rows in: the page names its own controls, the command line its
# options (and nothing else shows an option).
IMP_HINTS_PAGE = {
    "outside_week": ("Ngày ngoài Tuần lễ: nếu đúng là vậy, mở «Tùy chọn khác», đánh dấu "
                     "«Cho phép ngày ngoài Tuần lễ» rồi bấm «Nhập» lại."),
    "duplicate_row": ("Dòng trùng: nếu đó thật là các mục khác nhau, mở «Tùy chọn khác», "
                      "đánh dấu «Vẫn nhập các dòng trùng với mục đã có» rồi bấm «Nhập» "
                      "lại."),
    "unknown_columns": ("Cột không có trong mẫu nhập: đổi tên cột theo tệp mẫu, hoặc nếu "
                        "không cần nhập các cột đó, đánh dấu «Bỏ qua các cột này» rồi bấm "
                        "«Nhập» lại."),
    "duplicate_file": ("Tệp đã nhập: nếu thật sự cần nhập lại, mở «Tùy chọn khác», đánh dấu "
                       "«Vẫn nhập tệp đã nhập trước đó» rồi bấm «Nhập» lại (việc này được ghi "
                       "nhật ký)."),
    "existing_unit": ("Đơn vị đã có: để cập nhật các đơn vị này theo tệp, đánh dấu «Cập nhật "
                      "đơn vị đã có cùng mã» rồi bấm «Nhập» lại."),
}
IMP_HINTS_CLI = {
    "outside_week": "Ngày ngoài Tuần lễ: nếu đúng là vậy, chạy lại với --allow-outside-week.",
    "duplicate_row": ("Dòng trùng: nếu đó thật là các mục khác nhau, chạy lại với "
                      "--allow-duplicates."),
    "unknown_columns": ("Cột không có trong mẫu nhập: đổi tên cột theo tệp mẫu, hoặc nếu "
                        "không cần nhập các cột đó, chạy lại với --ignore-unknown-columns."),
    "duplicate_file": ("Tệp đã nhập: nếu thật sự cần nhập lại, chạy lại với "
                       "--allow-duplicate-file (được ghi nhật ký)."),
    "existing_unit": "Đơn vị đã có: để cập nhật theo tệp, chạy lại với --update.",
}
IMP_MORE_OPTIONS = "Tùy chọn khác"
IMP_ALLOW_DUPLICATES = "Vẫn nhập các dòng trùng với mục đã có"
IMP_ALLOW_DUPLICATE_FILE = "Vẫn nhập tệp đã nhập trước đó"
IMP_HELP_ENTRIES = ("Tải tệp mẫu, điền mỗi dòng một mục rồi chọn tệp để nhập. Tệp mẫu XLSX có "
                    "sẵn danh sách thả xuống; sheet «Danh mục» liệt kê các giá trị được nhận. "
                    "Một dòng lỗi thì không dòng nào được nhập (trừ khi chọn bỏ qua dòng lỗi); "
                    "một tệp đã nhập thì không nhập lại được; cột nào không có trong mẫu thì "
                    "được nêu tên và tệp chỉ được nhập khi chọn bỏ qua các cột đó.")
IMP_HELP_UNITS = ("Tải tệp mẫu, điền mỗi dòng một đơn vị rồi chọn tệp để nhập. Tệp mẫu XLSX có "
                  "sẵn danh sách thả xuống; sheet «Danh mục» liệt kê các giá trị được nhận. "
                  "Một dòng lỗi thì không dòng nào được nhập.")
IMP_COLUMNS_CAPTION = "Các cột của tệp (cột có dấu * là bắt buộc):"
IMP_CATALOGUE_TITLE = "Các giá trị được nhận"
IMP_UNIT_CLOSED = ("Không nhập được từ tệp lúc này: dữ liệu của đơn vị đã được chốt (xem thông "
                   "báo ở đầu trang).")
IMP_OWN_UNIT_NOTE = "Cột «Đơn vị» có thể để trống: các dòng được nhập cho đơn vị của bạn."
AUD_ACTIONS["import"] = "Nhập từ tệp"
AUD_TABLES["import_files"] = "Tệp đã nhập"
# --- Security (h1) ---------------------------------------------------------------------------
COOKIE_KEY_WEAK = ("Khóa cookie (LLW_COOKIE_KEY hoặc cookie_key trong secrets.toml) quá yếu: "
                   "cần ít nhất 32 ký tự ngẫu nhiên (ước tính ít nhất 128 bit khó đoán), không "
                   "lặp lại một mẫu (admin123admin456…), không đi theo thứ tự ký tự hay bàn "
                   "phím (0123456789abcdef…, qwerty…), không dùng từ thông dụng, không phải giá "
                   "trị mặc định. Ứng dụng không khởi động. Tạo một khóa bằng lệnh: "
                   "`python3 -c \"import secrets; print(secrets.token_urlsafe(48))\"` — hoặc "
                   "bỏ cấu hình này để hệ thống tự sinh khóa trong tệp bên cạnh cơ sở dữ liệu.")
PASSWORD_OUTER_SPACES = ("Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng "
                         "(khoảng trắng ở giữa thì được).")
PASSWORD_CHANGED_SIGNED_OUT = ("Đã đổi mật khẩu. Mọi phiên đăng nhập trước đó (ở các máy và thẻ "
                               "khác) đã kết thúc; lần sau mở ứng dụng, hãy đăng nhập bằng mật "
                               "khẩu mới.")
PHOTO_SVG = ("Tệp «{name}» là ảnh vẽ SVG: hệ thống không nhận SVG (có thể chứa mã chạy). "
             "Hãy xuất ảnh ra JPEG hoặc PNG rồi tải lên.")
PHOTO_TOO_MANY_PIXELS = ("Ảnh «{name}» quá lớn ({width}×{height} điểm ảnh; ảnh {kind} tối đa "
                         "{max} triệu điểm ảnh). Hãy thu nhỏ ảnh hoặc lưu lại dưới dạng JPEG.")
# --- Sample data, review at scale, scoring (h5) ---
SAMPLE_ACCOUNT_REAL_DATA = ("Tài khoản mẫu chỉ thao tác được trên dữ liệu mẫu, không sửa "
                            "dữ liệu của đơn vị thật.")
SAMPLE_TABLE_NAMES = {"units": "đơn vị mẫu", "users": "tài khoản mẫu", "photos": "ảnh",
                      "commendations": "quyết định khen thưởng", "nominations": "đề xuất",
                      "activities": "hoạt động", "propaganda": "mục tuyên truyền",
                      "learning_model_counts": "dòng mô hình học tập",
                      "report_submissions": "báo cáo đã nộp"}
DEMO_PLAN = ("Cơ sở dữ liệu đã có số liệu thật ({activities_real} hoạt động, "
             "{propaganda_real} mục tuyên truyền). Lệnh demo sẽ THÊM {schools} trường mẫu và "
             "{ward_units} đơn vị phường mẫu (tên bắt đầu bằng «[Mẫu]»), {activities} hoạt "
             "động và {propaganda} mục tuyên truyền mẫu chỉ của các đơn vị mẫu đó, cùng các "
             "tài khoản mẫu. Không đơn vị, số liệu hay tài khoản thật nào bị thay đổi; gỡ bỏ "
             "toàn bộ bằng: manage.py demo --remove.")
DEMO_CONFIRM_WITH_YES = "Nếu đồng ý, chạy lại lệnh với --yes."
DEMO_NOTHING_TO_REMOVE = "Không có dữ liệu mẫu nào để gỡ."
DEMO_REMOVED = "Đã gỡ toàn bộ dữ liệu mẫu: {details}. Số liệu thật giữ nguyên."
DEMO_ACCOUNTS_HEADING = ("Tài khoản mẫu (mật khẩu chỉ hiện MỘT lần — hãy ghi lại; mật khẩu là "
                         "toàn bộ cột «Mật khẩu», không có khoảng trắng):")
DEMO_ACCOUNTS_COLUMNS = ("Tên đăng nhập", "Vai trò", "Mật khẩu")
DEMO_ROLE_NAMES = {"committee": "Ban chỉ đạo", "unit": "Đơn vị", "admin": "Quản trị"}
SAMPLE_BANNER = ("Đang có DỮ LIỆU MẪU trong hệ thống ({details}, tên bắt đầu bằng «[Mẫu]»): "
                 "các số liệu, báo cáo và tệp xuất hiện có cả dữ liệu mẫu. Quản trị viên gỡ "
                 "toàn bộ ở trang «Sao lưu».")  # no command line in a page's words
SAMPLE_BANNER_UNITS = "{units} đơn vị mẫu"
SAMPLE_REMOVE_HEADING = "Gỡ dữ liệu mẫu"
SAMPLE_REMOVE_HELP = ("Xóa mọi đơn vị, tài khoản, hoạt động, tuyên truyền, ảnh, mô hình học "
                      "tập, đề xuất, báo cáo đã nộp và quyết định khen thưởng của dữ liệu mẫu "
                      "trong một lần; số liệu thật giữ nguyên. Hiện có: {details}.")
SAMPLE_REMOVE_CONFIRM = "Tôi hiểu: toàn bộ dữ liệu mẫu sẽ bị xóa và không khôi phục được"
SAMPLE_REMOVE_BUTTON = "Gỡ dữ liệu mẫu"
SAMPLE_NONE = "Không có dữ liệu mẫu trong hệ thống."
REV_FILTER_DAY = "Ngày"
REV_FILTER_TEXT = "Tìm theo chữ"
REV_FILTER_TEXT_HINT = "không cần gõ dấu"
REV_SORT = "Sắp xếp"
REV_SORTS = {"newest": "Mới nhập trước", "oldest": "Nhập trước trước",
             "date": "Theo ngày tổ chức (sớm trước)", "date_desc": "Theo ngày tổ chức (muộn trước)",
             "unit": "Theo tên đơn vị", "ward": "Theo phường",
             "status": "Chờ duyệt trước", "size_desc": "Nhiều người tham gia / số lượng trước"}
REV_PAGE_SIZE = "Số mục mỗi trang"
REV_PAGE = "Trang"
REV_PREV = "◀ Trước"
REV_NEXT = "Sau ▶"
REV_COUNT_PAGED = ("**{count} mục** phù hợp bộ lọc — đang xem mục {first}–{last}, "
                   "trang {page}/{pages}")
REV_PROGRESS = "Đã duyệt {reviewed}/{total} {what}"
REV_PROGRESS_CELL = "đã duyệt {reviewed}/{total}"
REV_PROGRESS_DETAIL = "Tiến độ duyệt theo phường và theo đơn vị"
REV_COL_REVIEWED = "Đã duyệt"
REV_COL_SHARE = "Tỷ lệ"
REV_COL_ID = "Số"
REV_COL_STATUS = "Trạng thái"
REV_COL_DAY = "Ngày"
REV_COL_TYPE = "Loại / kênh"
REV_COL_WHAT = "Nội dung"
REV_COL_PARTICIPANTS = "Người tham gia"
REV_COL_QUANTITY = "Số lượng"
REV_COL_PHOTOS = "Ảnh"
REV_TABLE_HELP = ("Bấm một dòng để mở chi tiết; đánh dấu nhiều dòng (hoặc ô đầu cột để chọn cả "
                  "trang) để duyệt hay yêu cầu sửa một lần. Phím tắt: Alt+D duyệt, Alt+S yêu "
                  "cầu sửa, Alt+N / Alt+P trang sau / trước.")
REV_LINK = "Đường dẫn minh chứng"
REV_CURRENT_STATUS = "Trạng thái hiện tại: {status}"
REV_UNIT_OTHERS = "Các mục khác của đơn vị này: {count}"
REV_OPENED_NEXT = "Đã mở mục chờ duyệt tiếp theo."
REV_ALL_DONE = "Không còn mục nào chờ duyệt trong bộ lọc này."
REV_BULK_HEADING = "**Đã chọn {count} mục**"
REV_BULK_COMMENT = "Nhận xét chung cho các mục đã chọn (bắt buộc khi yêu cầu sửa)"
REV_BULK_ACCEPT = "Duyệt {count} mục"
REV_BULK_NEEDS_FIX = "Yêu cầu sửa {count} mục"
REV_BULK_DONE = "Đã lưu kết quả duyệt cho {count} mục: {status}."
REV_NOTHING_SELECTED = "Chưa chọn mục nào."
REV_TOO_MANY = "Mỗi lần duyệt tối đa {max} mục."
REV_ENTRIES_MISSING = "Không tìm thấy các mục {ids} (có thể đơn vị đã rút); chưa lưu mục nào."
COMMEND_UNIT_UNREVIEWED = ("Chưa thể chọn khen thưởng cho «{name}»: đơn vị còn {activities} "
                           "hoạt động và {propaganda} mục tuyên truyền chưa được duyệt. Hãy "
                           "duyệt hết ở trang «Duyệt dữ liệu» (lọc theo đơn vị) rồi chọn lại.")
COMMEND_COL_REVIEWED = "Đã duyệt"
COMMEND_REVIEWED_CELL = "{reviewed}/{total} ({share})"
COMMEND_UNIT_OPTION_UNREVIEWED = "{name} — {group}, hạng {rank} ({total} điểm) — còn {n} mục chưa duyệt"
AUD_ACTIONS["demo_remove"] = "Gỡ dữ liệu mẫu"
# --- Closing report (h2) ---
STATS_DISTRICT_ROW = "Đơn vị cấp {level}"  # filled: core/organiser.fill

# --- Workbook (h3): the city's XLSX/CSV (core/workbook.py, db/export.py, export page) ---
WB_SHEETS = {
    "totals": "Tổng hợp", "by_ward": "Theo phường", "by_tier": "Theo cấp học",
    "by_type": "Theo loại hoạt động", "by_channel": "Tuyên truyền theo kênh",
    "by_slogan": "Khẩu hiệu", "by_day": "Theo ngày", "learning_models": "Mô hình học tập",
    "units": "Kết quả từng đơn vị", "commendations": "Khen thưởng",
    "nominations": "Đề xuất khen thưởng", "activities": "Danh sách hoạt động",
    "propaganda": "Danh sách tuyên truyền", "not_counted": "Mục không tính",
}
WB_TITLE = "SỐ LIỆU {title}"
WB_SAMPLE_WARNING = ("CHÚ Ý: CƠ SỞ DỮ LIỆU ĐANG CÓ DỮ LIỆU MẪU (đơn vị «[Mẫu]»): số liệu dưới "
                     "đây gồm cả dữ liệu mẫu, không dùng để báo cáo.")
WB_COUNTING_NOTE = ("Chỉ tính các mục được tính: không gồm mục cần sửa và mục đơn vị đã rút "
                    "(xem trang «Mục không tính»).")
WB_TOTAL = "Tổng cộng"
# a list's total row: the count in the label column, STT left empty (issue 22 item 7)
WB_TOTAL_UNITS = "Tổng cộng: {n} đơn vị"
WB_TOTAL_ACTIVITIES = "Tổng cộng: {n} hoạt động"
WB_TOTAL_PROPAGANDA = "Tổng cộng: {n} lượt tuyên truyền"
WB_YES, WB_NO = "Có", "Chưa"
WB_ITEM, WB_VALUE = "Chỉ tiêu", "Giá trị"
WB_EVENT, WB_FROM, WB_TO = "Tuần lễ", "Từ ngày", "Đến ngày"
WB_TOTAL_LABELS = {
    "activities": "Số hoạt động", "participants": "Lượt người tham gia",
    "online_participants": "Lượt tham gia trực tuyến",
    "propaganda_entries": "Số lượt tuyên truyền (số mục đã báo cáo)",
    "units": "Số đơn vị", "units_with_data": "Số đơn vị có số liệu",
    "reporting_rate": "Tỷ lệ đơn vị có số liệu",
    "submitted_units": "Số đơn vị đã nộp báo cáo",
    "submission_rate": "Tỷ lệ đơn vị đã nộp báo cáo",
    "wards": "Số {area}", "wards_covered": "Số {area} có hoạt động",
}
# {area}/{Area}: the organiser's word (db/export.sheets fills headers and the totals sheet)
WB_COLS = {
    "stt": "STT", "ward_code": "Mã {area}", "ward_held": "{Area} (nơi tổ chức)",
    "ward_unit": "{Area} (của đơn vị)", "ward": "{Area}", "activities": "Số hoạt động",
    "participants": "Lượt người tham gia", "online": "Lượt trực tuyến",
    "propaganda_entries": "Số lượt tuyên truyền", "units": "Số đơn vị",
    "units_with_data": "Số đơn vị có số liệu", "data_rate": "Tỷ lệ có số liệu",
    "submitted_units": "Số đơn vị đã nộp báo cáo", "submit_rate": "Tỷ lệ đã nộp",
    "tier": "Cấp học", "schools": "Số trường", "schools_with_data": "Số trường có số liệu",
    "schools_submitted": "Số trường đã nộp báo cáo", "group": "Nhóm hoạt động",
    "type": "Loại hoạt động", "channel": "Kênh tuyên truyền", "measure": "Đơn vị tính",
    "quantity": "Số lượng (theo đơn vị tính)", "slogan_no": "Số", "slogan": "Khẩu hiệu",
    "slogan_entries": "Số lượt tuyên truyền dùng khẩu hiệu", "date": "Ngày",
    "registered": "{model}: đăng ký", "recognised": "{model}: được công nhận",
    "registered_total": "Tổng số đăng ký", "recognised_total": "Tổng số được công nhận",
    "unit_code": "Mã đơn vị", "unit": "Tên đơn vị", "kind": "Loại đơn vị",
    "has_data": "Có số liệu", "submitted": "Đã nộp báo cáo", "submitted_at": "Ngày nộp",
    "last_entry": "Ngày báo cáo gần nhất", "propaganda_count": "Số mục tuyên truyền",
    "category": "Danh hiệu", "recipient": "Cá nhân, tập thể được khen",
    "rationale": "Thành tích, lý do", "rank": "Xếp hạng", "nominee": "Tên cá nhân, tập thể được đề xuất",
    "nominee_kind": "Đề xuất cho (cá nhân hay tập thể)", "proposer": "Đơn vị đề xuất",
    "achievement": "Thành tích", "decision": "Ban chỉ đạo xét", "proposed_on": "Ngày đề xuất",
    "title": "Tên hoạt động", "start_date": "Từ ngày", "end_date": "Đến ngày",
    "format": "Hình thức", "audiences": "Đối tượng", "status": "Trạng thái duyệt",
    "link": "Liên kết minh chứng", "slogans": "Khẩu hiệu đã dùng (số)", "note": "Ghi chú",
    "entry_kind": "Loại mục", "reason": "Lý do không tính", "content": "Nội dung",
    "amount": "Số người / số lượng", "amount_measure": "Đơn vị tính",
    "comment": "Nhận xét khi duyệt",
}
WB_PERSONS = "người"
WB_KIND_ACTIVITY, WB_KIND_PROPAGANDA = "Hoạt động", "Tuyên truyền"
WB_REASON_WITHDRAWN, WB_REASON_NEEDS_FIX = "Đơn vị đã rút", "Cần sửa (chờ đơn vị sửa)"
WB_NOTE_WARD_BASIS = ("Hoạt động và tuyên truyền tính theo {area} nơi tổ chức; đơn vị tính theo "
                      "{area} của đơn vị. Dòng «Đơn vị cấp {level}»: đơn vị không thuộc {area} "
                      "nào (hoạt động của họ đã tính ở {area} nơi tổ chức).")
WB_NOTE_TIER = ("Chỉ gồm trường học; hoạt động của trường tính theo cấp học của trường, dù tổ "
                "chức ở {area} nào.")
WB_NOTE_CHANNEL = ("Số lượng mỗi kênh có đơn vị tính riêng (chiếc, lượt xe, bài đăng, buổi "
                   "phát…): không cộng số lượng giữa các kênh.")
WB_NOTE_SLOGAN = "Một lượt tuyên truyền dùng nhiều khẩu hiệu được tính cho mỗi khẩu hiệu."
WB_NOTE_DAY = "Hoạt động tính theo ngày bắt đầu."
WB_NOTE_MODELS = "Số mô hình tính theo {area} của đơn vị báo cáo (UBND phường, TTHTCĐ)."
WB_NOTE_NOT_COUNTED = ("Các mục dưới đây KHÔNG được tính vào số liệu: mục Ban chỉ đạo yêu cầu "
                       "sửa (được tính lại khi đơn vị sửa xong) và mục đơn vị đã rút.")
WB_NOTE_UNITS = "Các đơn vị đang hoạt động; «Có số liệu»: có ít nhất một mục được tính."
WB_BUILD = "Tạo tệp XLSX"
WB_BUILDING = "Đang ghi tệp XLSX… {percent}"
WB_READING = "Đang đọc số liệu…"
WB_READY = "Tệp XLSX đã sẵn sàng ({size}, {seconds} giây)."
WB_DOWNLOAD = "Tải tệp XLSX"
WB_FAILED = "Không tạo được tệp XLSX. Hãy thử lại hoặc báo quản trị viên."
WB_STALE = "Số liệu đã thay đổi từ lúc tạo tệp: hãy tạo lại để có số liệu mới nhất."
WB_AGAIN = "Tạo lại"
WB_UNKNOWN_TABLE = "Bảng không có: {name}. Các bảng: {names}"
# --- Scale and dashboard (h4, issues 13/14) ---
DASH_FEED_TIME = "Lúc nhập"
DASH_FEED_KIND = "Loại"
CLOSE_DATE_INVALID = "Ngày «{value}» không hợp lệ (dùng dạng YYYY-MM-DD, năm 2000–2100)."
CLOSE_TOO_LONG = "Dài tối đa {max} ký tự."
CLOSE_PENDING_NOMINATIONS = ("Còn {n} đề xuất của đơn vị chưa được quyết định (trang Khen "
                             "thưởng): quyết định xong mới chốt được danh sách.")
CLOSE_NO_PICKS = "Chưa có khen thưởng nào trong danh sách (trang Khen thưởng)."
# what a draft still lacks (stderr of manage.py report, the report page, the draft's notes)
CLOSE_MISSING = {
    "assess_strengths": "Mục IV.1 Ưu điểm: Ban chỉ đạo chưa nhập.",
    "assess_weaknesses": "Mục IV.2 Tồn tại, hạn chế: Ban chỉ đạo chưa nhập.",
    "assess_proposals": "Mục IV.3 Đề xuất, kiến nghị: Ban chỉ đạo chưa nhập.",
    "next_directions": "Mục V Phương hướng: Ban chỉ đạo chưa nhập.",
    "commendations": "Mục III Khen thưởng: Ban chỉ đạo chưa chốt danh sách khen thưởng.",
    "picks_changed": ("Mục III Khen thưởng: danh sách đã thay đổi sau khi chốt, cần chốt "
                      "lại."),
    "pending": "Mục III Khen thưởng: còn {n} đề xuất của đơn vị chưa được quyết định.",
}
# issue 20 (files): a final report is refused while the week holds sample data
CLOSE_MISSING_SAMPLE = ("Dữ liệu mẫu: Tuần lễ đang có dữ liệu mẫu ({details}); bản chính thức "
                        "không được chứa dữ liệu mẫu. {how}")
CLOSE_SAMPLE_HOW_PAGE = ("Quản trị viên gỡ toàn bộ dữ liệu mẫu ở trang «Sao lưu» (nút «Gỡ dữ "
                         "liệu mẫu»); số liệu thật giữ nguyên.")
CLOSE_SAMPLE_HOW_CLI = ("Gỡ toàn bộ dữ liệu mẫu bằng lệnh: python3 manage.py demo --remove "
                        "(hoặc nút «Gỡ dữ liệu mẫu» ở trang «Sao lưu»); số liệu thật giữ "
                        "nguyên.")
CLOSE_COL_PARTICIPANTS = "Người tham gia"
CLOSE_COL_ACTIVITIES_PLAIN = "Hoạt động"
# the terminal (manage.py report)
# manage.py closing show/set (issue 22 item 9)
CLOSING_CLI_NOT_WRITTEN = "(chưa viết; gợi ý:)"
CLOSING_CLI_SAVED = "Đã lưu «{key}» của Tuần lễ năm {year} ({chars} ký tự, {lines} dòng)."
CLOSING_CLI_FILE = "Không đọc được tệp «{file}» (cần tệp văn bản UTF-8): {reason}."
CLOSE_CLI_DRAFT = "Báo cáo là bản DỰ THẢO (có chữ «DỰ THẢO» trên mọi trang). Còn thiếu:"
CLOSE_CLI_FINAL_REFUSED = ("Chưa xuất được bản chính thức (--final): báo cáo còn thiếu các mục "
                           "dưới đây; không ghi tệp nào.")
CLOSE_CLI_WRITTEN = "Đã ghi báo cáo tổng kết năm {year} ({kind}) vào {out} ({size} byte)."
CLOSE_KIND_FINAL = "bản chính thức"
CLOSE_KIND_DRAFT = "bản dự thảo"
# the report page
CLOSE_PAGE_INTRO = ("Báo cáo tổng kết theo thể thức Nghị định 30/2020/NĐ-CP: số liệu lấy từ "
                    "bảng theo dõi (cùng định nghĩa với bảng điều khiển), danh sách khen "
                    "thưởng từ trang **Khen thưởng**; mục I, IV và V do Ban chỉ đạo viết dưới đây. "
                    "Báo cáo là bản dự thảo cho đến khi đủ các mục.")
CLOSE_METRIC_WITH_DATA = "Đơn vị có số liệu"
CLOSE_METRIC_SUBMITTED = "Đơn vị đã nộp báo cáo"
CLOSE_METRIC_PROP_ENTRIES = "Lượt tuyên truyền"
CLOSE_PAGE_SECTIONS = "Mục I, IV và V của báo cáo"
CLOSE_FIELD_OVERVIEW = ("I. Công tác chỉ đạo, triển khai (để trống: báo cáo in phần gợi ý từ "
                        "Kế hoạch và số liệu)")
CLOSE_FIELD_ASSESSMENT = "Đánh giá chung — đoạn mở đầu mục IV (không bắt buộc)"
CLOSE_FIELD_STRENGTHS = "1. Ưu điểm"
CLOSE_FIELD_WEAKNESSES = "2. Tồn tại, hạn chế"
CLOSE_FIELD_PROPOSALS = "3. Đề xuất, kiến nghị"
CLOSE_FIELD_DIRECTIONS = "V. Phương hướng năm sau"
CLOSE_FIELD_HELP = ("Mỗi dòng là một đoạn văn, in nguyên như đã gõ; biểu tượng cảm xúc (emoji) "
                    "không có trong phông chữ văn bản nên được bỏ khi in.")
CLOSE_SUGGESTIONS = "Gợi ý tính từ số liệu (sao chép, sửa lại cho phù hợp)"
CLOSE_USE_SUGGESTIONS = "Điền gợi ý vào các ô còn trống"
CLOSE_SAVE_SECTIONS = "Lưu mục I, IV và V"
CLOSE_SECTIONS_SAVED = "Đã lưu mục I, IV và V."
CLOSE_PAGE_COMMENDATIONS = "Danh sách khen thưởng"
CLOSE_PICKS_COUNT = "Đã chọn {n} khen thưởng; còn {pending} đề xuất của đơn vị chưa quyết định."
CLOSE_DECIDED = "Danh sách khen thưởng đã chốt lúc {at}."
CLOSE_DECIDE = "Chốt danh sách khen thưởng"
CLOSE_DECIDED_OK = "Đã chốt danh sách khen thưởng."
CLOSE_REOPEN = "Mở lại danh sách khen thưởng"
CLOSE_REOPENED = "Đã mở lại danh sách khen thưởng."
CLOSE_PAGE_DOCUMENT = "Ngày và nơi ban hành"
CLOSE_FIELD_DATE = "Ngày ghi trên báo cáo"
CLOSE_FIELD_DATE_HELP = ("Để trống: báo cáo in «ngày … tháng … năm …» để văn thư điền tay. "
                         "Ngày đã lưu được dùng cho mọi lần xuất (cả lệnh manage.py report).")
CLOSE_FIELD_PLACE = "Địa danh (để trống: {default})"
CLOSE_SAVE_DOCUMENT = "Lưu ngày và địa danh"
CLOSE_DOCUMENT_SAVED = "Đã lưu ngày và địa danh của báo cáo."
CLOSE_PAGE_EXPORT = "Xuất báo cáo"
CLOSE_MISSING_HEADING = "Báo cáo đang là bản DỰ THẢO. Còn thiếu:"
CLOSE_COMPLETE = "Đã đủ các mục: có thể xuất bản chính thức."
CLOSE_KIND_LABEL = "Loại bản"
CLOSE_KIND_OPTIONS = {"draft": "Bản dự thảo (có chữ DỰ THẢO)", "final": "Bản chính thức"}
CLOSE_DOWNLOAD = "Tải báo cáo tổng kết (PDF)"
CLOSE_DOWNLOAD_HELP = ("Báo cáo được tạo khi bấm nút (vài giây, nút hiện vòng quay trong lúc "
                       "tạo) với số liệu tại thời điểm bấm.")
CLOSE_SAMPLE_WARNING = ("Cơ sở dữ liệu đang có dữ liệu mẫu: báo cáo sẽ ghi rõ điều này ở trang "
                        "đầu và chỉ xuất được bản dự thảo cho đến khi gỡ dữ liệu mẫu.")
# budget estimate as a Tờ trình of Phòng GD&ĐT (issue 11 item 7)
TTR_ISSUER = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
TTR_NUMBER = "…/TTr-PGDĐT"
TTR_KIND = "TỜ TRÌNH"
TTR_SUBJECT = ("Về việc phê duyệt dự trù kinh phí tổ chức “Tuần lễ hưởng ứng học tập suốt "
               "đời” năm {year}")
TTR_TO = "Kính gửi: {to}"
TTR_BASIS = ("Căn cứ Kế hoạch số {number} ngày {date} của Ban chỉ đạo xây dựng xã hội học tập "
             "{level} về việc tổ chức {title};")
TTR_INTRO = ("Phòng Giáo dục và Đào tạo kính trình {to_short} xem xét, phê duyệt dự trù kinh "
             "phí tổ chức các hoạt động của Tuần lễ (từ ngày {start} đến ngày {end}) như sau:")
TTR_CLOSING = "Phòng Giáo dục và Đào tạo kính trình {to_short} xem xét, phê duyệt./."
TTR_RECIPIENTS = ["Như trên", "Phòng Tài chính - Kế hoạch {level}", "Lưu: VT, PGDĐT"]
TTR_SIGNER = "TRƯỞNG PHÒNG"
# the approval: a separate record and an optional page of its own (issue 22 item 6)
TTR_APPROVAL_TITLE = "Ý KIẾN PHÊ DUYỆT"
TTR_APPROVAL_SUBJECT = ("Tờ trình số {number} ngày {day} của Phòng Giáo dục và Đào tạo về việc "
                        "phê duyệt dự trù kinh phí tổ chức “Tuần lễ hưởng ứng học tập suốt đời” "
                        "năm {year}")
TTR_APPROVAL_TEXT = ("Đồng ý phê duyệt dự trù kinh phí tổ chức “Tuần lễ hưởng ứng học tập suốt "
                     "đời” năm {year} với tổng số tiền {total} đồng (bằng chữ: {words}).")
TTR_APPROVAL_DATE = "Ngày phê duyệt: {day}."
TTR_APPROVAL_SIGNER = "Lãnh đạo UBND {level}"
BUDP_APPROVAL_PAGE = "Kèm trang «Ý kiến phê duyệt» (người phê duyệt, ngày phê duyệt)"
BUDP_HEAD_NAME = "Trưởng phòng GD&ĐT (ký tờ trình)"
BUDP_HEAD_HELP = "Họ và tên in dưới chức danh TRƯỞNG PHÒNG trên tờ trình dự trù kinh phí."
BUDP_HEAD_SAVE = "Lưu người ký"
BUDP_HEAD_SAVED = "Đã lưu người ký tờ trình."
NAV_SECTIONS["leader"] = "Lãnh đạo UBND {level}"
LEAD_INTRO = ("Dự trù kinh phí Tuần lễ năm {year} do Phòng GD&ĐT lập và trình (kế hoạch §III.1). "
              "Lãnh đạo UBND {{level}} phê duyệt hoặc trả lại bằng tài khoản của mình; việc phê "
              "duyệt được ghi vào nhật ký hệ thống.")
SET_BUDGET_APPROVED_BY_LEADER = ("Lãnh đạo UBND {level} phê duyệt bằng tài khoản của mình (trang "
                                 "«Phê duyệt dự trù kinh phí»).")
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
TABLE_EMPTY = "Chưa có dữ liệu."
NO_CHOICE = "—"  # the empty choice of a box, and its placeholder (Streamlit may draw either)
PAGE_FORBIDDEN_TITLE = "Không mở được trang này"
SUB_FROZEN_BANNER = "Đơn vị đã nộp báo cáo lúc {at}."  # the reopen button stands below it
# --- Audit (r1) ------------------------------------------------------------------------------
WB_SHEETS["targets"] = "Chỉ tiêu"
WB_COLS.update({"target": "Chỉ tiêu", "applies_to": "Áp dụng cho",
                "target_units": "Số đơn vị áp dụng", "target_met": "Số đơn vị đạt",
                "target_rate": "Tỷ lệ đạt"})
WB_TARGET_ALL_UNITS = "Mọi đơn vị"
WB_NOTE_TARGETS = ("Mỗi chỉ tiêu tính trên các đơn vị đang hoạt động thuộc loại đơn vị (cấp "
                   "học) áp dụng; chỉ tính các mục được tính.")

# --- CSV rates (lead) ---
CSV_RATIO_COLUMN = "{header} (tỷ số, cho máy đọc)"

# --- Lead (session 3) ---
COMMEND_UNIT_NO_ENTRIES = ("Đơn vị «{name}» chưa có hoạt động hay lượt tuyên truyền nào "
                           "được tính trong Tuần lễ: chưa thể khen «Tổ chức hoạt động tốt».")
BAK_FORGED_SAMPLE = ("Tệp đánh dấu {count} đơn vị hoặc tài khoản thật là dữ liệu mẫu (tệp đã bị "
                     "sửa): không khôi phục, vì xóa dữ liệu mẫu sau đó sẽ xóa cả chúng.")
# --- Roll-up (h15d, issue 15 item 4) ---------------------------------------------------------
WB_SHEETS["rollup"] = "Dữ liệu tổng hợp"
ROLLUP_COLUMNS = ["Mục", "Mã", "Chỉ tiêu", "Tên", "Giá trị"]
ROLLUP_SHEET_NOTE = ("Trang dành cho máy đọc: cấp trên nhập tệp này bằng trang «Tổng hợp báo "
                     "cáo cấp dưới» (hoặc manage.py rollup). Không sửa tay: dòng cuối là mã "
                     "kiểm tra (sha256) của mọi dòng phía trên, tệp đã sửa sẽ bị từ chối.")
ROLLUP_AT_ROW = "Tệp «{file}», trang «{sheet}», dòng {row}"
ROLLUP_NOT_XLSX = ("Tệp «{file}»: không đọc được như tệp Excel (.xlsx); hãy chọn bảng tính "
                   "xuất từ trang «Xuất dữ liệu».")
ROLLUP_CANNOT_OPEN = "Tệp «{file}»: không mở được tệp (không có tệp hoặc không có quyền đọc)."
ROLLUP_NO_SHEET = ("Tệp «{file}»: không có trang «{sheet}» (tệp phải là bảng tính xuất từ "
                   "trang «Xuất dữ liệu» của phần mềm này).")
ROLLUP_NO_HEADER = ("Tệp «{file}», trang «{sheet}»: không thấy dòng tiêu đề «{header}».")
ROLLUP_NO_HASH = ("Tệp «{file}», trang «{sheet}»: thiếu dòng mã kiểm tra (hash | sha256) ở "
                  "cuối trang.")
ROLLUP_AFTER_HASH = "có dữ liệu sau dòng mã kiểm tra (dòng mã kiểm tra phải là dòng cuối)."
ROLLUP_HASH_MISMATCH = ("mã kiểm tra không khớp với nội dung: tệp đã bị sửa sau khi xuất. "
                        "Hãy xuất lại tệp từ phần mềm của cấp dưới, không sửa tay.")
ROLLUP_DUPLICATE_ROW = "dòng bị lặp (cùng mục, mã và chỉ tiêu với một dòng phía trên)."
ROLLUP_UNKNOWN_KEY = "mã «{key}» không có trong mẫu."
ROLLUP_UNKNOWN_SECTION = "mục «{section}» không có trong mẫu."
ROLLUP_NOT_A_NUMBER = "«{key}» phải là số nguyên từ 0 đến {max}."
# --- Roll-up values and identity (s5-rollup, issue 25 item 1) ---
ROLLUP_AT_CELL = "Tệp «{file}», trang «{sheet}», dòng {row}, ô {cell}"
ROLLUP_PART_OVER_WHOLE = "«{part}» = {value} lớn hơn «{whole}» = {limit}: số liệu mâu thuẫn."
ROLLUP_SUM_NOT_EQUAL = ("«{key}» = {value} nhưng tổng các dòng «{section}» («{field}») là "
                        "{total}: hai số phải bằng nhau.")
ROLLUP_SUM_OVER = ("«{key}» = {value} nhỏ hơn tổng các dòng «{section}» («{field}») là "
                   "{total}: số liệu mâu thuẫn.")
ROLLUP_NAME_TOO_LONG = "tên dài quá {max} ký tự."
ROLLUP_BAD_CELL = ("ô {cell} không phải một số đọc được (NaN, INF hay số quá dài): tệp không "
                   "phải do phần mềm xuất ra.")
ROLLUP_UNREADABLE = ("Tệp «{file}», trang «{sheet}»: có ô không đọc được (NaN, INF hay số quá "
                     "dài): tệp không phải do phần mềm xuất ra.")
# --- Roll-up: visible sheets agree with the machine sheet (s5-rollup, issue 22 deliver 7) ---
ROLLUP_VISIBLE_MISMATCH = ("Tệp «{file}», trang «{sheet}», ô {cell}: {value} khác số liệu của "
                           "trang «{machine}» ({expected}): trang này đã bị sửa sau khi xuất. "
                           "Hãy xuất lại tệp từ phần mềm của cấp dưới, không sửa tay.")
# --- Roll-up and sample data (s5-rollup, issue 20 deliver 2) ---
ROLLUP_BAD_SAMPLE = "«sample» phải là 0 (không có dữ liệu mẫu) hoặc 1 (có dữ liệu mẫu)."
ROLLUP_SAMPLE_REFUSED = ("tệp của «{name}» có DỮ LIỆU MẪU (Tuần lễ của cấp dưới đang có dữ liệu "
                         "mẫu, không phải số liệu thật): không nhập. Hãy đề nghị cấp dưới gỡ dữ "
                         "liệu mẫu rồi xuất lại; chỉ để thử, đánh dấu «Vẫn nhập tệp có dữ liệu "
                         "mẫu» (manage.py rollup --allow-sample).")
ROLLUP_ALLOW_SAMPLE = "Vẫn nhập tệp có dữ liệu mẫu (chỉ để thử; báo cáo sẽ ghi rõ điều này)"
ROLLUP_SAMPLE_BANNER = ("Số liệu tổng hợp có DỮ LIỆU MẪU của cấp dưới (không phải số liệu "
                        "thật): {names}. Xóa các báo cáo này ở trang «Tổng hợp báo cáo cấp "
                        "dưới» trước khi dùng số liệu.")
# --- Roll-up: the level is one of ours (s5-attack) ---
ROLLUP_AT_SHEET = "Tệp «{file}», trang «{sheet}»"
ROLLUP_BAD_LEVEL = "cấp «{level}» không có trong mẫu (cần một trong: {known})."
ROLLUP_CLI_NO_FILES = "Hãy chỉ ra ít nhất một tệp .xlsx (hoặc --remove TÊN để xóa một báo cáo)."
ROLLUP_REMOVE_DONE = "Đã xóa báo cáo cấp dưới của «{name}»."
ROLLUP_REMOVE_UNKNOWN = ("Không có báo cáo cấp dưới nào của «{name}» trong Tuần lễ năm {year}. "
                         "Đã nhập: {names}.")
ROLLUP_REMOVE_HEADING = "Xóa một báo cáo cấp dưới"
ROLLUP_REMOVE_PICK = "Báo cáo cần xóa"
ROLLUP_REMOVE_CONFIRM = ("Tôi xác nhận xóa báo cáo này (số liệu của cơ quan đó sẽ không được "
                         "cộng nữa)")
ROLLUP_REMOVE_BUTTON = "Xóa báo cáo"
ROLLUP_REMOVE_PLACEHOLDER = "Chọn cơ quan cấp dưới…"
ROLLUP_DAMAGED = ("Báo cáo cấp dưới của «{name}» lưu trong cơ sở dữ liệu có số liệu không hợp lệ "
                  "nên không được cộng vào tổng. Hãy xóa nó (trang «Tổng hợp báo cáo cấp dưới» "
                  "hoặc manage.py rollup --remove) rồi nhập lại tệp đúng.")
ROLLUP_MISSING_META = "Tệp «{file}», trang «{sheet}»: thiếu dòng meta «{key}»."
ROLLUP_MISSING_TOTAL = "Tệp «{file}», trang «{sheet}»: thiếu dòng totals «{key}»."
ROLLUP_BAD_FORMAT = "không phải dữ liệu tổng hợp của phần mềm Tuần lễ học tập suốt đời."
ROLLUP_UNKNOWN_SCHEMA = ("phiên bản mẫu {version} chưa được hỗ trợ (hỗ trợ: {known}); hãy cập "
                         "nhật phần mềm.")
ROLLUP_NO_ORGANISER = "thiếu tên cơ quan tổ chức (cấu hình «organiser.name» của cấp dưới)."
ROLLUP_BAD_TIME = ("thời điểm xuất tệp không hợp lệ (cần dạng ISO có múi giờ, từ năm 2000 đến "
                   "năm 2999).")
ROLLUP_FUTURE_TIME = ("thời điểm xuất tệp ({theirs}) ở tương lai: hãy kiểm tra đồng hồ máy của "
                      "cấp dưới rồi xuất lại tệp.")
ROLLUP_WRONG_YEAR = ("số liệu năm {theirs}, không phải năm {ours} của Tuần lễ đang tổng hợp.")
ROLLUP_OWN_ORGANISER = ("đây là báo cáo của chính đơn vị tổ chức ({name}), không phải của cấp "
                        "dưới.")
ROLLUP_TWICE_IN_BATCH = "«{name}» có hơn một tệp trong lần nhập này (tệp «{other}»)."
ROLLUP_OLDER = ("đã có báo cáo của «{name}» xuất lúc {existing}; tệp này cũ hơn ({theirs}) "
                "nên không được nhập.")
ROLLUP_SAME = "báo cáo này của «{name}» (xuất lúc {existing}) đã được nhập."
ROLLUP_NEEDS_REPLACE = ("đã có báo cáo của «{name}» xuất lúc {existing}; tệp này mới hơn "
                        "({theirs}). Xác nhận thay thế để nhập (manage.py rollup --replace).")
ROLLUP_NO_EVENT = "Chưa có Tuần lễ năm {year}."
ROLLUP_CLI_DONE = "Đã nhập {n} báo cáo cấp dưới vào Tuần lễ năm {year}:"
ROLLUP_CLI_LINE = "  - {name} ({level}, xuất lúc {at}): {action}"
ROLLUP_ACTION_NEW = "mới"
ROLLUP_ACTION_REPLACED = "thay thế báo cáo xuất lúc {at}"
ROLLUP_CLI_REFUSED = "Không nhập tệp nào (nhập tất cả hoặc không nhập gì):"
ROLLUP_PAGE_TITLE = "Tổng hợp báo cáo cấp dưới"
ROLLUP_PAGE_INTRO = ("Nhập bảng tính (.xlsx) do phần mềm của cấp dưới xuất ra (trang «Xuất dữ "
                     "liệu»). Mỗi cơ quan cấp dưới có một báo cáo; tệp mới hơn thay tệp cũ sau "
                     "khi xác nhận. Số liệu được kiểm tra bằng mã kiểm tra trong tệp; nếu có "
                     "lỗi thì không nhập tệp nào.")
ROLLUP_UPLOAD = "Bảng tính của cấp dưới (.xlsx, có thể chọn nhiều tệp)"
ROLLUP_CHECK = "Kiểm tra và nhập"
ROLLUP_CONFIRM_REPLACE = "Xác nhận thay thế và nhập"
ROLLUP_REPLACE_WARNING = ("Các tệp dưới đây mới hơn báo cáo đã nhập của cùng cơ quan. Bấm «Xác "
                          "nhận thay thế và nhập» để thay thế:")
ROLLUP_ERRORS = "Không nhập tệp nào. Hãy sửa các lỗi sau rồi chọn lại tệp:"
ROLLUP_DONE = "Đã nhập {n} báo cáo cấp dưới."
ROLLUP_NOT_XLSX_NAME = "chỉ nhận tệp .xlsx"
ROLLUP_EMPTY = "Chưa có báo cáo cấp dưới nào cho Tuần lễ năm {year}."
ROLLUP_LIST_HEADING = "Các báo cáo cấp dưới đã nhập"
ROLLUP_COLS = {"organiser": "Cơ quan cấp dưới", "level": "Cấp", "generated_at": "Xuất lúc",
               "imported_at": "Nhập lúc", "file": "Tệp", "activities": "Số hoạt động",
               "participants": "Lượt người tham gia", "propaganda_entries": "Lượt tuyên truyền",
               "units": "Số đơn vị", "units_with_data": "Đơn vị có số liệu",
               "data_rate": "Tỷ lệ có số liệu", "submitted_units": "Đơn vị đã nộp",
               "submit_rate": "Tỷ lệ đã nộp"}
ROLLUP_OWN_ROW = "Đơn vị trực thuộc (của {name})"
ROLLUP_TOTAL_ROW = "Tổng cộng"
ROLLUP_DASH_HEADING = "Theo cơ quan cấp dưới"
ROLLUP_DASH_TABLE_NOTE = ("Số liệu cấp dưới lấy từ các bảng tính đã nhập ở trang «Tổng hợp "
                          "báo cáo cấp dưới» (không tự cập nhật).")
# the dashboard's headline with lower levels (issue 22 item 1)
ROLLUP_DASH_OWN_SWITCH = "Chỉ các đơn vị trực thuộc"
ROLLUP_DASH_OWN_HELP = ("Tắt: số liệu toàn địa bàn (các đơn vị trực thuộc và các cơ quan cấp "
                        "dưới đã gửi báo cáo). Bật: chỉ các đơn vị trực thuộc, kèm thay đổi "
                        "trong ngày.")
ROLLUP_DASH_WHOLE_NOTE = ("Số liệu toàn địa bàn: các đơn vị trực thuộc và các cơ quan cấp dưới "
                          "đã gửi báo cáo (bảng «Theo cơ quan cấp dưới» cuối trang).")
ROLLUP_DASH_FILTERED = ("Đang lọc: các ô số liệu chỉ tính các đơn vị trực thuộc (báo cáo của cơ "
                        "quan cấp dưới không lọc được theo địa bàn, cấp học, ngày).")
# --- Live lower levels of one installation (issue 24 deliver 3, db/live_rollup.py) ---
LIVE_ROLLUP_STATES = {"draft": "Dự thảo", "final": "Chính thức", "no_week": "chưa có tuần",
                      "error": "Không đọc được số liệu"}
LIVE_ROLLUP_LOOP = ("«{name}» là cấp trên của chính mình trong danh sách đơn vị tổ chức: số "
                    "liệu không được cộng.")
LIVE_ROLLUP_UNREADABLE = "Không đọc được tệp dữ liệu của «{name}»: {error}"
LIVE_ROLLUP_SUPERSEDED = ("Báo cáo đã nhập từ tệp của «{stored}» không được cộng: «{live}» là "
                          "đơn vị cấp dưới trên cùng máy chủ này, số liệu được lấy trực tiếp "
                          "(mới nhất). Có thể xóa báo cáo đã nhập ở trang «Tổng hợp báo cáo "
                          "cấp dưới».")
LIVE_ROLLUP_NOT_SUMMED = "«{name}»: {state} (không tính vào tổng)."
LIVE_ROLLUP_TABLE_NOTE = ("Các cơ quan cấp dưới trên cùng máy chủ: số liệu lấy trực tiếp, "
                          "cập nhật theo từng lần làm mới; các cơ quan khác: từ bảng tính đã "
                          "nhập ở trang «Tổng hợp báo cáo cấp dưới».")
LIVE_ROLLUP_COL_STATE = "Trạng thái"
LIVE_ROLLUP_FILE_STATE = "Tệp đã nhập"
LIVE_ROLLUP_READ_AT = "Đọc lúc"
# --- Organiser profile and `settings` command (h15a, issue 15) ---
ORG_TAB = "Đơn vị tổ chức"
ORG_INTRO = ("Đơn vị tổ chức Tuần lễ năm nay: in ở phần đầu, dòng địa danh, «Nơi nhận» và chữ ký "
             "của báo cáo tổng kết và tờ trình dự trù kinh phí; từ chỉ cấp và từ chỉ địa bàn "
             "dùng trong các trang và văn bản. Tuần lễ năm sau chép lại hồ sơ này.")
ORG_LEVEL = "Cấp tổ chức"
ORG_NAME = "Tên đơn vị tổ chức"
ORG_NAME_HELP = ("Ví dụ «UBND phường Ba Đình». Là danh tính của đơn vị khi cấp trên tổng hợp "
                 "báo cáo; tờ trình dự trù kinh phí kính gửi đơn vị này.")
ORG_PLACE = "Địa danh ghi ở dòng ngày tháng"
ORG_PLACE_HELP = "Ví dụ «Ba Đình» → «Ba Đình, ngày … tháng … năm …»."
ORG_RECIPIENTS = "Nơi nhận (mỗi dòng một nơi)"
ORG_SYMBOL = "Ký hiệu Ban chỉ đạo (trong số văn bản)"
ORG_SYMBOL_HELP = "Ví dụ «BCĐXHHT» → «Số: …/BC-BCĐXHHT»."
ORG_LEVEL_WORD = "Từ chỉ cấp (để trống: theo cấp)"
ORG_LEVEL_WORD_HELP = "Ví dụ «quận», «phường», «xã», «thành phố»: «UBND {level}», «cấp {level}»."
ORG_AREA_WORD = "Từ chỉ địa bàn (để trống: theo cấp)"
ORG_AREA_WORD_HELP = "Ví dụ «phường», «tổ dân phố», «thôn»: «14 phường»."
ORG_SAVED = "Đã lưu hồ sơ đơn vị tổ chức."
ORG_LEVEL_INVALID = "Cấp «{value}» không hợp lệ: chọn một trong {levels}."
ORG_TOO_LONG = "Quá dài: tối đa {max} ký tự."
ORG_SYMBOL_INVALID = ("Ký hiệu viết liền, không có dấu cách hay dấu «/», có ít nhất một chữ cái "
                      "(ví dụ BCĐXHHT).")
ORG_RECIPIENTS_TOO_MANY = "Tối đa {max} nơi nhận."
ORG_RECIPIENT_TOO_LONG = "Mỗi nơi nhận tối đa {max} ký tự."
# issue 20 (files): the profile checked as a whole
ORG_LEVEL_NAMES = {"xa": "cấp xã/phường", "huyen": "cấp huyện/quận",
                   "tinh": "cấp tỉnh/thành phố"}
ORG_LEVEL_OR = " hoặc "
ORG_LEVEL_CONFLICT_FIELD = "«{words}» là {named}, không khớp với cấp tổ chức ({level})."
ORG_LEVEL_CONFLICT = ("Cấp tổ chức ({level}) không khớp với: {fields}. Hãy sửa cùng lúc cấp "
                      "tổ chức và các ô này cho cùng một cấp.")
ORG_FIELD_LABELS = {"organiser_name": ORG_NAME, "issuer_line1": SET_ISSUER1,  # the form's
                    "issuer_line2": SET_ISSUER2, "signer_for": SET_SIGNER_FOR,
                    "signer_title": SET_SIGNER_TITLE, "level_word": "Từ chỉ cấp"}
AUD_FIELDS.update({"organiser_name": "Đơn vị tổ chức", "organiser_level": "Cấp tổ chức",
                   "level_word": "Từ chỉ cấp", "area_word": "Từ chỉ địa bàn",
                   "place_name": "Địa danh", "recipients": "Nơi nhận",
                   "committee_symbol": "Ký hiệu Ban chỉ đạo", "report_date": "Ngày báo cáo",
                   "report_place": "Địa danh báo cáo"})
SETCLI_UNKNOWN_KEY = "Không có thiết lập «{key}». Các khóa: {keys}."
SETCLI_SAVED = "Đã lưu {key} = {value} (Tuần lễ năm {year})."
SETCLI_NO_EVENT = "Không có Tuần lễ năm {year}."
SETCLI_NO_EVENTS = "Chưa có Tuần lễ nào."
SETCLI_BAD_NUMBER = "«{value}» không phải là số."
# --- Catalogue per event (h15c, issue 15 item 3) ----------------------------------------------
CAT_NAME_REQUIRED = "Dòng {row}: chưa nhập tên."
CAT_NAME_TOO_LONG = "Dòng {row}: tên dài quá {max} ký tự."
CAT_NAME_TWICE = "Dòng {row}: tên «{name}» trùng với dòng {first}."
CAT_CODE_INVALID = ("Dòng {row}: mã «{code}» không hợp lệ (chỉ dùng chữ thường không dấu, "
                    "chữ số và dấu gạch dưới, tối đa 40 ký tự).")
CAT_CODE_TWICE = "Dòng {row}: mã «{code}» trùng với dòng {first}."
CAT_GROUP_UNKNOWN = "Dòng {row}: nhóm hoạt động phải là một trong: {groups}."
CAT_MEASURE_REQUIRED = "Dòng {row}: chưa nhập đơn vị tính."
CAT_MEASURE_TOO_LONG = "Dòng {row}: đơn vị tính dài quá {max} ký tự."
CAT_TYPES_EMPTY = "Danh mục cần ít nhất một loại hoạt động."
CAT_CHANNELS_EMPTY = "Danh mục cần ít nhất một kênh tuyên truyền."
CAT_TYPE_IN_USE = ("Không bỏ được loại hoạt động «{name}» (mã {code}): {n} hoạt động của "
                   "Tuần lễ năm {year} đang dùng loại này. Có thể đổi tên thay vì bỏ.")
CAT_CHANNEL_IN_USE = ("Không bỏ được kênh «{name}» (mã {code}): {n} mục tuyên truyền của "
                      "Tuần lễ năm {year} đang dùng kênh này. Có thể đổi tên thay vì bỏ.")
CAT_TAB = "Danh mục"
CAT_TYPES_HEAD = "Loại hoạt động"
CAT_CHANNELS_HEAD = "Kênh tuyên truyền"
CAT_HELP = ("Danh mục riêng của Tuần lễ năm {year}: các biểu mẫu, nhập tệp, thống kê và báo "
            "cáo của năm này dùng đúng danh mục dưới đây. Thứ tự các dòng là thứ tự hiển thị. "
            "Đổi tên giữ nguyên mã, nên số liệu vẫn so được giữa các năm. Dòng mới để trống "
            "mã thì mã được tạo từ tên. Không bỏ được loại, kênh đã có mục nhập dùng.")
CAT_COL_CODE = "Mã"
CAT_COL_GROUP = "Nhóm"
CAT_COL_NAME = "Tên"
CAT_COL_MEASURE = "Đơn vị tính"
CAT_SAVE_TYPES = "Lưu loại hoạt động"
CAT_SAVE_CHANNELS = "Lưu kênh tuyên truyền"
CAT_SAVED = "Đã lưu danh mục."
CAT_NOT_SAVED = "Chưa lưu: hãy sửa các lỗi dưới đây."
AUD_TABLES.update({"event_activity_types": "Danh mục loại hoạt động",
                   "event_channels": "Danh mục kênh tuyên truyền"})
AUD_FIELDS.update({"types": "Loại hoạt động", "channels": "Kênh tuyên truyền",
                   "grp": "Nhóm", "measure": "Đơn vị tính"})
CAT_COL_ORDER = "Thứ tự"
CAT_CODE_HELP = ("Mã cố định để so số liệu giữa các năm; để trống khi thêm dòng mới (mã được "
                 "tạo từ tên). Đổi mã một dòng đã có là bỏ dòng cũ, thêm dòng mới.")
CAT_CLI_SAVED = ("Đã lưu danh mục Tuần lễ năm {year}: {types} loại hoạt động, {channels} kênh "
                 "tuyên truyền")
CAT_CLI_KEPT = " (loại nào không có trong tệp thì giữ nguyên)."
CAT_CLI_MISSING = "Thiếu cột: {missing} (cần các cột {columns})."
CAT_CLI_BAD_KIND = "Dòng {line}: cột kind phải là «type» hoặc «channel» («{value}»)."
# --- Areas per event (h15b, issue 15 item 2) -------------------------------------------------
AREA_LINE = "Dòng {line}"
AREA_ROW = "Dòng {row} của bảng"
AREA_CODE_REQUIRED = "thiếu mã địa bàn"
AREA_CODE_TOO_LONG = "mã «{code}» dài quá {max} ký tự"
AREA_CODE_DUPLICATE = "mã «{code}» trùng với dòng {other}"
AREA_NAME_REQUIRED = "thiếu tên địa bàn"
AREA_ROW_WORD = "hàng"
AREA_COL_WORD = "cột"
AREA_POSITION_INVALID = "{what} «{value}» không hợp lệ (số nguyên từ 0 đến {max}, hoặc để trống)"
AREA_POSITION_HALF = "cần điền cả hàng và cột, hoặc để trống cả hai"
AREA_LIST_EMPTY = "Danh sách địa bàn trống: cần ít nhất một địa bàn."
AREA_HEADER_WORDS = {"code": "code (Mã)", "name": "name (Tên)"}
AREA_HEADER_MISSING = "Tệp thiếu cột {column}; các cột đang có: {found}."
AREA_IN_USE = ("Không thể xóa địa bàn «{code} – {name}»: đã có {n} mục dữ liệu (hoạt động, "
               "tuyên truyền, mô hình học tập hoặc đề nghị khen thưởng) ghi ở địa bàn này "
               "trong năm {year}.")
AREA_UNKNOWN = "Địa bàn «{code}» không có trong danh sách địa bàn của năm {year}."
AREA_NOTHING_WRITTEN = "Chưa ghi gì vào cơ sở dữ liệu."
AREA_TAB = "Địa bàn"
AREA_INTRO = ("Danh sách địa bàn (phường, xã, tổ dân phố) của Tuần lễ năm {year}: mã, tên và "
              "vị trí ô trên bản đồ (hàng, cột; để trống thì bản đồ tự xếp theo tên). "
              "Thay đổi ở đây không ảnh hưởng các năm khác.")
AREA_COL_CODE = "Mã"
AREA_COL_NAME = "Tên"
AREA_COL_ROW = "Hàng"
AREA_COL_COL = "Cột"
AREA_SAVE = "Lưu danh sách địa bàn"
AREA_SAVED = "Đã lưu {n} địa bàn."
AREA_IMPORT_HEAD = "Nhập danh sách địa bàn từ tệp"
AREA_IMPORT_HELP = ("Tệp CSV (UTF-8) hoặc XLSX với các cột code, name, row, col (hoặc Mã, Tên, "
                    "Hàng, Cột). Tệp là toàn bộ danh sách của năm: địa bàn không có trong tệp "
                    "sẽ bị bỏ (trừ khi đã có dữ liệu). Có lỗi thì không ghi gì.")
AREA_IMPORT_BUTTON = "Nhập danh sách"
AREA_IMPORT_DONE = "Đã nhập {n} địa bàn cho năm {year} (thêm {added}, sửa {changed}, bỏ {removed})."
AREA_COUNT = "{n} địa bàn"
AREA_UNIT_HEAD = "Địa bàn của đơn vị trong năm {year}"
AREA_UNIT_HELP = ("Đơn vị chuyển địa bàn từ năm này: chọn địa bàn mới. Các năm trước giữ "
                  "nguyên địa bàn cũ.")
AREA_UNIT_PICK = "Đơn vị"
AREA_UNIT_AREA = "Địa bàn năm {year}"
AREA_UNIT_NONE = "— Không thuộc địa bàn nào (cấp trên) —"
AREA_UNIT_SAVE = "Lưu địa bàn của đơn vị"
AREA_UNIT_SAVED = "Đã lưu địa bàn của đơn vị."
AREA_UNIT_NOT_FOUND = "Không tìm thấy đơn vị."
AREA_CLI_DONE = "Đã nhập {n} địa bàn cho năm {year}: thêm {added}, sửa {changed}, bỏ {removed}."
AREA_CLI_FAILED = "Không nhập được danh sách địa bàn từ {file}:"
AREA_CLI_NO_EVENT = "Không có Tuần lễ năm {year}."
# --- Clerk gaps (h13, session 3) ---
UPLOAD_HINT_TABLE = "Tệp CSV hoặc Excel (.xlsx), tối đa {mb} MB"
UPLOAD_HINT_BACKUP = "Tệp sao lưu .db (hoặc .sqlite, .sqlite3), tối đa {mb} MB"
IMP_WRONG_KIND = ("Tệp «{name}» không phải bảng CSV hoặc Excel (.xlsx). Hãy lưu bảng thành "
                  ".xlsx hoặc .csv (UTF-8) rồi chọn lại. Chưa nhập dòng nào.")
NOT_FOUND_TITLE = "Không có trang này"
NOT_FOUND_TEXT = ("Địa chỉ «{address}» không có trong hệ thống (có thể gõ nhầm, hoặc liên kết "
                  "đã cũ). Hãy chọn trang cần mở ở thanh bên.")
NOT_FOUND_TEXT_PLAIN = "Địa chỉ này không có trong hệ thống. Hãy chọn trang cần mở ở thanh bên."
NOT_FOUND_HOME = "Về trang đầu"
# What Streamlit 1.67 writes itself in English on buttons it draws: tooltips a mouse shows
# (the table toolbar) and the names a screen reader reads out (aria-label). components/look.py
# puts these words in their place in the browser.
STREAMLIT_WORDS = {
    "Download as CSV": "Tải về dạng CSV", "Search": "Tìm trong bảng",
    "Fullscreen": "Phóng to toàn màn hình", "Close fullscreen": "Thu nhỏ",
    "Exit fullscreen": "Thu nhỏ", "Show/hide columns": "Ẩn/hiện cột",
    "Clear value": "Xóa lựa chọn", "Clear all": "Xóa hết lựa chọn", "Open": "Mở danh sách",
    "Show password": "Hiện mật khẩu", "Hide password": "Ẩn mật khẩu",
    "Collapse sidebar": "Thu gọn thanh bên", "Expand sidebar": "Mở thanh bên",
    "Main menu": "Trình đơn", "Sidebar": "Thanh bên", "file upload": "Chọn tệp để tải lên",
    "Increment": "Tăng", "Decrement": "Giảm", "Copy to clipboard": "Sao chép",
    "Remove": "Bỏ", "Delete": "Xóa", "App pages": "Các trang",
    "Link to heading": "Liên kết tới mục này", "Show data": "Xem số liệu của biểu đồ",
    "Download as PNG": "Tải ảnh PNG", "Copy Vega-Lite spec": "Sao chép mô tả biểu đồ",
    "Vega visualization": "Biểu đồ", "Choose date": "Chọn ngày",
    "Previous": "Tháng trước", "Next": "Tháng sau",
    # issue 20 item 8: the rest a screen reader still read out in English
    "Add row": "Thêm dòng", "Previous month": "Tháng trước", "Next month": "Tháng sau",
    "Running...": "Đang xử lý…", "Copy": "Sao chép", "Empty": "Trống",
    "Choose date range": "Chọn khoảng ngày", "Close": "Đóng", "Notifications": "Thông báo",
    "Scroll tabs left": "Cuộn thẻ sang trái", "Scroll tabs right": "Cuộn thẻ sang phải",
    "Navigate to home page": "Về trang đầu", "Add files": "Thêm tệp",
}
STREAMLIT_HELP_FOR = "Giải thích: "  # «Help for <label>» on a field's «?» icon
# --- No English heard (issue 20 deliver 7, words) ----------------------------------------------
# English at the start of a name Streamlit composes («Fullscreen: Bản đồ…», «day, Từ ngày»,
# «Shortcut Alt + P» on a button with a key, «Today, Chủ Nhật 6 tháng 12» in the calendar).
STREAMLIT_PREFIXES = {
    "Help for ": STREAMLIT_HELP_FOR, "Fullscreen: ": "Phóng to: ", "Shortcut ": "Phím tắt ",
    "day, ": "ngày, ", "month, ": "tháng, ", "year, ": "năm, ", "hour, ": "giờ, ",
    "minute, ": "phút, ", "Choose date, ": "Chọn ngày, ", "Choose date range, ":
    "Chọn khoảng ngày, ", "Today, ": "Hôm nay, ", "Selected, ": "Đã chọn, ",
}
# Whole lines of text Streamlit writes (the skip link a keyboard's first Tab shows, a list's
# search that finds nothing, the calendar's hint read to screen readers).
STREAMLIT_TEXTS = {
    "Skip to main content": "Bỏ qua, đến nội dung chính",
    "No results": "Không có lựa chọn nào khớp",
    "No options to select": "Không có lựa chọn nào",
    "view more": "xem thêm", "view less": "thu gọn",  # a long toast
    "Use arrow keys to navigate dates. Enter to select. Escape to close.":
        "Dùng phím mũi tên để chuyển ngày, Enter để chọn, Esc để đóng.",
}
# A material icon is read as «check_circle icon»: the icons that say something get a word,
# the others (beside a page name or a button's text) are silent.
STREAMLIT_ICON_WORDS = {
    "check_circle": "Đã đạt", "task_alt": "Đã đạt", "radio_button_unchecked": "Chưa đạt",
    "error": "Lỗi", "warning": "Lưu ý",
}
UPLOAD_HINT_ROLLUP = "Bảng tính Excel (.xlsx) xuất từ ứng dụng của cấp dưới, tối đa {mb} MB mỗi tệp"
UNIT_CODES_UNKNOWN = "Không có đơn vị mã: {codes}. Không thay đổi đơn vị nào."
UNIT_DEACTIVATE_NOTHING = "Chưa chỉ ra đơn vị nào để ngừng hoạt động."
UNIT_DEACTIVATED = "Đã ngừng hoạt động {count} đơn vị: {codes}."
SETCLI_PAIRS = "Cần từng cặp KHÓA GIÁ_TRỊ (số tham số phải chẵn). Không ghi gì."
SETCLI_KEY_TWICE = "«{key}» được cho hai lần trong một lệnh: mỗi khóa chỉ một giá trị. Không ghi gì."
# --- Admin settings (s4 admin: one editor for the organiser's header, signer and e-mail) ---
SET_HEADER_IN_ORGANISER_TAB = ("Phần đầu văn bản (cơ quan chủ quản, cơ quan ban hành), người ký "
                               "và email nhận báo cáo được sửa ở thẻ «Đơn vị tổ chức».")
# The year written in a week's texts follows a changed year (as «Năm sau» does)
YEAR_TEXT_LABELS = {"title": SET_TITLE, "theme": SET_THEME, "opening_place": SET_OPENING_PLACE}
SET_YEAR_TEXTS_CHANGED = ("Năm đã đổi từ {old} sang {new}, nên «{old}» trong {fields} cũng đã được "
                          "đổi thành «{new}». Hãy kiểm tra lại.")
SETCLI_YEAR_TEXT = "Đã đổi năm {old} thành {new} trong {key}: {value}"
# --- Deactivated units (s4 inactive): their entries count, they are not units ---
WB_UNIT_DEACTIVATED = "Đã ngừng hoạt động"
WB_NOT_A_UNIT = "–"
WB_NOTE_UNITS_DEACTIVATED = ("Cuối danh sách, không đánh số: {n} đơn vị đã ngừng hoạt động sau "
                             "khi báo cáo. Hoạt động và tuyên truyền của các đơn vị này vẫn được "
                             "tính vào tổng; các đơn vị này không tính vào số đơn vị, số đơn vị "
                             "có số liệu và đã nộp báo cáo.")
# the closing report's appendix
# --- Roster per week, new week (s5 roster, issue 21) ---
ROSTER_NOT_IN_WEEK = ("Đơn vị {code} — {name} không có trong danh sách đơn vị tham gia Tuần lễ "
                      "năm {year}: không thể ghi, duyệt, đề nghị hay khen thưởng cho đơn vị này "
                      "trong Tuần lễ đó. Quản trị viên có thể thêm đơn vị vào danh sách của "
                      "năm {year}.")
ROSTER_CLI_NO_EVENT = "Không có Tuần lễ năm {year}. Tạo Tuần lễ bằng: manage.py new-week --year {year}"
ROSTER_RETIRED = "Tuần lễ năm {year}: đã bỏ {count} đơn vị khỏi danh sách tham gia: {codes}."
ROSTER_ADDED = "Tuần lễ năm {year}: đã thêm {count} đơn vị vào danh sách tham gia: {codes}."
ROSTER_IMPORTED = "Tuần lễ năm {year}: {count} đơn vị trong tệp có trong danh sách tham gia."
NEWWEEK_EXISTS = ("Đã có Tuần lễ năm {year}. Không tạo thêm; sửa Tuần lễ đó bằng "
                  "manage.py settings … --year {year}.")
NEWWEEK_FROM_MISSING = "Không có Tuần lễ năm {year} để sao chép."
NEWWEEK_NO_SOURCE = "Chưa có Tuần lễ nào để sao chép; dùng --empty."
NEWWEEK_FROM_AND_EMPTY = "Chỉ chọn một trong hai: --from NĂM hoặc --empty."
NEWWEEK_DONE = "Đã tạo Tuần lễ năm {year} (id {id})."
NEWWEEK_COPIED = ("Sao chép từ Tuần lễ {source}: {units} đơn vị tham gia, {areas} địa bàn, "
                  "{types} loại hoạt động, {channels} kênh tuyên truyền, {slogans} khẩu hiệu, "
                  "{targets} chỉ tiêu, thông tin đơn vị tổ chức.")
NEWWEEK_EMPTY = ("Tuần lễ trống: danh mục hoạt động và kênh tuyên truyền theo Kế hoạch; chưa có "
                 "đơn vị, địa bàn, khẩu hiệu, chỉ tiêu. Nhập thông tin đơn vị tổ chức "
                 "(manage.py settings set … --year {year}), địa bàn, đơn vị trước khi ghi số liệu.")
NEWWEEK_DATES = ("Ngày của Tuần lễ (cùng thứ trong tuần, cùng tuần thứ mấy trong năm như {source}), "
                 "hãy kiểm tra:")
NEWWEEK_DATE_LINE = "{label}: {old} → {new}"
NEWWEEK_PLAN_WEEK = "Tuần lễ của Kế hoạch 185/KH-BCĐXHHT (2020)"  # an empty week's dates
NEWWEEK_LABELS = {"start_date": "Bắt đầu", "end_date": "Kết thúc",
                  "opening_time": "Khai mạc", "report_date": "Ngày báo cáo"}
UNITS_WEEK_PICK = "Tuần lễ"
UNITS_WEEK_CAPTION = ("Danh sách đơn vị tham gia Tuần lễ năm {year}: {n} đơn vị. Thêm, bỏ đơn vị "
                      "ở đây chỉ đổi Tuần lễ này; số liệu các năm khác giữ nguyên.")
UNITS_RETIRE_FROM_WEEK = "Bỏ khỏi Tuần lễ năm {year}"
UNITS_ADD_TO_WEEK = "Thêm vào Tuần lễ năm {year}"
UNITS_RETIRED_FLASH = "Đã bỏ đơn vị khỏi Tuần lễ năm {year}; số liệu đã ghi của đơn vị vẫn giữ."
UNITS_ADDED_FLASH = "Đã thêm đơn vị vào Tuần lễ năm {year}."
UNITS_NOT_IN_WEEK = "không tham gia"
UNITS_IN_WEEK_COL = "Tham gia năm {year}"
# a new ward's words everywhere (item 6): filled by core/organiser.fill
UNIT_EXAMPLE_LIBRARY = "Thư viện {level} {place}"  # the units template's second example
WB_SHEET_BY_AREA = "Theo {area}"  # the workbook's sheet by area («Theo phường» for Ba Đình)
ROLE_NAMES_IN_WORDS = {"leader": "Lãnh đạo UBND {level}"}
IMP_NOTE_DATE_FOR = "Ngày ghi theo dạng dd/mm/yyyy (ví dụ {day}), hoặc là ô kiểu Ngày của Excel."
IMP_NOTE_WARD_FOR = ("{Area} để trống = {area} của đơn vị; ghi tên {area} (ví dụ {example}) "
                     "hoặc mã.")
# --- Dashboard pictures (s4 lead, issue 14 §2) ---
DASH_MAP_PICTURE = "Bản đồ {areas}"
# under the map's title while an area is chosen (issue 20 item 10: the heatmap shows one)
DASH_YEARS_NOTE = "Tổng số của từng năm, không theo bộ lọc."
DASH_MAP_ALL_AREAS_NOTE = ("Mọi {area} (viền đậm: {area} đang chọn); cấp học, loại đơn vị, "
                           "ngày theo bộ lọc")
DASH_INTERACTIVE = "Biểu đồ tương tác"
DASH_INTERACTIVE_HELP = ("Tắt: biểu đồ là ảnh vẽ sẵn, hiện nhanh (số liệu in ngay trên biểu đồ). "
                         "Bật: di chuột để xem số liệu, bấm vào một {area} trên bản đồ để lọc cả "
                         "trang; trang hiện chậm hơn.")
DASH_FILTERS = "Lọc số liệu"
DASH_SHOWING = "Đang xem: {parts}"
DASH_ALL_AREAS = "mọi {area}"
DASH_ALL_TIERS = "mọi cấp học"
DASH_ALL_KINDS = "mọi loại đơn vị"
DASH_ALL_DAYS = "cả tuần"

# --- Name length limits (s5-rollup, issue 25 item 4) ---
AREA_NAME_TOO_LONG = "tên địa bàn dài {length} ký tự, tối đa {max} ký tự."
UNIT_NAME_TOO_LONG = "tên đơn vị dài {length} ký tự, tối đa {max} ký tự."
UNIT_FIELD_TOO_LONG = "dài quá {max} ký tự."

# --- One server for a city: the session's organiser, the picker, the read-only view (s6-app,
# issue 24) ---
ORG_PICKER = "Đơn vị tổ chức"
ORG_PICKER_HELP = ("Máy chủ này phục vụ nhiều đơn vị tổ chức. Chọn đơn vị của bạn trước khi "
                   "đăng nhập; muốn đổi đơn vị thì đăng xuất.")
ORG_OPTION = "{name} – {level}"  # a plain-text option of a selectbox
ORG_NONE_READY_TITLE = "Chưa có đơn vị tổ chức nào sẵn sàng"
ORG_NONE_READY = ("Máy chủ này có danh sách đơn vị tổ chức nhưng chưa đơn vị nào có tài khoản "
                  "quản trị. Người quản trị máy chủ tạo tài khoản quản trị đầu tiên cho từng "
                  "đơn vị bằng lệnh: python3 manage.py --organiser MÃ_ĐƠN_VỊ create-user "
                  "--username TÊN_ĐĂNG_NHẬP --role admin --name \"Họ và tên\" --password-stdin")
ORG_SIDEBAR = "Đơn vị tổ chức: {name} ({level})"  # markdown: name escaped
VIEW_SWITCH = "Xem đơn vị cấp dưới"
VIEW_SWITCH_HELP = ("Chọn một đơn vị cấp dưới để xem bảng theo dõi và tiến độ báo cáo của đơn "
                    "vị đó (chỉ xem, không sửa được). Chọn lại đơn vị của mình để làm việc.")
VIEW_OWN_OPTION = "{name} – đơn vị của tôi"
VIEW_SECTION = "Chỉ xem đơn vị cấp dưới"  # the menu's section while viewing
VIEW_BANNER = ("Đang xem dữ liệu của {name} ({level}) – chỉ xem. Các trang nhập, duyệt, cấu "
               "hình và tài khoản của đơn vị này không mở được từ đây. Chọn «{own}» ở thanh bên "
               "để quay về đơn vị của mình.")  # markdown: names escaped

# --- Organisers of one installation (issue 24; db/directory.py, cli/organisers.py) ---
ORGS_NONE_LISTED = "(chưa có đơn vị tổ chức nào trong danh mục)"
ORGS_UNKNOWN = "Không có đơn vị tổ chức mã «{key}» trên máy chủ này. Các mã đang có: {known}."
ORGS_KEY_INVALID = ("Mã đơn vị tổ chức «{key}» không hợp lệ: 2–40 ký tự, chỉ chữ thường không "
                    "dấu, chữ số và dấu gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ: phuc-xa).")
ORGS_KEY_TAKEN = "Mã «{key}» đã có trong danh mục đơn vị tổ chức."
ORGS_NAME_MISSING = "Chưa có tên đơn vị tổ chức (ví dụ: UBND phường Phúc Xá)."
ORGS_NAME_TOO_LONG = "Tên đơn vị tổ chức dài quá {limit} ký tự."
ORGS_NAME_TAKEN = "Đã có đơn vị tổ chức tên «{name}» trên máy chủ này."
ORGS_LEVEL_INVALID = "Cấp «{level}» không hợp lệ: chọn tinh, huyen hoặc xa."
ORGS_PARENT_UNKNOWN = "Không có đơn vị cấp trên mã «{key}»."
ORGS_PARENT_NOT_ABOVE = "«{parent}» không ở cấp trên của {level}: đơn vị cấp trên phải ở cấp cao hơn."
ORGS_PARENT_NEEDED = ("Máy chủ đã có đơn vị tổ chức: đơn vị mới phải thuộc một đơn vị cấp trên "
                      "(--parent MÃ).")
ORGS_FILE_EXISTS = "Tệp {file} đã có trong thư mục dữ liệu; không ghi đè dữ liệu của ai."
ORGS_ADDED = "Đã thêm đơn vị tổ chức «{name}» (mã {key}, {level}); dữ liệu ở tệp {file}."
ORGS_ADOPTED = ("Đây là đơn vị tổ chức đầu tiên: giữ nguyên dữ liệu đang có trong tệp {file}.")
ORGS_NEXT_STEPS = ("Bước tiếp theo: tạo tài khoản quản trị đầu tiên của đơn vị này:\n"
                   "  python3 manage.py --organiser {key} create-user --username TÊN_ĐĂNG_NHẬP "
                   "--role admin --name \"Họ và tên\" --password-stdin\n"
                   "rồi mở tuần của năm: python3 manage.py --organiser {key} new-week "
                   "--year NĂM --empty")
ORGS_SINGLE = ("Máy chủ này phục vụ một đơn vị tổ chức (tệp {file}); chưa có danh mục đơn vị tổ "
               "chức. Thêm bằng: python3 manage.py organisers add MÃ --name TÊN --level CẤP")
ORGS_COLS = ("Mã", "Tên", "Cấp", "Cấp trên", "Tệp dữ liệu", "Quản trị", "Tuần")
ORGS_SHOW_LINES = {"key": "Mã", "name": "Tên", "level": "Cấp", "parent": "Cấp trên",
                   "children": "Cấp dưới", "file": "Tệp dữ liệu", "admins": "Tài khoản quản trị",
                   "accounts": "Tài khoản", "weeks": "Các tuần", "units": "Đơn vị (tuần mới nhất)"}
ORGS_NO_ADMIN = "chưa có — chưa đăng nhập được"
CLOSE_MISSING_LOWER_SAMPLE = ("Số liệu cấp dưới được cộng vào báo cáo này có dữ liệu mẫu: {names}. "
                              "Đơn vị đó cần xoá dữ liệu mẫu (hoặc bỏ báo cáo đã nhận) trước khi "
                              "ký bản chính thức.")
ROLLUP_LIVE_CHILD = ("«{name}» là đơn vị cấp dưới trên cùng máy chủ này ({live}): số liệu của "
                     "đơn vị đó đã được cộng trực tiếp, không cần nhận tệp.")
DEMO_NO_WEEK = "Chưa có Tuần lễ năm {year}: mở tuần bằng manage.py new-week --year NĂM trước."
DEMO_NEEDS_AREAS = ("Tuần lễ năm {year} chưa có địa bàn nào: dữ liệu mẫu được xếp theo địa bàn. "
                    "Nhập địa bàn (manage.py import-areas TỆP --year {year}) rồi nạp lại.")
BAK_OTHER_ORGANISER = ("Bản sao lưu này là của đơn vị tổ chức khác (các Tuần lễ trong đó không mang "
                       "tên «{ours}»): không khôi phục đè lên dữ liệu của {ours}. Nếu đúng là muốn "
                       "thay, quản trị máy chủ chạy: manage.py --organiser MÃ restore TỆP "
                       "--other-organiser.")
