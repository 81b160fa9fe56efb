"""The README's snippets, run as a user would paste them.

- the first command block converts the example;
- the library examples run, in order, in one namespace (as a reader types them);
- the pre-commit snippet's ``rev`` is a commit of this repository's history, and the hook,
  as ``.pre-commit-hooks.yaml`` defines it with the README's ``args``, passes and fails the
  right files in a scratch repository;
- the GitHub Actions and GitLab CI commands install akn from an archive of that commit and
  validate a folder.

No network: pre-commit runs the hook as a ``repo: local`` hook of ``language: system`` on
akn as installed for the tests (a ``language: python`` hook would have pip fetch akn's
dependencies), and the CI snippets' archive URL is replaced by an archive of the same commit
made with ``git archive``, installed with ``--no-index --no-deps --no-build-isolation``
(the dependencies and hatchling are those of the test environment).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from corpus import CORPUS, ROOT

import akn

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
CLEAN = ROOT / "tests" / "validation" / "fixtures" / "clean.xml"
ARCHIVE_URL = re.compile(r"https://github\.com/OWNER/akn/archive/([0-9a-f]{40})\.tar\.gz")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, flags=re.M | re.S)


def _yaml_blocks() -> list[object]:
    return [yaml.safe_load(block) for block in blocks("yaml")]


def _pre_commit_config() -> dict:
    return next(b for b in _yaml_blocks() if isinstance(b, dict) and "repos" in b)


def _github_steps() -> list[dict]:
    return next(b for b in _yaml_blocks() if isinstance(b, list))


def _gitlab_job() -> dict:
    return next(b for b in _yaml_blocks() if isinstance(b, dict) and "validate-akn" in b)[
        "validate-akn"
    ]


def _git(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def test_the_readme_opens_with_the_two_commands() -> None:
    first_blocks = re.findall(r"^```(\w*)\n(.*?)^```$", README, flags=re.M | re.S)[:2]
    assert [language for language, _ in first_blocks] == ["sh", "sh"]
    assert first_blocks[0][1].strip().endswith("akn convert examples/A-75-L.25-fr.txt")
    assert "pip install" in first_blocks[1][1] and "pytest" in first_blocks[1][1]


def test_the_first_command_converts_the_example() -> None:
    command = blocks("sh")[0].strip().split(" && ")[-1]
    argv = shlex.split(command)
    assert argv[0] == ".venv/bin/akn"
    done = subprocess.run(
        [str(BIN / "akn"), *argv[1:]], cwd=ROOT, capture_output=True, env=_clean_env()
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<?xml") and b"<akomaNtoso" in done.stdout


@pytest.mark.corpus
def test_the_library_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "A-75-L.25-fr.txt", tmp_path / "examples")
    shutil.copy(CORPUS / "akn" / "fra" / "A-RES-75-15.xml", tmp_path)
    un_80_1 = CORPUS / "akn" / "eng" / "A-RES-80-1.xml"
    for name in ("A-RES-80-1.xml", "theirs.xml"):  # the render and diff examples' files
        shutil.copy(un_80_1, tmp_path / name)
    ours = akn.convert(akn.render(un_80_1, to="text"), lang="en")
    (tmp_path / "ours.xml").write_bytes(ours.to_bytes())
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    examples = blocks("python")
    assert len(examples) == 3
    for number, code in enumerate(examples, start=1):
        exec(compile(code, f"README python block {number}", "exec"), namespace)


# --- the pinned commit ---------------------------------------------------------------------


def _rev() -> str:
    (repo,) = _pre_commit_config()["repos"]
    return str(repo["rev"])


def test_the_pre_commit_rev_is_a_commit_of_this_history() -> None:
    rev = _rev()
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pre-commit needs a full hash (no tags here)"
    resolved = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    assert resolved.returncode == 0 and resolved.stdout.strip() == rev, resolved.stderr
    # An ancestor of what is checked out: a fresh clone of main has it too.
    assert _git("merge-base", "--is-ancestor", rev, "HEAD").returncode == 0


def test_the_ci_snippets_pin_the_same_commit() -> None:
    installs = [step["run"] for step in _github_steps() if "pip install" in step.get("run", "")]
    installs += [line for line in _gitlab_job()["script"] if "pip install" in line]
    assert len(installs) == 2
    assert {ARCHIVE_URL.search(line)[1] for line in installs} == {_rev()}
    assert all("pip install akn" not in line for line in installs)  # not on PyPI


# --- the pre-commit hook ---------------------------------------------------------------------


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def _scratch_repository(path: Path, files: dict[str, str]) -> None:
    path.mkdir()
    _git("init", "-q", cwd=path)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    _git("add", ".", cwd=path)


def _local_hook_config() -> str:
    """The README's hook entry, taken from .pre-commit-hooks.yaml, as a local system hook."""
    (definition,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (repo,) = _pre_commit_config()["repos"]
    (wanted,) = repo["hooks"]
    assert wanted["id"] == definition["id"] and definition["language"] == "python"
    hook = {**definition, "language": "system", "args": wanted.get("args", [])}
    program, arguments = definition["entry"].split(" ", 1)
    hook["entry"] = f"{BIN / program} {arguments}"  # the akn installed for the tests
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})


