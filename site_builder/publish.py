"""``site-builder publish``: put a built site where readers get it.

Two kinds of target:

- a folder (``--to DIR``), e.g. a web server's document root: the site is
  swapped in atomically with the writer's swap (:func:`output.write_site`),
  so readers see the old site or the new one, never a mix;
- a git branch (``--to git:REMOTE[@BRANCH]``, branch ``gh-pages`` by
  default), as ``mkdocs gh-deploy`` does: one commit whose tree is exactly
  the site (plus ``.nojekyll``), on top of the branch's previous commit, then
  pushed.  An unchanged site makes no commit.  Plain git, in a temporary
  repository: the user's own checkout and index are never touched.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .output import check_replaceable, write_site

DEFAULT_BRANCH = "gh-pages"
_BRANCH = re.compile(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")
_SCHEME_USER = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]*$")  # "https://user" of user@host


@dataclass(frozen=True)
class GitTarget:
    """``git:REMOTE[@BRANCH]`` parsed."""

    remote: str
    branch: str = DEFAULT_BRANCH


@dataclass(frozen=True)
class Published:
    """What a publish did, for the message."""

    target: str
    changed: bool
    files: int
    commit: str | None = None


def parse_target(text: str) -> Path | GitTarget:
    """``--to`` → a folder or a :class:`GitTarget`.

    The branch follows the last ``@`` when that ``@`` is not part of the
    remote's address (``git@host:repo``, ``https://user@host/repo``).
    """
    if not text.startswith("git:"):
        if not text:
            raise InputError(None, "option --to needs a folder or git:REMOTE[@BRANCH]")
        return Path(text)
    spec = text[len("git:"):]
    head, at, tail = spec.rpartition("@")
    if at and not head:
        remote, branch = "", tail
    elif at and not _SCHEME_USER.match(head) and ":" not in tail:
        remote, branch = head, tail  # "git@host:repo" and "https://user@host/…" are addresses
        if not _valid_branch(branch):
            # a typo would otherwise become a branch git refuses, or one named "-x" or "HEAD"
            raise InputError(None, f"option --to {text!r}: {branch!r} is not a branch name "
                                   f"git accepts (e.g. git:origin@gh-pages)")
    else:
        remote, branch = spec, DEFAULT_BRANCH
    if not remote:
        raise InputError(None, f"option --to {text!r}: name a git remote, e.g. git:origin@gh-pages")
    return GitTarget(remote, branch)


def _valid_branch(name: str) -> bool:
    """The rules of ``git check-ref-format --branch``, for the names a user types."""
    return bool(_BRANCH.match(name)) and name != "HEAD" and not name.startswith("-") \
        and ".." not in name and not name.endswith(".") \
        and not any(part.startswith(".") or part.endswith(".lock") for part in name.split("/"))


def publish(site_dir: Path, to: str, site_root: Path, message: str | None = None) -> Published:
    """Publish the built site in ``site_dir`` to ``to`` (see :func:`parse_target`).

    In: the built site folder, the target text, the site's root (for git
    remote names and for refusing to overwrite the site itself), a commit
    message.  Out: what happened.  Raises :class:`InputError` for a bad
    target or a failed git command.
    """
    if not (site_dir / "index.html").is_file():
        raise InputError(str(site_dir), "no built site here; run 'site-builder build' first")
    target = parse_target(to)
    if isinstance(target, GitTarget):
        return publish_git(site_dir, target, site_root, message)
    return publish_dir(site_dir, target, site_root)


# -- folder ---------------------------------------------------------------------

def publish_dir(site_dir: Path, target: Path, site_root: Path) -> Published:
    """Swap a copy of ``site_dir`` into ``target`` atomically.

    Refuses targets whose replacement would lose the user's work: the site
    itself or a folder containing it, anything inside the site but a fresh
    folder, the home folder and the file-system root.
    """
    _check_dir_target(target, site_dir, site_root)
    files = _read_tree(site_dir)
    write_site(files, target)
    return Published(str(target), changed=True, files=len(files))


def _check_dir_target(target: Path, site_dir: Path, site_root: Path) -> None:
    resolved = target.resolve()
    protected = {Path("/").resolve(), Path.home().resolve()}
    root = site_root.resolve()
    if resolved in protected or resolved == root or root.is_relative_to(resolved) \
            or resolved == site_dir.resolve() or site_dir.resolve().is_relative_to(resolved):
        raise InputError(str(target), "refusing to publish here: replacing this folder would "
                                      "delete the site's sources or your files; choose the web "
                                      "server's own folder")
    for inner in ("seeds", "templates", "static"):
        if resolved.is_relative_to(root / inner):
            raise InputError(str(target), f"refusing to publish into the site's {inner}/ folder")
    check_replaceable(target, "publish")


def _read_tree(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


# -- git ------------------------------------------------------------------------

def publish_git(site_dir: Path, target: GitTarget, site_root: Path,
                message: str | None = None) -> Published:
    """Commit ``site_dir`` as the whole tree of ``target.branch`` and push it.

    The commit's parent is the branch's current head, so history is kept;
    when the tree is the same as the head's, nothing is committed or pushed.
    """
    remote = _remote_url(target.remote, site_root)
    shown = f"git:{target.remote}@{target.branch}"
    work = Path(tempfile.mkdtemp(prefix="site-builder-publish-"))
    try:
        git = _Git(work / "repo", site_dir)
        git.run("init", "-q", str(git.git_dir.parent))
        ref = f"refs/heads/{target.branch}"
        listed = git.run("ls-remote", "--", remote, ref, what=f"cannot reach git remote {remote!r}")
        parent = None
        if listed.strip():
            git.run("fetch", "-q", "--no-tags", "--", remote, f"+{ref}:refs/remotes/target/head",
                    what=f"cannot fetch {target.branch!r} from {remote!r}")
            parent = git.run("rev-parse", "refs/remotes/target/head").strip()
        tree = git.site_tree()
        if parent and git.run("rev-parse", f"{parent}^{{tree}}").strip() == tree:
            return Published(shown, changed=False, files=git.count_files(tree))
        commit_args = ["commit-tree", tree, "-m", message or "Publish the site with site-builder"]
        if parent:
            commit_args += ["-p", parent]
        commit = git.run(*commit_args).strip()
        git.run("push", "-q", "--", remote, f"{commit}:{ref}",
                what=f"cannot push to {target.branch!r} of {remote!r}")
        return Published(shown, changed=True, files=git.count_files(tree), commit=commit)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remote_url(remote: str, site_root: Path) -> str:
    """A remote name of the site's own repository (``origin``) → its URL;
    anything else (a URL or a path) as given, paths made absolute."""
    if re.fullmatch(r"[A-Za-z0-9._-]+", remote) and not Path(site_root, remote).exists():
        res = subprocess.run(["git", "-C", str(site_root), "remote", "get-url", remote],
                             capture_output=True, text=True)
        if res.returncode == 0 and res.stdout.strip():
            return res.stdout.strip()
    if "://" not in remote and not re.match(r"^[^/]+@[^/]+:", remote):
        path = Path(remote)
        return str(path if path.is_absolute() else (site_root / path).resolve())
    return remote


class _Git:
    """git commands in a throw-away repository whose work tree is the site."""

    def __init__(self, work_repo: Path, site_dir: Path):
        self.git_dir = work_repo / ".git"
        self.site_dir = site_dir.resolve()
        self.env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
        for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            self.env.pop(key, None)
        if subprocess.run(["git", "var", "GIT_AUTHOR_IDENT"], capture_output=True,
                          env=self.env, cwd=work_repo.parent).returncode != 0:
            for role in ("AUTHOR", "COMMITTER"):
                self.env[f"GIT_{role}_NAME"] = "site-builder"
                self.env[f"GIT_{role}_EMAIL"] = "site-builder@localhost"

    def run(self, *args: str, what: str | None = None) -> str:
        if args[0] == "init":
            cmd = ["git", *args]
        else:
            cmd = ["git", f"--git-dir={self.git_dir}", f"--work-tree={self.site_dir}",
                   "-c", "core.excludesFile=/dev/null", "-c", "core.autocrlf=false", *args]
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, env=self.env,
                                 cwd=self.git_dir.parent.parent, timeout=600)
        except FileNotFoundError:
            raise InputError(None, "git is not installed; it is needed to publish to git:") from None
        if res.returncode != 0:
            # git's own reason is its "fatal:" line; the last line may be advice
            # ("and the repository exists.")
            lines = [line.strip() for line in res.stderr.splitlines() if line.strip()]
            detail = next((line for line in lines if line.startswith(("fatal:", "error:"))),
                          lines[-1] if lines else "failed")
            raise InputError(None, f"{what or 'git ' + args[0]}: {detail}")
        return res.stdout

    def site_tree(self) -> str:
        """The tree object of the site folder plus ``.nojekyll`` (GitHub Pages
        would otherwise skip files starting with an underscore)."""
        self.run("add", "-A", "-f", "--", ".")
        empty = self._hash_empty()
        self.run("update-index", "--add", "--cacheinfo", f"100644,{empty},.nojekyll")
        return self.run("write-tree").strip()

    def _hash_empty(self) -> str:
        res = subprocess.run(["git", f"--git-dir={self.git_dir}", "hash-object", "-w", "--stdin"],
                             input="", capture_output=True, text=True, env=self.env, check=True)
        return res.stdout.strip()

    def count_files(self, tree: str) -> int:
        return len(self.run("ls-tree", "-r", "--name-only", tree).splitlines())
