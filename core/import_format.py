"""What an import file may look like, in a clerk's words.

Headers are those of the template (Vietnamese, as the forms label the fields); the older code
headers (`unit_code`, `type`, …) keep working. Every coded column takes the code or the
label exactly as the form shows it (case and spacing aside); lists are separated by ";"
because labels contain commas. Pure: the units and the week's slogans are passed in.
"""
import re
from dataclasses import dataclass, field

from core import reference as ref
from core import texts
from core.tabular import Catalogue, ImportProblem, Table
from core.text import clean


@dataclass(frozen=True)
class Column:
    field: str  # the name check_* and the database use
    label: str  # the template's header
    aliases: tuple[str, ...] = ()
    required: bool = False
    vocabulary: str | None = None  # a coded column: the name of its Vocabulary
    multi: bool = False  # several values separated by ";"
    date: bool = False


@dataclass(frozen=True)
class Layout:
    name: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.label for c in self.columns]

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)


UNIT = Column("unit_code", "Đơn vị", ("unit_code", "Mã đơn vị", "Tên đơn vị"), True, "unit")
# the area column in every level's words (core/organiser.LEVELS): a ward's template says
# «Tổ dân phố nơi tổ chức», a city's «Xã, phường nơi tổ chức»; «Địa bàn» is always accepted
AREA_WORDS = ("Phường", "Tổ dân phố", "Xã, phường", "Xã", "Địa bàn")
WARD = Column("ward_code", "Phường nơi tổ chức",
              ("ward_code", "Mã phường", *AREA_WORDS,
               *(f"{w} nơi tổ chức" for w in AREA_WORDS[1:])), vocabulary="ward")

ACTIVITY_LAYOUT = Layout("activities", (
    UNIT, WARD,
    Column("type", "Loại hoạt động", ("type",), True, "type"),
    Column("title", "Tên hoạt động", ("title",), True),
    Column("start_date", "Ngày bắt đầu", ("start_date",), True, date=True),
    Column("end_date", "Ngày kết thúc", ("end_date",), date=True),
    Column("format", "Hình thức", ("format",), True, "format"),
    Column("participants", "Tổng số người tham gia", ("participants", "Số người tham gia"),
           True),
    Column("online_participants", "Trong đó tham gia trực tuyến",
           ("online_participants", "Số người tham gia trực tuyến")),
    Column("audiences", "Đối tượng tham gia", ("audiences", "Đối tượng"),
           vocabulary="audience", multi=True),
    # a clerk's own spellings (issue 20): «Link minh chứng», «Liên kết», «Ghi chú»
    Column("evidence_url", "Đường dẫn minh chứng", ("evidence_url", "Minh chứng",
                                                    "Link minh chứng", "Liên kết minh chứng",
                                                    "Liên kết", "Link", "Đường link",
                                                    "Đường dẫn", "URL")),
    Column("description", "Mô tả ngắn", ("description", "Mô tả", "Ghi chú",
                                          "Mô tả hoạt động")),
))

PROPAGANDA_LAYOUT = Layout("propaganda", (
    UNIT, WARD,
    Column("channel", "Kênh tuyên truyền", ("channel", "Kênh"), True, "channel"),
    Column("quantity", "Số lượng", ("quantity",), True),
    Column("date", "Ngày thực hiện", ("date", "Ngày"), True, date=True),
    Column("slogans", "Khẩu hiệu đã sử dụng", ("slogans", "Khẩu hiệu"), vocabulary="slogan",
           multi=True),
    Column("link", "Đường dẫn", ("link", "Liên kết", "Đường link", "Link minh chứng",
                                 "Liên kết minh chứng", "Minh chứng", "Đường dẫn minh chứng",
                                 "URL")),
    Column("note", "Ghi chú", ("note", "Mô tả", "Mô tả ngắn")),
))

UNIT_LAYOUT = Layout("units", (
    Column("code", "Mã đơn vị", ("code", "Mã"), True),
    Column("name", "Tên đơn vị", ("name", "Tên"), True),
    Column("kind", "Loại đơn vị", ("kind", "Loại"), True, "kind"),
    Column("tier", "Cấp học", ("tier",), vocabulary="tier"),
    Column("ward_code", "Phường", ("ward_code", "Mã phường", "Phường nơi tổ chức",
                                   *AREA_WORDS[1:]), True, "ward"),
    Column("email", "Email", ("email", "Thư điện tử")),
    Column("phone", "Điện thoại", ("phone", "Số điện thoại")),
))

