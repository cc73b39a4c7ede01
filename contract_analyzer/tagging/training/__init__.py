"""Training and evaluation of the clause tagger from the ../shared development data.

``data`` assembles examples (label mapping in ``label_map.yaml``), ``evaluate`` measures the bars
with contract-level cross-validation, ``train`` rebuilds the shipped model, ``distill`` made the
static embedding model once.
"""
