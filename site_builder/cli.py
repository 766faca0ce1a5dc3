"""Command line: parse options, call one command function, report.

Nothing but argument handling lives here (MkDocs' split): each command is a
few lines that load the config and call into :mod:`site_builder.build`,
:mod:`site_builder.server` or :mod:`site_builder.extract`.  A user's mistake
(:class:`InputError`) is printed as one line with a non-zero exit.
"""
from __future__ import annotations

import functools
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
    or Markdown with YAML front matter) and run 'site-builder build'.
    """


_site_option = click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path),
                            default=".", show_default=True,
                            help="Folder of the site (holds seeds/ and the optional site.toml).")


@main.command()
@_site_option
@click.option("--output", "-o", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Build into this folder instead of output/.")
@click.option("--base-url", help="Absolute URL the site will be published at.")
@click.option("--keep-going", is_flag=True, default=None,
              help="Skip articles that cannot be read (with a warning) instead of failing.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@_user_errors
def build(site_dir: Path, output_dir: Path | None, base_url: str | None,
          keep_going: bool | None, quiet: bool) -> None:
    """Build the site into output/ (replaced only when the build succeeds)."""
    from .build import build as run_build
    from .config import load_config

    config = load_config(site_dir, {"base_url": base_url, "keep_going": keep_going})
    result = run_build(config, output_dir,
                       warn=lambda m: click.echo(f"warning: {m}", err=True))
    if not quiet:
        out = output_dir or config.output_path
        click.echo(f"built {out}: {result.articles} articles, {result.events} events, "
                   f"{len(result.warnings)} warnings, {result.seconds:.2f} s", err=True)


@main.command()
@_site_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the site reachable from the network.")
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@_user_errors
def serve(site_dir: Path, host: str, port: int) -> None:
    """Build, serve output/ with live reload, and rebuild on every change."""
    from .config import load_config
    from .server import serve as run_server

    run_server(load_config(site_dir), host, port)


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
