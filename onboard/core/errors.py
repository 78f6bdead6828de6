"""Errors a seller reads: the message is already in the interface language."""


class OnboardError(Exception):
    """A problem the user can act on; the command line prints it without a traceback."""


class ProjectError(OnboardError):
    """A project file cannot be created, opened or changed."""


class InvalidValue(OnboardError):
    """A value the seller entered or passed on the command line is not acceptable."""
