"""Reading a segmented contract: candidates, patterns, features, the learned classifiers and the values.

The pipeline is in `pipeline.py`, its result as frozen data in `analysis.py`; `train.py` makes the models.
"""

import threading
from collections.abc import Callable
from typing import Any

# spaCy's modules import one another in circles: imported by two threads at once (the app preloads the
# pipeline while a first review starts), one of them gets a half-initialised module; and the licence
# parser the rules load builds its automaton lazily, not thread-safe. Whatever first imports or builds the
# NLP stack, the taxonomy or the rules holds this lock.
LOADING = threading.RLock()


def analyser() -> Callable[..., Any]:
    """`review.extract.analysis.analyse`, its imports made under LOADING."""
    with LOADING:
        from review.extract.analysis import analyse
    return analyse
