"""The segments of a JPEG file, read without decoding a pixel (issue 25, deliver 6 and 10).

- `frame(data)`: the frame header (size, components and their sampling) and whether the
  image is one interleaved sequential scan. Only such a JPEG is decoded row by row at a
  reduced scale (libjpeg's draft mode); a progressive JPEG — or a sequential one in several
  scans — is first held whole as DCT coefficients (2 bytes per coefficient, at full size,
  whatever the scale): a 13 300 × 13 300 progressive JPEG without chroma subsampling needs
  ~1 GB before `draft()` can help. `coefficient_bytes` says how much.
- `without_metadata(data)`: the same JPEG without any APPn (JFIF, EXIF, XMP, ICC, Adobe…)
  or COM segment, for the copies we store.
"""
from dataclasses import dataclass

_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_SEQUENTIAL = {0xC0, 0xC1}  # baseline and extended sequential, Huffman coded
_SOS, _EOI, _COM = 0xDA, 0xD9, 0xFE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RST0-7: no length field


class JpegError(ValueError):
    """Not a JPEG whose header can be read."""


@dataclass(frozen=True)
class Frame:
    marker: int
    width: int
    height: int
    sampling: tuple[tuple[int, int], ...]  # (horizontal, vertical) per component
    single_scan: bool  # sequential and the first scan carries every component

    @property
    def pixels(self) -> int:
        return self.width * self.height

    def coefficient_bytes(self) -> int:
        """Memory libjpeg holds for a whole-image coefficient buffer (multi-scan files):
        each component's 8×8 blocks at its own sampling, 64 coefficients of 2 bytes."""
        h_max = max(h for h, _v in self.sampling)
        v_max = max(v for _h, v in self.sampling)
        total = 0
        for h, v in self.sampling:
            blocks_x = _ceil(_ceil(self.width * h, h_max), 8)
            blocks_y = _ceil(_ceil(self.height * v, v_max), 8)
            total += blocks_x * blocks_y * 64 * 2
        return total


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


def _segments(data: bytes):
    """(marker, start of segment, end of segment) up to and including the first SOS."""
    if data[:2] != b"\xff\xd8":
        raise JpegError("no SOI")
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise JpegError(f"no marker at {at}")
        while at < len(data) and data[at] == 0xFF:  # fill bytes
            at += 1
        if at >= len(data):
            break
        marker = data[at]
        start = at - 1
        at += 1
        if marker in _STANDALONE:
            yield marker, start, at
            continue
        if marker == _EOI:
            return
        if at + 2 > len(data):
            raise JpegError("truncated segment")
        length = int.from_bytes(data[at:at + 2], "big")
        if length < 2 or at + length > len(data):
            raise JpegError("bad segment length")
        yield marker, start, at + length
        at += length
        if marker == _SOS:
            return
    raise JpegError("no scan")


def frame(data: bytes) -> Frame:
    """The frame header and the shape of the first scan; raises JpegError."""
    found, scan_components = None, 0
    for marker, start, end in _segments(data):
        body = data[start + 4:end]
        if marker in _SOF and found is None:
            if len(body) < 6:
                raise JpegError("short SOF")
            height = int.from_bytes(body[1:3], "big")
            width = int.from_bytes(body[3:5], "big")
            count = body[5]
            if count == 0 or len(body) < 6 + 3 * count:
                raise JpegError("short SOF")
            sampling = tuple((body[6 + 3 * i + 1] >> 4, body[6 + 3 * i + 1] & 0x0F)
                             for i in range(count))
            if any(h == 0 or v == 0 for h, v in sampling) or not width or not height:
                raise JpegError("bad SOF")
            found = (marker, width, height, sampling)
        elif marker == _SOS:
            scan_components = body[0] if body else 0
    if found is None:
        raise JpegError("no SOF before the first scan")
    marker, width, height, sampling = found
    single = marker in _SEQUENTIAL and scan_components == len(sampling)
    return Frame(marker, width, height, sampling, single)


def without_metadata(data: bytes) -> bytes:
    """The JPEG with every APPn and COM segment before its first scan removed (our own
    encoder writes none after it: one baseline scan)."""
    kept, tail = [data[:2]], 2
    for marker, start, end in _segments(data):
        if not (0xE0 <= marker <= 0xEF or marker == _COM):
            kept.append(data[start:end])
        tail = end
    kept.append(data[tail:])
    return b"".join(kept)


def metadata_markers(data: bytes) -> list[int]:
    """The APPn/COM markers before the first scan (for tests and checks)."""
    return [marker for marker, _s, _e in _segments(data)
            if 0xE0 <= marker <= 0xEF or marker == _COM]
