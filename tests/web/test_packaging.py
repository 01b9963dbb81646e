"""`pip install .` gives a working English site: the build itself compiles the translation
catalogs (hatch_build.py) and the wheel carries them. Proven by building the wheel, checking
every catalog in it against its .po, installing it into a fresh virtualenv (outside this
source tree) and asking the installed app for pages in English."""
import io
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
CATALOGS = sorted((REPO / "web" / "translations").glob("*/en/LC_MESSAGES/messages.po"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Through the ordinary build front end (isolated build with hatchling and babel).
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(out), str(REPO)], check=True, capture_output=True)
    [built] = out.glob("werkpostwijzer-*.whl")
    return built


def _flat(value):
    # A plural message is a tuple in a .po and a list in a .mo.
    return tuple(value) if isinstance(value, (list, tuple)) else value


def test_the_wheel_carries_every_catalog_compiled_from_its_po(wheel):
    assert len(CATALOGS) >= 9
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for po_path in CATALOGS:
            inside = po_path.relative_to(REPO).with_suffix(".mo").as_posix()
            assert inside in names, inside
            compiled = read_mo(io.BytesIO(archive.read(inside)))
            with po_path.open("rb") as f:
                source = read_po(f)
            wanted = {_flat(m.id): _flat(m.string) for m in source if m.id and m.string}
            got = {_flat(m.id): _flat(m.string) for m in compiled if m.id}
            assert got == wanted, po_path.parent.parent.parent.name


APP_CHECK = textwrap.dedent("""
    import sys, re
    import web
    assert web.__file__.startswith(sys.prefix), web.__file__  # the installed copy
    from web import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "PAGE_CACHE_SECONDS": 0,
                      "SQLALCHEMY_DATABASE_URI": "sqlite://", "INSTANCE_DIR": sys.argv[1]})
    client = app.test_client()
    for path, dutch, english in [
            ("/aanbieden/", "Bied een plek aan", "Offer a place"),
            ("/info/", "Informatie", "Information")]:
        nl = client.get(path).get_data(as_text=True)
        en = client.get(path + "?lang=en").get_data(as_text=True)
        assert '<html lang="nl">' in nl and dutch in nl, (path, nl[:2000])
        assert '<html lang="en">' in en and english in en and dutch not in en, (path, en[:2000])
    print("english ok")
""")


def test_a_fresh_install_of_the_wheel_speaks_english(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", str(wheel)], check=True, capture_output=True)
    # The dependencies come from this test's environment (a path, not its .pth files: the
    # editable install of the source tree is not visible there).
    site = Path(subprocess.run([str(python), "-c", "import sysconfig;"
                                "print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([str(python), "-c", APP_CHECK, str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "english ok" in done.stdout
