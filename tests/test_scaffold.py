"""The plugin scaffold: the renderer, the command, and the docs' how-to followed end to end."""

from __future__ import annotations

import io
import os
import re
import shlex
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from articlekit.cli import main
from articlekit.scaffold import ScaffoldError, plugin_names, render_plugin

ROOT = Path(__file__).resolve().parents[1]
HOWTO = ROOT / "docs" / "howto" / "write-a-plugin.rst"


def test_names_derive_from_the_plugin_name() -> None:
    assert plugin_names("valley-post") == {
        "name": "valley-post",
        "distribution": "articlekit-valley-post",
        "package": "articlekit_valley_post",
        "class_name": "ValleyPostParser",
    }


@pytest.mark.parametrize("name", ["", "Valley", "valley_post", "-valley", "valley-", "9news", "a" * 41, "valley--post"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(ScaffoldError, match="bad plugin name"):
        plugin_names(name)


def test_render_writes_a_complete_plugin(tmp_path: Path) -> None:
    root = render_plugin(
        "valley-post", hosts=("www.ValleyPost.example",), signatures=(r"Valley\s+Post",), directory=tmp_path
    )
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/articlekit_valley_post/__init__.py",
        "src/articlekit_valley_post/py.typed",
        "tests/fixtures/sample-story/fixture.json",
        "tests/fixtures/sample-story/input.html",
        "tests/test_articlekit_valley_post.py",
    ]
    for path in root.rglob("*"):
        if path.is_file():
            assert "{{" not in path.read_text(encoding="utf-8"), f"unfilled placeholder in {path}"
    source = (root / "src/articlekit_valley_post/__init__.py").read_text(encoding="utf-8")
    assert 'hosts = ("valleypost.example",)' in source
    assert 'signatures = ("Valley\\\\s+Post",)' in source
    assert "class ValleyPostParser(HtmlParser):" in source
    compile(source, "plugin", "exec")
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'valley-post = "articlekit_valley_post"' in pyproject


def test_render_refuses_what_cannot_work(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="bad host"):
        render_plugin("valley", hosts=("https://valley.example/",), directory=tmp_path)
    with pytest.raises(ScaffoldError, match="at least one --host"):
        render_plugin("valley", directory=tmp_path)
    with pytest.raises(ScaffoldError, match="not a regular expression"):
        render_plugin("valley", signatures=("(unclosed",), directory=tmp_path)
    render_plugin("valley", hosts=("valley.example",), directory=tmp_path)
    with pytest.raises(ScaffoldError, match="exists already"):
        render_plugin("valley", hosts=("valley.example",), directory=tmp_path)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("html", "built-in parsers"),
        ("text", "built-in parsers"),
        ("fallback", "built-in parsers"),
        ("reviewed", "installed plugin 'articlekit-reviewed'"),  # a bundled plugin's name and distribution
        ("defenddemocracy", "installed plugin 'articlekit-defenddemocracy'"),
    ],
)
def test_names_taken_by_builtins_or_installed_plugins_are_refused(tmp_path: Path, name: str, why: str) -> None:
    with pytest.raises(ScaffoldError, match=f"plugin name '{name}' is taken: .*{re.escape(why)}"):
        render_plugin(name, hosts=("valley.example",), directory=tmp_path)
    assert not any(tmp_path.iterdir())


def test_an_installed_distribution_of_the_same_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    real = importlib.metadata.distribution

    def fake(name: str) -> importlib.metadata.Distribution:
        return real("articlekit") if name == "articlekit-valley-post" else real(name)

    monkeypatch.setattr(importlib.metadata, "distribution", fake)
    with pytest.raises(ScaffoldError, match="the distribution 'articlekit-valley-post' is installed already"):
        render_plugin("valley-post", hosts=("valleypost.example",), directory=tmp_path)


def test_command_writes_the_plugin_and_exits_2_on_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["new-plugin", "valley-post", "--host", "valleypost.example", "--dir", str(tmp_path)], stdout=out) == 0
    assert (tmp_path / "articlekit-valley-post" / "pyproject.toml").is_file()
    assert "pip install -e" in out.getvalue()
    assert main(["new-plugin", "valley-post", "--host", "valleypost.example", "--dir", str(tmp_path)]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["new-plugin", "Valley"]) == 2
    capsys.readouterr()
    assert main(["new-plugin", "html", "--host", "valleypost.example", "--dir", str(tmp_path)]) == 2
    assert "plugin name 'html' is taken" in capsys.readouterr().err


def howto_commands() -> list[str]:
    """The console commands of the how-to, in order: the lines after ``$ `` in console blocks."""
    text = HOWTO.read_text(encoding="utf-8")
    commands: list[str] = []
    for block in re.findall(r"\.\. code-block:: console\n\n((?:[ \t]+.*\n|\n)+)", text):
        commands += [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("$ ")]
    return commands


def test_the_howto_shows_the_whole_journey() -> None:
    commands = howto_commands()
    assert commands[0].startswith("articlekit new-plugin ")
    assert any(c.startswith("python -m pip install -e ") for c in commands)
    assert commands[-1] == "pytest"


def _isolated_venv(where: Path) -> Path:
    """A venv without pip that sees this environment's packages, so nothing is downloaded and the
    test environment is not changed: what the how-to installs goes into the new venv only."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, stdin=subprocess.DEVNULL)
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    ).stdout.strip()
    ours = [
        p
        for p in dict.fromkeys([sysconfig.get_paths()["purelib"], *site.getsitepackages(), *sys.path])
        if p and Path(p).is_dir()
    ]
    (Path(purelib) / "_outer_environment.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python


def test_a_plugin_made_by_following_the_howto_works_end_to_end(tmp_path: Path) -> None:
    """Run exactly the how-to's commands, with one documented substitution: the tools run as
    ``python -m ...`` of an isolated venv (so the new plugin is installed there), and pip gets
    ``--no-build-isolation --no-deps`` (so nothing is fetched from the network).

    The subprocesses have no timeout: no test has a wall-clock limit, since even a generous one
    fails on a slow shared machine; they get no standard input, so none can wait for any."""
    python = _isolated_venv(tmp_path / "venv")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("ARTICLEKIT_PLUGINS", None)
    cwd = tmp_path / "work"
    cwd.mkdir()
    outputs: dict[str, str] = {}
    for command in howto_commands():
        argv = shlex.split(command)
        if argv[0] == "cd":
            cwd = cwd / argv[1]
            continue
        if argv[0] in ("articlekit", "pytest"):
            argv = [str(python), "-m", argv[0], *argv[1:]]
        elif argv[:3] == ["python", "-m", "pip"]:
            argv = [str(python), *argv[1:], "--no-build-isolation", "--no-deps", "--quiet"]
        else:
            pytest.fail(f"the how-to has a command this test does not know how to run: {command}")
        if argv[2] == "pytest":
            argv += ["-p", "no:cacheprovider"]
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
        assert done.returncode == 0, f"$ {command}\n{done.stdout}\n{done.stderr}"
        outputs[command] = done.stdout

    plugins = next(out for cmd, out in outputs.items() if cmd.startswith("articlekit plugins"))
    assert re.search(r"^valley-post\s+0\.1\.0\s+articlekit-valley-post\s+hosts valleypost\.example", plugins, re.M), (
        plugins
    )
    expected = cwd / "tests" / "fixtures" / "sample-story" / "expected.json"
    assert expected.is_file()
    assert '"name": "valley-post"' in expected.read_text(encoding="utf-8")
    # The last pytest ran the plugin's three tests and its fixture, and all passed.
    assert re.search(r"\b4 passed\b", outputs["pytest"]), outputs["pytest"]
