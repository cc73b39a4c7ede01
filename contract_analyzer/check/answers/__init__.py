"""CUAD's 41 questions answered per contract (``report.answers``)."""

from contract_analyzer.check.answers.extract import answer_contract
from contract_analyzer.check.answers.model import CATEGORIES, CUAD_CATEGORIES, VALUE_ONLY, Answer

__all__ = ["CATEGORIES", "CUAD_CATEGORIES", "VALUE_ONLY", "Answer", "answer_contract"]