LAYOUTS = {"activities": ACTIVITY_LAYOUT, "propaganda": PROPAGANDA_LAYOUT,
           "units": UNIT_LAYOUT}


# --- matching ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"',
                         "»": '"', "\u00a0": " "})


def header_key(text) -> str:
    """'Ngày bắt đầu (dd/mm/yyyy) *' and 'ngày  bắt đầu' are the same header."""
    key = clean(text).translate(_QUOTES).casefold().rstrip("* ")
    key = re.sub(r"\s*\([^()]*\)\s*$", "", key)
    return re.sub(r"\s+", " ", key).strip()


def value_key(text) -> str:
    """Case, spacing, curly quotes and a final full stop do not matter."""
    key = clean(text).translate(_QUOTES).casefold()
    key = re.sub(r"\s*([›>])\s*", " › ", key)
    return re.sub(r"\s+", " ", key).strip().rstrip(".").strip()


AMBIGUOUS = object()  # a label two codes share (two units with the same name)


@dataclass
class Vocabulary:
    """The allowed values of a coded column: every accepted spelling -> code, and the labels
    the template lists."""
    name: str
    labels: list[str]
    keys: dict[str, object] = field(default_factory=dict)

    def add(self, code, *spellings) -> None:
        for spelling in spellings:
            key = value_key(spelling)
            if not key:
                continue
            if key in self.keys and self.keys[key] != code:
                self.keys[key] = AMBIGUOUS
            else:
                self.keys[key] = code

    def resolve(self, value):
        """The code, AMBIGUOUS, or None when unknown."""
        found = self.keys.get(value_key(value))
        if found is None and self.name == "ward":
            digits = clean(value)
            if digits.isdigit() and len(digits) < 5:  # Excel drops the leading zeros
                found = self.keys.get(digits.zfill(5))
        return found


def _named(name: str, names: dict, extra=None) -> Vocabulary:
    vocab = Vocabulary(name, list(names.values()))
    for code, label in names.items():
        vocab.add(code, code, label, *((extra or {}).get(code, ())))
    return vocab


def _kinds(level_word: str | None) -> Vocabulary:
    """Unit kinds labelled in the week's level word («Phòng ban phường» for a ward); every
    level's label is read (a file keeps importing whatever template it came from)."""
    from core.organiser import LEVELS

    words = {v["level_word"] for v in LEVELS.values()}
    shown = {c: n.replace("quận", level_word) if level_word else n
             for c, n in ref.KIND_NAMES.items()}
    return _named("kind", shown, {c: tuple(n.replace("quận", w) for w in words) + (n,)
                                  for c, n in ref.KIND_NAMES.items() if "quận" in n})


def vocabularies(*, units=(), slogans=None, types=None, channels=None, areas=None,
                 level_word: str | None = None) -> dict[str, Vocabulary]:
    """Every vocabulary an import needs. `units`: dicts with code and name (the units the
    importer may write for); `slogans`: {number: text} of the week; `types` [{code, grp,
    name}] and `channels` [{code, name, measure}]: the week's catalogue (db/catalogue; the
    2020 plan's when not given); `areas`: the week's {code: name} (db/areas.names_for;
    default 2020's wards), by code or by name; `level_word`: the week's word for its level
    in the unit kinds' labels (default: as the plan names them)."""
    slogans = slogans or dict(enumerate(ref.SLOGANS, start=1))
    if types is None:
        types = [{"code": c, "grp": g, "name": n} for c, g, n in ref.ACTIVITY_TYPES]
    if channels is None:
        channels = [{"code": c, "name": n, "measure": m} for c, n, m in ref.CHANNELS]
    areas = ref.WARD_NAMES if areas is None else areas
    ward = _named("ward", areas, {c: (f"Phường {n}",) for c, n in areas.items()
                                  if not n.startswith(("Phường ", "Xã "))})
    activity_type = _named("type", {t["code"]: t["name"] for t in types}, {
        t["code"]: (f"{ref.GROUP_NAMES.get(t['grp'], t['grp'])} › {t['name']}",)
        for t in types})
    channel = _named("channel", {c["code"]: c["name"] for c in channels}, {
        c["code"]: (f"{c['name']} ({c['measure']})",) for c in channels})
    slogan = Vocabulary("slogan", [f"{n}. {t}" for n, t in sorted(slogans.items())])
    for number, text in slogans.items():
        slogan.add(number, str(number), f"{number}.", text, f"{number}. {text}",
                   f"{number} {text}")
    unit = Vocabulary("unit", [u["name"] for u in units])
    for u in units:
        unit.add(u["code"], u["name"])
    for u in units:  # a code always wins over a name that happens to equal it
        unit.keys[value_key(u["code"])] = u["code"]
    return {"ward": ward, "type": activity_type, "channel": channel, "slogan": slogan,
            "unit": unit, "format": _named("format", ref.FORMAT_NAMES),
            "audience": _named("audience", ref.AUDIENCE_NAMES),
            "kind": _kinds(level_word), "tier": _named("tier", ref.TIER_NAMES)}