def _run_hook(repository: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repository,
        capture_output=True,
        text=True,
        env=_clean_env(PRE_COMMIT_HOME=str(tmp_path / "cache"), HOME=str(tmp_path)),
        timeout=120,
    )


def test_the_pre_commit_hook_checks_akn_files_and_skips_other_xml(tmp_path: Path) -> None:
    config = _local_hook_config()
    clean = CLEAN.read_text(encoding="utf-8")
    pom = "<project><modelVersion>4.0.0</modelVersion></project>\n"
    good = tmp_path / "good"
    _scratch_repository(
        good,
        {".pre-commit-config.yaml": config, "A-RES-75-15.xml": clean, "pom.xml": pom},
    )
    passed = _run_hook(good, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "akn validate" in passed.stdout and "Passed" in passed.stdout

    bad = tmp_path / "bad"
    broken = clean.replace('refersTo="#symbol"', 'refersTo="#nowhere"', 1)
    _scratch_repository(
        bad, {".pre-commit-config.yaml": config, "broken.xml": broken, "pom.xml": pom}
    )
    failed = _run_hook(bad, tmp_path)
    assert failed.returncode == 1 and "error: AKN103" in failed.stdout, failed.stdout
    assert "pom.xml" not in failed.stdout.replace("pom.xml skipped", "")


# --- the GitHub Actions and GitLab CI commands ------------------------------------------------


@pytest.fixture(scope="module")
def installed_at_rev(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """akn installed from an archive of the pinned commit, as the CI snippets install it."""
    work = tmp_path_factory.mktemp("ci")
    rev = _rev()
    archive = work / f"{rev}.tar.gz"
    made = _git("archive", "--format=tar.gz", f"--prefix=akn-{rev}/", "-o", str(archive), rev)
    assert made.returncode == 0, made.stderr
    command = next(s["run"] for s in _github_steps() if "pip install" in s.get("run", ""))
    argv = shlex.split(ARCHIVE_URL.sub(archive.as_uri(), command))
    assert argv[:2] == ["pip", "install"]
    target = work / "site"
    offline = ["--quiet", "--no-index", "--no-deps", "--no-build-isolation", "--target"]
    done = subprocess.run(
        [sys.executable, "-m", *argv, *offline, str(target)],
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return target


def _documents(path: Path) -> Path:
    (path / "documents").mkdir()
    shutil.copy(CLEAN, path / "documents" / "A-RES-75-15.xml")
    return path


def _run_ci_line(line: str, cwd: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = _clean_env(PYTHONPATH=str(site))
    env["PATH"] = f"{site / 'bin'}{os.pathsep}{env['PATH']}"
    return subprocess.run(line, shell=True, cwd=cwd, capture_output=True, text=True, env=env)


def test_the_github_actions_steps_run(installed_at_rev: Path, tmp_path: Path) -> None:
    runs = [s["run"] for s in _github_steps() if "run" in s and "pip install" not in s["run"]]
    assert runs == ["akn validate --format github documents/"]
    done = _run_ci_line(runs[0], _documents(tmp_path), installed_at_rev)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All 1 file valid." in done.stdout


def test_the_gitlab_script_runs_and_writes_its_report(
    installed_at_rev: Path, tmp_path: Path
) -> None:
    from junitparser import JUnitXml

    job = _gitlab_job()
    lines = [line for line in job["script"] if "pip install" not in line]
    folder = _documents(tmp_path)
    for line in lines:
        done = _run_ci_line(line, folder, installed_at_rev)
        assert done.returncode == 0, done.stdout + done.stderr
    report = folder / job["artifacts"]["reports"]["junit"]
    (suite,) = list(JUnitXml.fromfile(str(report)))
    assert suite.tests == 1 and suite.failures == 0
