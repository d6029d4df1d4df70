"""Streamlit configuration: hidden tracebacks, XSRF and CORS on, capped uploads."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_tracebacks_are_hidden_from_users(figures):
    assert CONFIG["client"]["showErrorDetails"] == "none"
    figures(showErrorDetails=CONFIG["client"]["showErrorDetails"])


def test_xsrf_and_cors_protection_stay_on(figures):
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["enableCORS"] is True
    figures(enableXsrfProtection=True, enableCORS=True)


def test_upload_size_is_capped(figures):
    """Closed (0) until app.py opens it for signed-in sessions (components/upload_gate)."""
    from components import upload_gate

    assert CONFIG["server"]["maxUploadSize"] == 0
    assert 1 <= upload_gate.UPLOAD_LIMIT_MB <= 50
    figures(maxUploadSize_mb=upload_gate.UPLOAD_LIMIT_MB)


def test_usage_statistics_are_not_sent():
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_no_pages_folder_anywhere_streamlit_would_serve_it():
    assert not (ROOT / "pages").exists()


def test_no_user_text_reaches_unsafe_html():
    offenders = [str(p) for p in list((ROOT / "app_pages").glob("*.py")) +
                 list((ROOT / "components").glob("*.py"))
                 if "unsafe_allow_html=True" in p.read_text()]
    assert offenders == []


def test_no_fixed_cookie_key_in_the_code():
    import re

    pattern = re.compile(r"cookie_key\s*=\s*['\"]")
    sources = [p for p in ROOT.rglob("*.py") if "tests" not in p.parts]
    assert [str(p) for p in sources if pattern.search(p.read_text())] == []
