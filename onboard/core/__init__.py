"""Everything a seller's data goes through. Imports no Qt, ever."""