def split_items(value) -> list[str]:
    """A list cell: items separated by ';' or line breaks (Alt+Enter in Excel)."""
    return [clean(v) for v in re.split(r"[;\n]", clean(value)) if clean(v)]


def resolve_list(vocab: Vocabulary, value) -> tuple[list, list[str]]:
    """(codes in the order given, each once; unknown items). An item that is not a value
    but whose comma-separated parts all are («hoc_sinh,can_bo», «1,5») is read as a list:
    files written for the older importer keep working, and labels may contain commas."""
    codes, unknown = [], []
    for item in split_items(value):
        found = vocab.resolve(item)
        if found is None and "," in item:
            parts = [vocab.resolve(p) for p in item.split(",") if clean(p)]
            if parts and all(p is not None and p is not AMBIGUOUS for p in parts):
                codes += [p for p in parts if p not in codes]
                continue
        if found is None or found is AMBIGUOUS:
            unknown.append(item)
        elif found not in codes:
            codes.append(found)
    return codes, unknown


# --- reading a file ------------------------------------------------------------------------

TWIN = "twin:"  # the cell of a second column for the same coded field (code and name)


@dataclass
class MappedTable:
    """A table whose headers were recognised: each row as {field: cell text}."""
    layout: Layout
    headers: dict[str, str]  # field -> header as written in the file
    rows: list[tuple[int, dict]]
    twins: dict[str, str] = field(default_factory=dict)  # field -> its second column
    unknown: list[str] = field(default_factory=list)  # headers naming no field (not read)

    def header(self, field_name: str) -> str:
        return self.headers.get(field_name) or self.layout.column(field_name).label


# a row number column: ignored without a word
QUIET_HEADERS = {"stt", "số tt", "số thứ tự", "tt", "#", "no.", "no"}
MAX_NEAREST = 3


def _spellings(layout: Layout) -> dict[str, str]:
    """header_key of every accepted header -> its field."""
    return {header_key(spelling): column.field for column in layout.columns
            for spelling in (column.label, column.field, *column.aliases)}


def unknown_columns(table: Table, layout: Layout) -> list[str]:
    """The headers of `table` that name no field of `layout` (as written, in file order),
    row-number columns («STT», «Số TT») and empty headers left out."""
    known = _spellings(layout)
    return [h for h in table.columns
            if h and header_key(h) not in known and header_key(h) not in QUIET_HEADERS]


def nearest_columns(header: str, layout: Layout) -> list[str]:
    """The template's headers nearest to an unknown one (accents, case and spacing aside),
    for «did you mean»: «Link minh chung» -> [«Đường dẫn minh chứng»]."""
    import difflib

    from core.text import fold

    labels = {}
    for column in layout.columns:
        for spelling in (column.label, *column.aliases):
            labels.setdefault(" ".join(fold(header_key(spelling)).split()), column.label)
    found = difflib.get_close_matches(" ".join(fold(header_key(header)).split()), labels,
                                      n=MAX_NEAREST * 3, cutoff=0.6)
    return list(dict.fromkeys(labels[key] for key in found))[:MAX_NEAREST]


