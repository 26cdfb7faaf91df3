"""sourcecheck: check news articles before they run. The engine is ``checks``, the app ``tui``."""

__version__ = "0.1.0"
