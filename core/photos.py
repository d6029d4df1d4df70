"""Photos attached to entries: checked by their content (magic bytes, then Pillow), never
by file name; at most 5 per entry, 5 MB each; small JPEG thumbnails for lists."""
import io

from PIL import Image, UnidentifiedImageError

from core import texts

MAX_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 5
MAX_PIXELS = 50_000_000  # far above any camera, far below a decompression bomb
THUMB_PX = 240

_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


def sniff(data: bytes) -> str | None:
    """The MIME type announced by the first bytes, or None."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_photo(name: str, data: bytes) -> tuple[str | None, str | None]:
    """(mime, None) for an acceptable photo, else (None, Vietnamese message)."""
    if not data:
        return None, texts.PHOTO_EMPTY.format(name=name)
    if len(data) > MAX_BYTES:
        return None, texts.PHOTO_TOO_BIG.format(name=name, size=_mb(len(data)),
                                                max=MAX_BYTES // (1024 * 1024))
    mime = sniff(data)
    if mime is None:
        return None, texts.PHOTO_NOT_IMAGE.format(name=name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != _PIL_FORMATS[mime]:
                return None, texts.PHOTO_NOT_IMAGE.format(name=name)
            if image.width * image.height > MAX_PIXELS:
                return None, texts.PHOTO_BROKEN.format(name=name)
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # verify() skips pixel data; a truncated file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        return None, texts.PHOTO_BROKEN.format(name=name)
    return mime, None


def check_photos(files, *, existing: int = 0, limit: int = MAX_PHOTOS):
    """files: [(name, bytes)]. Returns ([(mime, bytes)], error message or None)."""
    files = list(files)
    if existing + len(files) > limit:
        return [], texts.PHOTO_TOO_MANY.format(max=limit, count=existing + len(files))
    accepted, problems = [], []
    for name, data in files:
        mime, problem = check_photo(name, data)
        if problem:
            problems.append(problem)
        else:
            accepted.append((mime, data))
    if problems:
        return [], " ".join(problems)
    return accepted, None


def thumbnail(data: bytes, size: int = THUMB_PX) -> bytes:
    """A small JPEG for lists; transparency is flattened on white."""
    with Image.open(io.BytesIO(data)) as image:
        image.thumbnail((size, size))
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.getchannel("A"))
            image = background
        elif image.mode != "RGB":
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