def unknown_column_reason(header: str, layout: Layout) -> str:
    near = nearest_columns(header, layout)
    if near:
        return texts.IMP_COLUMN_UNKNOWN_NEAR.format(near=", ".join(f"«{n}»" for n in near))
    return texts.IMP_COLUMN_UNKNOWN


def map_table(table: Table, layout: Layout, *, optional=(), strict=False
              ) -> tuple[MappedTable, list]:
    """Recognise the headers. Problems: a required column missing (unless in `optional`),
    two columns for one field, no data row, and — when `strict` — a column we do not know,
    with the nearest known names (row numbers «STT» are always ignored quietly; otherwise
    the unknown columns are in MappedTable.unknown, for the answer to name them). A coded
    field may come twice (a code column and a name column, e.g. «Mã đơn vị» and «Tên đơn
    vị»): see merge_twins."""
    by_key = _spellings(layout)
    headers, twins, problems = {}, {}, []
    unknown = unknown_columns(table, layout)
    if strict:
        problems += [ImportProblem(1, header, "", unknown_column_reason(header, layout),
                                   "unknown_columns") for header in unknown]
    for header in table.columns:
        name = by_key.get(header_key(header))
        if name is None or not header:
            continue
        if header in (headers.get(name), twins.get(name)):
            # the same header twice: a row holds one cell per header text, so the first
            # column's cells would be lost without a word (two «Đơn vị»: the second won)
            problems.append(ImportProblem(1, header, "", texts.IMP_COLUMN_TWICE.format(
                other=header)))
        elif name in headers and name not in twins and layout.column(name).vocabulary \
                and not layout.column(name).multi:
            twins[name] = header
        elif name in headers:
            problems.append(ImportProblem(1, header, "", texts.IMP_COLUMN_TWICE.format(
                other=headers[name])))
        else:
            headers[name] = header
    missing = [c.label for c in layout.columns
               if c.required and c.field not in headers and c.field not in optional]
    if missing:
        problems.append(ImportProblem(1, "", "", texts.FILE_MISSING_COLUMNS.format(
            columns=", ".join(missing))))
    rows = [(line, {**{name: row.get(header, "") for name, header in headers.items()},
                    **{TWIN + name: row.get(header, "") for name, header in twins.items()}})
            for line, row in table.rows]
    if not problems and not rows:
        problems.append(ImportProblem(None, "", "", texts.FILE_EMPTY))
    return MappedTable(layout, headers, rows, twins, unknown), problems


def merge_twins(mapped: MappedTable, cells: dict, vocabs: dict) -> tuple[dict, dict]:
    """A coded field given in two columns: the first filled cell counts; two filled cells
    naming different things are a problem (of the first column)."""
    cells, errors = dict(cells), {}
    for name, header in mapped.twins.items():
        first, second = clean(cells.get(name)), clean(cells.pop(TWIN + name, ""))
        if not first:
            cells[name] = second
            continue
        if not second:
            continue
        vocab = vocabs[mapped.layout.column(name).vocabulary]
        found = [vocab.resolve(first), vocab.resolve(second)]
        if None not in found and AMBIGUOUS not in found and found[0] != found[1]:
            errors[name] = texts.IMP_TWINS_DISAGREE.format(other=header, value=second)
    return cells, errors


def resolve_row(layout: Layout, cells: dict, vocabs: dict) -> tuple[dict, dict]:
    """Coded cells -> codes. Returns (values for check_*, {field: reason}); an unknown value
    stays as written (check_* would refuse it too; the reason here wins)."""
    values, errors = dict(cells), {}
    for column in layout.columns:
        if column.vocabulary is None or column.field == "unit_code":
            continue
        raw = clean(cells.get(column.field))
        if not raw:
            continue
        vocab = vocabs[column.vocabulary]
        if column.multi:
            codes, unknown = resolve_list(vocab, raw)
            values[column.field] = codes
            if unknown:
                errors[column.field] = texts.IMP_LIST_UNKNOWN.format(
                    items=", ".join(f"«{u}»" for u in unknown))
        else:
            found = vocab.resolve(raw)
            if found is None or found is AMBIGUOUS:
                errors[column.field] = texts.IMP_VALUE_UNKNOWN
            else:
                values[column.field] = found
    return values, errors


