"""The one error the evaluation engine raises for unusable input; its message names what is wrong."""


class EvaluationError(ValueError):
    """Input the engine cannot evaluate: a missing column, a treatment that is not binary, an empty group…"""
