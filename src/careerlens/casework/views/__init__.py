"""Casework pages: the caseload, the case file, the assessment, the action plan, jobs and checkpoints."""
