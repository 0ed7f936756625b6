"""The seedconv command line: a thin click shell over the library.

Exit codes: 0 success; 1 some input failed (batch) or a file is invalid
(``validate``); 2 usage or input error (one line on stderr, no traceback).
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from pathlib import Path

import click

from . import __version__
from .api import MAX_INPUT, normalise_bytes, normalise_file, render, atomic_write, validate_file
from .errors import ConservationError, InputError, SeedconvError
from .settings import Settings
from .writers import DEFAULT_FORMATS, FORMATS
from .cli_extra import EPILOG, load_cli_profile, profile_options, settings_for, summary

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as the shell reports it
STRICT_HELP = ("Refuse a document (exit 1, nothing written for it) when words of the input are "
               "missing from it (the words-lost diagnostic).")


def _fail(msg: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"seedconv: {msg}", err=True)
    sys.exit(code)


def _parse_formats(value: str) -> list[str]:
    fmts = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise click.BadParameter(f"unknown format(s): {', '.join(bad) or '(none)'}; "
                                 f"choose from {', '.join(FORMATS)}")
    return list(dict.fromkeys(fmts))


def safe_stem(path: Path) -> str:
    """The output name for an input: its file name without ``.txt``, made safe
    (no directory parts, no leading dot or dash, no control characters)."""
    name = path.name
    if name.lower().endswith(".txt"):
        name = name[:-4]
    name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", name).strip()
    name = name.lstrip(".-") or "document"
    # at most 200 bytes as UTF-8 (file systems count bytes), undecodable
    # bytes of the input's name kept as U+FFFD
    raw = name.encode("utf-8", "replace")[:200]
    return raw.decode("utf-8", "ignore").replace("\ufffd", "_") or "document"


def _summary(name: str, doc, verbose: bool = False) -> str:
    """One line when clean, else one more per warning (see cli_extra.summary)."""
    return summary(name, doc, verbose)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, prog_name="seedconv")
def main() -> None:
    """Turn messy PDF-extracted text into clean, structured documents."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--outdir", required=True, type=click.Path(path_type=Path),
              help="Output directory; files go to OUTDIR/<format>/<NAME>.<ext>.")
@click.option("-t", "--to", "formats", default=None,
              show_default=",".join(DEFAULT_FORMATS) + ", or the profile's output.formats",
              help="Comma-separated formats: " + ", ".join(FORMATS) + ".")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also list info diagnostics and the decisions per pass.")
@click.option("--language", default=None, help="Document language (ISO 639-1); detected if omitted.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Documents converted at once (default: all cores; 1 converts in this process).")
@click.option("--force", is_flag=True, help="Rebuild outputs that are up to date.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Convert on a Dask cluster (e.g. tcp://host:8786); needs seedconv[cluster].")
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@profile_options
def convert(inputs: tuple[Path, ...], outdir: Path, formats: str | None, quiet: bool, verbose: bool,
            language: str | None, jobs: int | None, force: bool, scheduler: str | None,
            strict: bool, profile_path: Path | None, no_profile: bool) -> None:
    """Convert INPUT text files into every requested format.

    Prints one line per document on stderr, followed by its warnings if it
    has any (a progress bar too when stderr is a terminal).  An input whose
    outputs are up to date (same input bytes, settings and seedconv; see
    OUTDIR/.seedconv-cache.json) is skipped; --force rebuilds it.

    Example: seedconv convert seeds/*.txt -o build -t json,tei,md
    """
    if quiet and verbose:
        _fail("--quiet and --verbose exclude each other")
    prof = load_cli_profile(profile_path, no_profile)
    if formats is None:
        formats = ",".join(prof.formats if prof and prof.formats else DEFAULT_FORMATS)
    try:
        fmts = _parse_formats(formats)
    except click.BadParameter as e:
        _fail(str(e))
    if outdir.exists() and not outdir.is_dir():
        _fail(f"{outdir} exists and is not a directory")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _fail(f"{outdir}: cannot create the output directory ({e.strerror})")
    from . import batch  # parallel, cluster and incremental builds

    strict_failed: list[str] = []

    def echo(msg: str) -> None:
        if msg.startswith("seedconv: ") and msg.endswith(ConservationError.MARK):
            strict_failed.append(msg)
        click.echo(msg, err=True)

    def settings(inp: Path) -> Settings:
        s = settings_for(prof, str(inp), language)
        return dataclasses.replace(s, strict=True) if strict else s

    try:
        failed = batch.convert(list(inputs), outdir, fmts, settings,
                               jobs=jobs, scheduler=scheduler, force=force, quiet=quiet,
                               verbose=verbose, stem_for=safe_stem, echo=echo)
    except SeedconvError as e:  # no Dask, no scheduler: nothing was converted
        _fail(str(e))
    except KeyboardInterrupt:  # files are written atomically: none is left half-written
        _fail("interrupted; the documents already converted are complete, the others not written",
              EXIT_INTERRUPTED)
    if failed:
        if len(inputs) > 1:
            click.echo(f"seedconv: {len(failed)} of {len(inputs)} input(s) failed: {', '.join(failed)}",
                       err=True)
        # 2 when nothing could be read or converted; 1 when some inputs were
        # built, or when --strict refused a document that was read
        all_bad = len(failed) == len(inputs) and not strict_failed
        sys.exit(EXIT_USAGE if all_bad else EXIT_FAILED)


@main.command()
@click.argument("input", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--language", default=None, help="Document language (ISO 639-1); detected if omitted.")
@click.option("--strict", is_flag=True, help=STRICT_HELP)
@profile_options
def normalize(input: Path, language: str | None, strict: bool, profile_path: Path | None,
              no_profile: bool) -> None:
    """Print the document JSON of INPUT (``-`` reads standard input)."""
    prof = load_cli_profile(profile_path, no_profile)
    settings = settings_for(prof, "stdin.txt" if str(input) == "-" else str(input), language)
    if strict:
        settings = dataclasses.replace(settings, strict=True)
    try:
        if str(input) == "-":
            data = sys.stdin.buffer.read(MAX_INPUT + 1)
            if len(data) > MAX_INPUT:
                raise InputError(f"standard input is over the limit of {MAX_INPUT // (1024 * 1024)} MB")
            doc = normalise_bytes(data, name="stdin.txt", settings=settings)
        else:
            doc = normalise_file(input, settings)
        data = render(doc, "json")
    except ConservationError as e:
        _fail(str(e), EXIT_FAILED)
    except SeedconvError as e:
        _fail(str(e))
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as e:  # a bug: still one line, no traceback
        _fail(f"{input}: internal error: {type(e).__name__}: {e}", EXIT_FAILED)
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader went away (| head): not our error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate JSON and TEI files against seedconv's schemas."""
    bad = 0
    for f in files:
        if not f.is_file():
            click.echo(f"{f}: no such file", err=True)
            bad += 1
            continue
        problems = validate_file(f)
        if problems:
            bad += 1
            for p in problems[:10]:
                click.echo(f"{f}: invalid: {p}", err=True)
        else:
            click.echo(f"{f}: valid")
    sys.exit(EXIT_FAILED if bad else EXIT_OK)


@main.command()
def formats() -> None:
    """List the output formats."""
    for f in FORMATS.values():
        click.echo(f"{f.name:5} {f.extension:6} {f.description}")


from .cli_extra import init, review  # noqa: E402

main.add_command(review)
main.add_command(init)


if __name__ == "__main__":  # pragma: no cover
    main()
