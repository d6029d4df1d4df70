"""Photos are bounded by pixels and work, not by file size (issue 25, deliver 6), and the
stored copies carry no metadata segment at all (deliver 10: a JPEG comment survived)."""
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from core import jpeg_segments, photos
from db import entries, events

ROOT = Path(__file__).resolve().parent.parent


def _jpeg(size, **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, "JPEG", quality=70, **options)
    return out.getvalue()


def _with_size(data: bytes, width: int, height: int) -> bytes:
    """The same JPEG with its frame header claiming another size (the scans stay small):
    how the attack costs ~1 GB with a file of a few kB."""
    for marker, start, _end in jpeg_segments._segments(data):
        if marker in jpeg_segments._SOF:
            at = start + 5  # FF, marker, length (2), precision
            return (data[:at] + height.to_bytes(2, "big") + width.to_bytes(2, "big")
                    + data[at + 4:])
    raise AssertionError("no SOF")


def progressive_bomb() -> bytes:
    """13 300 × 13 300, progressive, no chroma subsampling (the issue's attack)."""
    return _with_size(_jpeg((64, 64), progressive=True, subsampling=0), 13_300, 13_300)


_PEAK = """
import sys
from core import photos

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) // 1024

data = open(sys.argv[1], "rb").read()
open("/proc/self/clear_refs", "w").write("5")  # reset the peak (VmHWM) to now
start = status("VmRSS")
try:
    photos.process("a.jpg", data)
    outcome = "accepted"
except photos.PhotoRefused as refused:
    outcome = "refused: " + str(refused)
print(status("VmHWM") - start)
print(outcome)
"""


def _peak(path: Path) -> tuple[int, str]:
    """(extra peak MB, outcome) of checking one photo, in a fresh process capped at 1.5 GB."""
    cap = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20,) * 2)\n"
    done = subprocess.run([sys.executable, "-c", cap + _PEAK, str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    peak, outcome = done.stdout.strip().splitlines()[-2:]
    return int(peak), outcome


def test_the_issues_progressive_bomb_is_refused_from_its_header_under_100_mb(tmp_path):
    path = tmp_path / "bomb.jpg"
    path.write_bytes(progressive_bomb())
    peak, outcome = _peak(path)
    assert outcome.startswith("refused") and "13300×13300" in outcome, outcome
    assert "lũy tiến" in outcome
    assert peak <= 100, peak


@pytest.mark.parametrize("size, options", [
    ((4000, 4000), {"progressive": True}),  # 16 Mpx progressive 4:2:0: the budget's edge
    ((2800, 2800), {"progressive": True, "subsampling": 0}),  # 7.8 Mpx progressive 4:4:4
    ((10_000, 8000), {}),  # an 80 Mpx camera photo, one scan: decoded at 1/4 scale
])
def test_real_photos_up_to_the_limits_are_accepted_under_100_mb(tmp_path, size, options):
    path = tmp_path / "photo.jpg"
    path.write_bytes(_jpeg(size, **options))
    peak, outcome = _peak(path)
    assert outcome == "accepted"
    assert peak <= 100, peak


def _gradient(path: Path, fmt: str, size, mode: str) -> Path:
    Image.linear_gradient("L").resize(size).convert(mode).save(path, fmt)
    return path


@pytest.mark.parametrize("fmt, size", [("PNG", (2828, 2828)), ("WEBP", (2236, 2236))])
def test_png_and_webp_at_their_pixel_limit_are_accepted_under_100_mb(tmp_path, fmt, size):
    path = _gradient(tmp_path / f"a.{fmt.lower()}", fmt, size, "RGBA")
    peak, outcome = _peak(path)
    assert outcome == "accepted"
    assert peak <= 100, peak


@pytest.mark.parametrize("fmt, size, limit", [("PNG", (4000, 2001), 8), ("WEBP", (2500, 2001), 5)])
def test_png_and_webp_over_their_pixel_limit_are_refused(tmp_path, fmt, size, limit):
    """16 Mpx RGBA cost 157 MB as PNG and 282 MB as WebP with the old common limit."""
    data = _gradient(tmp_path / "a", fmt, size, "RGB").read_bytes()
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.process("anh", data)
    assert f"{size[0]}×{size[1]}" in str(refused.value)
    assert f"tối đa {limit} triệu" in str(refused.value)


def test_a_progressive_photo_over_the_budget_says_its_size():
    data = _with_size(_jpeg((64, 64), progressive=True, subsampling=0), 3000, 3000)
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.process("anh.jpg", data)
    assert "«anh.jpg»" in str(refused.value) and "3000×3000" in str(refused.value)


def test_a_one_scan_jpeg_over_the_pixel_limit_is_refused():
    data = _with_size(_jpeg((64, 64)), 12_000, 9000)  # 108 Mpx
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.process("anh.jpg", data)
    assert "12000×9000" in str(refused.value)


def test_a_broken_header_is_refused_as_broken():
    with pytest.raises(photos.PhotoRefused) as refused:
        photos.process("x.jpg", b"\xff\xd8\xff\xe0\x00\x02\xff")
    assert "bị hỏng" in str(refused.value)


def test_the_coefficient_estimate_matches_the_sampling():
    sub = jpeg_segments.frame(_jpeg((800, 640)))  # Pillow's default 4:2:0
    full = jpeg_segments.frame(_jpeg((800, 640), subsampling=0))
    assert sub.single_scan and full.single_scan
    assert full.coefficient_bytes() == 3 * 800 * 640 * 2
    assert sub.coefficient_bytes() == 800 * 640 * 2 * 3 // 2
    assert not jpeg_segments.frame(_jpeg((800, 600), progressive=True)).single_scan


def _commented_photo() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    out = io.BytesIO()
    Image.new("RGB", (900, 700), (200, 60, 60)).save(
        out, "JPEG", comment=b"Goi 0912345678 <script>alert(1)</script>",
        exif=exif.tobytes(), icc_profile=b"\x00" * 200)
    return out.getvalue()


def test_a_comment_with_a_phone_number_and_a_script_is_gone_from_stored_copies(
        db, unit_user):
    data = _commented_photo()
    assert b"0912345678" in data and b"<script>" in data
    event = events.get(db, 2020)
    entry = entries.create_activity(
        db, unit_user, event["id"], unit_user.unit_id,
        {"type": "library", "title": "Ảnh có chú thích", "start_date": "2020-10-03",
         "format": "truc_tiep", "participants": 5}, photo_files=[("a.jpg", data)])
    stored = entries.photos(db, entries.ACTIVITY, entry)[0]
    for copy in (stored["data"], stored["thumb"]):
        assert b"0912345678" not in copy and b"<script" not in copy
        assert b"Camera maker" not in copy
        assert jpeg_segments.metadata_markers(copy) == []  # no APPn, no COM
        with Image.open(io.BytesIO(copy)) as image:
            image.load()
            assert image.size[0] > 0 and "comment" not in image.info
