"""README «Nhiều đơn vị tổ chức trên một máy chủ» runs as written (issue 24 deliver 7): its
shell blocks, extracted from README.md, run in order by bash in an empty folder on a fresh
installation, each command exiting 0. Hoàn Kiếm, the ward that brings its own installation
in, is first set up by the README's «Setting up your own week» blocks (in hoan-kiem/), as
the section says. Then what the section claims is checked: a ward taken out and a ward
brought in keep every figure, an import naming another ward's unit is refused."""
import json
import os
import re
import subprocess
import sys
import zipfile

from tests.installation_fixture import without_read_times
from tests.test_readme_own_week import ROOT, section_blocks as own_week_blocks

START = "## Nhiều đơn vị tổ chức trên một máy chủ"


def section_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text[text.index(START):]
    part = part[:part.index("\n## ", 1)]
    return re.findall(r"```bash\n(.*?)```", part, re.S)


def run(block, folder, db):
    env = dict(os.environ, LLW_DB=str(db))
    return subprocess.run(["bash", "-e", "-c", block], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=600)


def manage(folder, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=folder,
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, LLW_DB=str(folder / "data" / "llw.db")))


def stats(folder, *args):
    done = manage(folder, *args, "stats", "--json", "--year", "2027")
    assert done.returncode == 0, done.stderr
    return without_read_times(json.loads(done.stdout))


def test_the_section_holds_the_steps_in_a_working_order():
    script = "\n".join(section_blocks())
    order = ["organisers add ha-noi", "organisers add phuc-xa", "create-user",
             "new-week --year 2027", "import-areas", "import-units", "import-activities",
             "--organiser ha-noi stats", "backup backups/phuc-xa", "backup --all",
             "restore --all", "--db rieng/llw.db restore", "--from-backup"]
    positions = [script.index(step) for step in order]
    assert positions == sorted(positions)


def test_the_readme_section_runs_as_written_and_keeps_every_figure(tmp_path):
    (tmp_path / "manage.py").symlink_to(ROOT / "manage.py")  # `python3 manage.py` here
    # Hoàn Kiếm's own installation, set up as «Setting up your own week» says
    for block in own_week_blocks():
        done = run(block, tmp_path, tmp_path / "hoan-kiem" / "llw.db")
        assert done.returncode == 0, f"{block}\n{done.stdout}\n{done.stderr}"
    hoan_kiem_alone = stats(tmp_path, "--db", "hoan-kiem/llw.db")
    for block in section_blocks():
        done = run(block, tmp_path, tmp_path / "data" / "llw.db")
        assert done.returncode == 0, f"{block}\n{done.stdout}\n{done.stderr}"
    listed = manage(tmp_path, "organisers", "list").stdout
    assert [line.split("\t")[0] for line in listed.splitlines()[1:]] == [
        "ha-noi", "hoan-kiem", "ngoc-ha", "phuc-xa"]
    # the ward taken out to its own installation, and the ward brought in: same figures
    phuc_xa = stats(tmp_path, "--organiser", "phuc-xa")
    assert phuc_xa["totals"]["activities"] == 2 and phuc_xa["totals"]["participants"] == 450
    assert stats(tmp_path, "--db", "rieng/llw.db") == phuc_xa
    assert stats(tmp_path, "--organiser", "hoan-kiem") == hoan_kiem_alone
    # each ward's file holds its own units only
    units = manage(tmp_path, "--organiser", "phuc-xa", "list-units", "--year", "2027").stdout
    assert "TH-PX-01" in units and "THCS-NH-01" not in units
    # «An import naming another ward's unit is refused as unknown.»
    refused = manage(tmp_path, "--organiser", "ngoc-ha", "import-activities",
                     "hoat-dong-phuc-xa.csv", "--year", "2027")
    assert refused.returncode != 0 and "TH-PX-01" in refused.stdout + refused.stderr
    assert stats(tmp_path, "--organiser", "ngoc-ha")["totals"]["activities"] == 1
    # «The city's figures are its wards' figures, live»: the whole area's totals
    city = stats(tmp_path, "--organiser", "ha-noi")
    wards = {key: stats(tmp_path, "--organiser", key)["totals"]
             for key in ("phuc-xa", "ngoc-ha", "hoan-kiem")}
    assert sorted(s["key"] for s in city["suborganisations"]) == sorted(wards)
    for figure in ("activities", "participants", "units", "units_with_data"):
        assert city["totals"][figure] == sum(t[figure] for t in wards.values()), figure
    with zipfile.ZipFile(tmp_path / "backups" / "may-chu-2027-10-14.zip") as archive:
        assert archive.namelist() == ["manifest.json", "organisers.db",
                                      "organisers/ha-noi.db", "organisers/phuc-xa.db",
                                      "organisers/ngoc-ha.db"]
