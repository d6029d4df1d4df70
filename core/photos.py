"""Photos attached to entries: checked by their content (magic bytes, then Pillow), never
by file name; at most 5 per entry.

Each accepted photo is stored as two bounded JPEGs made once at upload: a display copy
(longest side DISPLAY_PX) and a thumbnail (THUMB_PX). EXIF orientation is applied, and no
metadata is kept (no EXIF, GPS position or camera serial: a new JPEG is written). The
original is not kept, so no page ever decodes a full-size picture.

Memory and work are bounded from the header, before any pixel is decoded (issue 25):
- a decoded bitmap is at most MAX_DECODE_PIXELS (16 Mpx: 48 MB as RGB, 64 MB as RGBA);
- a JPEG in one sequential scan (what cameras and phones write) above that is decoded at
  1/2, 1/4 or 1/8 scale (JPEG's draft mode: the full-size bitmap never exists), up to
  MAX_JPEG_PIXELS;
- a progressive JPEG (or a sequential one in several scans) is held whole as coefficients
  before draft mode helps (core/jpeg_segments): refused above MAX_COEFFICIENT_BYTES — a
  13 300 × 13 300 progressive JPEG without chroma subsampling would take ~1 GB;
- a PNG or WebP cannot be decoded smaller: refused above its MAX_PIXELS_BY_FORMAT
  (measured: a PNG costs ~11 bytes a pixel to check, a WebP ~16).
Each refusal says how big the picture is. Peak memory per photo stays under 100 MB
(tests/test_photo_bounds.py). The stored copies carry no APPn (JFIF, EXIF, XMP, ICC) or
COM segment.
"""
import io

from PIL import Image, UnidentifiedImageError

from core import jpeg_segments, texts

MAX_BYTES = 20 * 1024 * 1024  # phone cameras make 4–12 MB JPEGs
MAX_PHOTOS = 5
MAX_DECODE_PIXELS = 16_000_000
MAX_PIXELS = MAX_DECODE_PIXELS  # kept for older callers
MAX_JPEG_PIXELS = 100_000_000  # a 100 Mpx camera; decoded at 1/8 scale at most
MAX_COEFFICIENT_BYTES = 48 * 1024 * 1024  # progressive: 16 Mpx 4:2:0, 8 Mpx 4:4:4
# decoded whole, at full size: peak ≈ 11 B/px (PNG), 16 B/px (WebP, decoded then copied)
MAX_PIXELS_BY_FORMAT = {"JPEG": MAX_DECODE_PIXELS, "PNG": 8_000_000, "WEBP": 5_000_000}
DISPLAY_PX = 1600
THUMB_PX = 240
STORED_MIME = "image/jpeg"

_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


class PhotoRefused(Exception):
    """The Vietnamese reason a file is not accepted as a photo."""


