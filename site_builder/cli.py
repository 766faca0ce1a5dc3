"""Command line: parse options, call one command function, report.

Nothing but argument handling lives here (MkDocs' split): each command is a
few lines that load the config and call into :mod:`site_builder.build`,
:mod:`site_builder.server` or :mod:`site_builder.extract`.  A user's mistake
(:class:`InputError`) is printed as one line with a non-zero exit.
"""
from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path

import click

from . import __version__
from .errors import InputError

EXIT_INPUT = 1


def _user_errors(fn):
    """Turn InputError into ``error: file:line: message`` and exit 1."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="site-builder")
def main() -> None:
    """Turn a folder of news articles into a static timeline website.

    Put articles into seeds/ (agency plain text with a 'date YYYY-MM' header,
    or Markdown with YAML front matter) and run 'site-builder build'; or
    start with 'site-builder new mysite'.  'site-builder COMMAND --help'
    describes each command.
    """


_site_option = click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path),
                            default=".", show_default=True,
                            help="Folder of the site (holds seeds/ and the optional site.toml).")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@_user_errors
def new(directory: Path) -> None:
    """Create a new site in DIRECTORY (missing, empty, or holding only
    hidden entries such as a fresh .git).

    It gets seeds/ with an example article in each input format, a site.toml
    listing every configuration key (commented out), a README and a
    .gitignore.  'site-builder build' works in it at once.
    """
    from .scaffold import new_site

    written = new_site(directory)
    click.echo(f"created a site in {directory} ({len(written)} files); next: "
               f"cd {directory} && site-builder serve", err=True)


def _run_build(site_dir: Path, output_dir: Path | None, overrides: dict, jobs: int | None,
               strict: bool, verbosity: int):
    """Load the config and build, reporting as the options ask; → (config, result, output)."""
    from .build import build as run_build
    from .config import load_config
    from .report import BuildReporter

    config = load_config(site_dir, overrides)
    reporter = BuildReporter(verbosity)
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = run_build(config, output_dir, warn=reporter.warn, jobs=jobs, strict=strict,
                           progress=reporter.progress)
    finally:
        reporter.close()
        # What the build leaves alive lasts until the command ends: frozen, the
        # collector never walks it (re-enabled as it is, the next allocation
        # would: 0.13 s after an edit to one of 1,000 articles, and the exit too).
        gc.freeze()
        if collecting:
            gc.enable()
    out = Path(output_dir or config.output_path)
    reporter.summary(result, out)
    return config, result, out


_jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1),
                            help="Worker processes for reading and extraction, and then "
                                 "for rendering pages [default: one per core].")
_strict_option = click.option("--strict", is_flag=True,
                              help="Treat warnings as errors: exit 1 and leave the previous "
                                   "output as it was.")
_base_url_option = click.option("--base-url",
                                help="Absolute URL the site will be published at, e.g. "
                                     "https://example.org/timeline/ (overrides base_url).")


def _verbosity(quiet: bool, verbose: bool) -> int:
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose exclude each other")
    return -1 if quiet else (1 if verbose else 0)


@main.command()
@_site_option
@click.option("--output", "-o", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Build into this folder instead of output/.")
@_base_url_option
@_jobs_option
@_strict_option
@click.option("--keep-going", is_flag=True, default=None,
              help="Skip articles that cannot be read (with a warning) instead of failing.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--verbose", "-v", is_flag=True,
              help="Print one line per article (language, date, time expressions, events).")
@_user_errors
def build(site_dir: Path, output_dir: Path | None, base_url: str | None, jobs: int | None,
          strict: bool, keep_going: bool | None, quiet: bool, verbose: bool) -> None:
    """Build the site into output/ (replaced only when the build succeeds).

    Prints warnings and a one-line summary on stderr, and a progress bar
    when stderr is a terminal and the build takes more than a moment.
    """
    _run_build(site_dir, output_dir, {"base_url": base_url, "keep_going": keep_going}, jobs,
               strict, _verbosity(quiet, verbose))


@main.command()
@_site_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the site reachable from the network.")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@_jobs_option
@_user_errors
def serve(site_dir: Path, host: str, port: int, jobs: int | None) -> None:
    """Build, serve output/ with live reload, and rebuild on every change.

    Watches seeds/, templates/, static/, timeline.yml and the config file,
    rebuilds what changed and reloads the browser.  A failed rebuild keeps
    the last good site online and shows the error on the page.  With a
    base_url such as https://example.org/timeline/ the site is served under
    /timeline/, as it will be published.
    """
    from .config import load_config
    from .server import serve as run_server

    run_server(load_config(site_dir), host, port, jobs=jobs)


@main.command()
@_site_option
@click.option("--to", "target", required=True, metavar="DIR|git:REMOTE[@BRANCH]",
              help="A folder (e.g. a web server's document root; swapped in atomically) or "
                   "git:REMOTE[@BRANCH] (commit the site to BRANCH, default gh-pages, and push; "
                   "REMOTE is a remote name of the site's repository, a URL or a path).")
@_base_url_option
@_jobs_option
@_strict_option
@click.option("--no-build", is_flag=True, help="Publish output/ as it is instead of building first.")
@click.option("--message", "-m", help="Commit message for git targets.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@_user_errors
def publish(site_dir: Path, target: str, base_url: str | None, jobs: int | None, strict: bool,
            no_build: bool, message: str | None, quiet: bool) -> None:
    """Build the site and publish it to a folder or a git branch.

    Publishing an unchanged site to git makes no new commit.
    """
    from .config import load_config
    from .publish import parse_target, publish as run_publish

    parse_target(target)  # a bad --to fails before the build
    if no_build:
        config = load_config(site_dir, {"base_url": base_url})
        out = config.output_path
    else:
        config, _, out = _run_build(site_dir, None, {"base_url": base_url}, jobs, strict,
                                    -1 if quiet else 0)
    done = run_publish(out, target, config.root, message)
    if not quiet:
        if done.changed:
            what = f" (commit {done.commit[:12]})" if done.commit else ""
            click.echo(f"published {done.files} files to {done.target}{what}", err=True)
        else:
            click.echo(f"{done.target} is already up to date: nothing published", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plain", is_flag=True, help="Treat each file as raw text (no header or front matter).")
@click.option("--dct", help="Document date for --plain (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language for --plain (default: detect).")
@click.option("--genre", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="News resolves dates against the document date; narrative against the text.")
@click.option("--batch", is_flag=True,
              help='Read JSON Lines {"id","text","dct","lang","genre"} from stdin, '
                   'write {"id","timexes","events"} per line.')
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@_user_errors
def extract(files: tuple[Path, ...], plain: bool, dct: str | None, lang: str | None,
            genre: str, batch: bool, pretty: bool) -> None:
    """Print the time expressions and events found in FILES as JSON (one line per file)."""
    from . import extract as ex

    if batch:
        if files:  # --batch reads stdin: a file named here would be ignored without a word
            raise click.UsageError("--batch reads JSON Lines from stdin; give no FILES "
                                   "(e.g. site-builder extract --batch < list.jsonl)")
        ex.run_batch(sys.stdin, sys.stdout)
        return
    if not files:
        raise click.UsageError("give one or more FILES, or --batch")
    for path in files:
        if plain:
            record = ex.extract_plain(path, dct, lang, genre)
        else:
            record = ex.extract_file(path)
        click.echo(ex.dumps(record, pretty))


if __name__ == "__main__":  # pragma: no cover
    main()
