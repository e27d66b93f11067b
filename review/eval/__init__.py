"""Evaluation against labelled corpora (CUAD and others): the same code the reviews use, measured."""
