"""One wizard step per module."""
