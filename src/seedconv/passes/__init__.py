"""Normalisation passes, one module per kind of damage; see
:mod:`seedconv.pipeline` for their order."""
