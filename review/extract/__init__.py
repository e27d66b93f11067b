"""Reading a segmented contract: candidates, patterns, features, the learned classifiers and the values.

The pipeline is in `pipeline.py`, its result as frozen data in `analysis.py`; `train.py` makes the models.
"""
