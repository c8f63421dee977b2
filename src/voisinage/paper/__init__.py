"""Paper: the leaflets laid out as PDF, with their QR codes, made only when their input changed."""

from .making import make
from .pdf import Outcome

__all__ = ["Outcome", "make"]
