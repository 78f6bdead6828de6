"""Tools for the people who build Onboard (catalogs); not used by the app at run time."""
