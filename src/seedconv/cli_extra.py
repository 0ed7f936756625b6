"""Command-line pieces beyond the core commands: the ``review`` and ``init``
commands, the ``--profile``/``--no-profile`` options shared by ``convert``,
``normalize`` and ``review``, and the per-document summary on stderr.

:mod:`seedconv.cli` registers the commands (``main.add_command``).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from .errors import SeedconvError
from .model import Document
from .profile import PROFILE_NAME, Profile, ProfileError, find_profile, write_default_profile
from .settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: the epilog of ``seedconv --help`` (``\\b`` keeps click from rewrapping it)
EPILOG = """\b
Exit codes:
  0  success
  1  some inputs of a batch failed (the others were written),
     or a file is invalid (validate)
  2  usage, profile or input error (one line on stderr, no traceback)

\b
A seedconv.yaml in the working directory is read as the profile
(seedconv init writes one); --profile FILE names another.
"""

MAX_LISTED = 10


def _fail(msg: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"seedconv: {msg}", err=True)
    sys.exit(code)


# --------------------------------------------------------------------------
# --profile / --no-profile


def profile_options(f):
    """Add ``--profile FILE`` and ``--no-profile`` to a command."""
    f = click.option("--no-profile", "no_profile", is_flag=True,
                     help=f"Do not read ./{PROFILE_NAME}.")(f)
    f = click.option("--profile", "profile_path", default=None,
                     type=click.Path(path_type=Path, dir_okay=False),
                     help=f"YAML profile (default: ./{PROFILE_NAME} if it exists).")(f)
    return f


def load_cli_profile(profile_path: Path | None, no_profile: bool) -> Profile | None:
    """The profile for a command, or exit 2 with one line naming the problem."""
    if profile_path is not None and no_profile:
        _fail("--profile and --no-profile exclude each other")
    try:
        return find_profile(profile_path, use_default=not no_profile)
    except ProfileError as e:
        _fail(str(e))
    return None  # pragma: no cover


def settings_for(profile: Profile | None, name: str, language: str | None) -> Settings:
    if profile is None:
        return Settings(language=language)
    return profile.settings_for(name, language)


# --------------------------------------------------------------------------
# The per-document summary on stderr


def _lines(span) -> str:
    if not span:
        return ""
    a, b = span
    return f", line {a}" if a == b else f", lines {a}\u2013{b}"


def summary(name: str, doc: Document, verbose: bool = False) -> str:
    """What ``convert`` prints on stderr for a document.

    One line when the document is clean (no warnings or errors)::

        seeds/a.txt: 36 blocks, 29 notes, 7 furniture lines removed

    otherwise the same line with ``, N warning(s)`` and then one indented
    line per warning or error (at most ten; ``--verbose`` lists all, the
    ``info`` ones too, and the decisions counted per pass)."""
    warn = [d for d in doc.diagnostics if d.level in ("warning", "error")]
    head = (f"{name}: {len(doc.blocks)} blocks, {len(doc.notes)} notes, "
            f"{len(doc.furniture)} furniture lines removed")
    if warn:
        head += f", {len(warn)} warning(s)"
    out = [head]
    shown = list(doc.diagnostics) if verbose else warn
    limit = len(shown) if verbose else MAX_LISTED
    for d in shown[:limit]:
        out.append(f"  {d.level}: {d.code}{_lines(d.lines)}: {d.message}")
    if len(shown) > limit:
        out.append(f"  \u2026 and {len(shown) - limit} more (--verbose lists them all)")
    if verbose:
        per_pass = Counter(d.pass_ for d in doc.decisions)
        if per_pass:
            out.append(f"  decisions: {len(doc.decisions)} ("
                       + ", ".join(f"{p} {n}" for p, n in per_pass.items()) + ")")
        md = doc.metadata
        out.append(f"  language {md.language or '?'}, title {md.title!r}")
    return "\n".join(out)


# --------------------------------------------------------------------------
# seedconv review


@click.command()
@click.argument("input", type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write (one self-contained page; '-' writes standard output).")
@click.option("--language", default=None, help="Document language (ISO 639-1); detected if omitted.")
@profile_options
def review(input: Path, output: Path, language: str | None, profile_path: Path | None,
           no_profile: bool) -> None:
    """Write an HTML review page for INPUT: the input lines beside the
    recovered document, every decision and removed line highlighted and
    linked to its source lines, diagnostics on top.

    INPUT '-' reads standard input.

    Example: seedconv review paper.txt -o paper.review.html
    """
    from .api import atomic_write
    from .review import review_bytes, review_file

    prof = load_cli_profile(profile_path, no_profile)
    try:
        if str(input) == "-":
            data = review_bytes(sys.stdin.buffer.read(), "stdin.txt",
                                settings_for(prof, "stdin.txt", language))
        else:
            data = review_file(input, settings_for(prof, str(input), language))
        if str(output) == "-":
            sys.stdout.buffer.write(data)
        else:
            atomic_write(output, data)
    except SeedconvError as e:
        _fail(str(e))


# --------------------------------------------------------------------------
# seedconv init


@click.command()
@click.argument("path", required=False, default=PROFILE_NAME,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("-f", "--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented default profile to PATH (default ./seedconv.yaml).

    Refuses to overwrite an existing file unless --force is given.
    """
    try:
        write_default_profile(path, force=force)
    except SeedconvError as e:
        _fail(str(e))
    click.echo(f"wrote {path}; edit it, then run seedconv convert as usual", err=True)