def resolve_unit(vocab: Vocabulary, value) -> tuple[str | None, str | None]:
    """(unit code, reason) from a unit's code or exact name."""
    found = vocab.resolve(value)
    if found is AMBIGUOUS:
        return None, texts.IMP_UNIT_AMBIGUOUS
    if found is None:
        return None, texts.IMP_UNIT_UNKNOWN
    return found, None


def catalogues(layout: Layout, vocabs: dict) -> list[Catalogue]:
    """The «Danh mục» lists of a layout's coded columns, under the template's headers."""
    return [Catalogue(c.label, vocabs[c.vocabulary].labels, c.multi)
            for c in layout.columns if c.vocabulary]


def template_notes(layout: Layout, optional=()) -> list[str]:
    required = [c.label for c in layout.columns if c.required and c.field not in optional]
    notes = [texts.IMP_NOTE_HEAD, texts.IMP_NOTE_REQUIRED.format(columns=", ".join(required))]
    if any(c.date for c in layout.columns):
        notes.append(texts.IMP_NOTE_DATE)
    if any(c.multi for c in layout.columns):
        notes.append(texts.IMP_NOTE_LISTS)
    if layout.name != "units":
        notes.append(texts.IMP_NOTE_WARD)
    notes.append(texts.IMP_NOTE_EXAMPLES)
    return notes


# --- the templates' example rows -----------------------------------------------------------

def _preferred(names: list[str], wanted: str, fallback: int) -> str:
    if wanted in names:
        return wanted
    return names[min(fallback, len(names) - 1)] if names else wanted


def _example(vocabs: dict, name: str, code: str, fallback: int) -> str:
    """The week's label of `code` in vocabulary `name`, or another of its labels when the
    week's catalogue does not list that code."""
    vocab = vocabs[name]
    for label in vocab.labels:
        if vocab.resolve(label) == code:
            return label
    return vocab.labels[fallback] if vocab.labels else ""


def example_rows(layout: Layout, week, unit_names: list[str], vocabs: dict) -> list[list]:
    """Two rows in the clerk's words (labels, dd/mm/yyyy dates inside the week) that import
    as they are."""
    from datetime import timedelta

    def day(offset):
        return min(week.start + timedelta(days=offset), week.end).strftime("%d/%m/%Y")

    first = _preferred(unit_names, "Trường THCS Thăng Long", 0)
    second = _preferred(unit_names, "UBND phường Phúc Xá", 1)
    if layout.name == "activities":
        return [
            [first, "", _example(vocabs, "type", "online_learning", 0), "Tiết học trực tuyến «Chuyển đổi số»",
             day(0), day(0), ref.FORMAT_NAMES["ket_hop"], "120", "45",
             f"{ref.AUDIENCE_NAMES['hoc_sinh']}; {ref.AUDIENCE_NAMES['can_bo']}",
             "https://thcsthanglong.edu.vn/tuan-le-htsd", "Lồng ghép vào giờ sinh hoạt lớp"],
            [second, (vocabs["ward"].labels or [""])[0], _example(vocabs, "type", "sports", -1),
             "Giải chạy «Học tập suốt đời»", day(1), day(2), ref.FORMAT_NAMES["truc_tiep"],
             "300", "0", ref.AUDIENCE_NAMES["nguoi_dan"], "", ""],
        ]
    if layout.name == "propaganda":
        slogans = vocabs["slogan"].labels
        return [
            [second, "", _example(vocabs, "channel", "banner", 0), "12", day(0), "1; 5", "",
             "Treo tại trụ sở phường"],
            [first, "", _example(vocabs, "channel", "facebook", -1), "3", day(0),
             "; ".join(slogans[1:3]), "https://facebook.com/thcsthanglong", ""],
        ]
    return [
        ["TH-NGUYEN-TRI-PHUONG", "Trường Tiểu học Nguyễn Tri Phương", ref.KIND_NAMES["school"],
         ref.TIER_NAMES["tieu_hoc"], ref.WARD_NAMES["00019"], "c1nguyentriphuong@hanoiedu.vn",
         "024 3823 0000"],
        ["TV-QUAN", "Thư viện quận Ba Đình", ref.KIND_NAMES["library"], "",
         ref.WARD_NAMES["00031"], "", ""],
    ]
