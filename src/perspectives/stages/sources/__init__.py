"""Attribution: the outside sources an article cites, and the voice of each claim."""

from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import Gazetteer, compile_gazetteer
from perspectives.stages.sources.voice import assign_voice

__all__ = ["Gazetteer", "assign_voice", "compile_gazetteer", "extract_citations"]
