"""copydesk: who published what, when, and copied from whom."""

__version__ = "0.1.0"