def sniff(data: bytes) -> str | None:
    """The MIME type announced by the first bytes, or None."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) and b"<svg" in head


def _flatten(image: Image.Image) -> Image.Image:
    """RGB; transparency is flattened on white."""
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    """A new JPEG of the pixels only: Pillow would carry the original's comment over
    (image.info), and libjpeg writes a JFIF segment; every APPn/COM is removed."""
    image.info = {}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)  # no exif=, no icc
    return jpeg_segments.without_metadata(out.getvalue())


def _check_jpeg_cost(name: str, data: bytes) -> None:
    """Refuse, from the header alone, a JPEG whose decode would cost too much: too many
    pixels at all, or a multi-scan (progressive) one whose coefficients are held whole."""
    try:
        frame = jpeg_segments.frame(data)
    except jpeg_segments.JpegError:
        raise PhotoRefused(texts.PHOTO_BROKEN.format(name=name)) from None
    too_big = frame.pixels > MAX_JPEG_PIXELS or (
        not frame.single_scan and frame.coefficient_bytes() > MAX_COEFFICIENT_BYTES)
    if too_big:
        raise PhotoRefused(texts.PHOTO_JPEG_TOO_COSTLY.format(
            name=name, width=frame.width, height=frame.height))


def process(name: str, data: bytes) -> tuple[bytes, bytes]:
    """(display JPEG, thumbnail JPEG) for an acceptable photo; raises PhotoRefused."""
    if not data:
        raise PhotoRefused(texts.PHOTO_EMPTY.format(name=name))
    if len(data) > MAX_BYTES:
        raise PhotoRefused(texts.PHOTO_TOO_BIG.format(name=name, size=_mb(len(data)),
                                                      max=MAX_BYTES // (1024 * 1024)))
    mime = sniff(data)
    if mime is None:
        if looks_like_svg(data) or name.lower().endswith((".svg", ".svgz")):
            raise PhotoRefused(texts.PHOTO_SVG.format(name=name))
        raise PhotoRefused(texts.PHOTO_NOT_IMAGE.format(name=name))
    if mime == "image/jpeg":
        _check_jpeg_cost(name, data)
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            if image.format != _PIL_FORMATS[mime]:
                raise PhotoRefused(texts.PHOTO_NOT_IMAGE.format(name=name))
            width, height = image.size
            if image.format == "JPEG":
                # decode at the smallest power-of-two scale that stays >= DISPLAY_PX (a
                # 16 Mpx photo decoded whole was a 64 MB bitmap for a 1600 px copy)
                image.draft("RGB", (DISPLAY_PX, DISPLAY_PX))
            limit = MAX_PIXELS_BY_FORMAT[image.format]
            if image.size[0] * image.size[1] > limit:
                raise PhotoRefused(texts.PHOTO_TOO_MANY_PIXELS.format(
                    name=name, width=width, height=height, max=limit // 1_000_000,
                    kind={"WEBP": "WebP"}.get(image.format, image.format)))
            orientation = image.getexif().get(0x0112, 1)
            image.load()  # a truncated file fails here
            image.thumbnail((DISPLAY_PX, DISPLAY_PX))  # in place: no second full bitmap
            display = _flatten(image)
    except PhotoRefused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        raise PhotoRefused(texts.PHOTO_BROKEN.format(name=name)) from None
    display = _oriented(display, orientation)
    thumb = display.copy()
    thumb.thumbnail((THUMB_PX, THUMB_PX))
    return _jpeg(display, 85), _jpeg(thumb, 80)


def _oriented(image: Image.Image, orientation: int) -> Image.Image:
    transpose = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
                 4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
                 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
                 8: Image.Transpose.ROTATE_90}.get(orientation)
    return image.transpose(transpose) if transpose else image


def check_photo(name: str, data: bytes) -> tuple[str | None, str | None]:
    """(mime, None) for an acceptable photo, else (None, Vietnamese message)."""
    try:
        process(name, data)
    except PhotoRefused as refused:
        return None, str(refused)
    return sniff(data), None


def check_photos(files, *, existing: int = 0, limit: int = MAX_PHOTOS):
    """files: [(name, bytes)]. Returns ([(mime, display, thumbnail)], error or None): the
    bounded JPEG copies to store (see `process`)."""
    files = list(files)
    if existing + len(files) > limit:
        return [], texts.PHOTO_TOO_MANY.format(max=limit, count=existing + len(files))
    accepted, problems = [], []
    for name, data in files:
        try:
            display, thumb = process(name, data)
        except PhotoRefused as refused:
            problems.append(str(refused))
        else:
            accepted.append((STORED_MIME, display, thumb))
    if problems:
        return [], " ".join(problems)
    return accepted, None


def thumbnail(data: bytes, size: int = THUMB_PX) -> bytes:
    """A small JPEG of stored photo bytes, for a photo stored before thumbnails were (a
    display copy is already bounded). One too big to decode cheaply, or unreadable, gets a
    grey square instead of costing hundreds of MB."""
    try:
        if sniff(data) == "image/jpeg":
            _check_jpeg_cost("", data)
        with Image.open(io.BytesIO(data)) as image:
            if image.format == "JPEG":
                image.draft("RGB", (size, size))
            if image.size[0] * image.size[1] <= MAX_DECODE_PIXELS:
                image.thumbnail((size, size))
                return _jpeg(_flatten(image), 80)
    except (PhotoRefused, UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        pass
    return _jpeg(Image.new("RGB", (size, size), (200, 200, 200)), 80)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
