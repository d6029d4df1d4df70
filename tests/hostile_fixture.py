"""A database full of hostile text in every field people type, through the real db/
functions: used by the hostile-input tests (browser pages, PDF, XLSX)."""
import unicodedata

from db import Actor, entries, events, nominations, review, units
from db import budget, commendations
from tests.conftest import make_user

PWNED = "window.__pwned=1"
PAYLOADS = [
    f'<img src=x onerror="{PWNED};alert(1)">',
    f"[bấm vào đây](javascript:{PWNED})",
    f"</script><script>{PWNED};alert(2)</script>",
    "**đậm** _nghiêng_ # Tiêu đề <b>in đậm</b> $x^2$",
    "\u202eđảo chiều RTL\u200b zero\u200dwidth\u2066",
    "Biểu tượng 🎉📚 cảm xúc",
    unicodedata.normalize("NFD", "Học tập suốt đời ở phường Điện Biên"),
    '=HYPERLINK("http://evil.example","bấm")',
    "+1+1", "-2", "@SUM(A1)",
    # issue 10: markdown that would load an outside address, and control characters
    f"![]({'http://203.0.113.7'}/pixel.png) ảnh theo dõi",
    "[liên kết](http://203.0.113.7/u) và :red[chữ đỏ] :material/home:",
    "Dòng một\x0bdòng hai\x0cdòng ba\x00 hết\x1b[31m\x85",
]
OUTSIDE_HOST = "203.0.113.7"  # TEST-NET-3: never routed; any request to it is a leak
# Stored by an older version (before the strict URL rule): a link that breaks out of `[..](..)`.
BREAKOUT_URL = "https://a.b/x)![](http://203.0.113.7/u.png"
# Passphrases with spaces at either end: refused when set (one rule for every way in).
PADDED_PASSWORDS = ["  Học tập suốt đời 2020  ", "Học tập suốt đời 2020 ", "\tHọc tập suốt đời"]
LONG = "Dài " + "ư" * 9996  # 10 000 characters


def short(payload: str) -> str:
    return payload[:200]


def populate(db) -> dict:
    admin = make_user(db, "quan.tri", "admin")
    committee = make_user(db, "ban.chi.dao", "committee")
    unit_actor = make_user(db, "thcs.thang.long", "unit", "THCS-THANGLONG")
    event = events.get(db, 2020)
    hostile_unit = units.create(db, admin, {"code": "HOSTILE-1", "kind": "library",
                                            "name": PAYLOADS[0], "ward_code": "00001",
                                            "email": "", "phone": PAYLOADS[2][:40]})
    ids = []
    for i, payload in enumerate(PAYLOADS):
        ids.append(entries.create_activity(db, unit_actor, event["id"], unit_actor.unit_id, {
            "type": "library", "title": short(payload), "description": payload + "\n" + LONG[:3000],
            "start_date": "2020-10-03", "format": "truc_tiep", "participants": str(10 + i)}))
        entries.create_propaganda(db, unit_actor, event["id"], unit_actor.unit_id, {
            "channel": "facebook", "quantity": "2", "date": "2020-10-04", "slogans": "1;2",
            "note": payload})
        nominations.create(db, unit_actor, event["id"], unit_actor.unit_id, {
            "nominee_kind": "person", "nominee_name": short(payload), "category": "tu_hoc",
            "achievement": payload})
    entries.create_activity(db, Actor.system("test"), event["id"], hostile_unit, {
        "type": "arts", "title": "Văn nghệ", "description": LONG, "start_date": "2020-10-05",
        "format": "truc_tiep", "participants": "5"})
    # links stored before the strict URL rule existed (written directly, as an old row)
    db.execute("update activities set evidence_url = ? where id = ?", [BREAKOUT_URL, ids[0]])
    db.execute("update propaganda set link = ? where unit_id = ?",
               [BREAKOUT_URL, unit_actor.unit_id])
    review.decide(db, committee, "activity", ids[0], "needs_fix", PAYLOADS[0])
    review.decide(db, committee, "activity", ids[1], "accepted", PAYLOADS[1])
    commendations.add_commendation(db, committee, event["id"], {
        "category": "to_chuc_tot", "recipient_name": short(PAYLOADS[2]),
        "rationale": (PAYLOADS[3] + " " + LONG)[:2000]})
    commendations.save_assessment(db, committee, event["id"], "\n".join(PAYLOADS) + LONG[:4000])
    budget.add_line(db, committee, event["id"], {"item": short(PAYLOADS[7]), "quantity": "1",
                                                 "unit_price": "1.000.000",
                                                 "note": PAYLOADS[0]})
    return {"admin": admin, "committee": committee, "unit": unit_actor, "event": event}


# --- The review page's detail pane (Duyệt dữ liệu): one activity and one propaganda entry
# whose every shown field carries the outside-address payloads, found by a marker word. ---
REVIEW_MARK = "DUYETDOC"  # searchable (the page's text filter); the two entries' own word
REVIEW_PAYLOADS = [
    f"![](http://{OUTSIDE_HOST}/x.png)",                      # markdown image: a pixel
    BREAKOUT_URL,                                             # a link that breaks out
    f'<img src="http://{OUTSIDE_HOST}/h.png"> <a href="http://{OUTSIDE_HOST}/a">a</a>',
    "Dòng\x0bmột\x0cdòng\x00hai\x1b[31m\x85",                 # control characters
]
REVIEW_COMMENT = (f"Sửa lại ![](http://{OUTSIDE_HOST}/c.png) [xem](http://{OUTSIDE_HOST}/l) "
                  f"<img src=\"http://{OUTSIDE_HOST}/ch.png\"> {BREAKOUT_URL}")


def populate_review(db) -> dict:
    """`populate` plus the two review targets. Their text is written directly, as rows stored
    by an older version would be (before the entry rules removed control characters and the
    URL rule refused breakouts), so the page's own escaping is what is tested."""
    made = populate(db)
    unit_actor, event = made["unit"], made["event"]
    title = f"{REVIEW_MARK} {REVIEW_PAYLOADS[0]} {REVIEW_PAYLOADS[2]} {REVIEW_PAYLOADS[3]}"
    body = "\n".join(REVIEW_PAYLOADS)
    activity = entries.create_activity(db, unit_actor, event["id"], unit_actor.unit_id, {
        "type": "library", "title": f"{REVIEW_MARK} tạm", "description": "tạm",
        "start_date": "2020-10-06", "format": "truc_tiep", "participants": "7"})
    propaganda = entries.create_propaganda(db, unit_actor, event["id"], unit_actor.unit_id, {
        "channel": "facebook", "quantity": "1", "date": "2020-10-06", "slogans": "1",
        "note": f"{REVIEW_MARK} tạm"})
    db.execute("update activities set title = ?, description = ?, evidence_url = ? "
               "where id = ?", [title, body, BREAKOUT_URL, activity])
    db.execute("update propaganda set note = ?, link = ? where id = ?",
               [f"{REVIEW_MARK}\n{body}", BREAKOUT_URL, propaganda])
    # the hostile unit (its name is an <img onerror> payload) counts as sample data, so the
    # sample-data banner shows on the committee's pages with hostile names present
    db.execute("update units set is_sample = 1 where code = 'HOSTILE-1'")
    return {**made, "review_activity": activity, "review_propaganda": propaganda}
