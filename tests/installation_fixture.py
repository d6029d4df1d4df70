"""A city hosting two wards in one installation, built by manage.py exactly as an
installation administrator would (issue 24 deliver 5's tests): each ward has its 2026 week,
its areas, its own units, activities and first admin; the city has its own 2026 week."""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITY, WARDS = "ha-noi", ("phuc-xa", "ngoc-ha")
NAMES = {"ha-noi": "UBND thành phố Hà Nội", "phuc-xa": "UBND phường Phúc Xá",
         "ngoc-ha": "UBND phường Ngọc Hà"}
ADMIN_PASSWORD = "Mật khẩu thử 2026!"
PARTICIPANTS = {"phuc-xa": (150, 300), "ngoc-ha": (75, 220)}


def manage(root_db, *args, stdin=None, check=True, cwd=None):
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "--db", str(root_db),
                           *map(str, args)], cwd=cwd or ROOT, capture_output=True, text=True,
                          timeout=300, input=stdin,
                          env=dict(os.environ, LLW_BCRYPT_ROUNDS="4"))
    if check:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def ward_week(root_db, key: str | None, work: Path, code: str, participants=(150, 300)):
    """A ward's 2026 week (areas, two units, two activities, its first admin) in the
    organiser `key` (None: the installation's --db file)."""
    org = ["--organiser", key] if key else []
    manage(root_db, *org, "new-week", "--year", "2026", "--empty")
    (work / "dia-ban.csv").write_text("Mã,Tên\nTDP-01,Tổ dân phố số 1\nTDP-02,Tổ dân phố số 2\n",
                                      encoding="utf-8")
    manage(root_db, *org, "import-areas", work / "dia-ban.csv", "--year", "2026")
    (work / "don-vi.csv").write_text(
        "Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Tổ dân phố\n"
        f"UBND-{code},UBND phường {code},UBND phường,,\n"
        f"TH-{code},Trường Tiểu học {code},Trường học,Tiểu học,TDP-01\n", encoding="utf-8")
    manage(root_db, *org, "import-units", work / "don-vi.csv", "--year", "2026")
    (work / "hoat-dong.csv").write_text(
        "Đơn vị,Tổ dân phố nơi tổ chức,Loại hoạt động,Tên hoạt động,Ngày bắt đầu,"
        "Ngày kết thúc,Hình thức,Tổng số người tham gia\n"
        f"TH-{code},,library,Ngày hội đọc sách,03/10/2026,03/10/2026,Trực tiếp,"
        f"{participants[0]}\n"
        f"UBND-{code},TDP-02,opening_ceremony,Lễ khai mạc,02/10/2026,02/10/2026,Trực tiếp,"
        f"{participants[1]}\n", encoding="utf-8")
    manage(root_db, *org, "import-activities", work / "hoat-dong.csv", "--year", "2026")
    manage(root_db, *org, "create-user", "--username", "quan.tri", "--role", "admin",
           "--name", "Nguyễn Văn An", "--password-stdin", stdin=ADMIN_PASSWORD + "\n")


def build_installation(folder: Path) -> Path:
    """The city and its two wards in `folder`/data; returns the root file."""
    root = folder / "data" / "llw.db"
    manage(root, "organisers", "add", CITY, "--name", NAMES[CITY], "--level", "tinh")
    manage(root, "--organiser", CITY, "new-week", "--year", "2026", "--empty")
    for ward in WARDS:
        manage(root, "organisers", "add", ward, "--name", NAMES[ward], "--level", "xa",
               "--parent", CITY)
        ward_week(root, ward, folder, ward.upper(), PARTICIPANTS[ward])
    return root


def copy_installation(template: Path, folder: Path) -> Path:
    """A copy of a built installation (no process has it open: a file copy is safe)."""
    shutil.copytree(template.parent, folder / "data")
    return folder / "data" / template.name


def stats(root_db, key=None, year=2026) -> dict:
    """`stats --json` of one organiser, without the moments it was read at (an upper level's
    live figures say when each ward's were read, and the hash of each ward's roll-up sheet
    covers that moment too): every figure, nothing else."""
    org = ["--organiser", key] if key else []
    return without_read_times(json.loads(
        manage(root_db, *org, "stats", "--json", "--year", year).stdout))


READ_TIMES = ("generated_at", "content_hash")


def without_read_times(value):
    if isinstance(value, dict):
        return {k: without_read_times(v) for k, v in value.items() if k not in READ_TIMES}
    if isinstance(value, list):
        return [without_read_times(v) for v in value]
    return value


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of a folder (recursively) and the sha256 of its bytes: nothing written
    means this does not change. SQLite's -shm files are left out: an index in shared memory
    that a reader may rebuild, never data."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith("-shm")}


def rows(db_file, sql) -> list:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
