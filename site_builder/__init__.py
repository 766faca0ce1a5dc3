"""site-builder: turn a folder of news articles into a static timeline website."""

__version__ = "0.1.0"
