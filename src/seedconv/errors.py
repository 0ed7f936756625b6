"""Exceptions the library raises for bad input; the CLI turns them into one
clear line on stderr and exit status 2."""


class SeedconvError(Exception):
    """Base class of seedconv's user-facing errors."""


class InputError(SeedconvError):
    """The input cannot be read as text (binary, undecodable, too large...)."""


class OutputError(SeedconvError):
    """An output file or directory cannot be written."""


class ConservationError(SeedconvError):
    """With ``Settings.strict``: words of the input are missing from the
    document (the ``words-lost`` diagnostic), so nothing is written."""

    #: how the message ends, so a caller can tell this failure from others
    MARK = "(--strict: nothing written)"
