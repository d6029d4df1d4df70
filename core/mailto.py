"""mailto: links (the committee's own mail client sends; no server mail)."""
from urllib.parse import quote


def bcc_link(emails, subject: str = "", body: str = "") -> str | None:
    """One mailto: addressed in BCC to every distinct e-mail (None when there is none), so
    units do not see each other's addresses."""
    unique = list(dict.fromkeys(e.strip() for e in emails if e and e.strip()))
    if not unique:
        return None
    parts = [f"bcc={quote(','.join(unique), safe='@,')}"]
    if subject:
        parts.append(f"subject={quote(subject)}")
    if body:
        parts.append(f"body={quote(body)}")
    return "mailto:?" + "&".join(parts)
